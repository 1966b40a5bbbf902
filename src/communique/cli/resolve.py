"""`communique resolve`: bring corpus resolution up to date, rebuild it, or check it.

Ingest resolves what it changes by itself; this command is for a resolution left pending
(a crashed run), a full rebuild (`--full`) and an audit (`--check`: the stored, incrementally
kept resolution against a full rebuild made and rolled back in one transaction).
"""
import click

from communique.cli.corpus import _open, _store_errors, overrides_option
from communique.cli.options import db_option


def register(group):
    group.add_command(resolve)


@click.command()
@db_option
@overrides_option
@click.option("--full", is_flag=True, help="Recompute every identity and merged event (ids are kept).")
@click.option("--check", is_flag=True, help="Compare the stored resolution with a full rebuild; exit 1 on a difference.")
@_store_errors
def resolve(db_url, overrides, full, check):
    """Resolve person identities and merged events: what is queued, everything (--full), or check."""
    with _open(db_url, overrides) as store:
        if full:
            raw, merged = store.rebuild()
            click.echo(f"full rebuild: {raw} raw events -> {merged} events")
        elif not check:
            raw, merged = store.resolve()
            click.echo(f"resolved: {raw} raw events -> {merged} events")
        if check:
            diffs = store.check()
            for line in diffs:
                click.echo(line)
            click.echo(f"check: {len(diffs)} difference{'s' if len(diffs) != 1 else ''} from a full rebuild"
                       if diffs else "check: the stored resolution equals a full rebuild")
            if diffs:
                raise SystemExit(1)
