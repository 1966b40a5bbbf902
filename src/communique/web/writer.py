"""One writer for the web app: every ingest (and every extraction, which shares the spaCy model) runs
on a single worker thread, so concurrent POSTs never write to the store at the same time."""
from __future__ import annotations

import asyncio
import hashlib
from concurrent.futures import ThreadPoolExecutor

from communique.model import Article


class IngestFailed(Exception):
    """The store could not take the article; `str()` says why."""


def document(text: str, *, doc_id=None, published=None, url=None, source=None, title=None):
    """A `read.Document` for pasted or posted text (plain text or HTML, sniffed)."""
    from communique.read import document_from_text

    doc_id = doc_id or "web-" + hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:12]
    return document_from_text(text, doc_id=doc_id, published=published, url=url, source=source, title=title)


class Writer:
    """Serialises extraction and ingest on one thread; the event loop never blocks on them."""

    def __init__(self, store):
        self.store = store
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="communique-writer")

    async def _run(self, fn, *args):
        return await asyncio.get_running_loop().run_in_executor(self._pool, fn, *args)

    async def extract(self, doc) -> Article:
        """Extract without storing (the paste form when no token is given)."""
        from communique.pipeline import extract_document

        return await self._run(extract_document, doc)

    async def ingest(self, doc) -> dict:
        """Store one document and return the stored article (with its extraction)."""
        return await self._run(self._ingest, doc)

    def _ingest(self, doc) -> dict:
        report = self.store.ingest([doc], progress=False)
        if getattr(report, "failed", None):
            raise IngestFailed("; ".join(str(f) for f in report.failed))
        stored = self.store.article(doc.doc_id)
        if stored is None:
            raise IngestFailed(f"article {doc.doc_id!r} was not stored")
        return stored

    def close(self):
        self._pool.shutdown(wait=True)
