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


class EventTypes(click.ParamType):
    """PLOVER event types, any case, several separated by commas ("accuse,threaten")."""

    name = "TYPE[,TYPE...]"

    def convert(self, value, param, ctx):
        from communique.model import PLOVER_TYPES

        if isinstance(value, (list, tuple)):
            return list(value)
        types = []
        for part in str(value).split(","):
            if not part.strip():
                continue
            if part.strip().upper() not in PLOVER_TYPES:
                self.fail(f"{part.strip()!r} is not a PLOVER event type (choose from {', '.join(PLOVER_TYPES)})",
                          param, ctx)
            types.append(part.strip().upper())
        if not types:
            self.fail("give a PLOVER event type, e.g. CONSULT", param, ctx)
        return types


def event_filter_options(min_level_help: str, min_level_type=None):
    """The event filters shared by `events` and `export` (actor, countries, type, mode, dates, level,
    status, quad class, Goldstein range); `filter_kwargs()` turns their values into Store filters."""
    options = [
        click.option("--actor", default=None,
                     help="A person's name, alias or id, or an organisation or country name."),
        click.option("--country", default=None, help="Only events with an actor of this country (ISO3, e.g. VNM)."),
        click.option("--with", "with_", default=None, help="... and an actor of this country (ISO3)."),
        click.option("--type", "type_", type=EventTypes(), multiple=True,
                     help="PLOVER event type (CONSULT, AGREE, ACCUSE, ...); repeat it or separate with commas "
                          "for any of several."),
        click.option("--mode", default=None, help="meeting, visit, dialogue, call, conference or signing."),
        click.option("--since", default=None, help="On or after this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
        click.option("--until", default=None, help="On or before this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
        click.option("--min-level", type=min_level_type, default=None, help=min_level_help),
        click.option("--status", type=click.Choice(["happened", "planned"], case_sensitive=False), default=None,
                     help="happened, or planned (announced visits, intents to meet or sign)."),
        click.option("--quad-class", "quad_class", type=click.IntRange(1, 4), multiple=True,
                     help="CAMEO quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, "
                          "4 material conflict (repeat for several)."),
        click.option("--goldstein-min", type=click.FloatRange(-10, 10), default=None,
                     help="Only events whose CAMEO code's Goldstein score is at least this (-10 .. 10)."),
        click.option("--goldstein-max", type=click.FloatRange(-10, 10), default=None,
                     help="Only events whose CAMEO code's Goldstein score is at most this (-10 .. 10)."),
    ]

    def decorate(f):
        for option in reversed(options):
            f = option(f)
        return f

    return decorate


def filter_kwargs(actor=None, country=None, with_=None, type_=(), mode=None, since=None, until=None,
                  min_level=None, status=None, quad_class=(), goldstein_min=None, goldstein_max=None) -> dict:
    """The values of event_filter_options() as Store.events() filters; a usage error for a Goldstein
    range whose minimum is above its maximum."""
    if goldstein_min is not None and goldstein_max is not None and goldstein_min > goldstein_max:
        raise click.UsageError(f"--goldstein-min {goldstein_min:g} is above --goldstein-max {goldstein_max:g}")
    types = list(dict.fromkeys(t for group in type_ or () for t in group))
    return dict(actor=actor, country=country, with_=with_, type=types or None, mode=mode, since=since, until=until,
                min_level=min_level, status=status.lower() if status else None, quad_class=list(quad_class) or None,
                goldstein_min=goldstein_min, goldstein_max=goldstein_max)


def workers_option(f):
    """`--workers N` (extract, ingest, reprocess): extraction processes; 0 means one per core."""
    return click.option("--workers", type=click.IntRange(min=0), envvar="COMMUNIQUE_WORKERS", default=1,
                        show_default=True, metavar="N",
                        help="Extraction processes (0: one per core) [or $COMMUNIQUE_WORKERS].")(f)
