"""Corpus resolution (person identities, roles, merged events) kept in step with the raw rows.

Ingest queues the articles it changes (resolve_queue) in the same transactions that change
their rows; `resolve_pending` re-resolves what they touch (store/incremental.py) in one
transaction that empties the queue, so a crash leaves the queue and the next `Store.open`
resolves it. `rebuild` recomputes everything (`communique resolve --full`; also when the state
is "dirty": a new overrides file, a migrated database); `check` compares the two.
"""
from __future__ import annotations

import json
from collections import defaultdict

from sqlalchemy import delete, func, select

from communique.store import schema, tallies
from communique.store.dates import date_bounds
from communique.store.errors import StoreError
from communique.store.ingest import set_resolution_state
from communique.store.names import fold


def state(conn) -> str | None:
    return conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "resolution")).scalar()


# ------------------------------------------------------------------ identity overrides

def read_overrides_file(path) -> dict:
    """{"name", "suffix", "text"} of an overrides file, checked by parsing it; StoreError if bad."""
    from pathlib import Path

    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise StoreError(f"{p}: cannot read overrides file: {getattr(exc, 'strerror', None) or exc}") from None
    kept = {"name": str(p), "suffix": p.suffix.lower(), "text": text}
    parse_stored_overrides(kept)
    return kept


def parse_stored_overrides(kept: dict | None):
    """The resolve.Overrides for a kept overrides file (None when there is none)."""
    if not kept:
        return None
    import tomllib

    from communique.resolve import OverridesError, parse_overrides

    try:
        data = json.loads(kept["text"]) if kept["suffix"] == ".json" else tomllib.loads(kept["text"])
        return parse_overrides(data, kept["name"])
    except (ValueError, OverridesError) as exc:  # JSON/TOML decode errors are ValueErrors
        message = " ".join(str(exc).split())
        raise StoreError(message if message.startswith(kept["name"]) else f"{kept['name']}: {message}") from None


def stored_overrides(conn) -> dict | None:
    value = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "overrides")).scalar()
    return json.loads(value) if value else None


def store_overrides(conn, kept: dict) -> None:
    conn.execute(delete(schema.meta).where(schema.meta.c.key == "overrides"))
    conn.execute(schema.meta.insert().values(key="overrides", value=json.dumps(kept, ensure_ascii=False)))
    set_resolution_state(conn, "dirty")


def _attr(obj, name, default=None):
    return obj.get(name, default) if isinstance(obj, dict) else getattr(obj, name, default)


def _match_person(actor_name: str, persons: list[dict]) -> dict | None:
    """The article's person an event actor refers to: same name, a mention form, or a part of the name."""
    key = fold(actor_name)
    if not key:
        return None
    for p in persons:
        if fold(p["name"]) == key:
            return p
    for p in persons:
        if key in (fold(f) for f in p["forms"]):
            return p
    candidates = [p for p in persons if key in fold(p["name"]) or fold(p["name"]) in key]
    return candidates[0] if len(candidates) == 1 else None


def merged_rows(merged, records: list[dict], context: dict) -> tuple[list[dict], list[dict], list[dict]]:
    """Rows of merged_events, merged_event_members and merged_event_actors for merged events
    (context: the articles, persons, identities and actors their records were read with)."""
    from communique.levels import best_level, rank

    arts, persons, identity_of = context["arts"], context["persons"], context["identity_of"]
    actors, person_of_actor = context["actors"], context["person_of_actor"]
    memo = {}  # titles repeat across thousands of articles: classify each distinct list once

    def level_for(titles):
        key = tuple(titles)
        if key not in memo:
            memo[key] = best_level(titles)
        return memo[key]

    level_at = {(aid, p["idx"]): level_for(p["titles"]) for aid, plist in persons.items() for p in plist}
    by_identity_article = defaultdict(list)
    for key, ident in identity_of.items():
        by_identity_article[(ident, key[0])].append(key)
    record_of = {tuple(rec["key"]): rec for rec in records}

    me_rows, member_rows, actor_rows = [], [], []
    for m in merged:
        members = [tuple(k) for k in _attr(m, "members", [])]
        article_ids = sorted({k[0] for k in members})
        published = min((arts[i].published for i in article_ids if arts[i].published), default=None)
        date = _attr(m, "date")
        start, end, precision = date_bounds(date, published)
        location = _attr(m, "location")
        mechanism = _attr(m, "mechanism")
        if mechanism is None:
            mechanism = next((record_of[k]["mechanism"] for k in members
                              if k in record_of and record_of[k]["mechanism"]), None)
        best = None
        for j, actor in enumerate(_attr(m, "actors", []) or []):
            ident = _attr(actor, "identity")
            levels = []
            if ident:
                for aid in article_ids:
                    levels += [level_at.get(k) for k in by_identity_article.get((ident, aid), [])]
            elif _attr(actor, "kind") == "person":
                for aid, eidx in members:
                    for r in actors.get((aid, eidx), []):
                        p = person_of_actor.get((aid, eidx, r.idx))
                        if p and fold(r.name) == fold(_attr(actor, "name")):
                            levels.append(level_at.get((aid, p["idx"])))
            levels = [lv for lv in levels if lv]
            level = min(levels, key=rank) if levels else None
            if level and (best is None or rank(level) < best):
                best = rank(level)
            actor_rows.append({"merged_event_id": m.id, "idx": j, "name": _attr(actor, "name"),
                               "key": fold(_attr(actor, "name")), "kind": _attr(actor, "kind"),
                               "country": _attr(actor, "country"), "role": _attr(actor, "role"),
                               "person_id": ident, "level": level})
        me_rows.append({
            "id": m.id, "type": _attr(m, "type"), "mode": _attr(m, "mode"), "cameo": _attr(m, "cameo"),
            "date": date, "date_start": start, "date_end": end, "date_precision": precision,
            "location_name": _attr(location, "name") if location else None,
            "location_country": _attr(location, "country") if location else None,
            "mechanism": json.dumps(mechanism, ensure_ascii=False) if mechanism else None,
            "merge_reason": _attr(m, "merge_reason"), "n_sources": len(article_ids), "top_level_rank": best,
            "status": _merged_status(members, record_of),
            "sources": json.dumps(sorted({arts[i].source for i in article_ids if arts[i].source}),
                                  ensure_ascii=False)})
        member_rows += [{"merged_event_id": m.id, "article_id": aid, "event_idx": eidx} for aid, eidx in members]
    return me_rows, member_rows, actor_rows


def _merged_status(members, record_of) -> str:
    """A merged event is planned when every report of it tells a plan (resolution keeps planned
    and happened events apart, so in practice all or none)."""
    known = [record_of[k].get("status") for k in members if k in record_of]
    return "planned" if known and all(s == "planned" for s in known) else "happened"


def _counts(conn) -> tuple[int, int]:
    return (conn.execute(select(func.count()).select_from(schema.events)).scalar_one(),
            conn.execute(select(func.count()).select_from(schema.merged_events)).scalar_one())


def _uses_merges(overrides) -> bool:
    return bool(overrides and overrides.merges)


def rebuild(engine, overrides=None) -> tuple[int, int]:
    """Recompute the resolution from the raw rows, keeping identity ids where their records
    stay together; returns (raw events, merged events)."""
    from communique.store.incremental import Run

    with engine.begin() as conn:
        Run(conn, overrides, full=True).run([r[0] for r in conn.execute(select(schema.articles.c.id))])
        conn.execute(delete(schema.resolve_queue))
        set_resolution_state(conn, "clean")
        return _counts(conn)


def resolve_pending(engine, overrides=None) -> tuple[int, int]:
    """Resolve the queued articles only (a full rebuild when the state says so, or when manual
    merge overrides join identities across components); returns (raw events, merged events)."""
    from communique.store.incremental import Run, queued

    from communique.store.incremental import dequeue

    with engine.connect() as conn:
        st, waiting = state(conn), bool(queued(conn))
    if st == "dirty" or (_uses_merges(overrides) and waiting):
        return rebuild(engine, overrides)
    with engine.begin() as conn:
        queue = queued(conn)
        if queue:
            Run(conn, overrides).run(queue)
            dequeue(conn, queue)
        set_resolution_state(conn, "clean")
        return _counts(conn)


def pending(conn) -> bool:
    """Whether anything waits for resolution (a queue, or a full rebuild)."""
    from communique.store.incremental import queued

    return state(conn) == "dirty" or bool(queued(conn))


def snapshot(conn) -> dict:
    """The resolution as comparable values: identities and merged events by id."""
    i, im, ro = schema.identities, schema.identity_members, schema.roles
    me, mm, ma = schema.merged_events, schema.merged_event_members, schema.merged_event_actors
    members = defaultdict(list)
    for r in conn.execute(select(im.c.identity_id, im.c.article_id, im.c.person_idx)):
        members[r.identity_id].append((r.article_id, r.person_idx))
    roles = defaultdict(list)
    for r in conn.execute(select(ro).order_by(ro.c.identity_id, ro.c.idx)):
        roles[r.identity_id].append((r.title, r.org, r.country, r.level, r.first_seen, r.last_seen, r.article_ids))
    out = {"identity": {}, "event": {}}
    for r in conn.execute(select(i)):
        out["identity"][r.id] = {"name": r.name, "country": r.country, "aliases": r.aliases, "n_events": r.n_events,
                                 "links": r.links, "roles": roles.get(r.id, []), "members": sorted(members.get(r.id, []))}
    ev_members = defaultdict(list)
    for r in conn.execute(select(mm)):
        ev_members[r.merged_event_id].append((r.article_id, r.event_idx))
    actors = defaultdict(list)
    for r in conn.execute(select(ma).order_by(ma.c.merged_event_id, ma.c.idx)):
        actors[r.merged_event_id].append((r.name, r.kind, r.country, r.role, r.person_id, r.level))
    for r in conn.execute(select(me)):
        out["event"][r.id] = {"type": r.type, "mode": r.mode, "date": r.date, "place": (r.location_name, r.location_country),
                              "mechanism": r.mechanism, "reason": r.merge_reason, "n_sources": r.n_sources,
                              "level": r.top_level_rank, "status": r.status, "sources": r.sources,
                              "members": sorted(ev_members.get(r.id, [])),
                              "actors": actors.get(r.id, [])}
    orphans = conn.execute(select(func.count()).select_from(im).where(
        im.c.identity_id.not_in(select(i.c.id)))).scalar_one()
    out["orphan_members"] = orphans
    return out


def check(engine, overrides=None, limit: int = 20) -> list[str]:
    """Compare the stored resolution with a full rebuild made (and rolled back) in one
    transaction; one line per difference (at most `limit`), [] when they agree."""
    from communique.store.incremental import Run

    with engine.connect() as conn:
        with conn.begin() as tx:
            stored = snapshot(conn)
            tally_diffs = tallies.check(conn)  # the dashboard's counts (store/tallies.py) against a recount
            Run(conn, overrides, full=True).run([r[0] for r in conn.execute(select(schema.articles.c.id))])
            full = snapshot(conn)
            tx.rollback()
    diffs = [f"event tallies {d}" for d in tally_diffs]
    if stored["orphan_members"]:
        diffs.append(f"{stored['orphan_members']} person records point at identities that do not exist")
    for kind in ("identity", "event"):
        a, b = stored[kind], full[kind]
        for key in sorted(set(a) | set(b)):
            if key not in b:
                diffs.append(f"{kind} {key}: stored, but a full rebuild has no such {kind} (members {a[key]['members'][:5]})")
            elif key not in a:
                diffs.append(f"{kind} {key}: a full rebuild has it (members {b[key]['members'][:5]}), the store does not")
            elif a[key] != b[key]:
                fields = sorted(f for f in a[key] if a[key][f] != b[key][f])
                diffs.append(f"{kind} {key}: differs in {', '.join(fields)}: stored "
                             + "; ".join(f"{f}={a[key][f]!r:.120}" for f in fields) + " / full "
                             + "; ".join(f"{f}={b[key][f]!r:.120}" for f in fields))
    return diffs[:limit] + ([f"... and {len(diffs) - limit} more"] if len(diffs) > limit else [])
