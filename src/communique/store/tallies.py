"""Merged events counted by scope and key (table event_tallies), kept in step by resolution: each
re-merge takes its old events' counts out and puts its new events' in, so the dashboard's whole-corpus
aggregates (store/aggregates.py) are a few indexed rows whatever the corpus size, not a scan of it.

A scope is "" (every event), a country ("VNM") or a pair ("USA|VNM", codes in order); every merged
event counts once in the whole corpus, once for each of its countries and once for each pair of
them. A key is a JSON list of the values counted, under a kind:

    n            []                                    events
    by-mode      [precision, month, mode or type]
    by-level     [precision, month, level rank]
    type, mode, level, year, source, country   [value]  (what facet_counts counts)
    pair         [a, b]                                events two countries share
    trend        [precision, month, cameo, type, mode] events that happened (not planned ones)
    visit        [country]     pair scopes: visits by that side's visitor or guest
    mech         [date_start, id, mechanism JSON]      pair scopes: events of a standing mechanism
    side         [country, person key]                 pair scopes: events of a side's participant
    side-name    [country, person key, name]           actor rows under that key and name
    side-pid     [country, person key]                 actor rows with an identity

`rebuild` recounts everything from merged_events (a migration, a full resolution); `check` says
where the kept counts differ from a recount.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from functools import lru_cache
from itertools import combinations

from sqlalchemy import and_, bindparam, delete, select, tuple_, update

from communique.store import schema

CHUNK = 400


def _chunks(values, n: int = CHUNK):
    values = list(values)
    for i in range(0, len(values), n):
        yield values[i:i + n]


def key(values) -> str:
    return _key(tuple(values))


@lru_cache(maxsize=1 << 16)
def _key(values: tuple) -> str:  # the same few thousand keys come back for every event
    return json.dumps(list(values), ensure_ascii=False, separators=(",", ":"))


def pair_scope(a: str, b: str) -> str:
    return "|".join(sorted((a, b)))


# ------------------------------------------------------------------ what one event counts

def _facts(conn, ids) -> list[dict]:
    """What the counts need of each merged event: its row (with its status and outlets, kept on the
    row by resolution so that a later retraction reads what was added) and actors."""
    m, ma = schema.merged_events, schema.merged_event_actors
    out = []
    for chunk in _chunks(sorted(set(ids))):
        rows = conn.execute(select(m.c.id, m.c.type, m.c.mode, m.c.cameo, m.c.date_start, m.c.date_precision,
                                   m.c.top_level_rank, m.c.mechanism, m.c.status, m.c.sources)
                            .where(m.c.id.in_(chunk))).all()
        actors = defaultdict(list)
        for r in conn.execute(select(ma.c.merged_event_id, ma.c.name, ma.c.key, ma.c.kind, ma.c.country, ma.c.role,
                                     ma.c.person_id).where(ma.c.merged_event_id.in_(chunk))):
            actors[r.merged_event_id].append(r)
        for r in rows:
            out.append({"row": r, "actors": actors.get(r.id, []), "sources": set(json.loads(r.sources or "[]")),
                        "planned": r.status == "planned"})
    return out


def contributions(fact: dict) -> Counter:
    """{(scope, kind, key): count} one merged event adds."""
    return Counter(_keys(fact))


def _keys(fact: dict) -> list[tuple[str, str, str]]:
    """(scope, kind, key) of each count one merged event adds (a key twice adds two)."""
    r, actors = fact["row"], fact["actors"]
    countries = sorted({x.country for x in actors if x.country})
    pairs = list(combinations(countries, 2))
    month = r.date_start[:7] if r.date_start else None
    per_scope = [("n", []), ("by-mode", [r.date_precision, month, r.mode or r.type]),
                 ("by-level", [r.date_precision, month, r.top_level_rank]),
                 ("type", [r.type]), ("level", [r.top_level_rank]), ("mode", [r.mode]),
                 ("year", [r.date_start[:4] if r.date_start else None])]
    per_scope += [("source", [s]) for s in sorted(fact["sources"])]
    per_scope += [("country", [c]) for c in countries]
    per_scope += [("pair", [x, y]) for x, y in pairs]
    if not fact["planned"]:
        per_scope.append(("trend", [r.date_precision, month, r.cameo, r.type, r.mode]))
    encoded = [(kind, key(values)) for kind, values in per_scope]  # the same keys in every scope
    out = [(scope, kind, k) for scope in ["", *countries, *("|".join(p) for p in pairs)] for kind, k in encoded]
    for x, y in pairs:
        scope = f"{x}|{y}"
        if r.mode == "visit":
            for c in sorted({a.country for a in actors if a.role in ("visitor", "guest") and a.country in (x, y)}):
                out.append((scope, "visit", key([c])))
        if r.mechanism is not None:
            out.append((scope, "mech", key([r.date_start, r.id, r.mechanism])))
        seen = set()
        for a in actors:
            if a.kind != "person" or a.country not in (x, y):
                continue
            k = a.person_id if a.person_id is not None else a.key
            if (a.country, k) not in seen:
                seen.add((a.country, k))
                out.append((scope, "side", key([a.country, k])))
            out.append((scope, "side-name", key([a.country, k, a.name])))
            if a.person_id is not None:
                out.append((scope, "side-pid", key([a.country, k])))
    return out


def counts_of(conn, ids) -> Counter:
    return Counter(k for fact in _facts(conn, ids) for k in _keys(fact))


# ------------------------------------------------------------------ keeping them in step

def _apply(conn, delta: Counter, empty: bool = False) -> None:
    t = schema.event_tallies
    delta = {k: d for k, d in delta.items() if d}
    if not delta:
        return
    have = {}
    if not empty:
        for chunk in _chunks(sorted(delta)):
            for r in conn.execute(select(t.c.scope, t.c.kind, t.c.key, t.c.n)
                                  .where(tuple_(t.c.scope, t.c.kind, t.c.key).in_(chunk))):
                have[(r.scope, r.kind, r.key)] = r.n
    inserts, updates, deletes = [], [], []
    for (scope, kind, k), d in sorted(delta.items()):
        old = have.get((scope, kind, k))
        new = (old or 0) + d
        row = {"_s": scope, "_k": kind, "_key": k}
        if old is None:
            if new > 0:
                inserts.append({"scope": scope, "kind": kind, "key": k, "n": new})
        elif new > 0:
            updates.append({**row, "_n": new})
        else:
            deletes.append(row)
    where = and_(t.c.scope == bindparam("_s"), t.c.kind == bindparam("_k"), t.c.key == bindparam("_key"))
    for chunk in _chunks(inserts, 2000):
        conn.execute(t.insert(), chunk)
    for chunk in _chunks(updates, 2000):
        conn.execute(update(t).where(where).values(n=bindparam("_n")), chunk)
    for chunk in _chunks(deletes, 2000):
        conn.execute(delete(t).where(where), chunk)


def retract(conn, ids) -> None:
    """Take out the counts of merged events about to be deleted (call before deleting their rows)."""
    if ids:
        _apply(conn, Counter({k: -n for k, n in counts_of(conn, ids).items()}))


def add(conn, ids, fresh: bool = False) -> None:
    """Put in the counts of merged events just written (`fresh`: into a table just cleared)."""
    if ids:
        _apply(conn, counts_of(conn, ids), empty=fresh)


def clear(conn) -> None:
    conn.execute(delete(schema.event_tallies))


def recount(conn) -> Counter:
    """The counts from scratch, over every stored merged event."""
    return counts_of(conn, conn.execute(select(schema.merged_events.c.id)).scalars().all())


def rebuild(conn) -> None:
    clear(conn)
    _apply(conn, recount(conn), empty=True)


def stored(conn) -> Counter:
    t = schema.event_tallies
    return Counter({(r.scope, r.kind, r.key): r.n for r in conn.execute(select(t))})


def check(conn) -> list[str]:
    """Where the kept counts differ from a recount ([] when they agree)."""
    kept, fresh = stored(conn), recount(conn)
    return [f"{k}: kept {kept.get(k, 0)}, recount {fresh.get(k, 0)}" for k in sorted(set(kept) | set(fresh))
            if kept.get(k, 0) != fresh.get(k, 0)]


# ------------------------------------------------------------------ reading

def rows(conn, scope: str, kind: str) -> list[tuple[list, int]]:
    """(key values, count) of one kind in one scope."""
    t = schema.event_tallies
    return [(json.loads(r.key), r.n) for r in conn.execute(
        select(t.c.key, t.c.n).where(t.c.scope == scope, t.c.kind == kind))]


def scope_of(filters: dict) -> str | None:
    """The scope that answers these aggregate filters exactly (only country and with_ given, as
    ISO3 codes), or None when they need a query over the events."""
    from communique.store.queries import country_code

    given = {k: v for k, v in filters.items() if v not in (None, "", [], ())}
    if set(given) - {"country", "with_"}:
        return None
    codes = sorted({country_code(v, "--country") for v in given.values()})
    return "|".join(codes)
