"""Server-rendered pages (Jinja2, autoescaped): overview, timeline, network, person, event, article,
search and the paste form. They call the same Store queries as the API."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from communique import __version__
from communique.web import charts, params
from communique.web.highlight import Span, article_spans, segments
from communique.web.security import token_matches
from communique.web.exports import latest_role
from communique.web.extraction import Busy, Failed, TooLarge, TooSlow
from communique.web.writer import IngestFailed

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=HERE / "templates")
router = APIRouter(include_in_schema=False)


def country_name(code: str | None) -> str:
    """English short name of an ISO3 code, for display ("VNM" -> "Vietnam")."""
    if not code:
        return ""
    try:
        from communique.places import country_name as _name

        name = _name(code)
        if name:
            return name
    except ImportError:
        pass
    import pycountry

    c = pycountry.countries.get(alpha_3=code)
    return (getattr(c, "common_name", None) or c.name) if c else code


def _qs(base: dict, **changes) -> str:
    merged = {**base, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "", [], ())}, doseq=True)


def safe_url(url: str | None) -> str:
    """Only http(s) links from article metadata; anything else (javascript:, data:) becomes "#"."""
    return url if isinstance(url, str) and url.lower().startswith(("http://", "https://")) else "#"


def quad_css(quad: str) -> str:
    """The style class of a CAMEO quad class's name (charts.QUADS), "q0" for unknown."""
    return next((f"q{k}" for k, name in charts.QUADS.items() if name == quad), "q0")


templates.env.globals.update(country_name=country_name, version=__version__, qs=_qs, latest_role=latest_role,
                             quads_named=charts.QUADS)
templates.env.filters.update(country_name=country_name, safe_url=safe_url, quad_css=quad_css)


def render(request: Request, name: str, context: dict, status: int = 200) -> HTMLResponse:
    context.setdefault("writable", bool(request.app.state.token))
    return templates.TemplateResponse(request, name, context, status_code=status)


def render_error(request: Request, status: int, message: str) -> str:
    """An error page's HTML (used by the app's exception handlers for browsers)."""
    return templates.get_template("error.html").render(request=request, status=status, message=message,
                                                       writable=bool(request.app.state.token))


def _store(request: Request):
    return request.app.state.store


def _cache(request: Request):
    return request.app.state.cache


def _levels() -> list[str]:
    return params.levels() or charts.LEVEL_ORDER_FALLBACK


def pair_view(request: Request, code_a: str, code_b: str | None, f: params.EventFilters, revision: str) -> dict:
    """Everything the pair (or one-country) page shows, from whole-corpus aggregates, cached per revision;
    `f` holds the page's other filters (dates, type, mode, level, source)."""
    from communique.store import aggregates

    cache = _cache(request)
    extra = f.without("country", "with_").as_kwargs()
    pair = {"country": code_a, "with_": code_b, **extra}
    profile = cache.read("profile", aggregates.date_profile, revision=revision, **pair)
    view = charts.profile_charts(profile, _levels())
    view["latest"] = cache.read("events", aggregates.events_page, 10, 0, revision=revision, **pair)
    view["trend"] = charts.trend_chart(cache.read("trend", aggregates.trend, revision=revision, **pair))
    view["trend_without_planned"] = bool(aggregates.not_planned())
    if code_b:
        view["relation"] = cache.read("relation", aggregates.relationship, code_a, code_b, revision=revision,
                                      **extra)
        view["sides"] = [(code, cache.read("side", aggregates.side_participants, code, other, revision=revision,
                                           **extra))
                         for code, other in ((code_a, code_b), (code_b, code_a))]
    else:
        view["partners"] = cache.read("partners", aggregates.partners, code_a, revision=revision, **extra)
    return view


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, a: str | None = Query(None), b: str | None = Query(None)):
    from communique.store import aggregates

    raw = raw_filters(request)
    raw.update(a=a, b=b)
    ctx: dict = {"raw": raw, **filter_context(request)}
    cache = _cache(request)
    try:
        code_a, code_b = params.country(a, "a"), params.country(b, "b")
        if code_b and not code_a:
            code_a, code_b = code_b, None
        if code_a and code_a == code_b:
            raise params.BadParameter("b", f"pick a country other than {country_name(code_a)} for the other side")
        f = check_filters({**raw, "country": code_a, "with": code_b})
    except params.BadParameter as exc:
        if "text/html" not in request.headers.get("accept", ""):
            raise
        ctx.update(a=None, b=None, error={"name": exc.name, "message": str(exc)})
        return render(request, "overview.html", ctx, status=422)
    revision = cache.revision()
    ctx.update(a=code_a, b=code_b)
    if code_a:
        query = {**f.without("country", "with_").as_query(), "a": code_a, "b": code_b}
        ctx.update(view=pair_view(request, code_a, code_b, f, revision), query=query,
                   events_query=f.as_query(), timeline_query=_qs(f.as_query()),
                   facets=facets(request, f, "/", revision, extra={"a": code_a, "b": code_b}),
                   presets=date_presets(query, "/"))
    else:
        ctx.update(pairs=cache.read("pairs", aggregates.busiest_pairs, 8, revision=revision),
                   latest=cache.read("events", aggregates.events_page, 10, 0, revision=revision),
                   total=cache.read("count", aggregates.count, revision=revision))
    return render(request, "overview.html", ctx)


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def date_group(ev: dict) -> str:
    """The timeline heading an event goes under: its month, its year when only the year is known (or
    a range's start month), or "Undated"."""
    start, precision = ev.get("date_start"), ev.get("date_precision")
    if not start or len(start) < 7:
        return "Undated"
    if precision == "year":
        return f"{start[:4]}, month unknown"
    return f"{MONTHS[int(start[5:7]) - 1]} {start[:4]}"


def group_by_date(rows: list[dict]) -> list[tuple[str, list[dict]]]:
    """Rows under unique headings, in order of first appearance (year-only events sort among
    January's and must not split it into repeated headings)."""
    groups: dict[str, list[dict]] = {}
    for ev in rows:
        groups.setdefault(date_group(ev), []).append(ev)
    return list(groups.items())


def pages(total: int, limit: int, offset: int) -> dict:
    """A pager: this page's number, the page count, and the offsets of the first/prev/next/last pages."""
    count = max(1, -(-total // limit))
    return {"page": offset // limit + 1, "count": count, "first": 0, "last": (count - 1) * limit,
            "prev": max(0, offset - limit) if offset > 0 else None,
            "next": offset + limit if offset + limit < total else None}


FILTER_NAMES = ("actor", "country", "with", "type", "mode", "level", "source", "since", "until", "min_level",
                "status", "quad_class", "goldstein_min", "goldstein_max")
MULTI = ("type", "mode", "level", "source", "quad_class")


def raw_filters(request: Request) -> dict:
    """The event filters as typed (kept in the form when one is wrong)."""
    q = request.query_params
    return {k: (q.getlist(k) if k in MULTI else q.get(k)) for k in FILTER_NAMES}


def check_filters(raw: dict) -> params.EventFilters:
    return params.EventFilters.check(raw["actor"], raw["country"], raw["with"], raw["type"], raw["mode"],
                                     raw["since"], raw["until"], raw["min_level"], raw["level"], raw["source"],
                                     raw["status"], raw["quad_class"], raw["goldstein_min"], raw["goldstein_max"])


def _toggle(query: dict, name: str, value: str) -> dict:
    """The query with `value` added to (or, if there, removed from) the multi-value filter `name`."""
    current = query.get(name) or []
    current = [current] if isinstance(current, str) else list(current)
    values = [v for v in current if v != value] if value in current else current + [value]
    out = {k: v for k, v in query.items() if k not in (name, "offset")}
    if values:
        out[name] = values
    return out


def facets(request: Request, f: params.EventFilters, path: str, revision: str, extra: dict | None = None) -> list:
    """Facet boxes for the timeline and pair page: each value with its count of matching events and a
    link that adds (or removes) it as a filter. A facet counts with every filter but its own."""
    from communique.store import aggregates

    cache = _cache(request)
    query = {**f.as_query(), **(extra or {})}
    out = []
    for column, title in (("type", "Type"), ("mode", "Mode"), ("level", "Level"), ("country", "Country"),
                          ("source", "Source"), ("year", "Year")):
        if column == "country" and f.country and f.with_:
            continue
        own = {"year": ("since", "until"), "country": ()}.get(column, (column,))
        counts = cache.read(f"facet-{column}", aggregates.facet_counts, column, 12, revision=revision,
                            **f.without(*own).as_kwargs())
        items = []
        for row in counts:
            value, n = str(row["value"]), row["count"]
            if column == "country":
                if value in (f.country, f.with_):
                    continue
                target = {k: v for k, v in query.items() if k != "offset"}
                target["with" if f.country else "country"] = value
                selected, label = False, country_name(value)
            elif column == "year":
                selected = f.since == value and f.until == value
                target = {k: v for k, v in query.items() if k not in ("since", "until", "offset")}
                if not selected:
                    target.update(since=value, until=value)
                label = value
            else:
                selected = value in getattr(f, column)
                target, label = _toggle(query, column, value), value
            items.append({"label": label, "value": value, "count": n, "selected": selected,
                          "href": f"{path}?{_qs(target)}"})
        if items:
            out.append({"name": column, "title": title, "items": items})
    return out


def date_presets(query: dict, path: str, today: dt.date | None = None) -> list[dict]:
    """Links for common date ranges (relative to today), keeping the other filters."""
    today = today or dt.date.today()
    base = {k: v for k, v in query.items() if k not in ("since", "until", "offset")}
    ranges = [("Last 3 months", today - dt.timedelta(days=91), today),
              ("Last 12 months", today - dt.timedelta(days=365), today),
              ("This year", dt.date(today.year, 1, 1), today),
              ("Last year", dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31))]
    out = [{"label": label, "since": a.isoformat(), "until": b.isoformat(),
            "href": f"{path}?{_qs({**base, 'since': a.isoformat(), 'until': b.isoformat()})}",
            "selected": query.get("since") == a.isoformat() and query.get("until") == b.isoformat()}
           for label, a, b in ranges]
    out.append({"label": "All dates", "href": f"{path}?{_qs(base)}", "selected": not (query.get("since") or
                                                                                     query.get("until"))})
    return out


def filter_context(request: Request) -> dict:
    """What every filter form needs: the choices, the countries to suggest."""
    from communique.store import aggregates

    return {"types": params.PLOVER_TYPES, "modes": params.MODES, "levels": params.levels(),
            "statuses": params.STATUSES, "quads": charts.QUADS,
            "countries": _cache(request).read("countries", aggregates.countries)}


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, limit: int = Query(50), offset: int = Query(0)):
    from communique.web.api import event_page

    raw = raw_filters(request)
    ctx = {"raw": raw, **filter_context(request)}
    try:
        f = check_filters(raw)
        limit, offset = params.paging(limit, offset)
    except params.BadParameter as exc:  # a browser gets the form as typed, the message by the field
        if "text/html" not in request.headers.get("accept", ""):
            raise
        ctx.update(error={"name": exc.name, "message": str(exc)}, total=0, groups=[], n=0, query={},
                   limit=50, offset=0, pager=pages(0, 50, 0), facets=[], presets=[])
        return render(request, "timeline.html", ctx, status=422)
    total, rows = event_page(request, f, limit, offset)
    revision = _cache(request).revision()
    ctx.update(filters=f, query=f.as_query(), total=total, groups=group_by_date(rows), limit=limit, offset=offset,
               pager=pages(total, limit, offset), n=len(rows), facets=facets(request, f, "/timeline", revision),
               presets=date_presets(f.as_query(), "/timeline"))
    return render(request, "timeline.html", ctx)


@router.get("/network", response_class=HTMLResponse)
def network(request: Request, country: str | None = None, since: str | None = None, until: str | None = None,
            min_weight: int = Query(1, ge=1, le=1_000_000), view: str = Query("persons")):
    from communique.store import aggregates

    code = params.country(country)
    since, until = params.date(since, "since"), params.date(until, "until")
    if view not in ("persons", "countries"):
        raise params.BadParameter("view", "is persons or countries")
    cache = _cache(request)
    revision = cache.revision()
    filters = {k: v for k, v in {"country": code, "since": since, "until": until}.items() if v}

    def build(*_key):  # the layout is the costly part: once per filter set and store revision (the key)
        if view == "countries":
            graph = charts.country_graph(
                cache.read("facet-country", aggregates.facet_counts, "country", 200, revision=revision, **filters),
                cache.read("pairs", aggregates.busiest_pairs, 2000, revision=revision, **filters))
        else:
            graph = _store(request).network(**{"country": code, "since": since, "until": until})
        return graph, charts.network_layout(graph, min_weight=min_weight)

    graph, layout = cache.get("network-layout", build, view, code, since, until, min_weight, revision=revision)
    query = {"country": code, "since": since, "until": until, "min_weight": min_weight if min_weight > 1 else None,
             "view": view if view != "persons" else None}
    side = sorted(layout["nodes"], key=lambda n: (-int(n.get("count") or 0), n.get("name") or ""))
    return render(request, "network.html", {"layout": layout, "country": code, "since": since, "until": until,
                                            "min_weight": min_weight, "view": view, "query": query, "side": side,
                                            "n_nodes": len(graph.get("nodes") or []),
                                            "n_edges": len(graph.get("edges") or []),
                                            "countries": cache.read("countries", aggregates.countries,
                                                                    revision=revision)})


@router.get("/persons", response_class=HTMLResponse)
def persons(request: Request, country: str | None = None, q: str | None = None):
    code, q = params.country(country), params.text(q, "q")
    rows = _store(request).persons(country=code, name=q)
    return render(request, "persons.html", {"persons": rows[:500], "total": len(rows), "country": code, "q": q})


PERSON_PAGE = 50  # events per page of a person


@router.get("/persons/{id_or_name}", response_class=HTMLResponse)
def person(request: Request, id_or_name: str, offset: int = Query(0)):
    from communique.store import aggregates

    limit, offset = params.paging(PERSON_PAGE, offset)
    found = _cache(request).read("person", aggregates.person_page, id_or_name, limit, offset)
    if found is None:
        raise HTTPException(404, f"no person {id_or_name!r}")
    pager = pages(found["n_events_listed"], limit, offset)
    return render(request, "person.html", {"p": found, "pager": pager, "limit": limit,
                                           "path": f"/persons/{found['id']}"})


def _source_view(store, doc_id: str, evidence: list[dict], actor_ids: set[str], actor_names: set[str]) -> dict:
    """One source article of an event, its text cut into segments with the evidence marked and the
    mentions of the event's actors marked by identity (however each article wrote the name)."""
    from communique.store import aggregates

    art = store.article(doc_id) or {"doc_id": doc_id, "text": ""}
    text = art.get("text") or ""
    spans = [Span(int(e["start"]), int(e["end"]), "evidence", "evidence for this event")
             for e in evidence if e.get("doc_id") == doc_id]
    extraction = art.get("extraction") or {}
    identity = store._read(aggregates.article_identities, doc_id)
    for i, p in enumerate(extraction.get("persons") or []):
        who = identity.get(i)
        if (who and who in actor_ids) or (not who and p.get("name") in actor_names):
            spans += [Span(int(s), int(t), "person", p["name"], who) for s, t in p.get("mentions") or []]
    body = extraction.get("body") or art.get("body")
    window = (int(body[0]), int(body[1])) if body and body[1] > body[0] else None
    if window and any(s.kind == "evidence" and (s.start < window[0] or s.end > window[1]) for s in spans):
        window = None
    return {"article": art, "segments": segments(text, spans, window), "n_marks": sum(s.kind == "evidence"
                                                                                      for s in spans),
            "n_mentions": sum(s.kind == "person" for s in spans)}


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, event_id: str):
    store = _store(request)
    ev = store.event(event_id)
    if ev is None:
        raise HTTPException(404, f"no event {event_id!r}")
    names = {a.get("name") for a in ev.get("actors") or [] if not a.get("person_id")}
    ids = {a.get("person_id") for a in ev.get("actors") or [] if a.get("person_id")}
    doc_ids = list(dict.fromkeys([s.get("doc_id") for s in ev.get("sources") or []] +
                                 [e.get("doc_id") for e in ev.get("evidence") or []]))
    sources = [_source_view(store, d, ev.get("evidence") or [], ids, names) for d in doc_ids if d]
    return render(request, "event.html", {"ev": ev, "sources": sources})


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, source: str | None = None, since: str | None = None, until: str | None = None,
             no_events: bool = False, limit: int = Query(50), offset: int = Query(0)):
    from communique.store import aggregates

    source = params.text(source, "source")
    since, until = params.date(since, "since"), params.date(until, "until")
    limit, offset = params.paging(limit, offset)
    cache = _cache(request)
    revision = cache.revision()
    total, rows = cache.read("articles", aggregates.articles_page, limit, offset, source=source, since=since,
                             until=until, no_events=no_events, revision=revision)
    query = {"source": source, "since": since, "until": until, "no_events": "true" if no_events else None}
    return render(request, "articles.html", {
        "articles": rows, "total": total, "query": query, "limit": limit, "offset": offset,
        "pager": pages(total, limit, offset), "source": source, "since": since, "until": until,
        "no_events": no_events, "sources": cache.read("sources", aggregates.sources, revision=revision)})


@router.get("/articles/{doc_id}", response_class=HTMLResponse)
def article(request: Request, doc_id: str):
    from communique.store import aggregates

    store = _store(request)
    art = store.article(doc_id)
    if art is None:
        raise HTTPException(404, f"no article {doc_id!r}")
    extraction = art.get("extraction") or {}
    identity = store._read(aggregates.article_identities, doc_id)
    return render(request, "article.html", {"art": art, "x": extraction, "identity": identity,
                                            "event_ids": art.get("event_ids") or [],
                                            "segments": segments(art.get("text") or "", article_spans(extraction))})


def _marked_snippet(snippet: str, q: str) -> list[tuple[str, bool]]:
    """Cut a search snippet into (text, is_match) parts: the store marks matches with «»; without
    marks, the query's words are found case-insensitively."""
    import re

    if "«" in snippet:
        parts = re.split(r"«(.*?)»", snippet)
        return [(p, i % 2 == 1) for i, p in enumerate(parts) if p]
    words = [re.escape(w) for w in re.findall(r"\w+", q) if len(w) > 1]
    if not words or not snippet:
        return [(snippet or "", False)]
    parts = re.split(f"({'|'.join(words)})", snippet, flags=re.IGNORECASE)
    return [(p, i % 2 == 1) for i, p in enumerate(parts) if p]


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str | None = None, offset: int = Query(0)):
    from communique.store import aggregates

    q = params.text(q, "q")
    limit = 50
    _, offset = params.paging(limit, offset)
    if offset + limit > params.MAX_LIMIT:  # the store ranks at most MAX_LIMIT hits
        raise params.BadParameter("offset", f"search shows the best {params.MAX_LIMIT} hits; refine the words")
    store = _store(request)
    results = [dict(r) for r in store.search(q, limit=offset + limit)[offset:]] if q else []
    total = store._read(aggregates.search_count, q) if q else 0
    for r in results:
        r["marked"] = _marked_snippet(r.get("snippet") or "", q or "")
    shown = min(total, params.MAX_LIMIT)
    return render(request, "search.html", {"q": q, "results": results, "total": total, "offset": offset,
                                           "limit": limit, "pager": pages(shown, limit, offset),
                                           "query": {"q": q}})


@router.get("/extract", response_class=HTMLResponse)
def extract_form(request: Request):
    return render(request, "extract.html", {"form": {}})


@router.post("/extract", response_class=HTMLResponse)
async def extract_post(request: Request):
    """Extract a pasted article and show it highlighted; store it too when the token is given."""
    raw = await request.body()
    form = {k: v[0] for k, v in parse_qs(raw.decode("utf-8", "replace"), keep_blank_values=True).items()}
    text = form.get("text") or ""
    ctx: dict = {"form": {k: v for k, v in form.items() if k != "token"}}
    if not text.strip():
        ctx["message"] = "Paste an article first."
        return render(request, "extract.html", ctx, status=422)
    try:
        published = params.date(form.get("published") or None, "published")
    except params.BadParameter as exc:
        ctx["message"] = str(exc)
        return render(request, "extract.html", ctx, status=422)
    try:
        params.unicode_text(text, "text")
    except params.BadParameter as exc:
        ctx["message"] = str(exc)
        return render(request, "extract.html", ctx, status=422)
    meta = {"doc_id": form.get("id") or None, "published": published, "url": form.get("url") or None,
            "source": form.get("source") or None, "title": form.get("title") or None}
    want_store = form.get("store") == "1"
    if want_store and not token_matches(request.app.state.token, None, form.get("token")):
        ctx["message"] = ("This server is read-only (no token configured); the article was extracted, not stored."
                          if not request.app.state.token else "Wrong token: the article was extracted, not stored.")
        want_store = False
    try:  # in the extraction pool's worker processes: reads go on while this runs
        art = await request.app.state.extraction.extract(text, **meta)
    except (Busy, TooSlow, TooLarge, Failed) as exc:
        status = 413 if isinstance(exc, TooLarge) else 422 if isinstance(exc, Failed) else 503
        ctx["message"] = str(exc)
        response = render(request, "extract.html", ctx, status=status)
        if status == 503:
            response.headers["Retry-After"] = str(getattr(exc, "retry_after", 30))
        return response
    extraction, shown = art.to_dict(), art.text or text
    if want_store:
        try:
            stored = await request.app.state.writer.store_article(art)
        except (IngestFailed, Busy) as exc:
            ctx["message"] = f"Could not store the article: {exc}"
            return render(request, "extract.html", ctx, status=503 if isinstance(exc, Busy) else 422)
        extraction, shown = stored.get("extraction") or extraction, stored.get("text") or shown
        ctx["stored"] = stored.get("doc_id", art.doc_id)
    ctx.update(x=extraction, segments=segments(shown, article_spans(extraction)))
    return render(request, "extract.html", ctx)
