"""Exports of every view (timeline, pair, person, persons, network, search) as CSV, JSON, Parquet or
GraphML, streamed with a Content-Disposition that names the file after the view and its filters.

CSV and JSON are written row by row as the store yields them (csv and json from the standard
library); Parquet (pyarrow) is written in row groups to a temporary file, then streamed; GraphML comes
from networkx's line generator.
"""
from __future__ import annotations

import csv
import io
import json
import re
import tempfile

from fastapi.responses import StreamingResponse

FORMATS = ("csv", "json", "parquet")
MEDIA = {"csv": "text/csv; charset=utf-8", "json": "application/json", "parquet": "application/vnd.apache.parquet",
         "graphml": "application/graphml+xml"}
ROW_GROUP = 5000

EVENT_COLUMNS = ["id", "date", "date_start", "date_end", "date_precision", "type", "mode", "cameo", "status",
                 "goldstein", "quad_class", "level", "location", "location_country", "countries", "actors",
                 "person_ids", "mechanism", "n_sources", "sources", "merge_reason"]
PERSON_COLUMNS = ["id", "name", "country", "n_events", "latest_title", "latest_level", "last_seen", "aliases"]
SEARCH_COLUMNS = ["doc_id", "title", "published", "snippet"]
ARTICLE_COLUMNS = ["doc_id", "title", "source", "url", "published", "n_events"]
NODE_COLUMNS = ["id", "name", "kind", "country", "count"]
EDGE_COLUMNS = ["source", "target", "source_name", "target_name", "count"]


def event_row(ev: dict) -> dict:
    loc = ev.get("location") or {}
    mech = ev.get("mechanism") or {}
    return {"id": ev["id"], "date": ev.get("date"), "date_start": ev.get("date_start"), "date_end": ev.get("date_end"),
            "date_precision": ev.get("date_precision"), "type": ev.get("type"), "mode": ev.get("mode"),
            "cameo": ev.get("cameo"), "status": ev.get("status"), "goldstein": ev.get("goldstein"),
            "quad_class": ev.get("quad_class"), "level": ev.get("level"), "location": loc.get("name"),
            "location_country": loc.get("country"),
            "countries": ";".join(sorted({a["country"] for a in ev.get("actors") or [] if a.get("country")})),
            "actors": "; ".join(a["name"] for a in ev.get("actors") or []),
            "person_ids": ";".join(a["person_id"] for a in ev.get("actors") or [] if a.get("person_id")),
            "mechanism": mech.get("name") if isinstance(mech, dict) else None,
            "n_sources": ev.get("n_sources"),
            "sources": ";".join(s["doc_id"] for s in ev.get("sources") or []), "merge_reason": ev.get("merge_reason")}


def latest_role(person: dict) -> dict:
    """The role seen most recently (by last_seen, then first_seen), not the last row listed."""
    roles = [r for r in person.get("roles") or [] if r]
    if not roles:
        return {}
    return max(roles, key=lambda r: (r.get("last_seen") or "", r.get("first_seen") or ""))


def person_row(p: dict) -> dict:
    role = latest_role(p)
    return {"id": p["id"], "name": p["name"], "country": p.get("country"), "n_events": p.get("n_events"),
            "latest_title": role.get("title"), "latest_level": role.get("level"), "last_seen": role.get("last_seen"),
            "aliases": "; ".join(p.get("aliases") or [])}


def filename(view: str, query: dict, ext: str) -> str:
    """`events-country-VNM-with-USA.csv`: the view and its filters, in safe characters."""
    parts = [view] + [f"{k}-{v}" for k, v in sorted(query.items()) if v not in (None, "") and k != "format"]
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", "-".join(parts))[:120].strip("_-") or view
    return f"{name}.{ext}"


def _csv_lines(rows, columns):
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for i, row in enumerate(rows):
        writer.writerow(row)
        if i % 200 == 199:
            yield buf.getvalue().encode()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue().encode()


def _json_array(rows):
    yield b"["
    for i, row in enumerate(rows):
        yield (b",\n" if i else b"\n") + json.dumps(row, ensure_ascii=False).encode()
    yield b"\n]\n"


INT_COLUMNS = {"n_sources", "n_events", "count", "quad_class", "events", "verbal_cooperation", "material_cooperation",
               "verbal_conflict", "material_conflict", "unknown"}
FLOAT_COLUMNS = {"goldstein", "mean_goldstein"}
TREND_COLUMNS = ["month", "events", "mean_goldstein", "verbal_cooperation", "material_cooperation", "verbal_conflict",
                 "material_conflict", "unknown"]


def _parquet(rows, columns):
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c, pa.int64() if c in INT_COLUMNS else pa.float64() if c in FLOAT_COLUMNS else pa.string())
                        for c in columns])
    with tempfile.TemporaryFile() as spool:
        with pq.ParquetWriter(spool, schema) as writer:
            batch: list[dict] = []
            for row in rows:
                batch.append({c: row.get(c) for c in columns})
                if len(batch) >= ROW_GROUP:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                    batch.clear()
            if batch:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
        spool.seek(0)
        while chunk := spool.read(65536):
            yield chunk


def stream(rows, columns: list[str], fmt: str, name: str) -> StreamingResponse:
    """The rows (an iterator of dicts) as a download in `fmt`."""
    if fmt == "csv":
        body = _csv_lines(rows, columns)
    elif fmt == "json":
        body = _json_array({c: r.get(c) for c in columns} for r in rows)
    elif fmt == "parquet":
        body = _parquet(rows, columns)
    else:
        raise ValueError(fmt)
    return StreamingResponse(body, media_type=MEDIA[fmt],
                             headers={"Content-Disposition": f'attachment; filename="{name}"'})


def graphml(graph: dict, name: str) -> StreamingResponse:
    """Store.network() as GraphML: nodes with name, kind, country, count; edges with count."""
    import networkx as nx

    g = nx.Graph()
    for n in graph.get("nodes") or []:
        g.add_node(n["id"], **{k: v for k, v in n.items() if k != "id" and v is not None})
    for e in graph.get("edges") or []:
        g.add_edge(e["source"], e["target"], count=int(e.get("count") or 1))
    body = (line.encode() + b"\n" for line in nx.generate_graphml(g))
    return StreamingResponse(body, media_type=MEDIA["graphml"],
                             headers={"Content-Disposition": f'attachment; filename="{name}"'})


def edge_rows(graph: dict):
    names = {n["id"]: n.get("name") for n in graph.get("nodes") or []}
    for e in graph.get("edges") or []:
        yield {"source": e["source"], "target": e["target"], "source_name": names.get(e["source"]),
               "target_name": names.get(e["target"]), "count": e.get("count")}


# ----------------------------------------------------------------------------- routes

from fastapi import APIRouter, Depends, Query, Request  # noqa: E402
from fastapi.responses import JSONResponse  # noqa: E402

from communique.web import params, schemas  # noqa: E402

FILE_OK = {200: {"description": "the file, streamed, with Content-Disposition: attachment",
                 "content": {**schemas.FILE["content"], "application/json": {"schema": {"type": "array",
                                                                                      "items": {"type": "object"}}}}}}
router = APIRouter(prefix="/export", tags=["export"], responses={**FILE_OK, **schemas.ERRORS})
DESCRIPTION = "csv, json or parquet; every matching row, streamed, as an attachment"


def check_format(value: str, allowed=FORMATS) -> str:
    fmt = (value or "").lower()
    if fmt not in allowed:
        raise params.BadParameter("format", f"{value!r} is not one of {', '.join(allowed)}")
    return fmt


def events_export(request: Request, f: params.EventFilters, fmt: str) -> StreamingResponse:
    from communique.store import aggregates

    rows = (event_row(ev) for ev in aggregates.iter_events(request.app.state.store.engine, **f.as_kwargs()))
    return stream(rows, EVENT_COLUMNS, fmt, filename("events", f.as_query(), fmt))


def persons_export(request: Request, country: str | None, q: str | None, fmt: str) -> StreamingResponse:
    rows = (person_row(p) for p in request.app.state.store.persons(country=country, name=q))
    return stream(rows, PERSON_COLUMNS, fmt, filename("persons", {"country": country, "q": q}, fmt))


@router.get("/events.{ext}", summary="Events matching the timeline's filters, as a file")
def export_events(request: Request, ext: str, f: params.EventFilters = Depends(params.event_filters)):
    return events_export(request, f, check_format(ext))


@router.get("/trend.{ext}", summary="The pair page's cooperation-conflict trend, month by month, as a file")
def export_trend(request: Request, ext: str, f: params.EventFilters = Depends(params.event_filters)):
    from communique.store import aggregates
    from communique.web import charts

    fmt = check_format(ext)
    chart = charts.trend_chart(request.app.state.store._read(aggregates.trend, **f.as_kwargs()))
    rows = ({c: row.get(c, 0) for c in TREND_COLUMNS} for row in chart["table"])
    return stream(rows, TREND_COLUMNS, fmt, filename("trend", f.as_query(), fmt))


@router.get("/persons.{ext}", summary="Persons (by country or name), as a file")
def export_persons(request: Request, ext: str, country: str | None = None, q: str | None = None):
    fmt = check_format(ext)
    return persons_export(request, params.country(country), params.text(q, "q"), fmt)


@router.get("/search.{ext}", summary="Search hits (up to 500), as a file")
def export_search(request: Request, ext: str, q: str = Query(...)):
    fmt = check_format(ext)
    q = params.text(q, "q")
    if not q:
        raise params.BadParameter("q", "empty query")
    hits = request.app.state.store.search(q, limit=params.MAX_LIMIT)
    return stream(iter(hits), SEARCH_COLUMNS, fmt, filename("search", {"q": q}, fmt))


@router.get("/network.{ext}", summary="The network: GraphML, or its edges as csv/parquet, or JSON nodes and edges")
def export_network(request: Request, ext: str, country: str | None = None, since: str | None = None,
                   until: str | None = None, min_weight: int = Query(1, ge=1, le=1_000_000)):
    fmt = check_format(ext, FORMATS + ("graphml",))
    query = {"country": params.country(country), "since": params.date(since, "since"),
             "until": params.date(until, "until")}
    graph = request.app.state.store.network(**query)
    if min_weight > 1:
        graph = {"nodes": graph["nodes"], "edges": [e for e in graph["edges"] if int(e.get("count") or 1) >= min_weight]}
        query["min_weight"] = min_weight
    name = filename("network", query, fmt)
    if fmt == "graphml":
        return graphml(graph, name)
    if fmt == "json":
        return JSONResponse(graph, headers={"Content-Disposition": f'attachment; filename="{name}"'})
    return stream(edge_rows(graph), EDGE_COLUMNS, fmt, name)
