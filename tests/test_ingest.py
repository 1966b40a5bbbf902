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
