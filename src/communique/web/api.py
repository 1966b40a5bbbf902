"""The JSON API: the same queries as the CLI (`events`, `persons`, `search`, ...) over HTTP."""
from __future__ import annotations

import json

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse

from communique.web import exports, params, schemas
from communique.web.security import token_matches

router = APIRouter(prefix="/api", tags=["api"], responses=schemas.ERRORS)


def _store(request: Request):
    return request.app.state.store


def _json(data) -> JSONResponse:
    """Store results are plain JSON values already: skip FastAPI's (slow) generic encoder."""
    return JSONResponse(data)


def page_info(total: int, limit: int, offset: int) -> dict:
    """Where this page sits: its number, the page count, and the offsets of the next and last pages."""
    pages = max(1, -(-total // limit))
    return {"page": offset // limit + 1, "pages": pages,
            "next_offset": offset + limit if offset + limit < total else None, "last_offset": (pages - 1) * limit}


def _not_found(what: str, key: str):
    raise HTTPException(status_code=404, detail=f"no {what} {key!r}")


@router.get("/events", summary="Merged events, filtered and paginated", responses=schemas.ok(schemas.EventsPage, file=True))
def events(request: Request, f: params.EventFilters = Depends(params.event_filters),
           limit: int = Query(50, description=f"1..{params.MAX_LIMIT}"),
           offset: int = Query(0, description=f"events to skip, 0..{params.MAX_OFFSET}"),
           format: str = Query("json", description="json (this page), or csv / parquet: every matching event, "
                                                   "streamed as a file")):
    fmt = exports.check_format(format)
    if fmt != "json":
        return exports.events_export(request, f, fmt)
    limit, offset = params.paging(limit, offset)
    total, rows = event_page(request, f, limit, offset)
    return _json({"total": total, "limit": limit, "offset": offset, **page_info(total, limit, offset),
                  "filters": f.as_query(), "events": rows})


def event_page(request: Request, f: params.EventFilters, limit: int, offset: int) -> tuple[int, list[dict]]:
    """(matching total, one page of events), cached per store revision."""
    from communique.store import aggregates

    cache = request.app.state.cache
    revision = cache.revision()
    total = cache.read("count", aggregates.count, revision=revision, **f.as_kwargs())
    rows = cache.read("events", aggregates.events_page, limit, offset, revision=revision, **f.as_kwargs())
    return total, rows


@router.get("/events/{event_id}", summary="One merged event with its sources and evidence", responses=schemas.ok(schemas.Event))
def event(request: Request, event_id: str):
    found = _store(request).event(event_id)
    if found is None:
        _not_found("event", event_id)
    return _json(found)


@router.get("/persons", summary="Resolved persons, by country or name", responses=schemas.ok(schemas.PersonsPage, file=True))
def persons(request: Request, country: str | None = Query(None, description="ISO3"),
            q: str | None = Query(None, description="part of a name"),
            limit: int = Query(100), offset: int = Query(0),
            format: str = Query("json", description="json (this page), or csv / parquet: every match, as a file")):
    code = params.country(country)
    q = params.text(q, "q")
    fmt = exports.check_format(format)
    if fmt != "json":
        return exports.persons_export(request, code, q, fmt)
    limit, offset = params.paging(limit, offset, default=100)
    rows = _store(request).persons(country=code, name=q)
    return _json({"total": len(rows), "limit": limit, "offset": offset, **page_info(len(rows), limit, offset),
                  "persons": rows[offset:offset + limit]})


@router.get("/persons/{id_or_name}", summary="One person: role history, events, counterparts", responses=schemas.ok(schemas.PersonDetail))
def person(request: Request, id_or_name: str):
    from communique.store import queries

    found = request.app.state.cache.read("person", queries.person, id_or_name)
    if found is None:
        _not_found("person", id_or_name)
    return _json(found)


@router.get("/articles", summary="Stored articles, newest first", responses=schemas.ok(schemas.ArticlesPage, file=True))
def articles(request: Request, limit: int = Query(50), offset: int = Query(0),
             format: str = Query("json", description="json (this page), or csv / parquet: every article, as a file")):
    fmt = exports.check_format(format)
    if fmt != "json":
        from communique.store import aggregates

        rows = aggregates.iter_articles(_store(request).engine)
        return exports.stream(rows, exports.ARTICLE_COLUMNS, fmt, exports.filename("articles", {}, fmt))
    limit, offset = params.paging(limit, offset)
    rows = _store(request).articles(limit=limit, offset=offset)
    return _json({"limit": limit, "offset": offset, "articles": rows})


@router.get("/articles/{doc_id}", summary="One article: text and extraction", responses=schemas.ok(schemas.Article))
def article(request: Request, doc_id: str):
    found = _store(request).article(doc_id)
    if found is None:
        _not_found("article", doc_id)
    return _json(found)


@router.get("/search", summary="Full-text search over the articles", responses=schemas.ok(schemas.SearchResults, file=True))
def search(request: Request, q: str = Query(..., description="words to look for"), limit: int = Query(20),
           format: str = Query("json", description="json, or csv / parquet as a file")):
    q = params.text(q, "q")
    if not q:
        raise params.BadParameter("q", "empty query")
    limit, _ = params.paging(limit, 0, default=20)
    fmt = exports.check_format(format)
    if fmt != "json":
        hits = _store(request).search(q, limit=limit)
        return exports.stream(iter(hits), exports.SEARCH_COLUMNS, fmt, exports.filename("search", {"q": q}, fmt))
    return _json({"query": q, "results": _store(request).search(q, limit=limit)})


@router.get("/stats", summary="A country's (or a pair's) engagements per month, by mode and by level", responses=schemas.ok(schemas.Stats))
def stats(request: Request, a: str = Query(..., description="ISO3, e.g. VNM"),
          b: str | None = Query(None, description="ISO3 of the other side, e.g. USA")):
    code_a, code_b = params.country(a, "a"), params.country(b, "b")
    return _json(_store(request).stats(code_a, code_b))


@router.get("/network", summary="Actors as nodes, engagements as edges", responses=schemas.ok(schemas.Network, file=True))
def network(request: Request, country: str | None = Query(None), since: str | None = Query(None),
            until: str | None = Query(None),
            format: str = Query("json", description="json, or graphml / csv / parquet (edges) as a file")):
    fmt = exports.check_format(format, exports.FORMATS + ("graphml",))
    if fmt != "json":
        return exports.export_network(request, fmt, country, since, until, 1)
    return _json(_store(request).network(country=params.country(country), since=params.date(since, "since"),
                                         until=params.date(until, "until")))


def require_token(request: Request, given: str | None = None):
    """Writes need the configured token; without one the app is read-only."""
    configured = request.app.state.token
    if not configured:
        raise HTTPException(403, "read-only server: start `communique serve` with --token to allow writes")
    if not token_matches(configured, request.headers.get("authorization"), given):
        raise HTTPException(401, "missing or wrong token (send Authorization: Bearer TOKEN)",
                            headers={"WWW-Authenticate": "Bearer"})


def _record(raw: bytes, content_type: str, query) -> dict:
    """The posted article as {text, id, url, published, source, title}, whatever its content type."""
    try:
        body = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise params.BadParameter("body", "not UTF-8 text") from None
    meta = {k: query.get(k) for k in ("id", "url", "published", "source", "title")}
    if content_type == "application/json":
        try:
            rec = json.loads(body)
        except json.JSONDecodeError as exc:
            raise params.BadParameter("body", f"invalid JSON at line {exc.lineno}: {exc.msg}") from None
        except RecursionError:
            raise params.BadParameter("body", "JSON nested too deeply") from None
        if not isinstance(rec, dict):
            raise params.BadParameter("body", "expected a JSON object {id, text|html, url, published, source, title}")
        text = rec.get("text") if rec.get("text") is not None else rec.get("html")
        meta = {k: rec.get(k, meta[k]) for k in meta}
        meta["id"] = rec.get("id", rec.get("doc_id", meta["id"]))
    else:
        text = body
    if not isinstance(text, str) or not text.strip():
        raise params.BadParameter("text", "the article is empty (send text, HTML, or JSON with 'text' or 'html')")
    params.unicode_text(text, "text")
    for k, v in meta.items():
        if v is not None and not isinstance(v, str):
            raise params.BadParameter(k, "must be a string")
        params.text(v, k, max_len=2000)
    meta["published"] = params.date(meta["published"], "published")
    return {"text": text, **meta}


@router.post("/articles", status_code=201, summary="Ingest one article (needs the token)",
             responses={201: {"model": schemas.Stored}, 401: {"model": schemas.Error}, 403: {"model": schemas.Error},
                        **schemas.ERRORS},
             openapi_extra={"requestBody": {"content": {
                 "text/plain": {"schema": {"type": "string"}},
                 "text/html": {"schema": {"type": "string"}},
                 "application/json": {"schema": {"type": "object", "properties": {
                     k: {"type": "string"} for k in ("id", "text", "html", "url", "published", "source", "title")}}},
             }}})
async def post_article(request: Request):
    """Body: plain text, HTML, or a JSON record; metadata for text/HTML may come as query parameters."""
    require_token(request)
    content_type = request.headers.get("content-type", "text/plain").split(";")[0].strip().lower()
    rec = _record(await request.body(), content_type, request.query_params)
    article = await request.app.state.extraction.extract(
        rec["text"], doc_id=rec["id"], published=rec["published"], url=rec["url"], source=rec["source"],
        title=rec["title"])
    stored = await request.app.state.writer.store_article(article)
    return JSONResponse({"doc_id": stored.get("doc_id", article.doc_id), "title": stored.get("title"),
                         "published": stored.get("published"), "extraction": stored.get("extraction")},
                        status_code=201)
