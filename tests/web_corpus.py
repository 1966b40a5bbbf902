"""The web tests' corpus: tests/fixtures/web/*.txt (short articles written for these tests) read with
communique.read and stored through the real Store and extraction pipeline."""
import datetime as dt
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


def synthetic_article(doc_id: str, a: tuple, b: tuple, date: str | None, published: str | None,
                      mode: str | None = "meeting", source: str = "Test Wire", roles=("host", "guest"), mechanism=None,
                      pledge=None, type: str = "CONSULT", cameo: str | None = "040", third: tuple | None = None,
                      verb: str = "held talks with", status: str = "happened"):
    """A pre-extracted article (model.Article, no spaCy run): persons a=(name, ISO3, title) and b (and
    `third`, a country's organisation (name, ISO3)) take part in an event of `type` on `date` (any
    precision the contract allows, or None); the evidence and mentions point into the text."""
    from communique.model import Actor, Article, Commitment, Event, Person

    (name_a, code_a, title_a), (name_b, code_b, title_b) = a, b
    sentence = f"{title_a} {name_a} {verb} {title_b} {name_b}" + (f" and the {third[0]}." if third else ".")
    head = f"{type.title()}: {code_a} and {code_b}\n\n"
    text = head + sentence + " Both sides commented.\n"
    s0 = len(head)
    pa, pb = s0 + sentence.index(name_a), s0 + sentence.index(name_b)
    actors = [Actor(name_a, "person", code_a, roles[0]), Actor(name_b, "person", code_b, roles[1])]
    if third:
        actors.append(Actor(third[0], "org", third[1], None))
    return Article(
        doc_id=doc_id, text=text, title=head.strip(), published=published, source=source, body=(0, len(text)),
        persons=[Person(name_a, code_a, [title_a], None, [(pa, pa + len(name_a))]),
                 Person(name_b, code_b, [title_b], None, [(pb, pb + len(name_b))])],
        events=[Event(type=type, cameo=cameo, mode=mode, date=date, mechanism=mechanism, actors=actors,
                      evidence=[(s0, s0 + len(sentence))], status=status)],
        commitments=[Commitment(pledge[0], pledge[1], pledge[2], pledge[3], "development",
                                evidence=[(s0, s0 + len(sentence))])] if pledge else [],
        extractor="communique test-synthetic")


VNM = ("Tran Minh Duc", "VNM", "Foreign Minister")
USA = ("Helen Marsh", "USA", "Secretary of State")
AUS = ("Grant Whitlow", "AUS", "Foreign Minister")

# VNM-USA engagements at every date precision the store keeps: (doc_id, date, published).
DATED = [("d-day-1", "2025-03-05", "2025-03-05"), ("d-day-2", "2025-03-20", "2025-03-21"),
         ("d-day-3", "2025-05-02", "2025-05-02"), ("d-year-1", "2025", "2025-09-01"),
         ("d-year-2", "2024", "2024-10-01"), ("d-range", "2025-02/2025-04", "2025-02-10"),
         ("d-undated", None, None)]


def build_dated_store(url: str, n_old: int = 400, n_recent: int = 200):
    """A store of synthetic articles: DATED (VNM-USA, every precision), plus `n_old` AUS-USA talks in 2005-2015
    and `n_recent` VNM-USA talks in 2019-2023, so that a count over the latest 500 events would be wrong."""
    from communique.store import Store

    arts = [synthetic_article(d, VNM, USA, date, pub) for d, date, pub in DATED]
    def day(first: str, i: int) -> str:  # distinct days, so that no two talks merge into one event
        return (dt.date.fromisoformat(first) + dt.timedelta(days=i)).isoformat()

    arts += [synthetic_article(f"old-{i:04d}", AUS, USA, day("2005-01-01", 10 * i), day("2005-01-01", 10 * i), mode="visit")
             for i in range(n_old)]
    arts += [synthetic_article(f"new-{i:04d}", VNM, USA, day("2019-06-01", 8 * i), day("2019-06-01", 8 * i), mode="call",
                               source="Other Wire") for i in range(n_recent)]
    store = Store.open(url)
    report = store.ingest(arts, progress=False)
    assert not report.failed, report.failed
    return store


def relationship_articles() -> list:
    """VNM-USA: two visits by Vietnam's minister, one by the US secretary, a signing, two rounds of a
    standing dialogue, and a US pledge to Vietnam."""
    return [
        synthetic_article("r-visit-1", VNM, USA, "2024-02-10", "2024-02-10", mode="visit", roles=("visitor", "host")),
        synthetic_article("r-visit-2", VNM, USA, "2024-08-12", "2024-08-12", mode="visit", roles=("visitor", "host")),
        synthetic_article("r-visit-3", USA, VNM, "2024-05-03", "2024-05-03", mode="visit", roles=("visitor", "host")),
        synthetic_article("r-sign", VNM, USA, "2024-09-20", "2024-09-20", mode="signing"),
        synthetic_article("r-dial-1", VNM, USA, "2023-10-01", "2023-10-01", mode="dialogue",
                          mechanism={"name": "Political Security Dialogue", "round": 4}),
        synthetic_article("r-dial-2", VNM, USA, "2024-10-15", "2024-10-15", mode="dialogue",
                          mechanism={"name": "Political Security Dialogue", "round": 5}),
        synthetic_article("r-pledge", USA, VNM, "2024-11-02", "2024-11-02", pledge=("USA", "VNM", 5_000_000, "USD")),
    ]
