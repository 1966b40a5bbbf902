"""Rebuild corpus resolution (person identities, roles, merged events) from the raw rows.

The rebuild runs in one transaction that ends by marking the resolution "clean"; ingest
marks it "dirty" in the same transactions that change raw rows. A crash in between leaves
it dirty, and the next `Store.open` rebuilds it.
"""
from __future__ import annotations

import json
from collections import defaultdict

from sqlalchemy import delete, func, select

from communique.store import schema
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


def _load(conn):
    a, p, e, ea = schema.articles, schema.persons, schema.events, schema.event_actors
    arts = {r.id: r for r in conn.execute(select(a.c.id, a.c.doc_id, a.c.published, a.c.source))}
    first_event_date = dict(conn.execute(select(e.c.article_id, func.min(e.c.date_start)).group_by(e.c.article_id)).all())
    persons = defaultdict(list)
    for r in conn.execute(select(p).order_by(p.c.article_id, p.c.idx)):
        mentions = json.loads(r.mentions or "{}")
        persons[r.article_id].append({"idx": r.idx, "name": r.name, "country": r.country, "org": r.org,
                                      "titles": json.loads(r.titles or "[]"), "forms": mentions.get("forms", [])})
    actors = defaultdict(list)
    for r in conn.execute(select(ea).order_by(ea.c.article_id, ea.c.event_idx, ea.c.idx)):
        actors[(r.article_id, r.event_idx)].append(r)
    events = conn.execute(select(e).order_by(e.c.article_id, e.c.idx)).all()
    return arts, first_event_date, persons, actors, events


def rebuild(engine, overrides=None) -> tuple[int, int]:
    """Recompute the resolution tables from the raw rows; returns (raw events, merged events)."""
    try:
        from communique import resolve
        from communique.levels import best_level, level_of, rank
    except ImportError as exc:  # the resolve module is developed alongside the store
        raise StoreError(f"corpus resolution is not available: {exc}") from None

    with engine.begin() as conn:
        arts, first_event_date, persons, actors, events = _load(conn)

        person_records = []
        for article_id, plist in persons.items():
            art = arts[article_id]
            when = (art.published or "")[:10] or first_event_date.get(article_id)
            for p in plist:
                person_records.append({"key": (article_id, p["idx"]), "article_id": article_id, "name": p["name"],
                                       "titles": p["titles"], "country": p["country"], "org": p["org"],
                                       "date": when, "mentions_text": p["forms"] or [p["name"]]})
        found = resolve.resolve_persons(person_records, overrides) if person_records else []
        identity_of = {}
        for ident in found:
            for key in ident.members:
                identity_of[tuple(key)] = ident.id

        event_records, person_of_actor = [], {}
        for ev in events:
            art = arts[ev.article_id]
            plist = persons.get(ev.article_id, [])
            actor_dicts = []
            for r in actors.get((ev.article_id, ev.idx), []):
                person = _match_person(r.name, plist) if r.kind == "person" else None
                ident = identity_of.get((ev.article_id, person["idx"])) if person else None
                if person:
                    person_of_actor[(ev.article_id, ev.idx, r.idx)] = person
                actor_dicts.append({"name": r.name, "kind": r.kind, "country": r.country, "role": r.role,
                                    "identity": ident})
            evidence = json.loads(ev.evidence or "[]")
            event_records.append({
                "key": (ev.article_id, ev.idx), "article_id": ev.article_id, "type": ev.type, "mode": ev.mode,
                "cameo": ev.cameo, "date": ev.date,
                "location": ({"name": ev.location_name, "country": ev.location_country}
                             if ev.location_name or ev.location_country else None),
                "actors": actor_dicts, "evidence_text": [x["text"] for x in evidence],
                "published": art.published, "source": art.source,
                "mechanism": json.loads(ev.mechanism) if ev.mechanism else None})
        merged = resolve.merge_events(event_records) if event_records else []

        for table in reversed(schema.RESOLUTION_TABLES):
            conn.execute(delete(table))

        # persons' level per (article, person index), for the actors of merged events
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
        record_of = {rec["key"]: rec for rec in event_records}

        me_rows, member_rows, actor_rows = [], [], []
        n_events = defaultdict(int)
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
                if ident:
                    n_events[ident] += 1
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
                "merge_reason": _attr(m, "merge_reason"), "n_sources": len(article_ids), "top_level_rank": best})
            member_rows += [{"merged_event_id": m.id, "article_id": aid, "event_idx": eidx} for aid, eidx in members]

        ident_rows, alias_rows, imember_rows, role_rows = [], [], [], []
        for ident in found:
            aliases = list(dict.fromkeys(_attr(ident, "aliases", []) or []))
            ident_rows.append({"id": ident.id, "name": ident.name, "country": ident.country,
                               "aliases": json.dumps(aliases, ensure_ascii=False), "n_events": n_events.get(ident.id, 0)})
            keys = {fold(n) for n in [ident.name, *aliases] if fold(n)}
            alias_rows += [{"identity_id": ident.id, "key": k} for k in sorted(keys)]
            imember_rows += [{"identity_id": ident.id, "article_id": k[0], "person_idx": k[1]} for k in ident.members]
            for i, role in enumerate(_attr(ident, "roles", []) or []):
                role_rows.append({"identity_id": ident.id, "idx": i, "title": role.title, "org": role.org,
                                  "country": role.country, "level": getattr(role, "level", None) or level_of(role.title),
                                  "first_seen": role.first_seen, "last_seen": role.last_seen,
                                  "article_ids": json.dumps(sorted(role.article_ids))})

        for table, rows in ((schema.identities, ident_rows), (schema.identity_aliases, alias_rows),
                            (schema.identity_members, imember_rows), (schema.roles, role_rows),
                            (schema.merged_events, me_rows), (schema.merged_event_members, member_rows),
                            (schema.merged_event_actors, actor_rows)):
            for start in range(0, len(rows), 5000):
                conn.execute(table.insert(), rows[start:start + 5000])
        set_resolution_state(conn, "clean")
        return len(events), len(merged)
