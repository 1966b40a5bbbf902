"""`Store`: one corpus database (SQLite file or PostgreSQL), opened, migrated and queried
through SQLAlchemy Core so both backends share the same schema and queries.
"""
from __future__ import annotations

import functools
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event as sa_event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

from communique.store import ingest as _ingest
from communique.store import queries, resolution
from communique.store.errors import StoreError
from communique.store.lock import writer_lock
from communique.store.migrations import migrate

DEFAULT_PATH = "communique.db"
# Seconds to wait for a PostgreSQL server before reporting it unreachable.
CONNECT_TIMEOUT = 5
# Seconds a SQLite writer waits for another process's lock before giving up.
SQLITE_BUSY_TIMEOUT = 30


def _sqlite_hooks(engine) -> None:
    """Real transactions on SQLite (pysqlite's implicit ones skip DDL), WAL journaling so readers
    never block the writer, and foreign keys on."""

    @sa_event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        finally:
            cursor.close()

    @sa_event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN")


def describe(url: sa.URL) -> str:
    """The URL as shown to users: password hidden, SQLite as its file path."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.set(drivername=url.get_backend_name()).render_as_string(hide_password=True)


def make_engine(target: str | None) -> sa.Engine:
    """An engine for a SQLite path/URL or a postgresql:// URL; StoreError for anything else."""
    target = str(target or DEFAULT_PATH)
    if "://" not in target:
        if target == ":memory:":
            url = make_url("sqlite://")
        else:
            path = Path(target).expanduser()
            if path.is_dir():
                raise StoreError(f"{target}: is a folder, not a database file")
            if not path.parent.exists():
                raise StoreError(f"{target}: folder {path.parent} does not exist")
            url = sa.URL.create("sqlite+pysqlite", database=str(path.resolve()))
    else:
        try:
            url = make_url(target.replace("postgres://", "postgresql://", 1) if target.startswith("postgres://")
                           else target)
        except sa.exc.ArgumentError:
            raise StoreError(f"not a database URL: {target!r}") from None
    backend = url.get_backend_name()
    if backend == "sqlite":
        memory = url.database in (None, "", ":memory:")
        engine = sa.create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT},
                                  **({"poolclass": StaticPool} if memory else {}))
        _sqlite_hooks(engine)
        return engine
    if backend == "postgresql":
        if url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        try:
            return sa.create_engine(url, connect_args={"connect_timeout": CONNECT_TIMEOUT}, pool_pre_ping=True)
        except ImportError as exc:
            raise StoreError(f"no driver for {describe(url)}: {exc}") from None
    raise StoreError(f"unsupported database {describe(url)!r}: use a SQLite path or a postgresql:// URL")


def _db_message(engine, exc: BaseException) -> str:
    where = describe(engine.url)
    orig = getattr(exc, "orig", None) or exc
    detail = " ".join(str(orig).split())
    if engine.dialect.name == "sqlite" and isinstance(exc, sa.exc.DatabaseError) and (
            "not a database" in detail or "malformed" in detail):
        return f"{where}: not a SQLite database, or the file is corrupt ({detail})"
    if isinstance(exc, sa.exc.OperationalError) and engine.dialect.name == "postgresql" and _connection_failed(exc):
        return f"cannot connect to {where}: {detail}"
    return f"{where}: {detail}"


def _connection_failed(exc: sa.exc.DBAPIError) -> bool:
    """True when PostgreSQL was not reached or the connection broke, not when a statement failed:
    psycopg files statement errors such as "string is too long for tsvector" (SQLSTATE 54000)
    under OperationalError too, and those are not connection problems."""
    sqlstate = getattr(getattr(exc, "orig", None), "sqlstate", None)
    return exc.connection_invalidated or sqlstate is None or sqlstate.startswith(("08", "57P"))


def _guard(method):
    """Turn database failures inside a Store method into a one-line StoreError."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sa.exc.DBAPIError as exc:
            raise StoreError(_db_message(self.engine, exc)) from None

    return wrapper


class Store:
    """A corpus of extracted articles with resolved identities and merged events."""

    def __init__(self, engine: sa.Engine, overrides=None):
        self.engine = engine
        self.overrides = overrides

    @classmethod
    def open(cls, url_or_path: str | None = None, *, overrides=None) -> "Store":
        """Open (creating and migrating as needed) a SQLite path/URL or a postgresql:// database;
        a resolution left dirty by a crashed run is rebuilt here.

        `overrides`: a path to an identity overrides file (TOML/JSON, see communique.resolve);
        its text is kept in the database and used by every later rebuild until another is given.
        """
        engine = make_engine(url_or_path)
        store = cls(engine)
        try:
            migrate(engine)
            with engine.connect() as conn:
                dirty = resolution.pending(conn)
                kept = resolution.stored_overrides(conn)
            given = resolution.read_overrides_file(overrides) if overrides is not None else None
            if given is not None and given != kept:
                with engine.begin() as conn:
                    resolution.store_overrides(conn, given)
                dirty = True
            store.overrides = resolution.parse_stored_overrides(given or kept)
        except sa.exc.DBAPIError as exc:
            engine.dispose()
            raise StoreError(_db_message(engine, exc)) from None
        except StoreError:
            engine.dispose()
            raise
        if dirty:  # left dirty by a killed run; if another process is writing now, it rebuilds at its end
            try:
                with writer_lock(engine, wait=False) as held:
                    if held:
                        resolution.resolve_pending(engine, store.overrides)
            except sa.exc.DBAPIError as exc:
                engine.dispose()
                raise StoreError(_db_message(engine, exc)) from None
        return store

    @property
    def url(self) -> str:
        return describe(self.engine.url)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ------------------------------------------------------------------ writing

    @_guard
    def ingest(self, documents, progress: bool = True, *, extractor=None, batch_size: int = _ingest.BATCH_SIZE,
               total: int | None = None, on_error=None, on_wait=None) -> _ingest.IngestReport:
        """Add or update articles (read.Document, read.InputError or model.Article items), then
        rebuild corpus resolution if anything changed (or a previous run left it dirty).

        One writer at a time: while another process ingests into the same database this waits,
        telling `on_wait` (default: a line on stderr) "waiting for another ingest to finish"."""
        with writer_lock(self.engine, on_wait=on_wait):
            report = _ingest.run(self.engine, documents, extractor=extractor, progress=progress,
                                 batch_size=batch_size, total=total, on_error=on_error)
            return self._finish(report)

    @_guard
    def reprocess(self, all: bool = False, progress: bool = True, *, extractor=None,
                  batch_size: int = _ingest.BATCH_SIZE, on_error=None, on_wait=None) -> _ingest.IngestReport:
        """Re-extract articles stored by an older extractor version (every article with all=True)."""
        with writer_lock(self.engine, on_wait=on_wait):
            report = _ingest.reprocess(self.engine, all_rows=all, extractor=extractor, progress=progress,
                                       batch_size=batch_size, on_error=on_error)
            return self._finish(report)

    def _finish(self, report):
        with self.engine.connect() as conn:
            dirty = resolution.pending(conn) or resolution.state(conn) != "clean"
        if dirty:
            report.raw_events, report.merged_events = resolution.resolve_pending(self.engine, self.overrides)
        else:
            with self.engine.connect() as conn:
                report.raw_events = conn.execute(sa.select(sa.func.count()).select_from(
                    _ingest.schema.events)).scalar_one()
                report.merged_events = conn.execute(sa.select(sa.func.count()).select_from(
                    _ingest.schema.merged_events)).scalar_one()
        return report

    @_guard
    def rebuild(self) -> tuple[int, int]:
        """Recompute identities and merged events from the raw rows; (raw events, merged events)."""
        with writer_lock(self.engine):
            return resolution.rebuild(self.engine, self.overrides)

    @_guard
    def resolve(self) -> tuple[int, int]:
        """Resolve what changed since the last resolution (the queued articles); (raw, merged events)."""
        with writer_lock(self.engine):
            return resolution.resolve_pending(self.engine, self.overrides)

    @_guard
    def check(self) -> list[str]:
        """Differences between the stored (incremental) resolution and a full rebuild; [] if none."""
        return resolution.check(self.engine, self.overrides)

    # ------------------------------------------------------------------ reading

    def _read(self, fn, *args, **kwargs):
        try:
            with self.engine.connect() as conn:
                return fn(conn, *args, **kwargs)
        except sa.exc.DBAPIError as exc:
            raise StoreError(_db_message(self.engine, exc)) from None

    def events(self, actor=None, country=None, with_=None, type=None, mode=None, since=None, until=None,
               min_level=None, limit=None, offset=0, **filters) -> list[dict]:
        """Merged events matching every given filter, latest first (also status, quad_class,
        goldstein_min, goldstein_max: see queries.event_conditions)."""
        return self._read(queries.events, actor=actor, country=country, with_=with_, type=type, mode=mode,
                          since=since, until=until, min_level=min_level, limit=limit, offset=offset, **filters)

    def count_events(self, actor=None, country=None, with_=None, type=None, mode=None, since=None, until=None,
                     min_level=None, **filters) -> int:
        return self._read(queries.count_events, actor=actor, country=country, with_=with_, type=type, mode=mode,
                          since=since, until=until, min_level=min_level, **filters)

    def event(self, id: str) -> dict | None:
        return self._read(queries.event, id)

    def persons(self, country=None, name=None, limit=None, offset=0) -> list[dict]:
        """Person identities with their role history, most active first."""
        return self._read(queries.persons, country=country, name=name, limit=limit, offset=offset)

    def person(self, name_or_id: str) -> dict | None:
        """One person (by id, name or alias) with roles, events and counterparts."""
        return self._read(queries.person, name_or_id)

    def article(self, doc_id: str) -> dict | None:
        return self._read(queries.article, doc_id)

    def articles(self, limit=50, offset=0) -> list[dict]:
        return self._read(queries.articles, limit=limit, offset=offset)

    def search(self, query: str, limit=20) -> list[dict]:
        """Full-text search over titles and texts; snippets mark the match."""
        return self._read(queries.search, query, limit=limit)

    def stats(self, a: str, b: str | None = None) -> dict:
        """Engagements of country a (with b) by month and mode, and by month and level."""
        return self._read(queries.stats, a, b)

    def network(self, country=None, since=None, until=None) -> dict:
        return self._read(queries.network, country=country, since=since, until=until)

    def events_frame(self, **filters):
        """Events as a pandas DataFrame, one row per merged event."""
        import pandas as pd

        rows = []
        for ev in self.events(**filters):
            loc = ev["location"] or {}
            rows.append({"id": ev["id"], "type": ev["type"], "mode": ev["mode"], "cameo": ev["cameo"],
                         "status": ev["status"], "goldstein": ev["goldstein"], "quad_class": ev["quad_class"],
                         "date": ev["date"], "date_start": ev["date_start"], "date_end": ev["date_end"],
                         "location": loc.get("name"), "location_country": loc.get("country"),
                         "actors": "; ".join(a["name"] for a in ev["actors"]),
                         "countries": ";".join(sorted({a["country"] for a in ev["actors"] if a["country"]})),
                         "level": ev["level"], "n_sources": ev["n_sources"],
                         "sources": ";".join(s["doc_id"] for s in ev["sources"]), "merge_reason": ev["merge_reason"]})
        columns = ["id", "type", "mode", "cameo", "status", "goldstein", "quad_class", "date", "date_start", "date_end",
                   "location", "location_country", "actors", "countries", "level", "n_sources", "sources",
                   "merge_reason"]
        return pd.DataFrame(rows, columns=columns)

    def persons_frame(self, country=None, name=None):
        """Person identities as a pandas DataFrame, one row per role held."""
        import pandas as pd

        rows = []
        for p in self.persons(country=country, name=name):
            for role in p["roles"] or [{}]:
                rows.append({"id": p["id"], "name": p["name"], "country": p["country"],
                             "aliases": "; ".join(p["aliases"]), "n_events": p["n_events"],
                             "title": role.get("title"), "level": role.get("level"),
                             "first_seen": role.get("first_seen"), "last_seen": role.get("last_seen")})
        columns = ["id", "name", "country", "aliases", "n_events", "title", "level", "first_seen", "last_seen"]
        return pd.DataFrame(rows, columns=columns)
