"""The `communique` command: one thin command per verb over the library."""
import click

from communique import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="communique")
def main():
    """Turn diplomatic news into coded, checkable event data."""


def _register():
    """Attach each area's commands; each module defines `register(group)`."""
    import importlib

    for name in ("extract", "evaluate", "corpus", "resolve", "export", "serve"):
        try:
            module = importlib.import_module(f"communique.cli.{name}")
        except ModuleNotFoundError as exc:  # an area not built yet
            if exc.name != f"communique.cli.{name}":
                raise
            continue
        module.register(main)


_register()
