"""Response shapes for the OpenAPI description (documentation only: the routes return the store's
dicts as they are, without a second validation pass) and the one error body every failure uses."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Error(BaseModel):
    """Every error: 4xx and 5xx alike."""

    error: int
    message: str


class Actor(Open):
    name: str
    kind: str | None = None
    country: str | None = None
    role: str | None = None
    person_id: str | None = None
    level: str | None = None
    code: str | None = None  # CAMEO actor code, e.g. USAGOV
    sector: str | None = None  # CAMEO sector: GOV, MIL, BUS, LEG, IGO, ...


class Source(Open):
    doc_id: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None


class Evidence(Open):
    doc_id: str
    start: int
    end: int
    text: str | None = None


class Event(Open):
    id: str
    type: str
    mode: str | None = None
    cameo: str | None = None
    status: str = "happened"  # or "planned"
    goldstein: float | None = None  # the CAMEO code's Goldstein score, -10 .. 10
    quad_class: int | None = None  # 1 verbal / 2 material cooperation, 3 verbal / 4 material conflict
    date: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    date_precision: str | None = None
    location: dict | None = None
    actors: list[Actor] = []
    n_sources: int | None = None
    sources: list[Source] = []
    evidence: list[Evidence] = []
    merge_reason: str | None = None
    mechanism: dict | None = None
    level: str | None = None


class Page(Open):
    total: int
    limit: int
    offset: int
    page: int
    pages: int
    next_offset: int | None = None
    last_offset: int


class EventsPage(Page):
    filters: dict
    events: list[Event]


class Role(Open):
    title: str | None = None
    org: str | None = None
    level: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None


class Person(Open):
    id: str
    name: str
    country: str | None = None
    aliases: list[str] = []
    roles: list[Role] = []
    n_events: int | None = None


class PersonDetail(Person):
    events: list[Event] = []
    counterparts: list[dict] = []


class PersonsPage(Page):
    persons: list[Person]


class ArticleRow(Open):
    doc_id: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    n_events: int | None = None


class ArticlesPage(Open):
    limit: int
    offset: int
    articles: list[ArticleRow]


class Article(Open):
    doc_id: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    text: str
    extraction: dict
    event_ids: list[str | None] = []


class SearchHit(Open):
    doc_id: str
    title: str | None = None
    published: str | None = None
    snippet: str


class SearchResults(Open):
    query: str
    results: list[SearchHit]


class Stats(Open):
    pair: list[str | None]
    total: int
    by_month: list[dict]
    by_level: list[dict]
    top_counterparts: list[dict]
    latest: list[Event]


class Network(Open):
    nodes: list[dict]
    edges: list[dict]


class Stored(Open):
    doc_id: str
    title: str | None = None
    published: str | None = None
    extraction: dict


FILE = {"description": "with format=csv or parquet (graphml for the network): every matching row as a file",
        "content": {"text/csv": {"schema": {"type": "string"}},
                    "application/vnd.apache.parquet": {"schema": {"type": "string", "format": "binary"}}}}

ERRORS = {status: {"model": Error, "description": description} for status, description in (
    (400, "a Host header this server does not answer to"), (404, "no such record"),
    (413, "request body or article too large"), (422, "a parameter or body is wrong; the message names it"),
    (503, "busy, too slow, or the database could not answer"))}


def ok(model, file: bool = False) -> dict:
    """`responses=` for a route: its 200 shape (and file formats), and the shared error body."""
    out = {200: {"model": model, **({"content": FILE["content"]} if file else {})}}
    out.update(ERRORS)
    return out
