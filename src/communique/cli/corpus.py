"""Corpus commands: ingest, reprocess, events, persons, person, article, stats, search.

Each command opens the store, calls one Store method and prints the result; a StoreError
(bad option value, unreachable or corrupt database, unknown id) becomes one line and exit 2.
"""
import functools
import json
import os
import sys

import click

from communique.cli.options import (db_option, default_db_url, event_filter_options, filter_kwargs, format_option,
                                    output_option, workers_option)

TABLE_WIDTH = 60  # widest a table cell gets before it is cut with "…"


def register(group):
    for command in (ingest, reprocess, events, persons, person, article, stats, search):
        group.add_command(command)


def _fail(message: str):
    click.echo(f"Error: {message}", err=True)
    raise SystemExit(2)


def _store_errors(fn):
    """Run a command, turning StoreError into a one-line message and exit status 2."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from communique.store import StoreError

        try:
            return fn(*args, **kwargs)
        except StoreError as exc:
            _fail(str(exc))

    return wrapper


def _open(db_url, overrides=None, *, create=False):
    """Open the store; a query on a SQLite file that does not exist is an error, not a new empty file."""
    from communique.store import Store

    url = default_db_url(db_url)
    if not create and "://" not in url and url != ":memory:" and not os.path.exists(url):
        _fail(f"no corpus database at {url}: run `communique ingest` first, or give --db")
    return Store.open(url, overrides=overrides)


def overrides_option(f):
    return click.option("--overrides", type=click.Path(dir_okay=False), default=None,
                        help="Identity overrides file (TOML or JSON: merge/split/canonical); kept in the "
                             "database and used from now on.")(f)


def _emit(text: str, output) -> None:
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text if text.endswith("\n") else text + "\n")
    else:
        click.echo(text)


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def _table(rows: list[dict], columns: list[str]) -> str:
    """Rows as a left-aligned text table, long cells cut with "…" (hand-written: a dozen lines
    do what a table library would, without a new dependency)."""
    if not rows:
        return "(none)"

    def cell(value) -> str:
        text = "" if value is None else " ".join(str(value).split())
        return text if len(text) <= TABLE_WIDTH else text[:TABLE_WIDTH - 1] + "…"

    grid = [columns] + [[cell(r.get(c)) for c in columns] for r in rows]
    widths = [max(len(line[i]) for line in grid) for i in range(len(columns))]
    return "\n".join("  ".join(v.ljust(w) for v, w in zip(line, widths)).rstrip() for line in grid)


def _actors(ev: dict) -> str:
    return "; ".join(f"{a['name']} ({a['country']})" if a.get("country") else a["name"] for a in ev["actors"])


def _event_rows(evs: list[dict]) -> list[dict]:
    return [{"date": e["date"] or "", "type": e["type"], "mode": e["mode"] or "", "status": e.get("status") or "",
             "cameo": e.get("cameo") or "", "goldstein": e.get("goldstein"), "actors": _actors(e),
             "location": (e["location"] or {}).get("name") or "", "level": e.get("level") or "",
             "sources": e["n_sources"], "id": e["id"]} for e in evs]


EVENT_COLUMNS = ["date", "type", "mode", "status", "cameo", "goldstein", "actors", "location", "level", "sources",
                 "id"]


# --------------------------------------------------------------------------- writing

def _count_inputs(paths) -> int | None:
    """How many documents the paths hold (files, JSONL lines), for the progress bar's ETA."""
    from communique.read import JSONL_EXTENSIONS, KNOWN_EXTENSIONS

    total = 0
    for path in paths:
        files = [path] if not os.path.isdir(path) else [
            os.path.join(root, name) for root, _, names in os.walk(path) for name in names
            if os.path.splitext(name)[1].lower() in KNOWN_EXTENSIONS]
        for name in files:
            if os.path.splitext(name)[1].lower() in JSONL_EXTENSIONS:
                try:
                    with open(name, "rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total


def _report(report) -> None:
    click.echo(report.summary())
    if report.failed:
        raise SystemExit(1)


def _print_error(message: str) -> None:
    """One bad input as "communique: PATH[:LINE]: message", the same line extract prints."""
    from tqdm import tqdm

    tqdm.write(f"communique: {message}", file=sys.stderr)


@click.command()
# readable=False: click would refuse the whole command for one unreadable path; the reader
# reports it as one line and goes on with the rest.
@click.argument("paths", nargs=-1, required=True, type=click.Path(readable=False))
@db_option
@click.option("--published", default=None, help="Publication date (YYYY-MM-DD) for inputs that carry none.")
@click.option("--batch-size", default=32, show_default=True, type=click.IntRange(1, 10_000),
              help="Articles written per transaction.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None,
              help="Refuse any file (or JSONL line) larger than this (default 5,000,000, as extract).")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="Progress bar on stderr (only when it is a terminal).")
@overrides_option
@workers_option
@_store_errors
def ingest(paths, db_url, published, batch_size, progress, overrides, max_bytes, workers):
    """Extract articles from files, folders or JSONL and store them; unchanged ones are skipped.

    A Parquet DATASET folder written by `extract --engine dask` is loaded in bulk (COPY on
    PostgreSQL), its articles already extracted; the same article offered raw later is unchanged.

    Prints "N articles: A added, U updated, S unchanged, F failed; R raw events -> M events";
    each input that fails is reported on stderr as PATH[:LINE]: message (exit status 1).
    """
    import datetime

    from communique.read import MAX_BYTES, iter_documents

    if published is not None:
        try:
            datetime.date.fromisoformat(published)
        except ValueError:
            _fail(f"malformed date for --published: {published!r} (use YYYY-MM-DD)")
    from communique.parallel import extractor_for
    from communique.store.bulk import ingest_datasets, is_dataset, unfinished_job

    for path in paths:
        if unfinished_job(path):
            _fail(f"{path}: a dataset whose job did not finish (no manifest); run the job again, "
                  "its finished tasks are redone")
    datasets = [p for p in paths if is_dataset(p)]
    paths = [p for p in paths if p not in datasets]
    store = _open(db_url, overrides, create=True)
    try:
        report = ingest_datasets(store, datasets, progress=progress, on_error=_print_error, rebuild=not paths)
        if paths:
            total = _count_inputs(paths) if progress and sys.stderr.isatty() else None
            with extractor_for(workers or os.cpu_count() or 1) as extractor:
                raw = store.ingest(iter_documents(list(paths), published=published, max_bytes=max_bytes or MAX_BYTES),
                                   progress=progress, batch_size=batch_size, total=total, on_error=_print_error,
                                   extractor=extractor)
            report = _merged(report, raw)
    finally:
        store.close()
    _report(report)


def _merged(first, second):
    """Two ingest reports as one (the second's corpus totals, taken after both)."""
    second.added += first.added
    second.updated += first.updated
    second.unchanged += first.unchanged
    second.failed[:0] = first.failed
    return second


@click.command()
@db_option
@click.option("--all", "all_", is_flag=True, help="Re-extract every article, not only older versions' rows.")
@click.option("--progress/--no-progress", default=True, show_default=True, help="Progress bar on stderr.")
@overrides_option
@workers_option
@_store_errors
def reprocess(db_url, all_, progress, overrides, workers):
    """Re-extract stored articles extracted by an older communique version (or all with --all);
    with --overrides, also rebuild person identities with the new overrides."""
    from communique.parallel import extractor_for

    store = _open(db_url, overrides)
    try:
        with extractor_for(workers or os.cpu_count() or 1) as extractor:
            report = store.reprocess(all=all_, progress=progress, on_error=_print_error, extractor=extractor)
    finally:
        store.close()
    _report(report)


# --------------------------------------------------------------------------- reading

def _level_choices():
    from communique.levels import LEVELS

    return LEVELS


@click.command()
@event_filter_options("Only events with an actor of at least this rank: head-of-state, head-of-government, "
                      "party-leader, minister, deputy-minister, senior-official, ambassador, legislator, official.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(0), help="At most this many events.")
@format_option(["table", "csv", "json"], "table")
@output_option
@db_option
@_store_errors
def events(limit, fmt, output, db_url, **options):
    """List merged events (one per real-world interaction), latest first.

    Filters combine: e.g. `--type ACCUSE,THREATEN --status happened --goldstein-max -2` lists
    conflictual events that happened; `--status planned` lists announced visits and intents."""
    filters = filter_kwargs(**options)
    store = _open(db_url)
    try:
        if fmt == "csv":
            text = store.events_frame(**filters, limit=limit).to_csv(index=False)
        else:
            found = store.events(**filters, limit=limit)
            text = _json(found) if fmt == "json" else _table(_event_rows(found), EVENT_COLUMNS)
    finally:
        store.close()
    _emit(text, output)


def _role_text(p: dict) -> str:
    parts = []
    for r in p["roles"]:
        span = r["first_seen"] if r["first_seen"] == r["last_seen"] else f"{r['first_seen']}..{r['last_seen']}"
        parts.append(f"{r['title']} ({span})" if span else r["title"])
    return "; ".join(parts)


@click.command()
@click.argument("name", required=False)
@click.option("--country", default=None, help="Only persons serving this country (ISO3).")
@click.option("--limit", default=None, type=click.IntRange(0), help="At most this many persons.")
@format_option(["table", "csv", "json"], "table")
@output_option
@db_option
@_store_errors
def persons(name, country, limit, fmt, output, db_url):
    """List person identities (optionally matching NAME) with their role history."""
    store = _open(db_url)
    try:
        if fmt == "csv":
            text = store.persons_frame(country=country, name=name).to_csv(index=False)
        else:
            found = store.persons(country=country, name=name, limit=limit)
            rows = [{"id": p["id"], "name": p["name"], "country": p["country"] or "", "events": p["n_events"],
                     "roles": _role_text(p)} for p in found]
            text = _json(found) if fmt == "json" else _table(rows, ["name", "country", "events", "roles", "id"])
    finally:
        store.close()
    _emit(text, output)


@click.command()
@click.argument("name")
@format_option(["table", "json"], "table")
@output_option
@db_option
@_store_errors
def person(name, fmt, output, db_url):
    """Show one person (by name, alias or id): roles, events and most frequent counterparts."""
    store = _open(db_url)
    try:
        found = store.person(name)
    finally:
        store.close()
    if found is None:
        _fail(f"no person matching {name!r}")
    if fmt == "json":
        _emit(_json(found), output)
        return
    lines = [f"{found['name']} ({found['country'] or 'no country'})  id: {found['id']}"]
    if found["aliases"]:
        lines.append("aliases: " + ", ".join(found["aliases"]))
    lines.append("roles:")
    for r in found["roles"]:
        lines.append(f"  {r['title']}  [{r['level'] or '?'}]  {r['first_seen'] or '?'} .. {r['last_seen'] or '?'}")
    lines.append(f"events ({len(found['events'])}):")
    lines.append(_table(_event_rows(found["events"]), EVENT_COLUMNS))
    if found["counterparts"]:
        lines.append("counterparts: " + ", ".join(f"{c['name']} ({c['count']})" for c in found["counterparts"]))
    _emit("\n".join(lines), output)


@click.command()
@click.argument("doc_id")
@format_option(["table", "json"], "table")
@output_option
@db_option
@_store_errors
def article(doc_id, fmt, output, db_url):
    """Show one stored article: metadata, persons and events (json: with text and full extraction)."""
    store = _open(db_url)
    try:
        found = store.article(doc_id)
    finally:
        store.close()
    if found is None:
        _fail(f"no article with id {doc_id!r}")
    if fmt == "json":
        _emit(_json(found), output)
        return
    ex = found["extraction"]
    lines = [f"{found['doc_id']}: {found['title'] or '(no title)'}",
             f"published: {found['published'] or '?'}  source: {found['source'] or '?'}  url: {found['url'] or '-'}",
             f"extracted by communique {found['extractor_version']}",
             "persons: " + ("; ".join(f"{p['name']} ({p['country'] or '?'})" for p in ex.get("persons", [])) or "none"),
             "events:"]
    for ev, merged_id in zip(ex.get("events", []), found["event_ids"]):
        lines.append(f"  {ev['date'] or '?'}  {ev['type']}/{ev.get('mode') or '-'}  {_actors(ev)}  -> {merged_id}")
    _emit("\n".join(lines), output)


@click.command()
@click.option("--pair", nargs=2, default=None, metavar="A B", help="Two countries (ISO3), e.g. --pair VNM USA.")
@click.option("--country", default=None, help="One country (ISO3): all its engagements.")
@format_option(["table", "json"], "table")
@output_option
@db_option
@_store_errors
def stats(pair, country, fmt, output, db_url):
    """Engagements of a country pair (or one country) by month and mode, and by month and level."""
    if not pair and not country:
        _fail("give --pair A B or --country A")
    a, b = pair if pair else (country, None)
    store = _open(db_url)
    try:
        st = store.stats(a, b)
    finally:
        store.close()
    if fmt == "json":
        _emit(_json(st), output)
        return
    import pandas as pd

    title = f"{st['pair'][0]}-{st['pair'][1]}" if st["pair"][1] else st["pair"][0]
    lines = [f"{title}: {st['total']} events"]
    for key, label in (("by_month", "mode"), ("by_level", "level")):
        rows = st[key]
        if rows:
            frame = pd.DataFrame(rows).fillna({"month": "undated", label: "unknown"})
            pivot = frame.pivot_table(index="month", columns=label, values="count", aggfunc="sum", fill_value=0)
            lines += ["", f"by month and {label}:", pivot.to_string()]
    if st["top_counterparts"]:
        lines += ["", "most frequent: " + ", ".join(f"{c['name']} ({c['count']})" for c in st["top_counterparts"])]
    _emit("\n".join(lines), output)


@click.command()
@click.argument("query")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(0), help="At most this many articles.")
@format_option(["table", "json"], "table")
@output_option
@db_option
@_store_errors
def search(query, limit, fmt, output, db_url):
    """Full-text search over stored articles (all words must match; "quoted phrases" too)."""
    store = _open(db_url)
    try:
        hits = store.search(query, limit=limit)
    finally:
        store.close()
    if fmt == "json":
        _emit(_json(hits), output)
        return
    if not hits:
        _emit("(no matches)", output)
        return
    lines = []
    for h in hits:
        lines += [f"{h['doc_id']}  {h['published'] or ''}  {h['title'] or ''}", f"    {h['snippet']}"]
    _emit("\n".join(lines), output)
