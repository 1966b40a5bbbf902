"""The web tests' corpus: tests/fixtures/web/*.txt (short articles written for these tests) read with
communique.read and stored through the real Store and extraction pipeline."""
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "web"
TOKEN = "test-token-8d1f"


def build_store(url: str):
    """Open a store at `url` and ingest the fixture articles; returns the open Store."""
    from communique.read import iter_documents
    from communique.store import Store

    store = Store.open(url)
    report = store.ingest(iter_documents([str(FIXTURES)]), progress=False)
    assert not report.failed, report.failed
    assert report.added == len(list(FIXTURES.glob("*.txt")))
    return store


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class running_server:
    """`with running_server(app) as base_url:` the app under the real `communique serve` uvicorn
    config (web/server.py) on a free loopback port, in a thread."""

    def __init__(self, app, **overrides):
        from communique.web.server import config

        self.port = free_port()
        self.config = config(app, "127.0.0.1", self.port, **overrides)

    def __enter__(self) -> str:
        import threading
        import time

        import uvicorn

        self.server = uvicorn.Server(self.config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.time() + 30
        while not self.server.started and time.time() < deadline:
            time.sleep(0.05)
        assert self.server.started, "uvicorn did not start"
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(timeout=15)
