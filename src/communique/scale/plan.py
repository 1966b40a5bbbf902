"""Cut the inputs of a cluster job into tasks of about N documents, and read one task's documents.

A task is a list of units in input order: whole text/HTML files, a range of lines of a JSONL file
(by byte offset, so a task seeks straight to its lines) or a range of rows of a Parquet listing.
The planner reads no text and parses no JSON; each task reads its own inputs on its worker.
"""
from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from communique.read import (JSONL_EXTENSIONS, KNOWN_EXTENSIONS, MAX_BYTES, Document, InputError, iter_documents,
                             jsonl_records, normalize_date, record_document)

PARQUET_EXTENSIONS = frozenset({".parquet", ".pq"})
# Documents per task: big enough that a task's start (a few ms of scheduling, one Parquet write
# per month) is nothing next to its extraction (~1-2 CPU-minutes), small enough that a lost
# worker costs little to redo and that 10^7 documents make ~10^4 tasks, which a scheduler handles.
TASK_SIZE = 1000
MIN_TASK_SIZE, MAX_TASK_SIZE = 500, 2000
_READ_PIECE = 1 << 20  # bytes read at a time while counting JSONL lines


@dataclass
class Task:
    """One unit of work: `units` are ("file", path) / ("jsonl", path, byte, first_line, n_lines) /
    ("parquet", path, first_row, n_rows); `index` orders tasks as the inputs were given."""

    index: int
    units: list = field(default_factory=list)
    size: int = 0

    @property
    def id(self) -> str:
        """Stable across runs over the same inputs: its position and a digest of what it reads."""
        digest = hashlib.sha1(json.dumps(self.units).encode("utf-8")).hexdigest()[:10]
        return f"{self.index:06d}-{digest}"


def plan_tasks(paths, task_size: int = TASK_SIZE, *, max_bytes: int = MAX_BYTES) -> tuple[list[Task], list[InputError]]:
    """Tasks over the inputs in the order `communique extract` reads them, and the inputs that
    could not even be listed (missing paths, empty files, standard input)."""
    tasks: list[Task] = []
    errors: list[InputError] = []
    current = Task(0)

    def add(unit, n: int) -> None:
        nonlocal current
        current.units.append(unit)
        current.size += n
        if current.size >= task_size:
            tasks.append(current)
            current = Task(len(tasks))

    for path in paths:
        for kind, name in _walk(os.fspath(path), errors):
            if kind == "file":
                add(("file", name), 1)
            elif kind == "jsonl":
                for start, first, n in _jsonl_ranges(name, task_size - current.size, task_size, max_bytes, errors):
                    add(("jsonl", name, start, first, n), n)
            else:
                for first, n in _parquet_ranges(name, task_size - current.size, task_size, errors):
                    add(("parquet", name, first, n), n)
    if current.units:
        tasks.append(current)
    return tasks, errors


def _walk(path: str, errors: list) -> Iterator[tuple[str, str]]:
    """(kind, path) for each input file, folders walked in sorted order as read.iter_documents does."""
    if path == "-":
        errors.append(InputError("-", None, "standard input cannot be split over a cluster; give files"))
        return
    if not os.path.lexists(path):
        errors.append(InputError(path, None, "no such file or directory"))
        return
    if os.path.isdir(path):
        yield from _walk_folder(path, errors)
        return
    suffix = Path(path).suffix.lower()
    kind = "jsonl" if suffix in JSONL_EXTENSIONS else "parquet" if suffix in PARQUET_EXTENSIONS else "file"
    yield kind, path


def _walk_folder(folder: str, errors: list) -> Iterator[tuple[str, str]]:
    try:
        names = sorted(os.listdir(folder))
    except OSError as exc:
        errors.append(InputError(folder, None, exc.strerror.lower() if exc.strerror else str(exc)))
        return
    for name in names:
        child = os.path.join(folder, name)
        suffix = Path(name).suffix.lower()
        if os.path.isdir(child):
            if suffix in KNOWN_EXTENSIONS:
                errors.append(InputError(child, None, "is a directory, not a file"))
            else:
                yield from _walk_folder(child, errors)
        elif suffix in KNOWN_EXTENSIONS:
            yield ("jsonl" if suffix in JSONL_EXTENSIONS else "file"), child


def _jsonl_ranges(path: str, first_room: int, task_size: int, max_bytes: int, errors: list):
    """(byte offset, first line number, line count) ranges covering a JSONL file's lines; the
    first range fills what the current task has room for."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            errors.append(InputError(path, None, "not a regular file"))
            return
        if st.st_size == 0:
            errors.append(InputError(path, None, "empty file"))
            return
        fh = open(path, "rb")
    except OSError as exc:
        errors.append(InputError(path, None, exc.strerror.lower() if exc.strerror else str(exc)))
        return
    room = max(1, first_room)
    with fh:
        offset, lineno, records = 0, 0, 0
        start, first, count = 0, 1, 0
        while True:
            piece = fh.readline(_READ_PIECE)
            if not piece:
                break
            line_start = offset
            blank = not piece.strip()
            offset += len(piece)
            while not piece.endswith(b"\n"):  # a long line: read on to its end, O(1) memory
                piece = fh.readline(_READ_PIECE)
                if not piece:
                    break
                blank = blank and not piece.strip()
                offset += len(piece)
            lineno += 1
            records += 0 if blank else 1
            if count == 0:
                start, first = line_start, lineno
            count += 1
            if count >= room:
                yield start, first, count
                count, room = 0, task_size
        if count:
            yield start, first, count
    if not records:
        errors.append(InputError(path, None, "empty file (no JSON records)"))


def _parquet_ranges(path: str, first_room: int, task_size: int, errors: list):
    """(first row, row count) ranges covering a Parquet listing of documents."""
    import pyarrow.parquet as pq

    try:
        rows = pq.ParquetFile(path).metadata.num_rows
    except Exception as exc:  # noqa: BLE001 - unreadable or not Parquet: one line for this input
        errors.append(InputError(path, None, f"not a readable Parquet file ({' '.join(str(exc).split())[:200]})"))
        return
    if rows == 0:
        errors.append(InputError(path, None, "empty file (no rows)"))
        return
    first, room = 0, max(1, first_room)
    while first < rows:
        n = min(room, rows - first)
        yield first, n
        first += n
        room = task_size


# --------------------------------------------------------------------------- reading a task

def read_task(task: Task, *, published=None, max_bytes: int = MAX_BYTES) -> Iterator[Document | InputError]:
    """The task's documents (or InputErrors naming file and line), in input order."""
    fallback = normalize_date(published)
    for unit in task.units:
        kind, path = unit[0], unit[1]
        if kind == "file":
            items = iter_documents([path], max_bytes=max_bytes)
        elif kind == "jsonl":
            items = _read_jsonl_range(path, unit[2], unit[3], unit[4], max_bytes)
        else:
            items = _read_parquet_range(path, unit[2], unit[3], max_bytes)
        for item in items:
            if isinstance(item, Document) and not item.published:
                item.published = fallback
            yield item


def _read_jsonl_range(path: str, start: int, first_line: int, n_lines: int, max_bytes: int):
    """Lines first_line .. first_line+n_lines-1 of a JSONL file, read as read.iter_documents reads
    each line (same ids, limits and messages)."""
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield InputError(path, first_line, exc.strerror.lower() if exc.strerror else str(exc))
        return
    with fh:
        fh.seek(start)
        yield from jsonl_records(fh, path, max_bytes=max_bytes, offset=start, lineno=first_line - 1,
                                 limit=n_lines)


def _read_parquet_range(path: str, first_row: int, n_rows: int, max_bytes: int):
    """Rows of a Parquet listing with the JSONL record's columns (id, text or html, url, published,
    source, title), each read as that JSONL record would be; "line" is the 1-based row number."""
    import pyarrow.parquet as pq

    stem = Path(path).stem
    try:  # only the row groups that hold the range are read
        pf = pq.ParquetFile(path)
        groups, skipped, seen = [], 0, 0
        for g in range(pf.metadata.num_row_groups):
            rows = pf.metadata.row_group(g).num_rows
            if seen + rows > first_row and seen < first_row + n_rows:
                if not groups:
                    skipped = seen
                groups.append(g)
            seen += rows
        table = pf.read_row_groups(groups).slice(first_row - skipped, n_rows)
    except Exception as exc:  # noqa: BLE001
        yield InputError(path, None, f"not a readable Parquet file ({' '.join(str(exc).split())[:200]})")
        return
    for i, record in enumerate(table.to_pylist()):
        rowno = first_row + i + 1
        # the record goes through the same reader as a JSONL line, so both inputs give the same documents
        raw = json.dumps(record, ensure_ascii=False, default=str).encode("utf-8")
        if len(raw) > max_bytes:
            yield InputError(path, rowno, f"record is over the limit of {max_bytes:,} bytes (--max-bytes)")
            continue
        try:
            yield record_document(raw, path, rowno, stem)
        except InputError as exc:
            yield exc
