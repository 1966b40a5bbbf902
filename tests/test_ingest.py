"""Ingest through the real pipeline: fingerprints decide added / updated / unchanged, extraction
failures are reported per document, and the extractor version is recorded on every row."""
import sqlalchemy as sa

import communique
from communique.read import document_from_text
from communique.store import Store
from communique.store.ingest import content_hash

TEXT = ("Chilean and Kenyan ministers meet in Santiago\n\nSANTIAGO, June 4, 2025 - Chilean Foreign Minister "
        "Diego Moreno met Kenyan Foreign Minister Amara Achebe in Santiago on June 4, 2025. They discussed "
        "copper trade and climate finance.\n")


def _doc(text=TEXT, **meta):
    return document_from_text(text, doc_id="chile-kenya", **meta)


def test_fingerprint_covers_text_and_metadata():
    base = content_hash(_doc())
    assert content_hash(_doc()) == base
    assert content_hash(_doc(TEXT + "More.\n")) != base
    assert content_hash(_doc(published="2025-06-05")) != base
    assert content_hash(_doc(source="Andes Wire")) != base


def test_real_pipeline_rows_and_version(db_url):
    with Store.open(db_url) as s:
        report = s.ingest([_doc()], progress=False)
        assert (report.added, report.failed) == (1, [])
        assert report.raw_events >= 1
        with s.engine.connect() as conn:
            versions = conn.execute(sa.text("SELECT extractor_version FROM articles")).scalars().all()
        assert versions == [communique.__version__]
        art = s.article("chile-kenya")
        names = {p["name"] for p in art["extraction"]["persons"]}
        assert {"Diego Moreno", "Amara Achebe"} <= names
        assert s.events(actor="Moreno")[0]["sources"][0]["doc_id"] == "chile-kenya"
        # new metadata for the same text: re-extracted, still one article
        report = s.ingest([_doc(published="2025-06-04", source="Andes Wire")], progress=False)
        assert (report.added, report.updated, report.unchanged) == (0, 1, 0)
        assert s.article("chile-kenya")["source"] == "Andes Wire"
        assert s.ingest([_doc(published="2025-06-04", source="Andes Wire")], progress=False).unchanged == 1
        with s.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM articles")).scalar_one() == 1


def test_extraction_failure_is_reported_and_batch_goes_on(db_url):
    def flaky(docs):
        from communique.pipeline import extract_documents

        for doc, result in extract_documents(docs):
            yield doc, (ValueError("could not find a body") if doc.doc_id == "bad" else result)

    errors = []
    with Store.open(db_url) as s:
        docs = [document_from_text(TEXT, doc_id="bad"), _doc()]
        report = s.ingest(docs, progress=False, extractor=flaky, on_error=errors.append)
        assert report.added == 1 and report.failed == ["bad: could not find a body"]
        assert errors == report.failed
        assert s.article("bad") is None and s.article("chile-kenya") is not None


# ---------------------------------------------------------------- one bad article, one writer (issue 8)

def _stub_extractor(docs):
    """Stands in for spaCy where only the store is under test: an Article with the text, no events."""
    from communique.model import Article

    for doc in docs:
        yield doc, Article(doc_id=doc.doc_id, text=doc.text, body=(0, len(doc.text)), extractor="test")


def test_article_the_database_refuses_fails_alone(db_url):
    from communique.read import Document

    rejected = [Document(doc_id="nul", text="Talks held.\x00 More.")]  # NUL: refused by PostgreSQL
    docs = [Document(doc_id="a", text="First good article."), *rejected, Document(doc_id="b", text="Second good.")]
    errors = []
    with Store.open(db_url) as s:
        report = s.ingest(docs, progress=False, extractor=_stub_extractor, on_error=errors.append)
        stored = {a["doc_id"] for a in s.articles()}
    if db_url.startswith("postgresql"):
        assert (report.added, len(report.failed)) == (2, 1) and stored == {"a", "b"}
        assert errors[0].startswith("nul: not stored: the database refused it (") and "NUL" in errors[0]
        assert "cannot connect" not in errors[0]
    else:  # SQLite stores NUL characters
        assert report.added == 3 and stored == {"a", "nul", "b"}


def test_text_whose_search_index_would_pass_1_mb_is_stored_and_found(db_url):
    import random

    from communique.read import Document

    rnd = random.Random(3)
    words = {"".join(rnd.choice("bcdfghjklmnpqrstvwxz") for _ in range(9)) for _ in range(150_000)}
    huge = "Opening words about fisheries. " + " ".join(sorted(words))  # ~1.5 MB: tsvector ~2 MB uncapped
    docs = [Document(doc_id="huge", text=huge), Document(doc_id="small", text="Fisheries talks in Suva.")]
    with Store.open(db_url) as s:
        report = s.ingest(docs, progress=False, extractor=_stub_extractor)
        assert (report.added, report.failed) == (2, [])
        assert {h["doc_id"] for h in s.search("fisheries")} == {"huge", "small"}


def test_second_writer_waits_for_the_first_with_a_message(db_url):
    import threading

    from communique.read import Document
    from communique.store.lock import WAIT_MESSAGE, writer_lock

    with Store.open(db_url) as holder, Store.open(db_url) as second:
        waits, done = [], threading.Event()
        result = {}

        def ingest():
            result["report"] = second.ingest([Document(doc_id="w", text="A text.")], progress=False,
                                             extractor=_stub_extractor, on_wait=waits.append)
            done.set()

        with writer_lock(holder.engine):  # another ingest is running
            worker = threading.Thread(target=ingest)
            worker.start()
            assert not done.wait(1.5)  # the second one waits ...
            assert len(waits) == 1 and waits[0].startswith(WAIT_MESSAGE)
            with writer_lock(holder.engine, wait=False) as again:
                assert not again  # a third writer would not get it either
        worker.join(30)
        assert done.is_set() and result["report"].added == 1  # ... and then runs, without an error
        with writer_lock(second.engine, wait=False) as free:
            assert free  # released after the run
