"""Load a Parquet dataset written by `communique extract --engine dask` into the store, in bulk.

Rows are loaded in the order of the job's inputs, batch by batch, each batch in one transaction,
with raw ingest's idempotency: an article is keyed by doc_id and its fingerprint is the content
hash raw ingest computes, so the same article offered again (as a dataset row or a raw file) is a
no-op and a changed one replaces the old rows. PostgreSQL gets the rows through COPY; SQLite
through the same inserts as raw ingest (executemany in one transaction is SQLite's bulk path).
"""
from __future__ import annotations

import json
import os
from types import SimpleNamespace
from typing import Callable, Iterator

import sqlalchemy as sa
from sqlalchemy import select, update

from communique.model import Article
from communique.scale.parts import MANIFEST, contract_dict
from communique.store import resolution, schema
from communique.store.errors import StoreError
from communique.store.incremental import enqueue
from communique.store.ingest import (IngestReport, batches, child_rows, delete_children, extractor_version,
                                     progress_bar, timestamp, write_batch)

# Articles per transaction: COPY's per-statement cost is paid per batch, and a batch of texts
# (~10 kB an article with its rows) stays a few MB in memory.
BATCH_SIZE = 500
REQUIRED_COLUMNS = {"doc_id", "fingerprint", "events", "persons", "commitments", "text", "document"}
CHILD_TABLES = ("persons", "events", "event_actors", "commitments")


def is_dataset(path: str) -> bool:
    """A folder with a job's manifest, or a Parquet file of dataset rows."""
    if os.path.isdir(path):
        return os.path.isfile(os.path.join(path, MANIFEST))
    if path.lower().endswith((".parquet", ".pq")) and os.path.isfile(path):
        import pyarrow.parquet as pq

        try:
            names = set(pq.read_schema(path).names)
        except Exception:  # noqa: BLE001 - not Parquet: let raw ingest report it
            return False
        return REQUIRED_COLUMNS <= names
    return False


def unfinished_job(path: str) -> bool:
    """A folder holding a job's parts but no manifest: the job was stopped before it ended."""
    import glob

    return os.path.isdir(path) and not os.path.exists(os.path.join(path, MANIFEST)) and \
        bool(glob.glob(os.path.join(glob.escape(path), "month=*", "part-*.parquet")))


def _manifest(path: str) -> dict:
    try:
        with open(os.path.join(path, MANIFEST), encoding="utf-8") as fh:
            manifest = json.load(fh)
    except (OSError, ValueError) as exc:
        raise StoreError(f"{path}: unreadable dataset manifest {MANIFEST} ({exc})") from None
    if manifest.get("format") != "communique-dataset":
        raise StoreError(f"{path}: {MANIFEST} is not a communique dataset manifest")
    return manifest


def dataset_rows(path: str) -> Iterator[dict]:
    """The dataset's rows in input order: task by task (the manifest's order), then by position."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if not os.path.isdir(path):
        table = pq.read_table(path)
        if "task" in table.column_names:
            table = table.sort_by([("task", "ascending"), ("seq", "ascending")])
        yield from table.to_pylist()
        return
    manifest = _manifest(path)
    by_task: dict[str, list[str]] = {}
    for part in manifest["parts"]:
        task_id = os.path.basename(part)[len("part-"):-len(".parquet")]
        by_task.setdefault(task_id, []).append(os.path.join(path, part))
    for task_id in manifest["tasks"]:
        files = by_task.get(task_id, [])
        if not files:
            continue
        try:
            table = pa.concat_tables([pq.read_table(f) for f in files])
        except (OSError, pa.ArrowException) as exc:
            raise StoreError(f"{path}: part of task {task_id} unreadable ({' '.join(str(exc).split())})") from None
        yield from table.sort_by([("seq", "ascending")]).to_pylist()


def count_rows(path: str) -> int | None:
    if os.path.isdir(path):
        return _manifest(path).get("articles")
    import pyarrow.parquet as pq

    return pq.ParquetFile(path).metadata.num_rows


def _article_row(meta: dict, art: Article, digest: str, version: str, now: str) -> dict:
    """The articles row raw ingest writes (store.ingest.write_batch); tests hold the two equal."""
    return {"doc_id": meta["doc_id"], "title": art.title, "source": art.source, "url": art.url,
            "published": art.published, "text": art.text or "", "body_start": art.body[0], "body_end": art.body[1],
            "document": json.dumps(meta, ensure_ascii=False, default=str),
            "extraction": json.dumps(art.to_dict(), ensure_ascii=False),
            "content_hash": digest, "extractor_version": version, "updated_at": now}


def _copy(cursor, table: str, columns: list[str], rows: list[dict]) -> None:
    if not rows:
        return
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(tuple(row[c] for c in columns))


def copy_batch(conn, entries: list[tuple[dict, Article, str, int | None]]) -> None:
    """write_batch for PostgreSQL through COPY: ids for new articles are drawn from the table's
    sequence first, then articles and their rows are streamed in; the caller's transaction holds it."""
    version, now = extractor_version(), timestamp()
    new = [e for e in entries if e[3] is None]
    ids = iter(sorted(conn.execute(sa.text(
        "SELECT nextval(pg_get_serial_sequence('articles', 'id')) FROM generate_series(1, :n)"),
        {"n": len(new)}).scalars().all()) if new else [])
    article_rows, children = [], {name: [] for name in CHILD_TABLES}
    for meta, art, digest, existing_id in entries:
        row = _article_row(meta, art, digest, version, now)
        if existing_id is None:
            article_id = next(ids)
            article_rows.append({**row, "id": article_id, "ingested_at": now})
        else:  # a changed article: replaced in place, as raw ingest does
            article_id = existing_id
            delete_children(conn, article_id)
            conn.execute(update(schema.articles).where(schema.articles.c.id == article_id).values(**row))
        for name, rows in child_rows(article_id, art).items():
            children[name].extend(rows)
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        columns = ["id", *(c for c in article_rows[0] if c != "id")] if article_rows else []
        _copy(cursor, "articles", columns, article_rows)
        for name in CHILD_TABLES:
            if children[name]:
                _copy(cursor, name, list(children[name][0]), children[name])
    finally:
        cursor.close()
    # queued for resolution in this transaction, as raw ingest's write_batch does
    enqueue(conn, [e[3] for e in entries if e[3] is not None] + [r["id"] for r in article_rows])


def load(engine, path: str, *, batch_size: int = BATCH_SIZE, progress: bool = True,
         report: IngestReport | None = None, on_error: Callable[[str], None] | None = None) -> IngestReport:
    """Load one dataset (folder or Parquet file) into the raw tables; each batch queues the articles
    it adds or replaces for resolution (store.incremental), in its own transaction."""
    report = report or IngestReport()
    writer = copy_batch if engine.dialect.name == "postgresql" else write_batch
    rows = (SimpleNamespace(**row) for row in dataset_rows(path))
    with progress_bar(progress, count_rows(path), "ingest") as bar:
        for batch in batches(rows, batch_size):
            valid = []
            for row in batch:
                if not row.doc_id or not row.fingerprint:
                    message = f"{path}: row {row.task}/{row.seq} has no doc_id or fingerprint"
                    report.failed.append(message)
                    if on_error:
                        on_error(message)
                else:
                    valid.append(row)
            ids = [r.doc_id for r in valid]
            with engine.connect() as conn:
                existing = {r.doc_id: (r.id, r.content_hash) for r in conn.execute(
                    select(schema.articles.c.doc_id, schema.articles.c.id, schema.articles.c.content_hash)
                    .where(schema.articles.c.doc_id.in_(ids)))} if ids else {}
            entries = []
            for row in valid:
                old = existing.get(row.doc_id)
                if old and old[1] == row.fingerprint:
                    report.unchanged += 1
                    continue
                art = Article.from_dict(contract_dict(vars(row)))
                entries.append((json.loads(row.document), art, row.fingerprint, old[0] if old else None))
            if entries:
                with engine.begin() as conn:
                    writer(conn, entries)
                for *_, existing_id in entries:
                    if existing_id is None:
                        report.added += 1
                    else:
                        report.updated += 1
            bar.update(len(batch))
    return report


def finish(store, report: IngestReport) -> IngestReport:
    """Resolve what the load queued (as Store.ingest ends: only the components the new articles
    touch, so loading into a large store costs about what the load adds), and the corpus totals."""
    with store.engine.connect() as conn:
        waiting = resolution.pending(conn) or resolution.state(conn) != "clean"
    if waiting:
        report.raw_events, report.merged_events = resolution.resolve_pending(store.engine, store.overrides)
    else:
        with store.engine.connect() as conn:
            report.raw_events = conn.execute(select(sa.func.count()).select_from(schema.events)).scalar_one()
            report.merged_events = conn.execute(
                select(sa.func.count()).select_from(schema.merged_events)).scalar_one()
    return report


def ingest_datasets(store, paths: list[str], *, progress: bool = True, batch_size: int = BATCH_SIZE,
                    on_error: Callable[[str], None] | None = None, rebuild: bool = True) -> IngestReport:
    """Load each dataset under the writer lock, then (with rebuild) resolve what was queued; without
    it the queue waits for the caller's next ingest. Database errors become StoreError."""
    from communique.store.database import _db_message
    from communique.store.lock import writer_lock

    report = IngestReport()
    try:
        with writer_lock(store.engine):
            for path in paths:
                load(store.engine, path, batch_size=batch_size, progress=progress, report=report, on_error=on_error)
            return finish(store, report) if rebuild else report
    except sa.exc.DBAPIError as exc:
        raise StoreError(_db_message(store.engine, exc)) from None
