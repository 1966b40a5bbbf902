"""What a chunk of documents leaves behind in a worker, let go after the chunk, so that a
worker's memory stays flat however many novel names it reads (`benchmarks/scale_out.py --memory`).

* communique's document caches. The convention (no registration needed): in a communique module,
  a `functools.lru_cache` with `maxsize=1` holds a table loaded once and is kept; every other
  lru_cache memoises what it computed from input text (folded names, places in a sentence,
  titles), fills to its maxsize over a stream of novel documents, and is a document cache.
* spaCy's leftovers outside `nlp.memory_zone()`: the lemmatizer's dict of lemmas by word, and the
  string store's hash table, whose freed slots stay as tombstones that count towards its fill,
  so the table doubles again and again over a long stream unless it is rebuilt.

`parallel.extract_chunk` calls `release_chunk_memory(nlp)` after each chunk.
"""
from __future__ import annotations

import sys

_PACKAGE = __name__.rpartition(".")[0]


def _is_ours(name: str) -> bool:
    return name == _PACKAGE or name.startswith(_PACKAGE + ".")


def document_caches() -> list:
    """Every document cache of the communique modules imported so far (see the module docstring);
    looking costs under a millisecond, against a second or so of extraction per chunk."""
    found = []
    for name, module in list(sys.modules.items()):
        if module is None or not _is_ours(name):
            continue
        for obj in list(vars(module).values()):
            params = getattr(obj, "cache_parameters", None)
            if params is not None and getattr(obj, "__module__", None) == name and params()["maxsize"] != 1:
                found.append(obj)
    return found


def clear_document_caches() -> None:
    """Empty every document cache; the tables loaded once stay."""
    for cache in document_caches():
        cache.cache_clear()


def release_parse_memory(nlp) -> None:
    """Empty the lemmatizers' caches, and rebuild the string store's table when freed slots fill it.

    Call it outside a memory zone. The rebuild copies the live entries (the same hashes pointing
    at the same strings) into a fresh table of the same size, about 0.01 CPU-s for the model's
    85,000 strings; it runs when the tombstones are a quarter of the live strings and the table is
    47.5 % full, so no chunk can reach the 60 % at which the table would double.
    """
    from spacy.pipeline import Lemmatizer

    for _, pipe in nlp.pipeline:
        if isinstance(pipe, Lemmatizer):
            pipe.cache.clear()
    strings = nlp.vocab.strings
    table = getattr(strings, "_map", None)  # a preshed PreshMap: hash -> the interned string
    if table is None or nlp.vocab.in_memory_zone:
        return
    live, filled = len(strings), len(table)  # len(table) counts the tombstones too
    if filled - live > live // 4 and filled * 40 >= table.capacity * 19:
        fresh = type(table)(table.capacity)
        for key, value in table.items():
            fresh[key] = value
        strings._map = fresh


def release_chunk_memory(nlp) -> None:
    """Everything above, after a chunk: communique's document caches and spaCy's leftovers."""
    clear_document_caches()
    release_parse_memory(nlp)
