"""Load documents into the raw tables: extract what changed, write each batch in one transaction.

An article is keyed by doc_id and fingerprinted by a content hash of its text and the
metadata that affects extraction: the same hash again is a no-op, a new hash re-extracts
and replaces the old rows. Each batch (articles with their persons, events, actors and
commitments, plus the "resolution is dirty" flag) commits together, so a run killed at any
moment leaves only whole articles behind and the next run picks up where it stopped.
"""
from __future__ import annotations

import hashlib
import json
import sys
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable, Iterable, Iterator

import sqlalchemy as sa
from sqlalchemy import delete, select, update

from communique.model import Article
from communique.store import schema
from communique.store.dates import date_bounds

# Articles per transaction. Large enough that commit overhead is small next to extraction
# (one spaCy batch), small enough that a crash loses little work.
BATCH_SIZE = 32

# The Document fields that change what extraction produces (besides the text itself).
DOCUMENT_FIELDS = ("doc_id", "path", "line", "url", "published", "source", "title", "is_html")
HASHED_FIELDS = ("doc_id", "url", "published", "source", "title", "is_html")


@dataclass
class IngestReport:
    """What an ingest or reprocess run did; raw_events/merged_events are corpus totals afterwards."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: list[str] = field(default_factory=list)
    raw_events: int = 0
    merged_events: int = 0

    @property
    def total(self) -> int:
        return self.added + self.updated + self.unchanged + len(self.failed)

    def summary(self) -> str:
        return (f"{self.total} articles: {self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
                f"{len(self.failed)} failed; {self.raw_events} raw events -> {self.merged_events} events")

    __str__ = summary


def timestamp() -> str:
    """Now, in UTC, as the store writes ingested_at/updated_at."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def extractor_version() -> str:
    """The extractor version stored with each article (reprocess picks the older ones)."""
    import communique

    return communique.__version__


def document_meta(item) -> dict:
    """The input's metadata (a read.Document or a pre-extracted Article) as a plain dict."""
    return {name: getattr(item, name, None) for name in DOCUMENT_FIELDS} | {"is_html": bool(getattr(item, "is_html", False))}


def content_hash(item) -> str:
    """sha256 over the text and the metadata that affects extraction (and, for a pre-extracted
    Article, its extraction too, since that is what gets stored)."""
    meta = document_meta(item)
    payload = {"text": item.text, **{k: meta[k] for k in HASHED_FIELDS}}
    if isinstance(item, Article):
        payload["extraction"] = item.to_dict()
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def describe_failure(item, exc: BaseException) -> str:
    """'path:line: message' for a document that could not be extracted."""
    where = getattr(item, "path", None) or getattr(item, "doc_id", None) or "<document>"
    line = getattr(item, "line", None)
    if line is not None:
        where = f"{where}:{line}"
    message = " ".join(str(exc).split())
    if not isinstance(exc, ValueError) or not message:  # a bug rather than bad input: name its kind
        message = f"extraction failed ({type(exc).__name__}: {message})" if message else type(exc).__name__
    return f"{where}: {message}"


def _rejected_by_database(exc: BaseException) -> bool:
    """A write that failed because of one article's content (a NUL character PostgreSQL cannot
    store, a value out of range, a limit such as tsvector's 1 MB), not because the database is
    unreachable or busy: SQLSTATE classes 22 (data), 23 (constraint) and 54 (program limit)."""
    if isinstance(exc, (sa.exc.DataError, sa.exc.IntegrityError)):
        return True
    sqlstate = getattr(getattr(exc, "orig", None), "sqlstate", None) or ""
    return isinstance(exc, sa.exc.DBAPIError) and sqlstate[:2] in ("22", "23", "54")


def _describe_rejection(meta: dict, exc: BaseException) -> str:
    where = meta.get("path") or meta.get("doc_id") or "<document>"
    if meta.get("line") is not None:
        where = f"{where}:{meta['line']}"
    detail = " ".join(str(getattr(exc, "orig", None) or exc).split())
    return f"{where}: not stored: the database refused it ({detail[:300]})"


def write_entries(engine, entries: list, fail: Callable[[str], None]) -> list:
    """Write the batch in one transaction; if the database refuses it for one article's content,
    write the articles one by one so only the refused ones fail. Returns the entries written."""
    try:
        with engine.begin() as conn:
            write_batch(conn, entries)
        return entries
    except sa.exc.DBAPIError as exc:
        if len(entries) == 1 and _rejected_by_database(exc):
            fail(_describe_rejection(entries[0][0], exc))
            return []
        if not _rejected_by_database(exc):
            raise
    written = []
    for entry in entries:
        written += write_entries(engine, [entry], fail)
    return written


def default_extractor(docs: list) -> Iterator[tuple[object, Article | BaseException]]:
    """Run the extraction pipeline over documents, yielding (document, Article or exception)."""
    from communique.pipeline import extract_documents

    return extract_documents(docs)


# --------------------------------------------------------------------------- rows

def child_rows(article_id: int, art: Article) -> dict[str, list[dict]]:
    """The persons/events/event_actors/commitments rows of one article, as ingest writes them
    (one builder for raw ingest and the bulk load, so both store the same rows)."""
    text = art.text or ""
    published = art.published
    rows = {"persons": [], "events": [], "event_actors": [], "commitments": []}
    for i, p in enumerate(art.persons):
        forms = []
        for s, e in p.mentions:
            form = text[s:e]
            if form and form not in forms:
                forms.append(form)
        rows["persons"].append({"article_id": article_id, "idx": i, "name": p.name, "country": p.country,
                                "org": p.org, "titles": json.dumps(p.titles, ensure_ascii=False),
                                "mentions": json.dumps({"spans": [list(m) for m in p.mentions], "forms": forms},
                                                       ensure_ascii=False)})
    for i, ev in enumerate(art.events):
        start, end, _ = date_bounds(ev.date, published)
        evidence = [{"start": s, "end": e, "text": text[s:e]} for s, e in ev.evidence]
        rows["events"].append({
            "article_id": article_id, "idx": i, "type": ev.type, "mode": ev.mode, "cameo": ev.cameo,
            "date": ev.date, "date_start": start, "date_end": end,
            "location_name": ev.location.name if ev.location else None,
            "location_country": ev.location.country if ev.location else None,
            "mechanism": json.dumps(ev.mechanism, ensure_ascii=False) if ev.mechanism is not None else None,
            "topics": json.dumps(ev.topics, ensure_ascii=False),
            "evidence": json.dumps(evidence, ensure_ascii=False), "background": int(bool(ev.background)),
            "status": ev.status or "happened"})
        for j, a in enumerate(ev.actors):
            rows["event_actors"].append({"article_id": article_id, "event_idx": i, "idx": j, "name": a.name,
                                         "kind": a.kind, "country": a.country, "role": a.role,
                                         "code": a.code, "sector": a.sector})
    for i, c in enumerate(art.commitments):
        rows["commitments"].append({
            "article_id": article_id, "idx": i, "donor": c.donor, "recipient": c.recipient,
            "amount": float(c.amount) if c.amount is not None else None, "currency": c.currency,
            "purpose": c.purpose, "status": c.status, "evidence": json.dumps([list(e) for e in c.evidence])})
    return rows


def delete_children(conn, article_id: int) -> None:
    """Remove an article's extraction rows (children first; no reliance on ON DELETE CASCADE)."""
    for table in (schema.event_actors, schema.events, schema.persons, schema.commitments):
        conn.execute(delete(table).where(table.c.article_id == article_id))


def set_resolution_state(conn, state: str) -> None:
    conn.execute(delete(schema.meta).where(schema.meta.c.key.in_(("resolution", "revision"))))
    conn.execute(schema.meta.insert().values(key="resolution", value=state))
    # Every write passes here: a new revision tells caches (the web app's) that answers changed.
    conn.execute(schema.meta.insert().values(key="revision", value=uuid.uuid4().hex))


def write_batch(conn, entries: list[tuple[dict, Article, str, int | None]]) -> None:
    """Write (meta, article, hash, existing id or None) entries and queue them for resolution;
    the caller's transaction makes the whole batch atomic."""
    version, now = extractor_version(), timestamp()
    children = {"persons": [], "events": [], "event_actors": [], "commitments": []}
    written = []
    for meta, art, digest, existing_id in entries:
        text = art.text or ""
        row = {"doc_id": meta["doc_id"], "title": art.title, "source": art.source, "url": art.url,
               "published": art.published, "text": text, "body_start": art.body[0], "body_end": art.body[1],
               "document": json.dumps(meta, ensure_ascii=False, default=str),
               "extraction": json.dumps(art.to_dict(), ensure_ascii=False),
               "content_hash": digest, "extractor_version": version, "updated_at": now}
        if existing_id is None:
            article_id = conn.execute(schema.articles.insert().values(**row, ingested_at=now)).inserted_primary_key[0]
        else:
            article_id = existing_id
            delete_children(conn, article_id)
            conn.execute(update(schema.articles).where(schema.articles.c.id == article_id).values(**row))
        written.append(article_id)
        for name, rows in child_rows(article_id, art).items():
            children[name].extend(rows)
    for name in ("persons", "events", "event_actors", "commitments"):
        if children[name]:
            conn.execute(getattr(schema, name).insert(), children[name])
    from communique.store.incremental import enqueue  # resolution queue, same transaction

    enqueue(conn, [r["article_id"] for r in children["persons"] + children["events"]] + written)


# --------------------------------------------------------------------------- driver

def batches(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive batches; a doc_id seen twice starts a new batch so the second copy is
    compared with what the first one wrote."""
    batch, seen = [], set()
    for item in items:
        doc_id = getattr(item, "doc_id", None)
        if doc_id is not None and doc_id in seen or len(batch) >= size:
            yield batch
            batch, seen = [], set()
        batch.append(item)
        if doc_id is not None:
            seen.add(doc_id)
    if batch:
        yield batch


def progress_bar(progress: bool, total: int | None, desc: str):
    """A tqdm bar with rate and ETA on stderr, shown only when stderr is a terminal."""
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="article", file=sys.stderr, dynamic_ncols=True,
                disable=not (progress and sys.stderr.isatty()))


def _extracted(extractor, pending, fail, bar) -> list[tuple]:
    """Extract (document, (meta, digest, article id)) pairs: (meta, article, digest, id) entries to write
    for those that worked, a failure reported for each that did not (the batch goes on)."""
    targets = {id(doc): target for doc, target in pending}
    out = []
    for doc, result in extractor([doc for doc, _ in pending]):
        meta, digest, article_id = targets[id(doc)]
        if isinstance(result, BaseException):
            fail(describe_failure(doc, result))
        else:
            if not result.text:
                result.text = doc.text
            out.append((meta, result, digest, article_id))
        bar.update(1)
    return out


def run(engine, items: Iterable, *, extractor: Callable | None = None, progress: bool = True,
        batch_size: int = BATCH_SIZE, total: int | None = None, report: IngestReport | None = None,
        on_error: Callable[[str], None] | None = None) -> IngestReport:
    """Ingest documents (read.Document / read.InputError / model.Article) batch by batch."""
    report = report or IngestReport()
    extractor = extractor or default_extractor

    def fail(message: str) -> None:
        report.failed.append(message)
        if on_error:
            on_error(message)

    with progress_bar(progress, total, "ingest") as bar:
        for batch in batches(items, batch_size):
            candidates = []
            for item in batch:
                if isinstance(item, BaseException):
                    fail(str(item))
                    bar.update(1)
                elif not getattr(item, "doc_id", None):
                    fail(describe_failure(item, ValueError("document has no doc_id")))
                    bar.update(1)
                else:
                    candidates.append(item)
            if not candidates:
                continue
            ids = [c.doc_id for c in candidates]
            with engine.connect() as conn:
                existing = {r.doc_id: (r.id, r.content_hash) for r in conn.execute(
                    select(schema.articles.c.doc_id, schema.articles.c.id, schema.articles.c.content_hash)
                    .where(schema.articles.c.doc_id.in_(ids)))}
            pending, prepared = [], []
            for item in candidates:
                digest = content_hash(item)
                old = existing.get(item.doc_id)
                if old and old[1] == digest:
                    report.unchanged += 1
                    bar.update(1)
                    continue
                target = (document_meta(item), digest, old[0] if old else None)
                if isinstance(item, Article):
                    prepared.append((target[0], item, digest, target[2]))
                    bar.update(1)
                else:
                    pending.append((item, target))
            if pending:
                prepared += _extracted(extractor, pending, fail, bar)
            if prepared:
                for _, _, _, existing_id in write_entries(engine, prepared, fail):
                    if existing_id is None:
                        report.added += 1
                    else:
                        report.updated += 1
    return report


def stale_rows(engine, all_rows: bool, batch_size: int) -> Iterator[list]:
    """Batches of stored articles extracted by another extractor version (or all of them)."""
    version = extractor_version()
    last_id = 0
    a = schema.articles
    while True:
        query = select(a.c.id, a.c.doc_id, a.c.text, a.c.document, a.c.content_hash).where(a.c.id > last_id)
        if not all_rows:
            query = query.where(a.c.extractor_version != version)
        with engine.connect() as conn:
            rows = conn.execute(query.order_by(a.c.id).limit(batch_size)).all()
        if not rows:
            return
        last_id = rows[-1].id
        yield rows


def reprocess(engine, *, all_rows: bool = False, extractor: Callable | None = None, progress: bool = True,
              batch_size: int = BATCH_SIZE, on_error=None) -> IngestReport:
    """Re-extract stored articles from their stored text and metadata, batch by batch."""
    from communique.read import Document

    report = IngestReport()
    extractor = extractor or default_extractor
    a = schema.articles

    def fail(message: str) -> None:
        report.failed.append(message)
        if on_error:
            on_error(message)

    with engine.connect() as conn:
        query = select(a.c.id)
        if not all_rows:
            query = query.where(a.c.extractor_version != extractor_version())
        total = len(conn.execute(query).all())
    with progress_bar(progress, total, "reprocess") as bar:
        for rows in stale_rows(engine, all_rows, batch_size):
            pending = []
            for r in rows:
                meta = json.loads(r.document or "{}")
                meta["doc_id"] = r.doc_id
                doc = Document(doc_id=r.doc_id, text=r.text, path=meta.get("path"), line=meta.get("line"),
                               url=meta.get("url"), published=meta.get("published"), source=meta.get("source"),
                               title=meta.get("title"), is_html=bool(meta.get("is_html")))
                pending.append((doc, (meta, r.content_hash, r.id)))
            prepared = _extracted(extractor, pending, fail, bar)
            if prepared:
                report.updated += len(write_entries(engine, prepared, fail))
    return report
