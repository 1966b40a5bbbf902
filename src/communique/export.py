"""Exports of merged events and persons: contract JSONL, flat CSV, Parquet, PLOVER, CAMEO dyads, GraphML.

Every function takes plain dicts in the store's shapes (STORE_API.md: merged event dicts,
person dicts, article dicts) so it works on `Store.events()` as well as on a list built in
memory (`communique.resolve.corpus.CorpusResolution.event_dicts()`).
"""
from __future__ import annotations

import csv
import io
import json
from itertools import combinations
from pathlib import Path
from typing import IO, Iterable

from communique.cameo import CameoCode, cameo_code  # noqa: F401  (CameoCode: re-exported)

FORMATS = ("jsonl", "csv", "parquet", "plover", "cameo", "graphml")


class ExportError(ValueError):
    """An export that cannot be written (bad target, missing library); one-line message."""


# ---------------------------------------------------------------- helpers

def _loc(ev: dict) -> tuple[str | None, str | None]:
    loc = ev.get("location") or {}
    return loc.get("name"), loc.get("country")


def _urls(ev: dict) -> list[str]:
    return [s["url"] for s in ev.get("sources") or [] if s.get("url")]


def _doc_ids(ev: dict) -> list[str]:
    return [s["doc_id"] for s in ev.get("sources") or [] if s.get("doc_id")]


def _n_sources(ev: dict) -> int:
    return int(ev.get("n_sources") or len(ev.get("sources") or []))


def _scores(ev: dict) -> tuple[float | None, int | None]:
    """(Goldstein score, quad class): the event's own when it has them, else its CAMEO entry's."""
    if ev.get("goldstein") is not None and ev.get("quad_class") is not None:
        return ev["goldstein"], ev["quad_class"]
    entry = cameo_code(ev.get("cameo"), ev.get("type"), ev.get("mode"))
    return (entry.goldstein, entry.quad_class) if entry else (None, None)


def _status(ev: dict) -> str:
    return ev.get("status") or "happened"


def _text_sink(output) -> tuple[IO[str], bool]:
    if output is None or hasattr(output, "write"):
        import sys
        return (output or sys.stdout), False
    try:
        return open(output, "w", encoding="utf-8", newline=""), True
    except OSError as exc:
        raise ExportError(f"{output}: cannot write: {exc.strerror}") from None


# ---------------------------------------------------------------- JSONL (the extraction contract)

def write_jsonl(articles: Iterable[dict], output=None) -> int:
    """One contract JSON object per article (its extraction); returns the number written.

    Accepts store article dicts (with "extraction"), contract dicts or `model.Article`s.
    """
    out, close = _text_sink(output)
    n = 0
    try:
        for art in articles:
            if hasattr(art, "to_dict"):
                art = art.to_dict()
            data = art.get("extraction") or art
            out.write(json.dumps(data, ensure_ascii=False) + "\n")
            n += 1
    finally:
        if close:
            out.close()
    return n


# ---------------------------------------------------------------- flat rows, CSV, DataFrames

EVENT_ACTOR_COLUMNS = ["event_id", "type", "mode", "cameo", "status", "goldstein", "quad_class", "date",
                       "location_name", "location_country", "actor_index", "actor_name", "actor_kind",
                       "actor_country", "actor_role", "actor_code", "actor_sector", "person_id",
                       "n_sources", "doc_ids", "urls", "merge_reason"]


def event_actor_rows(events: Iterable[dict]) -> list[dict]:
    """One row per event-actor pair (an event without actors gives one row with empty actor)."""
    rows = []
    for ev in events:
        name, country = _loc(ev)
        goldstein, quad = _scores(ev)
        base = {"event_id": ev.get("id"), "type": ev.get("type"), "mode": ev.get("mode"), "cameo": ev.get("cameo"),
                "status": _status(ev), "goldstein": goldstein, "quad_class": quad, "date": ev.get("date"), "location_name": name, "location_country": country,
                "n_sources": _n_sources(ev), "doc_ids": " ".join(_doc_ids(ev)), "urls": " ".join(_urls(ev)),
                "merge_reason": ev.get("merge_reason")}
        actors = ev.get("actors") or [{}]
        for i, a in enumerate(actors):
            rows.append({**base, "actor_index": i if a else None, "actor_name": a.get("name"),
                         "actor_kind": a.get("kind"), "actor_country": a.get("country"),
                         "actor_role": a.get("role"), "actor_code": a.get("code"),
                         "actor_sector": a.get("sector"), "person_id": a.get("person_id")})
    return rows


def write_csv(events: Iterable[dict], output=None) -> int:
    """Flat CSV, one row per event-actor pair; returns the number of rows."""
    rows = event_actor_rows(events)
    out, close = _text_sink(output)
    try:
        w = csv.DictWriter(out, fieldnames=EVENT_ACTOR_COLUMNS, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    finally:
        if close:
            out.close()
    return len(rows)


EVENT_COLUMNS = ["id", "type", "mode", "cameo", "status", "goldstein", "quad_class", "date", "location_name",
                 "location_country", "actors", "countries", "actor_codes", "n_sources", "doc_ids", "mechanism",
                 "merge_reason"]


def _event_row(ev: dict) -> dict:
    name, country = _loc(ev)
    actors = ev.get("actors") or []
    mech = ev.get("mechanism")
    goldstein, quad = _scores(ev)
    return {"id": ev.get("id"), "type": ev.get("type"), "mode": ev.get("mode"), "cameo": ev.get("cameo"),
            "status": _status(ev), "goldstein": goldstein, "quad_class": quad,
            "date": ev.get("date"), "location_name": name, "location_country": country,
            "actors": "; ".join(a.get("name") or "" for a in actors),
            "countries": " ".join(sorted({a["country"] for a in actors if a.get("country")})),
            "actor_codes": "; ".join(a.get("code") or "" for a in actors) if any(a.get("code") for a in actors)
            else None,
            "n_sources": _n_sources(ev), "doc_ids": " ".join(_doc_ids(ev)),
            "mechanism": json.dumps(mech, ensure_ascii=False) if mech else None,
            "merge_reason": ev.get("merge_reason")}


def events_frame(events: Iterable[dict]):
    """pandas DataFrame, one row per merged event (actors joined with "; ")."""
    import pandas as pd

    return pd.DataFrame([_event_row(ev) for ev in events], columns=EVENT_COLUMNS)


PERSON_COLUMNS = ["id", "name", "country", "aliases", "title", "level", "first_seen", "last_seen", "n_roles",
                  "n_events"]


def persons_frame(persons: Iterable[dict]):
    """pandas DataFrame, one row per person identity; title/level are the latest role's."""
    import pandas as pd

    rows = []
    for p in persons:
        roles = p.get("roles") or []
        latest = roles[-1] if roles else {}
        seen = [d for r in roles for d in (r.get("first_seen"), r.get("last_seen")) if d]
        rows.append({"id": p.get("id"), "name": p.get("name"), "country": p.get("country"),
                     "aliases": "; ".join(p.get("aliases") or []), "title": latest.get("title"),
                     "level": latest.get("level"), "first_seen": min(seen) if seen else None,
                     "last_seen": max(seen) if seen else None, "n_roles": len(roles),
                     "n_events": p.get("n_events", 0)})
    return pd.DataFrame(rows, columns=PERSON_COLUMNS)


# ---------------------------------------------------------------- Parquet

def write_parquet(events: Iterable[dict], target) -> list[str]:
    """Two Parquet tables: in folder `target` (events.parquet, event_actors.parquet), or, when
    `target` ends in .parquet, the events there and the actors in <name>_actors.parquet beside it."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:  # pragma: no cover - a dependency of the package
        raise ExportError("Parquet export needs pyarrow (pip install pyarrow)") from None
    events = list(events)
    target = Path(target)
    if target.suffix.lower() == ".parquet":  # FILE.parquet: events there, actors beside it
        folder = target.parent
        names = {"events": target.name, "event_actors": f"{target.stem}_actors.parquet"}
    else:
        folder = target
        names = {"events": "events.parquet", "event_actors": "event_actors.parquet"}
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder}: expected a folder for the Parquet tables, found a file")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"{folder}: cannot create folder: {exc.strerror}") from None
    def column_type(c):
        return pa.int64() if c in ("n_sources", "actor_index", "quad_class") else \
            pa.float64() if c == "goldstein" else pa.string()

    ev_schema = pa.schema([(c, column_type(c)) for c in EVENT_COLUMNS])
    ac_schema = pa.schema([(c, column_type(c)) for c in EVENT_ACTOR_COLUMNS])
    ev_rows = [_event_row(ev) for ev in events]
    ac_rows = [r for r in event_actor_rows(events) if r["actor_index"] is not None]
    paths = []
    for name, rows, schema in (("events", ev_rows, ev_schema), ("event_actors", ac_rows, ac_schema)):
        table = pa.Table.from_pylist(rows, schema=schema)
        path = folder / names[name]
        try:
            pq.write_table(table, path)
        except OSError as exc:
            raise ExportError(f"{path}: cannot write: {exc}") from None
        paths.append(str(path))
    return paths


# ---------------------------------------------------------------- PLOVER records

def plover_records(events: Iterable[dict]) -> list[dict]:
    """PLOVER-style event records: type, mode, status, CAMEO code with Goldstein score and quad class,
    actors (with CAMEO actor codes and sectors), date, location, sources."""
    out = []
    for ev in events:
        actors = ev.get("actors") or []
        name, country = _loc(ev)
        ordered = _dyad_order(actors)
        goldstein, quad = _scores(ev)
        first, second = (ordered[0] if ordered else {}), (ordered[1] if len(ordered) > 1 else {})
        rec = {"event_id": ev.get("id"), "event_date": ev.get("date"), "event_type": ev.get("type"),
               "event_mode": ev.get("mode"), "event_status": _status(ev), "cameo_code": ev.get("cameo"),
               "goldstein": goldstein, "quad_class": quad,
               "actors": [{"name": a.get("name"), "kind": a.get("kind"), "country": a.get("country"),
                           "role": a.get("role"), "code": a.get("code"), "sector": a.get("sector"),
                           "person_id": a.get("person_id")} for a in actors],
               "actor1": first.get("name"), "actor1_country": first.get("country"), "actor1_code": first.get("code"),
               "actor2": second.get("name"), "actor2_country": second.get("country"),
               "actor2_code": second.get("code"),
               "location": {"name": name, "country": country} if (name or country) else None,
               "mechanism": ev.get("mechanism"),
               "sources": [{k: s.get(k) for k in ("doc_id", "title", "source", "url", "published")}
                           for s in ev.get("sources") or []],
               "num_sources": _n_sources(ev)}
        out.append(rec)
    return out


def write_plover(events: Iterable[dict], output=None) -> int:
    """PLOVER records as JSON Lines; returns the number written."""
    recs = plover_records(events)
    out, close = _text_sink(output)
    try:
        for r in recs:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    finally:
        if close:
            out.close()
    return len(recs)


# ---------------------------------------------------------------- CAMEO dyadic table

# who comes first in a dyad: the side that acts (source, visitor, host) before the side acted on
_ROLE_ORDER = {"source": 0, "visitor": 1, "host": 2, "co-chair": 3, "participant": 4, "guest": 5, "target": 6}

CAMEO_COLUMNS = ["event_id", "date", "actor1_name", "actor1_country", "actor1_role", "actor1_kind", "actor1_code",
                 "actor2_name", "actor2_country", "actor2_role", "actor2_kind", "actor2_code", "event_code",
                 "event_root_code", "quad_class", "goldstein_scale", "status", "place_name", "place_country",
                 "source_urls", "num_sources"]


def _dyad_order(actors: list[dict]) -> list[dict]:
    return sorted(actors, key=lambda a: _ROLE_ORDER.get(a.get("role") or "", 4))


def cameo_rows(events: Iterable[dict]) -> list[dict]:
    """GDELT-like dyadic rows: one per pair of actors from different sides of each event.

    Actors of the same country on one side (two Vietnamese co-hosts) form no dyad with
    each other; an event with one actor gives one row with an empty actor2.
    """
    rows = []
    for ev in events:
        entry = cameo_code(ev.get("cameo"), ev.get("type"), ev.get("mode"))
        name, country = _loc(ev)
        base = {"event_id": ev.get("id"), "date": ev.get("date"), "status": _status(ev),
                "event_code": entry.code if entry else ev.get("cameo"),
                "event_root_code": entry.root if entry else None, "quad_class": entry.quad_class if entry else None,
                "goldstein_scale": entry.goldstein if entry else None, "place_name": name, "place_country": country,
                "source_urls": " ".join(_urls(ev)), "num_sources": _n_sources(ev)}
        actors = _dyad_order(ev.get("actors") or [])
        pairs = [(a, b) for a, b in combinations(actors, 2)
                 if not (a.get("country") and a.get("country") == b.get("country") and a.get("role") == b.get("role"))]
        if not pairs:
            pairs = [(actors[0], {})] if actors else [({}, {})]
        for a, b in pairs:
            rows.append({**base, "actor1_code": a.get("code"), "actor1_name": a.get("name"),
                         "actor1_country": a.get("country"), "actor1_role": a.get("role"),
                         "actor1_kind": a.get("kind"), "actor2_code": b.get("code"),
                         "actor2_name": b.get("name"), "actor2_country": b.get("country"),
                         "actor2_role": b.get("role"), "actor2_kind": b.get("kind")})
    return rows


def write_cameo(events: Iterable[dict], output=None, *, delimiter: str = "\t") -> int:
    """The CAMEO dyadic table as TSV (or CSV with delimiter=","); returns the number of rows."""
    rows = cameo_rows(events)
    out, close = _text_sink(output)
    try:
        w = csv.DictWriter(out, fieldnames=CAMEO_COLUMNS, delimiter=delimiter, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    finally:
        if close:
            out.close()
    return len(rows)


# ---------------------------------------------------------------- GraphML actor network

def actor_graph(events: Iterable[dict]):
    """networkx Graph of persons and organisations; edge weight = number of shared events."""
    import networkx as nx

    g = nx.Graph()
    for ev in events:
        nodes = []
        for a in ev.get("actors") or []:
            kind = a.get("kind") or "person"
            if kind == "country":
                continue
            node = a.get("person_id") or f"{kind}:{a.get('name')}"
            if node not in g:
                g.add_node(node, name=a.get("name") or "", kind=kind, country=a.get("country") or "", events=0)
            elif not g.nodes[node]["country"] and a.get("country"):
                g.nodes[node]["country"] = a["country"]
            if node not in nodes:
                nodes.append(node)
        for node in nodes:
            g.nodes[node]["events"] += 1
        for u, v in combinations(nodes, 2):
            if g.has_edge(u, v):
                g[u][v]["weight"] += 1
            else:
                g.add_edge(u, v, weight=1)
    return g


def write_graphml(events: Iterable[dict], output) -> tuple[int, int]:
    """The actor network as GraphML; returns (nodes, edges)."""
    import networkx as nx

    g = actor_graph(events)
    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8")
    data = buf.getvalue()
    if output is None or hasattr(output, "write"):
        import sys
        sink = output or sys.stdout.buffer
        try:
            sink.write(data)
        except TypeError:  # a text stream
            sink.write(data.decode("utf-8"))
    else:
        try:
            Path(output).write_bytes(data)
        except OSError as exc:
            raise ExportError(f"{output}: cannot write: {exc.strerror}") from None
    return g.number_of_nodes(), g.number_of_edges()


# ---------------------------------------------------------------- one entry point

def export(fmt: str, events: list[dict], output=None, *, articles: Iterable[dict] | None = None) -> str:
    """Write `events` (or `articles` for jsonl) in `fmt` to `output`; returns a one-line summary."""
    if fmt == "jsonl":
        n = write_jsonl(articles or [], output)
        return f"{n} articles"
    if fmt == "csv":
        return f"{write_csv(events, output)} event-actor rows"
    if fmt == "parquet":
        if output is None or hasattr(output, "write"):
            raise ExportError("Parquet export needs -o FOLDER or -o FILE.parquet")
        paths = write_parquet(events, output)
        return f"{len(events)} events -> {', '.join(paths)}"
    if fmt == "plover":
        return f"{write_plover(events, output)} PLOVER records"
    if fmt == "cameo":
        delimiter = "," if isinstance(output, (str, Path)) and str(output).lower().endswith(".csv") else "\t"
        return f"{write_cameo(events, output, delimiter=delimiter)} dyadic rows"
    if fmt == "graphml":
        nodes, edges = write_graphml(events, output)
        return f"{nodes} nodes, {edges} edges"
    raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
