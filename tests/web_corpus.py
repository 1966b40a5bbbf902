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
