"""The web app's safety layer: Host allow-list, body size limit, security headers, bearer-token checks.

Pure ASGI middleware (no per-request thread hop) so that an oversized upload is refused
before any route reads it, and every response — pages, API, static files, errors —
carries the same Content-Security-Policy.
"""
from __future__ import annotations

import hmac
import ipaddress
import json

from starlette.middleware.trustedhost import TrustedHostMiddleware

# Scripts only from our own static files: no inline <script>, no eval, no third-party hosts.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
# Swagger UI sets inline style attributes; scripts stay as strict as elsewhere.
CSP_DOCS = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")

DEFAULT_MAX_BODY = 2 * 1024 * 1024  # an article is tens of kB; 2 MiB leaves room for long HTML pages


def json_body(status: int, message: str) -> tuple[list[tuple[bytes, bytes]], bytes]:
    body = json.dumps({"error": status, "message": message}).encode()
    return [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())], body


class BodySizeLimit:
    """Answer 413 (JSON) when a request body is larger than `max_bytes`, declared or streamed."""

    def __init__(self, app, max_bytes: int = DEFAULT_MAX_BODY):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            return await self._refuse(send)
        # Read the body up front (bounded) so a chunked upload cannot slip past the limit.
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                return await self._refuse(send)
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return await self.app(scope, replay, send)

    async def _refuse(self, send):
        headers, body = json_body(413, f"request body larger than {self.max_bytes} bytes")
        await send({"type": "http.response.start", "status": 413, "headers": headers + security_headers("/")})
        await send({"type": "http.response.body", "body": body})


def default_hosts(bound: str | None = None) -> list[str]:
    """The Host names a server bound to `bound` answers to: that address, and localhost's names."""
    hosts = ["localhost", "127.0.0.1", "[::1]"]  # IPv6 as it appears in a Host header
    if bound and bound not in ("0.0.0.0", "::"):
        bound = f"[{bound}]" if ":" in bound and not bound.startswith("[") else bound
        if bound not in hosts:
            hosts.append(bound)
    return hosts


class HostCheck(TrustedHostMiddleware):
    """Starlette's Host-header allow-list (a page using DNS rebinding cannot read the API), with its
    refusal in the app's one error shape: 400 JSON {"error", "message"}.

    The allowed request goes on with the original `send`; only the middleware's own refusal passes
    through the wrapper that rewrites the body."""

    def __init__(self, app, allowed_hosts):
        async def passed(scope, receive, _send):
            await app(scope, receive, scope["communique.send"])

        super().__init__(passed, allowed_hosts=list(allowed_hosts), www_redirect=False)
        self.inner = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.inner(scope, receive, send)
        scope["communique.send"] = send

        # The middleware's only refusal is 400 "Invalid host header" (no www-redirect).
        headers, body = json_body(400, "this server does not answer to that Host header "
                                       "(start it with --allow-host NAME to add one)")

        async def refuse(message):
            if message["type"] == "http.response.start":
                await send({**message, "headers": headers + security_headers("/")})
            elif not message.get("more_body"):
                await send({"type": "http.response.body", "body": body})

        return await super().__call__(scope, receive, refuse)


def security_headers(path: str) -> list[tuple[bytes, bytes]]:
    csp = CSP_DOCS if path.startswith("/docs") else CSP
    return [(b"content-security-policy", csp.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"no-referrer")]


class SecurityHeaders:
    """Add the CSP and related headers to every HTTP response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        extra = security_headers(scope["path"])
        names = {name for name, _ in extra}

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = [(n, v) for n, v in message.get("headers", []) if n.lower() not in names]
                message = {**message, "headers": headers + extra}
            await send(message)

        return await self.app(scope, receive, send_with_headers)


def token_matches(configured: str | None, authorization: str | None = None, given: str | None = None) -> bool:
    """True when a token is configured and the request presents it (Bearer header or form field)."""
    if not configured:
        return False
    presented = given
    if authorization:
        scheme, _, value = authorization.partition(" ")
        if scheme.lower() == "bearer":
            presented = value.strip()
    if not presented:
        return False
    return hmac.compare_digest(presented.encode(), configured.encode())


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach: 127.0.0.0/8, ::1, "localhost"."""
    host = host.strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
