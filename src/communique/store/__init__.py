"""The corpus database: `Store.open(url)` for SQLite or PostgreSQL, ingest, queries, search.

See docs/corpus.md for the commands, the schema and the crash-safety design.
"""
from communique.store.database import Store
from communique.store.errors import StoreError
from communique.store.ingest import IngestReport

__all__ = ["Store", "StoreError", "IngestReport"]
