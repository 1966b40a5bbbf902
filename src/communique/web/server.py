"""Run the app under uvicorn with time limits on every connection: `serve(app, host, port)`.

uvicorn closes an idle keep-alive connection, but a client that opens a connection and sends its
request headers a byte at a time (or never) holds it forever. `GuardedH11Protocol` gives each
request `REQUEST_READ_TIMEOUT` seconds from its first byte to its last (headers and body); uvicorn
has no such setting, so it is added here on its h11 protocol class.
"""
from __future__ import annotations

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

KEEP_ALIVE_TIMEOUT = 5  # seconds an idle connection stays open between requests
REQUEST_READ_TIMEOUT = 15  # seconds to receive a whole request (headers and body)
MAX_CONNECTIONS = 200  # beyond this uvicorn answers 503 at once


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline on reading each request."""

    read_timeout = REQUEST_READ_TIMEOUT

    def connection_made(self, transport):
        super().connection_made(transport)
        self._read_deadline = self.loop.call_later(self.read_timeout, self._read_timed_out)

    def handle_events(self):
        super().handle_events()
        # Headers and body in: the request is the app's now (its own time is not limited here).
        if self.conn.their_state not in (h11.IDLE, h11.SEND_BODY):
            self._cancel_read_deadline()

    def on_response_complete(self):
        super().on_response_complete()
        # The next request on this connection gets its own deadline once it starts to arrive;
        # until then the keep-alive timeout applies.
        self._cancel_read_deadline()
        if not self.transport.is_closing():
            self._read_deadline = self.loop.call_later(self.timeout_keep_alive + self.read_timeout,
                                                       self._read_timed_out)

    def connection_lost(self, exc):
        self._cancel_read_deadline()
        super().connection_lost(exc)

    def _cancel_read_deadline(self):
        deadline = getattr(self, "_read_deadline", None)
        if deadline is not None:
            deadline.cancel()
            self._read_deadline = None

    def _read_timed_out(self):
        self._read_deadline = None
        if self.conn.their_state in (h11.IDLE, h11.SEND_BODY) and not self.transport.is_closing():
            self.logger.info("closing a connection that did not send its request within %s s", self.read_timeout)
            self.transport.close()


def config(app, host: str = "127.0.0.1", port: int = 8000, **overrides):
    """The uvicorn Config `serve` runs: guarded protocol, keep-alive timeout, connection cap."""
    import uvicorn

    settings = {"host": host, "port": port, "log_level": "warning", "server_header": False,
                "http": GuardedH11Protocol, "timeout_keep_alive": KEEP_ALIVE_TIMEOUT,
                "limit_concurrency": MAX_CONNECTIONS, **overrides}
    return uvicorn.Config(app, **settings)


def serve(app, host: str = "127.0.0.1", port: int = 8000) -> None:
    import uvicorn

    uvicorn.Server(config(app, host, port)).run()
