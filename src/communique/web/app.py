"""The web app factory: JSON API under /api, server-rendered pages, OpenAPI docs at /docs.

`create_app(store_url, token=None)` opens the store and returns a FastAPI app. Without a token
the app is read-only; with one, POST /api/articles and the paste form may store articles.
"""
from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from communique import __version__
from communique.web import api, pages
from communique.web.params import BadParameter
from communique.web.security import DEFAULT_MAX_BODY, BodySizeLimit, SecurityHeaders
from communique.web.writer import IngestFailed, Writer

HERE = Path(__file__).parent
log = logging.getLogger("communique.web")


def _store_error():
    try:
        from communique.store import StoreError
    except ImportError:  # store not built yet
        return None
    return StoreError


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api") and "text/html" in request.headers.get("accept", "")


def _error(request: Request, status: int, message: str, headers=None):
    """One error shape everywhere: JSON {"error", "message"}; a small HTML page for browsers."""
    if _wants_html(request):
        html = pages.render_error(request, status, message)
        return HTMLResponse(html, status_code=status, headers=headers)
    return JSONResponse({"error": status, "message": message}, status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body")]
        parts.append(f"parameter '{'.'.join(loc) or 'request'}': {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def create_app(store_url: str | None = None, token: str | None = None, *, store=None,
               max_body_bytes: int = DEFAULT_MAX_BODY) -> FastAPI:
    """Build the app over `store` (or `Store.open(store_url)`); `token` enables writes."""
    if store is None:
        from communique.store import Store

        store = Store.open(store_url or "communique.db")
    writer = Writer(store)

    @asynccontextmanager
    async def lifespan(app):
        yield
        writer.close()

    app = FastAPI(title="communique", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Diplomatic events coded from news articles, with the evidence sentences.")
    app.state.store = store
    app.state.writer = writer
    app.state.token = token or None
    app.state.max_body_bytes = max_body_bytes

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request):
        return pages.templates.TemplateResponse(request, "docs.html", {})

    @app.exception_handler(BadParameter)
    async def bad_parameter(request, exc):
        return _error(request, 422, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request, exc):
        return _error(request, 422, _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request, exc):
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no page at {request.url.path}"
        return _error(request, exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(IngestFailed)
    async def ingest_failed(request, exc):
        return _error(request, 422, f"could not store the article: {exc}")

    store_error = _store_error()
    if store_error is not None:
        @app.exception_handler(store_error)
        async def store_failed(request, exc):
            return _error(request, 422, str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request, exc):  # never a stack trace to the client; the log keeps it
        log.exception("unhandled error on %s", request.url.path)
        return _error(request, 500, "internal error; see the server log")

    # Outermost first: headers on every response, then the body limit before routing.
    app.add_middleware(BodySizeLimit, max_bytes=max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app
