"""Read the corpus: merged events, person identities, articles, search, pair statistics, networks.

Every filter is a bound parameter (names go through LIKE with an escape character, so `%`
and `_` match literally); option values are checked first and a bad one raises StoreError.
"""
from __future__ import annotations

import html
import json
import re
from collections import Counter, defaultdict

from sqlalchemy import String, and_, exists, false, func, or_, select

from communique.cameo import cameo_code
from communique.model import CONSULT_MODES, PLOVER_TYPES
from communique.store import fts, schema
from communique.store.dates import filter_bounds
from communique.store.errors import StoreError
from communique.store.names import fold, word_start_match

MODES = CONSULT_MODES + ("signing",)
EVENT_STATUSES = ("happened", "planned")
QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
# Codes in use for places pycountry does not list (Kosovo, the EU as an actor).
EXTRA_CODES = {"XKX", "EUU"}
SNIPPET_MARKS = ("«", "»")
_ISO3 = re.compile(r"^[A-Za-z]{3}$")


# ----------------------------------------------------------------------- validation

def country_code(value: str | None, option: str) -> str | None:
    """An ISO 3166-1 alpha-3 code, upper-cased; StoreError for anything else."""
    if value is None:
        return None
    import pycountry

    code = str(value).strip().upper()
    if _ISO3.match(code) and (code in EXTRA_CODES or pycountry.countries.get(alpha_3=code)):
        return code
    raise StoreError(f"unknown ISO3 country code for {option}: {value!r}")


def _levels():
    from communique.levels import LEVELS

    return LEVELS


def _check(value, allowed, option):
    if value is None:
        return None
    for choice in allowed:
        if str(value).strip().lower() == choice.lower():
            return choice
    raise StoreError(f"unknown value for {option}: {value!r} (choose from {', '.join(allowed)})")


def _count(value, option, default=None):
    if value is None:
        return default
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = -1
    if number < 0:
        raise StoreError(f"{option} must be a whole number >= 0, not {value!r}")
    return number


def _values(value) -> list:
    """A filter given once ("ACCUSE") or several times (["ACCUSE", "THREATEN"]) as a list; None is []."""
    if value is None or value == "":
        return []
    return [value] if isinstance(value, (str, int, float)) else [v for v in value if v is not None and v != ""]


def quad_classes(value) -> list[int]:
    """Quad classes 1-4 from one value or several; StoreError for anything else."""
    out = []
    for v in _values(value):
        try:
            number = int(str(v).strip())
        except ValueError:
            number = 0
        if number not in QUAD_CLASSES:
            raise StoreError(f"unknown value for --quad-class: {v!r} (choose from "
                             + ", ".join(f"{k} {name}" for k, name in QUAD_CLASSES.items()) + ")")
        out.append(number)
    return sorted(set(out))


def goldstein_bound(value, option: str) -> float | None:
    """A Goldstein score bound, -10 .. +10; StoreError for anything else."""
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = float("nan")
    if not -10 <= number <= 10:  # NaN fails too
        raise StoreError(f"{option} must be a number from -10 to 10, not {value!r}")
    return number


def cameo_condition(match):
    """SQL condition: the merged event's CAMEO entry (communique.cameo.cameo_code of its code, type and
    mode: a listed code, else its root's entry, else the type/mode default) satisfies `match`."""
    from communique.cameo import table

    m = schema.merged_events
    codes, defaults = table()
    listed = list(codes)
    hits = [c for c, entry in codes.items() if match(entry)]
    root = func.substr(m.c.cameo, 1, 2, type_=String) + "0"
    known = m.c.cameo.in_(listed)
    unresolved = or_(m.c.cameo.is_(None), and_(~known, root.not_in(listed)))
    by_default = []
    types = sorted({key.split(":")[0] for key in defaults})
    for t in types:
        own = sorted(key.split(":", 1)[1] for key in defaults if key.startswith(t + ":"))
        for md in own:
            entry = codes.get(defaults[f"{t}:{md}"])
            if entry and match(entry):
                by_default.append(and_(m.c.type == t, m.c.mode == md))
        entry = codes.get(defaults.get(t, ""))
        if entry and match(entry):
            by_default.append(and_(m.c.type == t, or_(m.c.mode.is_(None), m.c.mode.not_in(own)) if own else True))
    options = [m.c.cameo.in_(hits), and_(~known, root.in_(hits))] if hits else []
    if by_default:
        options.append(and_(unresolved, or_(*by_default)))
    return or_(*options) if options else false()


def status_condition(status: str):
    """SQL condition on merged_events: its stored status, "planned" when every report of it tells a
    plan (store.resolution writes it with the merged row)."""
    return schema.merged_events.c.status == status


# ----------------------------------------------------------------------- events

def event_conditions(actor=None, country=None, with_=None, type=None, mode=None, since=None, until=None,
                     min_level=None, person_id=None, status=None, quad_class=None, goldstein_min=None,
                     goldstein_max=None) -> list:
    """SQL conditions on merged_events for the shared event filters (validated here); `type` and
    `quad_class` may hold several values (an event matches any one)."""
    m, ma, al = schema.merged_events, schema.merged_event_actors, schema.identity_aliases
    conds = []
    country = country_code(country, "--country")
    with_ = country_code(with_, "--with")
    types = list(dict.fromkeys(_check(t, PLOVER_TYPES, "--type") for t in _values(type)))
    mode = _check(mode, MODES, "--mode")
    status = _check(status, EVENT_STATUSES, "--status")
    quads = quad_classes(quad_class)
    g_lo, g_hi = goldstein_bound(goldstein_min, "--goldstein-min"), goldstein_bound(goldstein_max, "--goldstein-max")
    if g_lo is not None and g_hi is not None and g_lo > g_hi:
        raise StoreError(f"--goldstein-min {g_lo:g} is above --goldstein-max {g_hi:g}")
    level = _check(min_level, _levels(), "--min-level")
    lo = filter_bounds(since, "--since")
    hi = filter_bounds(until, "--until")
    if actor is not None:
        if not fold(actor):
            raise StoreError("--actor needs a name")
        by_alias = select(al.c.identity_id).where(word_start_match(al.c.key, actor))
        conds.append(exists().where(ma.c.merged_event_id == m.c.id,
                                    or_(word_start_match(ma.c.key, actor), ma.c.person_id.in_(by_alias),
                                        ma.c.person_id == actor)))
    if person_id is not None:
        conds.append(exists().where(ma.c.merged_event_id == m.c.id, ma.c.person_id == person_id))
    for code in (country, with_):
        if code:
            conds.append(exists().where(ma.c.merged_event_id == m.c.id, ma.c.country == code))
    if types:
        conds.append(m.c.type.in_(types))
    if mode:
        conds.append(m.c.mode == mode)
    if lo:
        conds.append(m.c.date_end >= lo[0])
    if hi:
        conds.append(m.c.date_start <= hi[1])
    if level:
        conds.append(m.c.top_level_rank <= _levels().index(level))
    if status:
        conds.append(status_condition(status))
    if quads:
        conds.append(cameo_condition(lambda entry: entry.quad_class in quads))
    if g_lo is not None or g_hi is not None:
        low, high = -10.0 if g_lo is None else g_lo, 10.0 if g_hi is None else g_hi
        conds.append(cameo_condition(lambda entry: low <= entry.goldstein <= high))
    return conds


def _chunks(values, size=500):
    values = list(values)
    for i in range(0, len(values), size):
        yield values[i:i + size]


def hydrate(conn, rows) -> list[dict]:
    """Merged-event rows -> the event dicts of STORE_API (actors, sources, evidence attached)."""
    ids = [r.id for r in rows]
    actors, sources, evidence = defaultdict(list), defaultdict(list), defaultdict(list)
    ma, mem, a, e = schema.merged_event_actors, schema.merged_event_members, schema.articles, schema.events
    for chunk in _chunks(ids):
        for r in conn.execute(select(ma).where(ma.c.merged_event_id.in_(chunk)).order_by(ma.c.merged_event_id, ma.c.idx)):
            actors[r.merged_event_id].append({"name": r.name, "kind": r.kind, "country": r.country, "role": r.role,
                                              "person_id": r.person_id, "level": r.level})
        _actor_codes(conn, chunk, actors)
        q = (select(mem.c.merged_event_id, a.c.doc_id, a.c.title, a.c.source, a.c.url, a.c.published, e.c.evidence)
             .join(a, a.c.id == mem.c.article_id)
             .join(e, and_(e.c.article_id == mem.c.article_id, e.c.idx == mem.c.event_idx))
             .where(mem.c.merged_event_id.in_(chunk)).order_by(mem.c.merged_event_id, a.c.published, a.c.doc_id,
                                                               mem.c.event_idx))
        for r in conn.execute(q):
            if not any(s["doc_id"] == r.doc_id for s in sources[r.merged_event_id]):
                sources[r.merged_event_id].append({"doc_id": r.doc_id, "title": r.title, "source": r.source,
                                                   "url": r.url, "published": r.published})
            for ev in json.loads(r.evidence or "[]"):
                evidence[r.merged_event_id].append({"doc_id": r.doc_id, **ev})
    levels = _levels()
    out = []
    for r in rows:
        location = ({"name": r.location_name, "country": r.location_country}
                    if r.location_name or r.location_country else None)
        entry = cameo_code(r.cameo, r.type, r.mode)
        out.append({"id": r.id, "type": r.type, "mode": r.mode, "cameo": r.cameo,
                    "status": r.status or "happened",
                    "goldstein": entry.goldstein if entry else None, "quad_class": entry.quad_class if entry else None,
                    "date": r.date,
                    "date_start": r.date_start, "date_end": r.date_end, "date_precision": r.date_precision,
                    "location": location, "actors": actors[r.id], "n_sources": r.n_sources,
                    "sources": sources[r.id], "evidence": evidence[r.id], "merge_reason": r.merge_reason,
                    "mechanism": json.loads(r.mechanism) if r.mechanism else None,
                    "level": levels[r.top_level_rank] if r.top_level_rank is not None else None})
    return out


def _actor_codes(conn, merged_ids, actors) -> None:
    """Give each merged actor the CAMEO actor code and sector its reports give it (the most frequent
    among the member events' actors of its kind under its name, or under its identity's aliases)."""
    mem, ea, al = schema.merged_event_members, schema.event_actors, schema.identity_aliases
    found: dict = {}  # merged id -> (kind, name as written) -> {(code, sector): count}
    rows = conn.execute(select(mem.c.merged_event_id, ea.c.name, ea.c.kind, ea.c.code, ea.c.sector)
                        .join(ea, and_(ea.c.article_id == mem.c.article_id, ea.c.event_idx == mem.c.event_idx))
                        .where(mem.c.merged_event_id.in_(merged_ids),
                               or_(ea.c.code.is_not(None), ea.c.sector.is_not(None)))).all()
    for mid, name, kind, code, sector in rows:
        votes = found.setdefault(mid, {}).setdefault((kind, name), {})
        votes[(code, sector)] = votes.get((code, sector), 0) + 1
    unnamed = []
    for mid in merged_ids:
        by_name = found.get(mid)
        for actor in actors[mid]:
            # the merged actor's name is one its reports use: found as written, or after folding
            votes = by_name.get((actor["kind"], actor["name"])) if by_name else None
            if votes is None and by_name:
                unnamed.append((mid, actor))
            actor["code"], actor["sector"] = _most(votes)
    if not unnamed:
        return
    aliases = defaultdict(set)
    for chunk in _chunks(sorted({a["person_id"] for _, a in unnamed if a.get("person_id")})):
        for r in conn.execute(select(al.c.identity_id, al.c.key).where(al.c.identity_id.in_(chunk))):
            aliases[r.identity_id].add(r.key)
    for mid, actor in unnamed:
        keys = {fold(actor["name"])} | aliases.get(actor.get("person_id"), set())
        votes: dict = {}
        for (kind, name), given in found[mid].items():
            if kind == actor["kind"] and fold(name) in keys:
                for cs, n in given.items():
                    votes[cs] = votes.get(cs, 0) + n
        actor["code"], actor["sector"] = _most(votes)


def _most(votes: dict | None) -> tuple:
    """The (code, sector) given most often; ties go to the alphabetically first, so answers are stable."""
    if not votes:
        return None, None
    return min(votes, key=lambda cs: (-votes[cs], cs[0] or "", cs[1] or ""))


def events(conn, limit=None, offset=0, **filters) -> list[dict]:
    """Merged events matching the filters, latest first."""
    m = schema.merged_events
    limit, offset = _count(limit, "--limit"), _count(offset, "offset", 0)
    query = (select(m).where(*event_conditions(**filters))
             .order_by(m.c.date_start.desc().nulls_last(), m.c.id).offset(offset))
    if limit is not None:
        query = query.limit(limit)
    return hydrate(conn, conn.execute(query).all())


def count_events(conn, **filters) -> int:
    m = schema.merged_events
    return conn.execute(select(func.count()).select_from(m).where(*event_conditions(**filters))).scalar_one()


def event(conn, event_id: str) -> dict | None:
    m = schema.merged_events
    rows = conn.execute(select(m).where(m.c.id == str(event_id))).all()
    return hydrate(conn, rows)[0] if rows else None


# ----------------------------------------------------------------------- persons

def _roles(conn, ids) -> dict[str, list[dict]]:
    r = schema.roles
    out = defaultdict(list)
    for chunk in _chunks(ids):
        for row in conn.execute(select(r).where(r.c.identity_id.in_(chunk)).order_by(r.c.identity_id, r.c.idx)):
            out[row.identity_id].append({"title": row.title, "org": row.org, "country": row.country,
                                         "level": row.level, "first_seen": row.first_seen,
                                         "last_seen": row.last_seen, "article_ids": json.loads(row.article_ids or "[]")})
    for roles in out.values():
        roles.sort(key=lambda x: (x["first_seen"] or "9999", x["title"]))
    return out


def _person_dicts(conn, rows) -> list[dict]:
    roles = _roles(conn, [r.id for r in rows])
    return [{"id": r.id, "name": r.name, "country": r.country, "aliases": json.loads(r.aliases or "[]"),
             "roles": roles.get(r.id, []), "n_events": r.n_events} for r in rows]


def persons(conn, country=None, name=None, limit=None, offset=0) -> list[dict]:
    """Person identities (with role history), most active first."""
    i, al = schema.identities, schema.identity_aliases
    country = country_code(country, "--country")
    query = select(i)
    if country:
        query = query.where(i.c.country == country)
    if name is not None:
        query = query.where(or_(i.c.id == name, i.c.id.in_(select(al.c.identity_id).where(word_start_match(al.c.key, name)))))
    query = query.order_by(i.c.n_events.desc(), i.c.name, i.c.id).offset(_count(offset, "offset", 0))
    limit = _count(limit, "--limit")
    if limit is not None:
        query = query.limit(limit)
    return _person_dicts(conn, conn.execute(query).all())


def find_person(conn, name_or_id: str):
    """The identity row for an id, an exact name or alias, else the most active partial match."""
    i, al = schema.identities, schema.identity_aliases
    row = conn.execute(select(i).where(i.c.id == str(name_or_id))).first()
    if row:
        return row
    moved = conn.execute(select(schema.identity_redirects.c.new_id)
                         .where(schema.identity_redirects.c.old_id == str(name_or_id))).scalar()
    if moved:  # an id merged into another identity answers with that one
        row = conn.execute(select(i).where(i.c.id == moved)).first()
        if row:
            return row
    key = fold(name_or_id)
    if not key:
        return None
    for cond in (al.c.key == key, word_start_match(al.c.key, name_or_id)):
        row = conn.execute(select(i).where(i.c.id.in_(select(al.c.identity_id).where(cond)))
                           .order_by(i.c.n_events.desc(), i.c.id).limit(1)).first()
        if row:
            return row
    return None


def person(conn, name_or_id: str) -> dict | None:
    """One identity with roles, its events and the people it met most."""
    row = find_person(conn, name_or_id)
    if row is None:
        return None
    out = _person_dicts(conn, [row])[0]
    out["events"] = events(conn, person_id=row.id)
    counts = Counter()
    names = {}
    for ev in out["events"]:
        seen = set()
        for actor in ev["actors"]:
            if actor["kind"] != "person" or actor["person_id"] == row.id:
                continue
            key = actor["person_id"] or fold(actor["name"])
            if key in seen:
                continue
            seen.add(key)
            counts[key] += 1
            names.setdefault(key, actor)
    out["counterparts"] = [{"name": names[k]["name"], "person_id": names[k]["person_id"],
                            "country": names[k]["country"], "count": n}
                           for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], names[kv[0]]["name"]))]
    return out


# ----------------------------------------------------------------------- articles, search

def article(conn, doc_id: str) -> dict | None:
    a, mem = schema.articles, schema.merged_event_members
    r = conn.execute(select(a).where(a.c.doc_id == str(doc_id))).first()
    if r is None:
        return None
    merged = dict(((m.event_idx, m.merged_event_id) for m in conn.execute(
        select(mem.c.event_idx, mem.c.merged_event_id).where(mem.c.article_id == r.id))))
    extraction = json.loads(r.extraction or "{}")
    return {"doc_id": r.doc_id, "title": r.title, "source": r.source, "url": r.url, "published": r.published,
            "text": r.text, "body": [r.body_start, r.body_end], "extraction": extraction,
            "event_ids": [merged.get(i) for i in range(len(extraction.get("events", [])))],
            "extractor_version": r.extractor_version, "ingested_at": r.ingested_at, "updated_at": r.updated_at}


def articles(conn, limit=50, offset=0) -> list[dict]:
    a, e = schema.articles, schema.events
    n_events = select(func.count()).select_from(e).where(e.c.article_id == a.c.id).scalar_subquery()
    query = (select(a.c.doc_id, a.c.title, a.c.source, a.c.url, a.c.published, a.c.extractor_version,
                    n_events.label("n_events"))
             .order_by(a.c.published.desc().nulls_last(), a.c.doc_id)
             .limit(_count(limit, "--limit", 50)).offset(_count(offset, "offset", 0)))
    return [dict(r._mapping) for r in conn.execute(query)]


def search(conn, query: str, limit=20) -> list[dict]:
    """Full-text hits with `snippet` (match in «»), and `snippet_html` (escaped, match in <mark>)."""
    hits = fts.search(conn, query, _count(limit, "--limit", 20))
    for hit in hits:
        raw = hit["snippet"]
        hit["snippet"] = fts.mark(raw, *SNIPPET_MARKS)
        hit["snippet_html"] = fts.mark(raw, "<mark>", "</mark>", escape=html.escape)
    return hits


# ----------------------------------------------------------------------- statistics

def stats(conn, a: str, b: str | None = None) -> dict:
    """Engagements of country `a` (with `b`): by month and mode, by month and level, counterparts, latest."""
    a = country_code(a, "--pair")
    b = country_code(b, "--pair") if b else None
    m, ma = schema.merged_events, schema.merged_event_actors
    conds = event_conditions(country=a, with_=b)
    month = func.substr(m.c.date_start, 1, 7).label("month")
    by_month = [{"month": r.month, "mode": r.mode or r.type, "count": r.n} for r in conn.execute(
        select(month, m.c.mode, m.c.type, func.count().label("n")).where(*conds)
        .group_by(month, m.c.mode, m.c.type).order_by(month, m.c.mode, m.c.type))]
    # Same (month, mode) may come from several types with no mode: add them up.
    merged = Counter()
    for row in by_month:
        merged[(row["month"], row["mode"])] += row["count"]
    by_month = [{"month": k[0], "mode": k[1], "count": n} for k, n in merged.items()]
    levels = _levels()
    by_level = [{"month": r.month, "level": levels[r.top_level_rank] if r.top_level_rank is not None else None,
                 "count": r.n} for r in conn.execute(
        select(month, m.c.top_level_rank, func.count().label("n")).where(*conds)
        .group_by(month, m.c.top_level_rank).order_by(month, m.c.top_level_rank))]
    total = conn.execute(select(func.count()).select_from(m).where(*conds)).scalar_one()
    ids = select(m.c.id).where(*conds)
    if b:
        key = func.coalesce(ma.c.person_id, ma.c.key)
        rows = conn.execute(
            select(key.label("k"), func.min(ma.c.name).label("name"), func.min(ma.c.person_id).label("person_id"),
                   func.min(ma.c.country).label("country"), func.count(func.distinct(ma.c.merged_event_id)).label("n"))
            .where(ma.c.merged_event_id.in_(ids), ma.c.kind == "person").group_by(key)
            .order_by(func.count(func.distinct(ma.c.merged_event_id)).desc(), key).limit(10))
        top = [{"name": r.name, "person_id": r.person_id, "country": r.country, "count": r.n} for r in rows]
    else:
        rows = conn.execute(
            select(ma.c.country, func.count(func.distinct(ma.c.merged_event_id)).label("n"))
            .where(ma.c.merged_event_id.in_(ids), ma.c.country.is_not(None), ma.c.country != a)
            .group_by(ma.c.country).order_by(func.count(func.distinct(ma.c.merged_event_id)).desc(), ma.c.country)
            .limit(10))
        top = [{"name": r.country, "country": r.country, "person_id": None, "count": r.n} for r in rows]
    return {"pair": [a, b], "by_month": sorted(by_month, key=lambda x: (x["month"] or "", x["mode"] or "")),
            "by_level": by_level, "top_counterparts": top, "latest": events(conn, limit=10, country=a, with_=b),
            "total": total}


def network(conn, country=None, since=None, until=None) -> dict:
    """Who meets whom: actors as nodes (persons by identity), co-participation in events as edges."""
    m, ma = schema.merged_events, schema.merged_event_actors
    ids = select(m.c.id).where(*event_conditions(country=country, since=since, until=until))
    nodes, per_event = {}, defaultdict(set)
    for r in conn.execute(select(ma).where(ma.c.merged_event_id.in_(ids)).order_by(ma.c.merged_event_id, ma.c.idx)):
        node_id = r.person_id or f"{r.kind}:{r.country or ''}:{r.key}"
        node = nodes.setdefault(node_id, {"id": node_id, "name": r.name, "kind": r.kind, "country": r.country,
                                          "count": 0})
        if node_id not in per_event[r.merged_event_id]:
            node["count"] += 1
            per_event[r.merged_event_id].add(node_id)
    edges = Counter()
    for members in per_event.values():
        ordered = sorted(members)
        for i, s in enumerate(ordered):
            for t in ordered[i + 1:]:
                edges[(s, t)] += 1
    return {"nodes": sorted(nodes.values(), key=lambda n: (-n["count"], n["id"])),
            "edges": [{"source": s, "target": t, "count": n} for (s, t), n in sorted(edges.items())]}
