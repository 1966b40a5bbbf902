"""Option sets shared by several commands (`--format`, `--db`, `-o`), defined once."""
import os

import click


def format_option(choices, default):
    return click.option("--format", "fmt", type=click.Choice(choices), default=default, show_default=True,
                        help="Output format.")


def db_option(f):
    return click.option("--db", "db_url", envvar="COMMUNIQUE_DB", default=None,
                        help="Database URL or SQLite path [default: ./communique.db, or $COMMUNIQUE_DB].")(f)


def output_option(f):
    return click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
                        help="Write to FILE instead of standard output.")(f)


def default_db_url(db_url: str | None) -> str:
    """The database to use: the option, $COMMUNIQUE_DB, or ./communique.db."""
    return db_url or os.environ.get("COMMUNIQUE_DB") or "communique.db"


def event_filter_options(min_level_help: str, min_level_type=None):
    """The event filters shared by `events` and `export` (actor, countries, type, mode, dates, level)."""
    options = [
        click.option("--actor", default=None,
                     help="A person's name, alias or id, or an organisation or country name."),
        click.option("--country", default=None, help="Only events with an actor of this country (ISO3, e.g. VNM)."),
        click.option("--with", "with_", default=None, help="... and an actor of this country (ISO3)."),
        click.option("--type", "type_", default=None, help="PLOVER event type (CONSULT, AGREE, ...)."),
        click.option("--mode", default=None, help="meeting, visit, dialogue, call, conference or signing."),
        click.option("--since", default=None, help="On or after this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
        click.option("--until", default=None, help="On or before this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
        click.option("--min-level", type=min_level_type, default=None, help=min_level_help),
    ]

    def decorate(f):
        for option in reversed(options):
            f = option(f)
        return f

    return decorate


def workers_option(f):
    """`--workers N` (extract, ingest, reprocess): extraction processes; 0 means one per core."""
    return click.option("--workers", type=click.IntRange(min=0), envvar="COMMUNIQUE_WORKERS", default=1,
                        show_default=True, metavar="N",
                        help="Extraction processes (0: one per core) [or $COMMUNIQUE_WORKERS].")(f)
