"""One writer for the web app: every store write runs on a single worker thread, so concurrent POSTs
never write to the store at the same time. Extraction happens before, in the extraction pool's
processes (web/extraction.py); the writer only stores the finished Article."""
from __future__ import annotations

import asyncio
import hashlib
import threading
from concurrent.futures import ThreadPoolExecutor

from communique.web.extraction import Busy

MAX_WAITING = 8  # stores queued behind the running one before the server says "busy"


class IngestFailed(Exception):
    """The store could not take the article; `str()` says why."""


def document(text: str, *, doc_id=None, published=None, url=None, source=None, title=None):
    """A `read.Document` for pasted or posted text (plain text or HTML, sniffed)."""
    from communique.read import document_from_text

    doc_id = doc_id or "web-" + hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:12]
    return document_from_text(text, doc_id=doc_id, published=published, url=url, source=source, title=title)


class Writer:
    """Serialises store writes on one thread; the event loop never blocks on them."""

    def __init__(self, store):
        self.store = store
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="communique-writer")
        self._lock = threading.Lock()
        self._waiting = 0

    async def store_article(self, article) -> dict:
        """Store one extracted Article and return the stored article (with its extraction)."""
        with self._lock:
            if self._waiting > MAX_WAITING:
                raise Busy(f"{self._waiting} articles are waiting to be stored; retry in a few seconds")
            self._waiting += 1
        try:
            return await asyncio.get_running_loop().run_in_executor(self._pool, self._store, article)
        finally:
            with self._lock:
                self._waiting -= 1

    def _store(self, article) -> dict:
        report = self.store.ingest([article], progress=False)
        if getattr(report, "failed", None):
            raise IngestFailed("; ".join(str(f) for f in report.failed))
        stored = self.store.article(article.doc_id)
        if stored is None:
            raise IngestFailed(f"article {article.doc_id!r} was not stored")
        return stored

    def close(self):
        self._pool.shutdown(wait=True)
