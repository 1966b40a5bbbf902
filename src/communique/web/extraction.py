"""Extraction for the paste form and POST /api/articles, in a bounded pool of worker processes.

Extraction is CPU-bound Python (spaCy, trafilatura): on a thread it holds the GIL and stalls every
read the server answers, and a thread cannot be stopped. So it runs in separate processes (Pebble's
ProcessPool, which kills a worker that runs past its time budget and starts a fresh one), behind a
cap on the text size and on the number of requests waiting: a full pool answers 503 at once.
"""
from __future__ import annotations

import asyncio
import logging
import multiprocessing
import threading
from concurrent.futures import TimeoutError as FutureTimeout

log = logging.getLogger("communique.web")

DEFAULT_WORKERS = 1
DEFAULT_QUEUE = 2  # requests that may wait behind the running ones before the server says "busy"
DEFAULT_BUDGET_S = 60.0  # one article's extraction, measured from when a worker starts on it
DEFAULT_MAX_CHARS = 200_000  # a long article is tens of kB; the body limit (2 MiB) is for HTML pages


class Busy(Exception):
    """Every extraction worker is taken and the queue is full; the client should retry later."""

    retry_after = 10


class TooSlow(Exception):
    """The article's extraction ran past its time budget (the worker was stopped)."""


class TooLarge(ValueError):
    """The text is over the size cap for extraction on the server."""


class Failed(Exception):
    """The text could not be read or extracted; `str()` says why in one line."""


def _warm_up() -> None:
    """Worker initializer: load the model and every lazy import once per worker, not in a request's
    time budget."""
    _extract("Foreign Minister Ana Lima met Foreign Minister Jon Berg in Oslo on Monday.", {"doc_id": "warm-up"})


def _extract(text: str, meta: dict):
    """In the worker: read the pasted text (plain or HTML) and extract it; an Article, or raise."""
    from communique.pipeline import extract_document
    from communique.web.writer import document

    return extract_document(document(text, **meta))


class ExtractionPool:
    """Up to `workers` extractions at once in worker processes, `queue` more waiting, each given
    `budget_s` seconds; anything beyond is refused with Busy (503)."""

    def __init__(self, workers: int = DEFAULT_WORKERS, queue: int = DEFAULT_QUEUE,
                 budget_s: float = DEFAULT_BUDGET_S, max_chars: int = DEFAULT_MAX_CHARS):
        self.workers, self.capacity = workers, workers + queue
        self.budget_s, self.max_chars = budget_s, max_chars
        self._pool = None
        self._lock = threading.Lock()
        self._in_flight = 0

    def _get_pool(self):
        with self._lock:
            if self._pool is None:
                from pebble import ProcessPool

                # forkserver, not fork: the server process has threads (and open database handles).
                self._pool = ProcessPool(max_workers=self.workers, initializer=_warm_up,
                                         context=multiprocessing.get_context("forkserver"))
            return self._pool

    def warm(self) -> None:
        """Start the workers now (each loads the model in the background), so the first paste does not
        wait for them."""
        pool = self._get_pool()
        for _ in range(self.workers):
            pool.schedule(int, args=(0,))

    def _claim(self) -> None:
        with self._lock:
            if self._in_flight >= self.capacity:
                raise Busy(f"the server is busy extracting {self._in_flight} articles; retry in a few seconds")
            self._in_flight += 1

    def _release(self) -> None:
        with self._lock:
            self._in_flight -= 1

    async def extract(self, text: str, **meta):
        """The Article for `text` (with doc_id, published, url, source, title in `meta`)."""
        if len(text) > self.max_chars:
            raise TooLarge(f"the article is {len(text):,} characters; the server extracts at most "
                           f"{self.max_chars:,} (use `communique ingest` for longer texts)")
        self._claim()
        try:
            future = self._get_pool().schedule(_extract, args=(text, meta), timeout=self.budget_s)
            try:
                return await asyncio.wrap_future(future)
            except FutureTimeout:
                raise TooSlow(f"extraction took longer than {self.budget_s:g} s and was stopped") from None
            except (Busy, TooSlow, TooLarge):
                raise
            except Exception as exc:  # the document's own error (bad HTML, empty text), or a dead worker
                message = " ".join(str(exc).split()) or type(exc).__name__
                log.warning("extraction failed: %s", message)
                raise Failed(message) from None
        finally:
            self._release()

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.stop()
            pool.join(timeout=10)
