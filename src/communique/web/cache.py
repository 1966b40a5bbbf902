"""Answers cached per store revision: the overview's aggregates, counts and layouts are computed once
per change to the store, so serving them costs the same at 10,000 articles as at 50,000.

The store's revision (store/aggregates.py) changes on every write, by this server or by
`communique ingest` in another process; a cached answer is keyed by it and so never outlives it.
A small LRU (an OrderedDict) is written here: the entries are few and the standard library's
`functools.lru_cache` cannot key on a value read at call time.
"""
from __future__ import annotations

import threading
from collections import OrderedDict

MAX_ENTRIES = 256


def _frozen(value):
    """A hashable copy of call arguments (lists become tuples)."""
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _frozen(v)) for k, v in value.items()))
    return value


class RevisionCache:
    def __init__(self, store, max_entries: int = MAX_ENTRIES):
        self.store = store
        self.max_entries = max_entries
        self._entries: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def revision(self) -> str:
        from communique.store import aggregates

        return self.store._read(aggregates.revision)

    def get(self, name: str, compute, *args, revision: str | None = None, **kwargs):
        """`compute(*args, **kwargs)`, or its cached answer for this revision. Treat it as read-only."""
        key = (revision or self.revision(), name, _frozen(args), _frozen(sorted(kwargs.items())))
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
        value = compute(*args, **kwargs)
        with self._lock:
            self._entries[key] = value
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return value

    def read(self, name: str, fn, *args, revision: str | None = None, **kwargs):
        """A store query function `fn(conn, ...)` (store/queries.py, store/aggregates.py), cached."""
        return self.get(name, self.store._read, fn, *args, revision=revision, **kwargs)
