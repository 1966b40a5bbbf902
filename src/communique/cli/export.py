"""`communique export`: write the corpus's merged events in an exchange format (thin over export.py)."""
from __future__ import annotations

import sys

import click

from communique.cli.options import (db_option, default_db_url, event_filter_options, filter_kwargs, format_option,
                                    output_option)
from communique.export import FORMATS, ExportError, export as run_export
from communique.levels import LEVELS

# articles are read from the store in pages of this size for the jsonl export
_PAGE = 500


def register(group):
    group.add_command(export)


@click.command()
@format_option(list(FORMATS), "jsonl")
@event_filter_options("Only events with an actor of at least this rank.", click.Choice(LEVELS))
@click.option("--limit", default=None, type=click.IntRange(0), help="At most this many events (default: all).")
@output_option
@db_option
def export(fmt, limit, output, db_url, **options):
    """Export the corpus: jsonl (extractions), csv, parquet (-o FILE.parquet), plover, cameo (TSV; .csv name
    gives CSV) or graphml (actor network). Event filters apply to every format but jsonl."""
    from communique.store import Store, StoreError

    filters = filter_kwargs(**options)
    if fmt == "parquet" and not output:
        raise click.UsageError("--format parquet writes files: give -o FILE.parquet (or a new folder)")
    try:
        store = Store.open(default_db_url(db_url))
    except StoreError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    try:
        events, articles = [], None
        if fmt == "jsonl":
            articles = _all_articles(store)
        else:
            events = store.events(**filters, limit=limit)
        summary = run_export(fmt, events, output, articles=articles)
    except (StoreError, ExportError) as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    finally:
        store.close()
    if output:
        click.echo(f"Wrote {summary} to {output}", err=True)


def _all_articles(store):
    """Every stored article's extraction, page by page."""
    offset = 0
    while True:
        page = store.articles(limit=_PAGE, offset=offset)
        if not page:
            return
        for row in page:
            full = store.article(row["doc_id"])
            if full is not None:
                yield full
        offset += len(page)
