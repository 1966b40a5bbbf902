"""Versioned schema migrations, each applied once in its own transaction and recorded in
`schema_migrations`, so an old database is brought up to date when it is opened.

A migration is plain SQLAlchemy Core DDL (no Alembic: the history is short and linear).
"""
from datetime import datetime, timezone

from sqlalchemy import select

from communique.store import fts, schema


def _v1_initial(conn) -> None:
    """Raw article rows, corpus resolution tables and the full-text index."""
    tables = [t for t in schema.metadata.sorted_tables if t.name != "schema_migrations"]
    schema.metadata.create_all(conn, tables=tables)
    fts.create(conn)


def _v2_country_event_index(conn) -> None:
    """Replace the country-only actor index by (country, event): pair filters were scanning
    every actor row of a country for each event (minutes at 10,000 articles)."""
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_merged_event_actors_country")
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_merged_event_actors_country_event "
                         "ON merged_event_actors (country, merged_event_id)")


def _v3_capped_search_index(conn) -> None:
    """PostgreSQL's search index reads a capped prefix of each text (a tsvector over 1 MB made
    the insert, and its whole batch, fail)."""
    fts.cap_postgres_index(conn)


def _v4_incremental_resolution(conn) -> None:
    """Incremental resolution: a queue of changed articles, distinct name forms with blocking
    keys, event blocking keys, identity redirects, and the reasons identities were joined. An
    existing corpus is marked for one full rebuild, which fills the new tables."""
    from sqlalchemy import inspect

    names = [t.name for t in (schema.resolve_queue, schema.person_forms, schema.person_form_keys,
                              schema.event_keys, schema.identity_redirects)]
    schema.metadata.create_all(conn, tables=[schema.metadata.tables[n] for n in names])
    insp = inspect(conn)
    if "links" not in {c["name"] for c in insp.get_columns("identities")}:
        conn.exec_driver_sql("ALTER TABLE identities ADD COLUMN links TEXT")
    if "form_id" not in {c["name"] for c in insp.get_columns("identity_members")}:
        conn.exec_driver_sql("ALTER TABLE identity_members ADD COLUMN form_id INTEGER")
        conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_identity_members_form ON identity_members (form_id)")
    if conn.execute(select(schema.articles.c.id).limit(1)).first() is not None:
        conn.execute(schema.meta.delete().where(schema.meta.c.key == "resolution"))
        conn.execute(schema.meta.insert().values(key="resolution", value="dirty"))


def _v6_event_tallies(conn) -> None:
    """Counts of merged events by country, pair and key (store/tallies.py), filled from the stored
    events once; resolution keeps them in step from then on."""
    from communique.store import tallies

    schema.event_tallies.create(conn, checkfirst=True)
    tallies.rebuild(conn)


# (version, name, function) in order; never edit an applied one, append a new one instead.
MIGRATIONS = [
    (1, "initial schema", _v1_initial),
    (2, "actor index on (country, event)", _v2_country_event_index),
    (3, "capped PostgreSQL search index", _v3_capped_search_index),
    (4, "incremental resolution", _v4_incremental_resolution),
    (6, "event tallies", _v6_event_tallies),  # 5 is the store branch's event status
]


def applied_versions(conn) -> set[int]:
    return set(conn.execute(select(schema.schema_migrations.c.version)).scalars())


def migrate(engine) -> list[int]:
    """Apply every migration not yet recorded; returns the versions applied now."""
    with engine.begin() as conn:
        schema.schema_migrations.create(conn, checkfirst=True)
    done = []
    for version, name, apply in MIGRATIONS:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                # Two processes opening a fresh database at once: the second waits, then skips.
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7402611)")
            if version in applied_versions(conn):
                continue
            apply(conn)
            conn.execute(schema.schema_migrations.insert().values(
                version=version, name=name, applied_at=datetime.now(timezone.utc).isoformat(timespec="seconds")))
            done.append(version)
    return done


def current_version(conn) -> int:
    return max(applied_versions(conn), default=0)
