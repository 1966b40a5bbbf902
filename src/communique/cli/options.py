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
