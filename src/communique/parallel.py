"""Extract a stream of documents on N cores: article-level process pool, results in input order.

Documents go to worker processes in chunks of a few dozen; each worker loads the spaCy model
once (inherited through fork where the platform has it), parses every chunk inside spaCy's
`memory_zone` and empties the text caches after it (`communique.caches`), so a stream of
millions of articles keeps a worker's memory flat. The chunk function `extract_chunk` is the
unit the Dask job runs too.
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
from collections import deque
from contextlib import contextmanager
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import Iterable, Iterator

# Documents per chunk sent to a worker: a few nlp.pipe batches, so a chunk's pickling and
# hand-over cost is small against its extraction (~2 s of CPU), and one slow article holds back
# little of the ordered output.
CHUNK_SIZE = 32
# Chunks in flight per worker: one being worked on and one waiting, so no worker idles while
# the reader and writer stay a bounded distance ahead (memory does not grow with the input).
WINDOW_PER_WORKER = 2
WORKERS_ENV = "COMMUNIQUE_WORKERS"


class WorkerError(RuntimeError):
    """An extraction error from a worker whose own exception could not be sent back as it was."""

    def __init__(self, kind: str, message: str):
        super().__init__(f"{kind}: {message}")
        self.kind = kind


def resolve_workers(workers: int | None) -> int:
    """The worker count to use: the option, else $COMMUNIQUE_WORKERS, else 1; 0 means every core."""
    if workers is None:
        raw = os.environ.get(WORKERS_ENV, "").strip()
        try:
            workers = int(raw) if raw else 1
        except ValueError:
            raise ValueError(f"${WORKERS_ENV} is not a whole number: {raw!r}") from None
    if workers < 0:
        raise ValueError(f"the worker count cannot be negative: {workers}")
    return workers or (os.cpu_count() or 1)


def chunks(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of at most `size` items, read lazily from any iterable."""
    if size < 1:
        raise ValueError("chunk size must be at least 1")
    it = iter(items)
    while True:
        chunk = list(islice(it, size))
        if not chunk:
            return
        yield chunk


def _portable(exc: BaseException) -> BaseException:
    """The exception itself when it survives pickling (most do), else a WorkerError naming it."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001 - any pickling failure: send its kind and text instead
        return WorkerError(type(exc).__name__, str(exc))


def extract_chunk(docs: list) -> list:
    """Extract a list of documents; one Article or exception per document, in input order.

    The parse runs inside `nlp.memory_zone()`: the strings and lexemes a chunk adds to the
    vocabulary are freed when it ends (Articles hold plain Python strings, never spaCy objects).
    The caches of values computed from the chunk's text, and what spaCy keeps outside the zone,
    are let go after it too (`caches.release_chunk_memory`): memory does not grow with the
    number of novel names read.
    """
    from communique import caches
    from communique.nlp import get_nlp
    from communique.pipeline import extract_documents

    position = {id(doc): i for i, doc in enumerate(docs)}
    results: list = [None] * len(docs)
    nlp = get_nlp()
    try:
        with nlp.memory_zone():
            for doc, result in extract_documents(docs):
                results[position[id(doc)]] = result
    finally:
        caches.release_chunk_memory(nlp)
    return results


def _worker_chunk(docs: list) -> list:
    return [_portable(r) if isinstance(r, BaseException) else r for r in extract_chunk(docs)]


def _start_worker() -> None:
    """Load the model in the worker (a no-op when it came in through fork already loaded)."""
    from communique.nlp import get_nlp

    get_nlp()


class WorkerPool:
    """A pool of extraction processes; `stream` and `extract` keep input order."""

    def __init__(self, workers: int):
        self.workers = max(1, int(workers))
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        if context.get_start_method() == "fork":
            # load once here; the children share the parent's pages copy-on-write
            _start_worker()
        self.executor = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_start_worker)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def stream(self, docs: Iterable, chunk_size: int = CHUNK_SIZE) -> Iterator[tuple[object, object]]:
        """(document, Article or exception) for each document, in input order, reading ahead at
        most WINDOW_PER_WORKER chunks per worker."""
        window = self.workers * WINDOW_PER_WORKER
        pending: deque = deque()
        source = chunks(docs, chunk_size)
        try:
            for chunk in source:
                pending.append((chunk, self.executor.submit(_worker_chunk, chunk)))
                while len(pending) >= window:
                    yield from self._collect(pending.popleft())
            while pending:
                yield from self._collect(pending.popleft())
        finally:
            for _, future in pending:
                future.cancel()

    @staticmethod
    def _collect(entry):
        chunk, future = entry
        yield from zip(chunk, future.result())

    def extractor(self, docs: list) -> Iterator[tuple[object, object]]:
        """The `extractor` hook of Store.ingest/reprocess: one batch, spread over every worker."""
        size = max(1, -(-len(docs) // (self.workers * WINDOW_PER_WORKER)))
        return self.stream(docs, min(size, CHUNK_SIZE))


def serial_extractor(docs: list) -> Iterator[tuple[object, object]]:
    """The one-process counterpart of WorkerPool.extractor: same chunks, same memory zone."""
    for chunk in chunks(docs, CHUNK_SIZE):
        yield from zip(chunk, extract_chunk(chunk))


def extract_stream(docs: Iterable, workers: int = 1, chunk_size: int = CHUNK_SIZE) -> Iterator[tuple[object, object]]:
    """(document, Article or exception) for each document in input order, on `workers` processes."""
    if workers <= 1:
        for chunk in chunks(docs, chunk_size):
            yield from zip(chunk, extract_chunk(chunk))
        return
    with WorkerPool(workers) as pool:
        yield from pool.stream(docs, chunk_size)


@contextmanager
def extractor_for(workers: int):
    """The `extractor` hook for Store.ingest/reprocess on `workers` processes (one: in-process)."""
    if workers <= 1:
        yield serial_extractor
        return
    with WorkerPool(workers) as pool:
        yield pool.extractor
