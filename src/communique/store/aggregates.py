"""Whole-corpus aggregates for the dashboard: busiest country pairs, events by date precision, each
side's participants, the cooperation-conflict trend, and the store's revision (which changes on every
write, so answers can be cached per revision). Counted over every merged event, never over a recent
sample: for the corpus, a country or a pair, from the counts resolution keeps (store/tallies.py),
so the cost does not grow with the corpus; with any other filter, in SQL (the `*_sql` functions)."""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy import and_, exists, func, or_, select

from communique.store import schema, tallies
from communique.store.errors import StoreError
from communique.store.queries import _levels, event_conditions, hydrate


def _many(value) -> list[str]:
    if value is None or value == "":
        return []
    return [value] if isinstance(value, str) else [v for v in value if v]


def conditions(type=None, mode=None, level=None, source=None, **single) -> list:
    """event_conditions() with several values allowed for type, mode, level (exact top level, or
    "unknown") and source outlet: an event matches any one value of each (checked like the rest)."""
    m, mem, a = schema.merged_events, schema.merged_event_members, schema.articles
    types, modes, levels, sources = _many(type), _many(mode), _many(level), _many(source)
    conds = event_conditions(**single)
    for t in types:
        event_conditions(type=t)  # validates: StoreError for an unknown type
    for md in modes:
        event_conditions(mode=md)
    if types:
        conds.append(m.c.type.in_([t.upper() for t in types]))
    if modes:
        conds.append(m.c.mode.in_([md.lower() for md in modes]))
    if levels:
        names = _levels()
        unknown = [lv for lv in levels if lv != "unknown" and lv not in names]
        if unknown:
            raise StoreError(f"--level: {unknown[0]!r} is not a level ({', '.join(names)})")
        ranks = [names.index(lv) for lv in levels if lv != "unknown"]
        options = ([m.c.top_level_rank.in_(ranks)] if ranks else []) + \
                  ([m.c.top_level_rank.is_(None)] if "unknown" in levels else [])
        conds.append(or_(*options))
    if sources:
        conds.append(exists().where(mem.c.merged_event_id == m.c.id, mem.c.article_id == a.c.id,
                                    a.c.source.in_(sources)))
    return conds


def events_page(conn, limit: int = 50, offset: int = 0, **filters) -> list[dict]:
    """One page of the matching merged events, latest first (multi-value filters allowed)."""
    m = schema.merged_events
    query = (select(m).where(*conditions(**filters)).order_by(m.c.date_start.desc().nulls_last(), m.c.id)
             .limit(limit).offset(offset))
    return hydrate(conn, conn.execute(query).all())


def _scope(filters: dict) -> str | None:
    """The tallies' scope for these filters (checked like the SQL path), or None."""
    conditions(**filters)
    return tallies.scope_of(filters)


def _top(items: list, limit: int | None) -> list:
    return items if limit is None else items[:limit]


def count(conn, **filters) -> int:
    scope = _scope(filters)
    if scope is not None:
        return sum(n for _, n in tallies.rows(conn, scope, "n"))
    return count_sql(conn, **filters)


def count_sql(conn, **filters) -> int:
    m = schema.merged_events
    return conn.execute(select(func.count()).select_from(m).where(*conditions(**filters))).scalar_one()


def countries(conn) -> list[str]:
    """Every country taking part in a stored event (for the country inputs' suggestions)."""
    return sorted(values[0] for values, _ in tallies.rows(conn, "", "country"))


def countries_sql(conn) -> list[str]:
    ma = schema.merged_event_actors
    return [r[0] for r in conn.execute(select(ma.c.country).where(ma.c.country.is_not(None)).distinct()
                                       .order_by(ma.c.country))]


def revision(conn) -> str:
    """An id that changes whenever anything stored changes ("0" for a store never written)."""
    value = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "revision")).scalar()
    state = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "resolution")).scalar()
    return f"{value or '0'}-{state or 'new'}"


def busiest_pairs(conn, limit: int = 8, **filters) -> list[dict]:
    """Country pairs by the number of merged events both take part in, over the whole corpus."""
    scope = _scope(filters)
    if scope is None:
        return busiest_pairs_sql(conn, limit, **filters)
    ranked = sorted(((-n, a, b) for (a, b), n in tallies.rows(conn, scope, "pair")))
    return [{"a": a, "b": b, "count": -n} for n, a, b in _top(ranked, limit)]


def busiest_pairs_sql(conn, limit: int = 8, **filters) -> list[dict]:
    m, x, y = schema.merged_events, schema.merged_event_actors.alias("x"), schema.merged_event_actors.alias("y")
    n = func.count(func.distinct(x.c.merged_event_id)).label("n")
    query = (select(x.c.country.label("a"), y.c.country.label("b"), n)
             .join(y, and_(y.c.merged_event_id == x.c.merged_event_id, y.c.country > x.c.country))
             .where(x.c.country.is_not(None)))
    conds = conditions(**filters)
    if conds:
        query = query.where(x.c.merged_event_id.in_(select(m.c.id).where(*conds)))
    query = query.group_by(x.c.country, y.c.country).order_by(n.desc(), x.c.country, y.c.country).limit(limit)
    return [{"a": r.a, "b": r.b, "count": r.n} for r in conn.execute(query)]


def date_profile(conn, **filters) -> dict[str, list[dict]]:
    """Counts of the matching events by (date precision, start month, mode or type) under "modes" and
    by (date precision, start month, level rank) under "levels": the rows every chart is drawn from,
    undated and partly dated events included."""
    scope = _scope(filters)
    if scope is None:
        return date_profile_sql(conn, **filters)
    return {"modes": [{"precision": p, "month": month, "series": series, "count": n}
                      for (p, month, series), n in tallies.rows(conn, scope, "by-mode")],
            "levels": [{"precision": p, "month": month, "rank": rank, "count": n}
                       for (p, month, rank), n in tallies.rows(conn, scope, "by-level")]}


def date_profile_sql(conn, **filters) -> dict[str, list[dict]]:
    m = schema.merged_events
    month = func.substr(m.c.date_start, 1, 7).label("month")
    series = func.coalesce(m.c.mode, m.c.type).label("series")
    n = func.count().label("n")
    conds = conditions(**filters)
    modes = select(m.c.date_precision, month, series, n).where(*conds).group_by(m.c.date_precision, month, series)
    levels = (select(m.c.date_precision, month, m.c.top_level_rank, n).where(*conds)
              .group_by(m.c.date_precision, month, m.c.top_level_rank))
    return {"modes": [{"precision": r.date_precision, "month": r.month, "series": r.series, "count": r.n}
                      for r in conn.execute(modes)],
            "levels": [{"precision": r.date_precision, "month": r.month, "rank": r.top_level_rank, "count": r.n}
                       for r in conn.execute(levels)]}


def side_participants(conn, country: str, other: str | None, limit: int = 12, **filters) -> list[dict]:
    """The persons of `country` in its events (with `other`), most engaged first."""
    scope = _scope({"country": country, "with_": other, **filters}) if other else None
    if scope is None or "|" not in scope:
        return side_participants_sql(conn, country, other, limit, **filters)
    code = tallies.scope_of({"country": country})
    names, with_id = defaultdict(list), set()
    for (c, k, name), _ in tallies.rows(conn, scope, "side-name"):
        if c == code:
            names[k].append(name)
    for (c, k), _ in tallies.rows(conn, scope, "side-pid"):
        if c == code:
            with_id.add(k)
    order = _null_key(conn)
    ranked = sorted(((-n, order(k), k) for (c, k), n in tallies.rows(conn, scope, "side") if c == code))
    return [{"name": min(names[k]) if names[k] else None, "person_id": k if k in with_id else None,
             "country": country, "count": -n} for n, _, k in _top(ranked, limit)]


def _null_key(conn):
    """A sort key for values that may be None, placed as the database orders NULL ascending (first
    on SQLite, last on PostgreSQL), so that ties break as the SQL path breaks them."""
    last = conn.dialect.name == "postgresql"
    return lambda value: ((value is None) if last else (value is not None), value if value is not None else "")


def _null_first(value):
    return (value is not None, value if value is not None else "")


def side_participants_sql(conn, country: str, other: str | None, limit: int = 12, **filters) -> list[dict]:
    m, ma = schema.merged_events, schema.merged_event_actors
    ids = select(m.c.id).where(*conditions(country=country, with_=other, **filters))
    key = func.coalesce(ma.c.person_id, ma.c.key)
    n = func.count(func.distinct(ma.c.merged_event_id)).label("n")
    rows = conn.execute(
        select(key.label("k"), func.min(ma.c.name).label("name"), func.min(ma.c.person_id).label("person_id"),
               func.max(ma.c.level).label("level"), n)
        .where(ma.c.merged_event_id.in_(ids), ma.c.kind == "person", ma.c.country == country)
        .group_by(key).order_by(n.desc(), key).limit(limit))
    return [{"name": r.name, "person_id": r.person_id, "country": country, "count": r.n} for r in rows]


def facet_counts(conn, column: str, limit: int = 30, **filters) -> list[dict]:
    """Matching events counted by one of type, mode, level, country, year or source (what a facet shows)."""
    if column not in ("type", "mode", "level", "country", "year", "source"):
        raise ValueError(f"no facet {column!r}")
    scope = _scope(filters)
    if scope is None:
        return facet_counts_sql(conn, column, limit, **filters)
    order = _null_key(conn)
    ranked = sorted((-n, order(v), v) for (v,), n in tallies.rows(conn, scope, column))
    rows = [{"value": v, "count": -n} for n, _, v in _top(ranked, limit)]
    return _facet_values(column, rows)


def _facet_values(column: str, rows: list[dict]) -> list[dict]:
    """Facet rows as shown: level ranks named ("unknown" for none), rows without a value left out."""
    if column == "level":
        names = _levels()
        rows = [{"value": names[r["value"]] if r["value"] is not None else "unknown", "count": r["count"]}
                for r in rows]
    return [r for r in rows if r["value"] is not None]


def facet_counts_sql(conn, column: str, limit: int = 30, **filters) -> list[dict]:
    m, ma, mem, a = (schema.merged_events, schema.merged_event_actors, schema.merged_event_members,
                     schema.articles)
    conds = conditions(**filters)
    if column in ("type", "mode", "level"):
        col = m.c["top_level_rank" if column == "level" else column]
        query = select(col.label("value"), func.count().label("n")).where(*conds)
    elif column == "year":
        col = func.substr(m.c.date_start, 1, 4)
        query = select(col.label("value"), func.count().label("n")).where(*conds)
    elif column == "country":
        col = ma.c.country
        query = (select(col.label("value"), func.count(func.distinct(ma.c.merged_event_id)).label("n"))
                 .where(ma.c.merged_event_id.in_(select(m.c.id).where(*conds)), col.is_not(None)))
    elif column == "source":
        col = a.c.source
        query = (select(col.label("value"), func.count(func.distinct(mem.c.merged_event_id)).label("n"))
                 .join(a, a.c.id == mem.c.article_id)
                 .where(mem.c.merged_event_id.in_(select(m.c.id).where(*conds)), col.is_not(None)))
    else:
        raise ValueError(f"no facet {column!r}")
    query = query.group_by(col).order_by(query.selected_columns[1].desc(), col).limit(limit)
    rows = [{"value": r.value, "count": r.n} for r in conn.execute(query)]
    return _facet_values(column, rows)


def partners(conn, country: str, limit: int = 10, **filters) -> list[dict]:
    """The countries `country` engages most, by the number of merged events they share."""
    scope = _scope({"country": country, **filters})
    if scope is None or "|" in scope:
        return partners_sql(conn, country, limit, **filters)
    ranked = sorted((-n, c) for (c,), n in tallies.rows(conn, scope, "country") if c != scope)
    return [{"country": c, "count": -n} for n, c in _top(ranked, limit)]


def partners_sql(conn, country: str, limit: int = 10, **filters) -> list[dict]:
    m, ma = schema.merged_events, schema.merged_event_actors
    ids = select(m.c.id).where(*conditions(country=country, **filters))
    n = func.count(func.distinct(ma.c.merged_event_id)).label("n")
    rows = conn.execute(select(ma.c.country, n).where(ma.c.merged_event_id.in_(ids), ma.c.country.is_not(None),
                                                      ma.c.country != country)
                        .group_by(ma.c.country).order_by(n.desc(), ma.c.country).limit(limit))
    return [{"country": r.country, "count": r.n} for r in rows]


def iter_events(engine, chunk: int = 500, **filters):
    """Every matching merged event (STORE_API dicts, latest first), read and hydrated `chunk` at a time
    on one connection, so an export streams in memory bounded by the chunk, not the corpus."""
    from communique.store.queries import hydrate

    m = schema.merged_events
    query = (select(m).where(*conditions(**filters)).order_by(m.c.date_start.desc().nulls_last(), m.c.id))
    with engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=chunk).execute(query)
        for rows in result.partitions(chunk):
            yield from hydrate(conn, rows)


def iter_articles(engine, chunk: int = 1000, source: str | None = None, no_events: bool = False):
    """Every stored article's metadata and event count, newest first, streamed `chunk` rows at a time."""
    a, e = schema.articles, schema.events
    n_events = select(func.count()).select_from(e).where(e.c.article_id == a.c.id).scalar_subquery()
    query = select(a.c.doc_id, a.c.title, a.c.source, a.c.url, a.c.published, n_events.label("n_events"))
    if source:
        query = query.where(a.c.source == source)
    if no_events:
        query = query.where(n_events == 0)
    query = query.order_by(a.c.published.desc().nulls_last(), a.c.doc_id)
    with engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=chunk).execute(query)
        for rows in result.partitions(chunk):
            yield from (dict(r._mapping) for r in rows)


def search_count(conn, query: str) -> int:
    """How many articles match every term of `query` (the same match as fts.search)."""
    from sqlalchemy import text

    from communique.store import fts

    parts = fts.terms(query)
    if not parts:
        return 0
    if conn.dialect.name == "sqlite":
        match = " AND ".join('"' + p + '"' for p in parts)
        return conn.execute(text("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH :match"),
                            {"match": match}).scalar_one()
    websearch = " ".join('"' + p + '"' if " " in p else p for p in parts)
    return conn.execute(text("SELECT count(*) FROM articles a WHERE a.tsv @@ websearch_to_tsquery('english', :q)"),
                        {"q": websearch}).scalar_one()


def relationship(conn, a: str, b: str, **filters) -> dict:
    """What the pair page sums up for countries `a` and `b`: visits in each direction (by the
    visitor's country), agreements signed, pledges by donor and recipient, standing mechanisms
    with their last round, and the last contact."""
    return _relationship(conn, a, b, _scope({"country": a, "with_": b, **filters}), **filters)


def relationship_sql(conn, a: str, b: str, **filters) -> dict:
    return _relationship(conn, a, b, None, **filters)


def _relationship(conn, a: str, b: str, scope: str | None, **filters) -> dict:
    import json

    m, ma, c = schema.merged_events, schema.merged_event_actors, schema.commitments
    conds = conditions(country=a, with_=b, **filters)
    ids = select(m.c.id).where(*conds)
    visits = {a: 0, b: 0}
    if scope is not None and "|" in scope:
        for (country,), n in tallies.rows(conn, scope, "visit"):
            visits[country] = n
        signings = sum(n for (mode,), n in tallies.rows(conn, scope, "mode") if mode == "signing")
        mech_rows = [(mech, start, id_) for (start, id_, mech), _ in
                     sorted(tallies.rows(conn, scope, "mech"), key=lambda kv: (_null_first(kv[0][0]), kv[0][1]))]
        # (nulls_first() in the SQL path: the same on both databases)
    else:
        visitor = (select(ma.c.country, func.count(func.distinct(ma.c.merged_event_id)).label("n"))
                   .join(m, m.c.id == ma.c.merged_event_id)
                   .where(ma.c.merged_event_id.in_(ids), m.c.mode == "visit", ma.c.role.in_(("visitor", "guest")),
                          ma.c.country.in_((a, b)))
                   .group_by(ma.c.country))
        for r in conn.execute(visitor):
            visits[r.country] = r.n
        signings = conn.execute(select(func.count()).select_from(m).where(*conds, m.c.mode == "signing")).scalar_one()
        mech_rows = [tuple(r) for r in conn.execute(
            select(m.c.mechanism, m.c.date_start, m.c.id).where(*conds, m.c.mechanism.is_not(None))
            .order_by(m.c.date_start.nulls_first(), m.c.id))]
    pledges = [{"donor": r.donor, "recipient": r.recipient, "currency": r.currency, "count": r.n, "amount": r.total}
               for r in conn.execute(
                   select(c.c.donor, c.c.recipient, c.c.currency, func.count().label("n"),
                          func.sum(c.c.amount).label("total"))
                   .where(or_(and_(c.c.donor == a, c.c.recipient == b), and_(c.c.donor == b, c.c.recipient == a)))
                   .group_by(c.c.donor, c.c.recipient, c.c.currency).order_by(c.c.donor, c.c.currency))]
    mechanisms: dict[str, dict] = {}
    for mechanism, date_start, event_id in mech_rows:
        try:
            mech = json.loads(mechanism)
        except ValueError:
            continue
        name = (mech or {}).get("name") if isinstance(mech, dict) else None
        if not name:
            continue
        entry = mechanisms.setdefault(name, {"name": name, "meetings": 0})
        entry["meetings"] += 1
        entry.update(last_date=date_start, last_event=event_id,
                     last_round=mech.get("round") or entry.get("last_round"))
    last = conn.execute(select(m.c.id, m.c.date, m.c.date_start).where(*conds, m.c.date_start.is_not(None))
                        .order_by(m.c.date_start.desc(), m.c.id).limit(1)).first()
    return {"visits": visits, "signings": signings, "pledges": pledges,
            "mechanisms": sorted(mechanisms.values(), key=lambda x: (x.get("last_date") or "", x["name"]),
                                 reverse=True),
            "last_contact": {"id": last.id, "date": last.date or last.date_start} if last else None}


def trend(conn, **filters) -> list[dict]:
    """The matching events that happened (planned ones left out), counted by (date precision, start
    month, CAMEO code, type, mode): what the cooperation-conflict trend is drawn from."""
    scope = _scope(filters)
    if scope is None:
        return trend_sql(conn, **filters)
    return [{"precision": p, "month": month, "cameo": cameo, "type": type_, "mode": mode, "count": n}
            for (p, month, cameo, type_, mode), n in tallies.rows(conn, scope, "trend")]


def not_planned() -> list:
    """Conditions leaving out planned events (merged_events.status, set by resolution: planned
    when every report of it says so)."""
    return [schema.merged_events.c.status != "planned"]


def trend_sql(conn, **filters) -> list[dict]:
    m = schema.merged_events
    month = func.substr(m.c.date_start, 1, 7).label("month")
    n = func.count().label("n")
    query = (select(m.c.date_precision, month, m.c.cameo, m.c.type, m.c.mode, n)
             .where(*conditions(**filters), *not_planned())
             .group_by(m.c.date_precision, month, m.c.cameo, m.c.type, m.c.mode))
    return [{"precision": r.date_precision, "month": r.month, "cameo": r.cameo, "type": r.type, "mode": r.mode,
             "count": r.n} for r in conn.execute(query)]


def article_identities(conn, doc_id: str) -> dict[int, str]:
    """{person index in the article's extraction: identity id} for one stored article."""
    a, im = schema.articles, schema.identity_members
    rows = conn.execute(select(im.c.person_idx, im.c.identity_id).join(a, a.c.id == im.c.article_id)
                        .where(a.c.doc_id == str(doc_id)))
    return {r.person_idx: r.identity_id for r in rows}


def articles_page(conn, limit: int = 50, offset: int = 0, source: str | None = None, since: str | None = None,
                  until: str | None = None, no_events: bool = False) -> tuple[int, list[dict]]:
    """(matching total, one page) of stored articles, newest first, by source, publication date and
    whether any event was found in them."""
    from communique.store.dates import filter_bounds

    a, e = schema.articles, schema.events
    n_events = select(func.count()).select_from(e).where(e.c.article_id == a.c.id).scalar_subquery()
    conds = []
    if source:
        conds.append(a.c.source == source)
    if since:
        conds.append(a.c.published >= filter_bounds(since, "since")[0])
    if until:
        conds.append(func.substr(a.c.published, 1, 10) <= filter_bounds(until, "until")[1])
    if no_events:
        conds.append(~exists().where(e.c.article_id == a.c.id))
    total = conn.execute(select(func.count()).select_from(a).where(*conds)).scalar_one()
    rows = conn.execute(select(a.c.doc_id, a.c.title, a.c.source, a.c.url, a.c.published, n_events.label("n_events"))
                        .where(*conds).order_by(a.c.published.desc().nulls_last(), a.c.doc_id)
                        .limit(limit).offset(offset))
    return total, [dict(r._mapping) for r in rows]


def sources(conn) -> list[str]:
    a = schema.articles
    return [r[0] for r in conn.execute(select(a.c.source).where(a.c.source.is_not(None)).distinct()
                                       .order_by(a.c.source))]


def person_page(conn, name_or_id: str, limit: int = 50, offset: int = 0) -> dict | None:
    """One identity for its page: roles, one page of its events (latest first) and the people it met
    most, over all its events. Its events are found by the actor index on person_id and only the page
    shown is hydrated, so a person with hundreds of events costs little more than one with ten."""
    from collections import Counter

    from communique.store.names import fold
    from communique.store.queries import _person_dicts, find_person

    row = find_person(conn, name_or_id)
    if row is None:
        return None
    m, ma = schema.merged_events, schema.merged_event_actors
    out = _person_dicts(conn, [row])[0]
    mine = select(ma.c.merged_event_id).where(ma.c.person_id == row.id)
    order = (m.c.date_start.desc().nulls_last(), m.c.id)
    ids = conn.execute(select(m.c.id).where(m.c.id.in_(mine)).order_by(*order)).scalars().all()
    out["n_events_listed"] = len(ids)
    page = ids[offset:offset + limit]
    rows = conn.execute(select(m).where(m.c.id.in_(page))).all() if page else []
    rank = {id_: i for i, id_ in enumerate(page)}
    out["events"] = hydrate(conn, sorted(rows, key=lambda r: rank[r.id]))
    actors = defaultdict(list)
    for r in conn.execute(select(ma.c.merged_event_id, ma.c.idx, ma.c.name, ma.c.kind, ma.c.country, ma.c.person_id)
                          .where(ma.c.merged_event_id.in_(mine), ma.c.kind == "person")):
        actors[r.merged_event_id].append(r)
    counts, names = Counter(), {}
    for event_id in ids:  # latest first, as queries.person: a counterpart is named as in its latest event
        seen = set()
        for actor in sorted(actors.get(event_id, []), key=lambda a: a.idx):
            if actor.person_id == row.id:
                continue
            k = actor.person_id or fold(actor.name)
            if k in seen:
                continue
            seen.add(k)
            counts[k] += 1
            names.setdefault(k, actor)
    out["counterparts"] = [{"name": names[k].name, "person_id": names[k].person_id, "country": names[k].country,
                            "count": n} for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], names[kv[0]].name))]
    return out
