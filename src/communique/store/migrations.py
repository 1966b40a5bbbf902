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


def _v5_event_vocabulary(conn) -> None:
    """Event status (happened/planned) and actors' CAMEO code and sector, which exports and
    filters read: the columns are added, then filled from each article's stored extraction."""
    from sqlalchemy import inspect

    insp = inspect(conn)
    have = {t: {c["name"] for c in insp.get_columns(t)} for t in ("events", "event_actors")}
    if "status" not in have["events"]:
        conn.exec_driver_sql("ALTER TABLE events ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'happened'")
    for name, size in (("code", 40), ("sector", 20)):
        if name not in have["event_actors"]:
            conn.exec_driver_sql(f"ALTER TABLE event_actors ADD COLUMN {name} VARCHAR({size})")
    merged = {c["name"] for c in insp.get_columns("merged_events")}
    if "status" not in merged:
        conn.exec_driver_sql("ALTER TABLE merged_events ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'happened'")
    if "sources" not in merged:
        conn.exec_driver_sql("ALTER TABLE merged_events ADD COLUMN sources TEXT")
        _backfill_merged_sources(conn)
    if _backfill_vocabulary(conn):
        conn.execute(schema.meta.delete().where(schema.meta.c.key == "resolution"))
        conn.execute(schema.meta.insert().values(key="resolution", value="dirty"))


def _backfill_merged_sources(conn) -> None:
    """Each merged event's outlets (a JSON list), from its reports' articles; its status needs no
    fill: a v4 store knew no planned events, and planned ones found above mark resolution dirty."""
    import json
    from collections import defaultdict

    from sqlalchemy import bindparam, update

    m, mem, a = schema.merged_events, schema.merged_event_members, schema.articles
    conn.execute(update(m).values(sources="[]"))
    outlets = defaultdict(set)
    for r in conn.execute(select(mem.c.merged_event_id, a.c.source).join(a, a.c.id == mem.c.article_id)):
        if r.source:
            outlets[r.merged_event_id].add(r.source)
    rows = [{"_id": i, "s": json.dumps(sorted(v), ensure_ascii=False)} for i, v in outlets.items()]
    stmt = update(m).where(m.c.id == bindparam("_id")).values(sources=bindparam("s"))
    for i in range(0, len(rows), 2000):
        conn.execute(stmt, rows[i:i + 2000])


def _backfill_vocabulary(conn, batch: int = 500) -> int:
    """Copy status, actor code and sector from articles.extraction (the contract JSON the raw
    rows were written from, events and actors in the same order) into the new columns; returns
    how many planned events there were (resolution must then keep them apart from the rest)."""
    import json

    from sqlalchemy import and_, bindparam, update

    a, e, ea = schema.articles, schema.events, schema.event_actors
    statuses = update(e).where(and_(e.c.article_id == bindparam("a_id"), e.c.idx == bindparam("e_idx"))) \
        .values(status=bindparam("s"))
    codes = update(ea).where(and_(ea.c.article_id == bindparam("a_id"), ea.c.event_idx == bindparam("e_idx"),
                                  ea.c.idx == bindparam("a_idx"))).values(code=bindparam("c"), sector=bindparam("k"))
    planned, last = 0, 0
    while True:
        rows = conn.execute(select(a.c.id, a.c.extraction).where(a.c.id > last).order_by(a.c.id).limit(batch)).all()
        if not rows:
            return planned
        last = rows[-1].id
        status_rows, code_rows = [], []
        for r in rows:
            try:
                events = json.loads(r.extraction or "{}").get("events") or []
            except (ValueError, AttributeError):
                continue  # an unreadable extraction keeps the defaults
            for i, ev in enumerate(events):
                if not isinstance(ev, dict):
                    continue
                if ev.get("status") == "planned":
                    status_rows.append({"a_id": r.id, "e_idx": i, "s": "planned"})
                for j, actor in enumerate(ev.get("actors") or []):
                    if isinstance(actor, dict) and (actor.get("code") or actor.get("sector")):
                        code_rows.append({"a_id": r.id, "e_idx": i, "a_idx": j, "c": actor.get("code"),
                                          "k": actor.get("sector")})
        if status_rows:
            conn.execute(statuses, status_rows)
        if code_rows:
            conn.execute(codes, code_rows)
        planned += len(status_rows)


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
    (5, "event status, actor codes and sectors", _v5_event_vocabulary),
    (6, "event tallies", _v6_event_tallies),
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
