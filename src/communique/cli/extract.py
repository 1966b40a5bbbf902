"""`communique extract`: read files, folders or JSONL and print one contract object per article."""
from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
from collections import Counter

import click

from communique.cli.options import format_option, workers_option
from communique.read import MAX_BYTES, Document, InputError, iter_documents, normalize_date


def register(group):
    group.add_command(extract)


@click.command()
# readable=False: click would refuse the whole command for one unreadable path; the reader
# reports it as one line and goes on with the rest.
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str, readable=False))
@format_option(["jsonl", "json", "table"], "jsonl")
@click.option("--published", default=None, metavar="DATE",
              help="Publication date for inputs that carry none of their own (e.g. 2026-02-13).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=MAX_BYTES, show_default=True,
              help="Refuse any file (or JSONL line) larger than this.")
@click.option("-o", "--output", type=click.Path(writable=True), default=None,
              help="Write to FILE instead of standard output (with --engine dask: the DATASET folder).")
@workers_option
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this machine's processes; dask: a Dask job writing a Parquet dataset to -o "
                   "(pip install 'communique[dask]'; see docs/scale.md).")
@click.option("--scheduler", default=None, metavar="URL",
              help="With --engine dask: a running scheduler (tcp://HOST:8786); without it, a local "
                   "cluster of --workers processes on loopback.")
@click.option("--debug-frames", is_flag=True,
              help="Report on standard error how many engagements the parse (frames) told and how many "
                   "the positional fallback rules (counted in this process: use it with --workers 1).")
def extract(paths, fmt, published, max_bytes, output, workers, engine, scheduler, debug_frames):
    """Extract persons, events and commitments from articles.

    PATH may be a .txt or .html file, a .jsonl file of records
    {id, text|html, url, published, source, title}, a folder of these (read
    recursively), or - for standard input. A bad input gets one line on standard
    error and the rest goes on; the exit code is 1 if any input failed.
    """
    if published is not None:
        iso = normalize_date(published)
        if iso is None:
            raise click.BadParameter(f"not a date: {published!r}", param_hint="--published")
        published = iso
    workers = workers or os.cpu_count() or 1
    if engine == "dask" or scheduler is not None:
        from communique.cli.cluster import extract_dataset

        extract_dataset(paths, output, engine=engine, scheduler=scheduler, workers=workers, fmt=fmt,
                        published=published, max_bytes=max_bytes)
        return
    if output and os.path.isdir(output):
        raise click.BadParameter(f"{output} is a folder; a folder is the output of --engine dask only",
                                 param_hint="-o")

    from communique.parallel import extract_stream

    progress = _progress(paths)
    failures = 0

    def report(where: str, message: str) -> None:
        nonlocal failures
        failures += 1
        line = f"communique: {where}: {message}"
        if progress is not None:
            progress.write(line, file=sys.stderr)
        else:
            click.echo(line, err=True)

    def documents():
        for item in iter_documents(paths, published=published, max_bytes=max_bytes):
            if isinstance(item, InputError):
                report(f"{item.path}" + (f":{item.line}" if item.line is not None else ""), item.message)
                if progress is not None:
                    progress.update(1)
                continue
            yield item

    tally = _FrameTally.attach() if debug_frames else None
    with _Sink(output, fmt) as sink:
        for doc, result in extract_stream(documents(), workers):
            if progress is not None:
                progress.update(1)
            if isinstance(result, Exception):
                report(_where(doc), f"extraction failed ({type(result).__name__}: {result})")
                continue
            sink.write(result)
    if progress is not None:
        progress.close()
    if tally is not None:
        click.echo(tally.report(), err=True)
    sys.exit(1 if failures else 0)


class _FrameTally(logging.Handler):
    """Counts the DEBUG records of `communique.frames`: per engagement mode, whether a frame
    from the parse or the positional fallback chose the participants."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.counts: Counter = Counter()

    @classmethod
    def attach(cls) -> "_FrameTally":
        tally = cls()
        log = logging.getLogger("communique.frames")
        log.setLevel(logging.DEBUG)
        log.addHandler(tally)
        log.propagate = False
        return tally

    def emit(self, record: logging.LogRecord) -> None:
        self.counts[(getattr(record, "frames_outcome", "?"), getattr(record, "frames_mode", "?"))] += 1

    def report(self) -> str:
        lines = ["communique: frames: mode        frame  fallback  none"]
        for mode in sorted({m for _, m in self.counts}):
            lines.append(f"communique: frames: {mode:<11} {self.counts[('frame', mode)]:>5}  "
                         f"{self.counts[('fallback', mode)]:>8}  {self.counts[('none', mode)]:>4}")
        return "\n".join(lines)


def _where(doc: Document) -> str:
    where = doc.path or doc.doc_id
    return f"{where}:{doc.line}" if doc.line is not None else where


def _progress(paths):
    """A tqdm bar on standard error, only for a person watching a batch."""
    if not sys.stderr.isatty():
        return None
    batch = len(paths) > 1 or any(os.path.isdir(p) or p.lower().endswith((".jsonl", ".ndjson")) for p in paths)
    if not batch:
        return None
    from tqdm import tqdm

    return tqdm(unit="doc", file=sys.stderr, desc="extract", dynamic_ncols=True)


class _Sink:
    """Writes articles as JSONL, a JSON list or a table, to stdout or atomically to a file."""

    def __init__(self, output: str | None, fmt: str):
        self.output, self.fmt, self.count = output, fmt, 0
        self.tmp = None

    def __enter__(self):
        if self.output:
            folder = os.path.dirname(os.path.abspath(self.output))
            fd, self.tmp = tempfile.mkstemp(prefix=".communique-", suffix=".part", dir=folder)
            self.fh = os.fdopen(fd, "w", encoding="utf-8")
        else:
            self.fh = sys.stdout
            if self.fmt != "table" and (getattr(self.fh, "encoding", None) or "").lower().replace("-", "") != "utf8" \
                    and hasattr(self.fh, "reconfigure"):
                self.fh.reconfigure(encoding="utf-8")  # the output contract is UTF-8 whatever the locale
        if self.fmt == "json":
            self.fh.write("[")
        return self

    def write(self, article) -> None:
        if self.fmt == "jsonl":
            self.fh.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
        elif self.fmt == "json":
            self.fh.write(("," if self.count else "") + "\n" + json.dumps(article.to_dict(), ensure_ascii=False))
        else:
            self.fh.write(("\n" if self.count else "") + format_table(article))
        self.count += 1
        self.fh.flush()

    def __exit__(self, exc_type, exc, tb):
        if self.fmt == "json":
            self.fh.write("\n]\n" if self.count else "]\n")
        if self.tmp is None:
            self.fh.flush()
            return False
        self.fh.close()
        if exc_type is None:  # the file appears whole or not at all
            os.replace(self.tmp, self.output)
        else:
            os.unlink(self.tmp)
        return False


def format_table(article) -> str:
    """One article as lines a person reads in a terminal: title, date, persons, events."""
    out = [f"{article.doc_id}  {article.title or '(no title)'}"]
    meta = [f"published {article.published or '-'}"]
    if article.source:
        meta.append(f"source {article.source}")
    out.append("  " + "   ".join(meta))
    out.append(f"  persons ({len(article.persons)}):")
    for p in article.persons:
        country = f" [{p.country}]" if p.country else ""
        titles = f" - {'; '.join(p.titles)}" if p.titles else ""
        out.append(f"    {p.name}{country}{titles}")
    out.append(f"  events ({len(article.events)}):")
    for e in article.events:
        kind = f"{e.type}/{e.mode}" if e.mode else e.type
        actors = ", ".join(f"{a.name}" + (f" ({a.role})" if a.role else "") for a in e.actors) or "-"
        place = "-"
        if e.location and (e.location.name or e.location.country):
            place = ", ".join(x for x in (e.location.name, e.location.country) if x)
        flag = ("  (background)" if e.background else "") + ("  (planned)" if e.status == "planned" else "")
        out.append(f"    {e.date or '-':<10}  {kind:<18}  {actors}  @ {place}{flag}")
    for c in article.commitments:
        amount = f"{c.amount:,.{0 if float(c.amount).is_integer() else 2}f} {c.currency or ''}".strip() \
            if c.amount is not None else "-"
        out.append(f"    commitment {c.status}: {c.donor or '?'} -> {c.recipient or '?'}  {amount}"
                   + (f"  ({c.purpose})" if c.purpose else ""))
    return "\n".join(out) + "\n"
