"""HTTP done properly: hashed static file names with long-lived caching, ETags tied to the store's
revision (a 304 costs one key lookup, not the page), and HEAD for every GET route.

Static files: `static_url("app.js")` gives `/static/app.<hash>.js`; that name is served with
`Cache-Control: public, max-age=31536000, immutable` (a new release has new names), the plain name
with `no-cache`. Pages and JSON: a weak ETag made of the store revision, the version and the URL;
`If-None-Match` with it answers 304 before the route runs.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import anyio
from starlette.datastructures import Headers
from starlette.staticfiles import StaticFiles

from communique import __version__

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"


def _hashed_name(rel: str, digest: str) -> str:
    stem, dot, ext = rel.rpartition(".")
    return f"{stem}.{digest}.{ext}" if dot and "/" not in ext else f"{rel}.{digest}"


class HashedStaticFiles(StaticFiles):
    """StaticFiles that also answers `name.<hash>.ext` (content hash) with a year-long Cache-Control."""

    def __init__(self, directory: Path, **kwargs):
        super().__init__(directory=directory, **kwargs)
        self.hashed: dict[str, str] = {}  # hashed name -> real name
        self.urls: dict[str, str] = {}  # real name -> hashed name
        for path in sorted(Path(directory).rglob("*")):
            if path.is_file():
                rel = path.relative_to(directory).as_posix()
                digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
                name = _hashed_name(rel, digest)
                self.hashed[name], self.urls[rel] = rel, name

    def url(self, name: str) -> str:
        return "/static/" + self.urls.get(name, name)

    async def get_response(self, path: str, scope):
        real = self.hashed.get(path)
        response = await super().get_response(real or path, scope)
        if response.status_code in (200, 304):
            response.headers["Cache-Control"] = IMMUTABLE if real else REVALIDATE
        return response


CACHED_PREFIXES = ("/static", "/export", "/docs", "/openapi.json", "/extract")


class Revalidate:
    """Weak ETags on GET/HEAD pages and JSON (not static files, exports or the paste form), tied to the
    store revision; a matching If-None-Match is answered 304 without running the route. HEAD is
    answered as GET without the body."""

    def __init__(self, app, revision):
        self.app = app
        self.revision = revision  # () -> str, a cheap store read

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            return await self.app(scope, receive, send)
        head = scope["method"] == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}
        path = scope["path"]
        etag = None
        revision = None
        if not path.startswith(CACHED_PREFIXES):
            try:
                revision = await anyio.to_thread.run_sync(self.revision)
            except Exception:  # noqa: BLE001 - no ETag; the route reports the store's failure itself
                revision = None
        if revision is not None:
            headers = Headers(scope=scope)
            key = "|".join([revision, __version__, path, scope.get("query_string", b"").decode("latin-1"),
                            "html" if "text/html" in headers.get("accept", "") else "other"])
            etag = 'W/"' + hashlib.sha1(key.encode()).hexdigest()[:20] + '"'
            if etag in [t.strip() for t in headers.get("if-none-match", "").split(",")]:
                await send({"type": "http.response.start", "status": 304,
                            "headers": [(b"etag", etag.encode()), (b"cache-control", REVALIDATE.encode())]})
                await send({"type": "http.response.body", "body": b""})
                return

        async def send_tagged(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if etag and message["status"] == 200:
                    headers = [(n, v) for n, v in headers if n.lower() not in (b"etag", b"cache-control")]
                    headers += [(b"etag", etag.encode()), (b"cache-control", REVALIDATE.encode())]
                message = {**message, "headers": headers}
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        return await self.app(scope, receive, send_tagged)
