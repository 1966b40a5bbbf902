"""The web app factory: JSON API under /api, server-rendered pages, OpenAPI docs at /docs.

`create_app(store_url, token=None)` opens the store and returns a FastAPI app. Without a token
the app is read-only; with one, POST /api/articles and the paste form may store articles.
Extraction runs in worker processes (web/extraction.py), never on the threads that answer reads.
"""
from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.middleware.gzip import GZipMiddleware
from starlette.exceptions import HTTPException as StarletteHTTPException

from communique import __version__
from communique.web import api, exports, pages
from communique.web.cache import RevisionCache
from communique.web.http import HashedStaticFiles, Revalidate
from communique.web.extraction import Busy, ExtractionPool, Failed, TooLarge, TooSlow
from communique.web.params import BadParameter
from communique.web.security import DEFAULT_MAX_BODY, BodySizeLimit, HostCheck, SecurityHeaders, default_hosts
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


def _scrub(message: str, store) -> str:
    """A store message without the database's URL, user, host or path (those stay in the log)."""
    try:
        from communique.store.database import describe

        where = describe(store.engine.url)
    except Exception:  # noqa: BLE001 - a store without an engine has nothing to hide
        return message
    return message.replace(where, "the database") if where else message


def create_app(store_url: str | None = None, token: str | None = None, *, store=None,
               max_body_bytes: int = DEFAULT_MAX_BODY, allowed_hosts=None,
               extraction: ExtractionPool | None = None) -> FastAPI:
    """Build the app over `store` (or `Store.open(store_url)`); `token` enables writes.

    `allowed_hosts`: Host header values answered (default: localhost's names; `serve` adds the
    bound address); `extraction`: the worker pool for pasted and posted articles (default: one
    worker process, started on first use, stopped with the app)."""
    if store is None:
        from communique.store import Store

        store = Store.open(store_url or "communique.db")
    writer = Writer(store)
    own_pool = extraction is None
    extraction = extraction or ExtractionPool()

    @asynccontextmanager
    async def lifespan(app):
        if own_pool:
            extraction.warm()
        yield
        writer.close()
        if own_pool:
            extraction.close()

    app = FastAPI(title="communique", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Diplomatic events coded from news articles, with the evidence sentences.")
    app.state.store = store
    app.state.writer = writer
    app.state.extraction = extraction
    app.state.cache = RevisionCache(store)
    app.state.token = token or None
    app.state.max_body_bytes = max_body_bytes

    static = HashedStaticFiles(directory=HERE / "static")
    app.mount("/static", static, name="static")
    pages.templates.env.globals["static_url"] = static.url
    app.include_router(api.router)
    app.include_router(exports.router)
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
        log.warning("ingest failed: %s", exc)
        return _error(request, 422, f"could not store the article: {_scrub(str(exc), store)}")

    @app.exception_handler(Busy)
    async def busy(request, exc):
        return _error(request, 503, str(exc), {"Retry-After": str(exc.retry_after)})

    @app.exception_handler(TooSlow)
    async def too_slow(request, exc):
        return _error(request, 503, str(exc), {"Retry-After": "30"})

    @app.exception_handler(TooLarge)
    async def too_large(request, exc):
        return _error(request, 413, str(exc))

    @app.exception_handler(Failed)
    async def extraction_failed(request, exc):
        return _error(request, 422, f"could not extract the article: {exc}")

    store_error = _store_error()
    if store_error is not None:
        @app.exception_handler(store_error)
        async def store_failed(request, exc):  # the database's address stays in the server log
            log.error("store error on %s: %s", request.url.path, exc)
            return _error(request, 503, "the database could not answer this request; see the server log")

    @app.exception_handler(Exception)
    async def unexpected(request, exc):  # never a stack trace to the client; the log keeps it
        log.exception("unhandled error on %s", request.url.path)
        return _error(request, 500, "internal error; see the server log")

    # Added innermost first: SecurityHeaders runs first (headers on every response, refusals too), then
    # the Host check, the body limit before routing, ETags and HEAD, and gzip closest to the routes.
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.add_middleware(Revalidate, revision=app.state.cache.revision)
    app.add_middleware(BodySizeLimit, max_bytes=max_body_bytes)
    app.add_middleware(HostCheck, allowed_hosts=allowed_hosts or default_hosts())
    app.add_middleware(SecurityHeaders)
    return app
