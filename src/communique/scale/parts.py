"""A task's articles as Parquet parts, one per month, each renamed into place when whole.

A part is DATASET/month=YYYY-MM/part-<task id>.parquet (month=unknown for undated articles): the
name depends only on the task, so a retried or duplicated task replaces its own part and no
article is stored twice. Each row is one article: the contract's fields as columns (persons,
events and commitments as contract JSON), the text every offset points into, the input's
metadata (`document`: what raw ingest stores for reprocessing) and the document's fingerprint
(the content hash raw ingest would compute).
"""
from __future__ import annotations

import json
import os
import re
import uuid

import pyarrow as pa
import pyarrow.parquet as pq

MANIFEST = "_communique.json"  # written last by the job; marks a folder as a communique dataset
UNKNOWN_MONTH = "unknown"
_MONTH = re.compile(r"\A\d{4}-\d{2}")

SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("fingerprint", pa.string()), ("title", pa.string()), ("published", pa.string()),
    ("source", pa.string()), ("url", pa.string()), ("body_start", pa.int64()), ("body_end", pa.int64()),
    ("persons", pa.string()), ("events", pa.string()), ("commitments", pa.string()), ("extractor", pa.string()),
    ("text", pa.string()), ("path", pa.string()), ("line", pa.int64()), ("is_html", pa.bool_()),
    ("document", pa.string()), ("task", pa.int64()), ("seq", pa.int64()),
])


def month_of(published: str | None) -> str:
    """The partition an article goes to: its publication month, or "unknown"."""
    return published[:7] if published and _MONTH.match(published) else UNKNOWN_MONTH


def article_row(doc, article, fingerprint: str, task: int, seq: int) -> dict:
    """One dataset row for a document and its extraction (task/seq keep the input order)."""
    from communique.store.ingest import document_meta

    d = article.to_dict()
    return {"doc_id": d["doc_id"], "fingerprint": fingerprint, "title": d["title"], "published": d["published"],
            "source": d["source"], "url": d["url"], "body_start": d["body"][0], "body_end": d["body"][1],
            "persons": json.dumps(d["persons"], ensure_ascii=False),
            "events": json.dumps(d["events"], ensure_ascii=False),
            "commitments": json.dumps(d["commitments"], ensure_ascii=False), "extractor": d.get("extractor"),
            "text": article.text or doc.text, "path": doc.path, "line": doc.line, "is_html": bool(doc.is_html),
            "document": json.dumps(document_meta(doc), ensure_ascii=False, default=str), "task": task, "seq": seq}


def contract_dict(row: dict) -> dict:
    """The contract dict (Article.to_dict() with text) a dataset row holds."""
    d = {"doc_id": row["doc_id"], "title": row["title"], "published": row["published"], "source": row["source"],
         "url": row["url"], "body": [row["body_start"], row["body_end"]], "persons": json.loads(row["persons"]),
         "events": json.loads(row["events"]), "commitments": json.loads(row["commitments"])}
    if row.get("extractor"):
        d["extractor"] = row["extractor"]
    d["text"] = row["text"]
    return d


def part_path(dataset: str, month: str, task_id: str) -> str:
    return os.path.join(dataset, f"month={month}", f"part-{task_id}.parquet")


def write_parts(dataset: str, task_id: str, rows: list[dict]) -> list[str]:
    """Write the rows as one part per month; each appears whole (temp file, then rename) or not at all."""
    by_month: dict[str, list[dict]] = {}
    for row in rows:
        by_month.setdefault(month_of(row["published"]), []).append(row)
    written = []
    for month, month_rows in sorted(by_month.items()):
        final = part_path(dataset, month, task_id)
        os.makedirs(os.path.dirname(final), exist_ok=True)
        # a dot name: dataset readers (pyarrow, pandas, Spark) skip it while it is being written
        tmp = os.path.join(os.path.dirname(final), f".part-{task_id}.{uuid.uuid4().hex}.tmp")
        try:
            pq.write_table(pa.Table.from_pylist(month_rows, schema=SCHEMA), tmp, compression="zstd")
            os.replace(tmp, final)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        written.append(os.path.relpath(final, dataset))
    return written


def remove_stray_temps(dataset: str) -> int:
    """Delete temp files left by workers killed mid-write; how many there were."""
    removed = 0
    for root, _, names in os.walk(dataset):
        for name in names:
            if name.startswith(".part-") and name.endswith(".tmp"):
                os.unlink(os.path.join(root, name))
                removed += 1
    return removed
