"""`communique serve`: the web app (API + pages) over a store, read-only unless a token is set."""
import click

from communique.cli.options import db_option, default_db_url


def register(group):
    group.add_command(serve)


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback needs --token.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--token", envvar="COMMUNIQUE_TOKEN", default=None,
              help="Bearer token that allows writes (POST /api/articles, storing pasted articles) "
                   "[or $COMMUNIQUE_TOKEN].")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Also answer requests whose Host header is NAME (default: the bound address and localhost).")
def serve(db_url, host, port, token, allow_hosts):
    """Serve the dashboard and JSON API (OpenAPI docs at /docs)."""
    from communique.web.security import is_loopback

    if not is_loopback(host) and not token:
        click.echo(f"Error: refusing to listen on {host} without a token: set --token or $COMMUNIQUE_TOKEN, "
                   "or use --host 127.0.0.1", err=True)
        raise SystemExit(2)
    try:
        from communique.store import StoreError
    except ImportError:  # pragma: no cover - store not built yet
        StoreError = RuntimeError
    from communique.web import create_app
    from communique.web.security import default_hosts
    from communique.web.server import serve as run_server

    url = default_db_url(db_url)
    try:
        app = create_app(url, token=token, allowed_hosts=default_hosts(host) + list(allow_hosts))
    except StoreError as exc:
        click.echo(f"Error: {exc}", err=True)
        raise SystemExit(1)
    click.echo(f"communique: serving {url} at http://{host}:{port}/ "
               f"({'writes need the token' if token else 'read-only'})", err=True)
    run_server(app, host, port)
