"""The extraction contract as Python objects: Article, Person, Event, Actor, Commitment.

`Article.to_dict()` writes exactly the JSON of docs/contract.md and `Article.from_dict()`
reads it back, so the CLI, the store and the exports share one shape.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]

PLOVER_TYPES = (
    "CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "RETREAT", "CONCEDE",
)
CONSULT_MODES = ("meeting", "visit", "dialogue", "call", "conference")
COMMITMENT_STATUSES = ("pledged", "delivered", "requested", "agreed")


def _spans(value) -> list[Span]:
    return [(int(a), int(b)) for a, b in (value or [])]


@dataclass
class Person:
    """One distinct person of an article, under the fullest name the article uses."""

    name: str
    country: str | None = None
    titles: list[str] = field(default_factory=list)
    org: str | None = None
    mentions: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "titles": list(self.titles),
                "org": self.org, "mentions": [list(m) for m in self.mentions]}

    @classmethod
    def from_dict(cls, d: dict) -> "Person":
        return cls(name=d["name"], country=d.get("country"), titles=list(d.get("titles") or []),
                   org=d.get("org"), mentions=_spans(d.get("mentions")))


@dataclass
class Actor:
    """A participant of an event: a person, an organisation or a country."""

    name: str
    kind: str  # "person" | "org" | "country"
    country: str | None = None
    role: str | None = None  # host/guest, visitor/host, co-chair, participant, source/target
    person: int | None = None  # a person actor's index in Article.persons; None when not known

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "country": self.country, "role": self.role,
                "person": self.person}

    @classmethod
    def from_dict(cls, d: dict) -> "Actor":
        person = d.get("person")
        return cls(name=d["name"], kind=d.get("kind", "person"), country=d.get("country"), role=d.get("role"),
                   person=int(person) if isinstance(person, int) and not isinstance(person, bool) else None)


@dataclass
class Location:
    name: str | None
    country: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country}

    @classmethod
    def from_dict(cls, d: dict | None) -> "Location | None":
        return None if not d else cls(name=d.get("name"), country=d.get("country"))


@dataclass
class Event:
    """One real-world interaction reported by the article."""

    type: str
    cameo: str
    actors: list[Actor]
    mode: str | None = None
    date: str | None = None
    location: Location | None = None
    topics: list[str] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)
    mechanism: dict | None = None  # {"name": ..., "round": int | None}
    background: bool = False  # recalled in passing, not the article's news

    def to_dict(self) -> dict[str, Any]:
        d = {"type": self.type, "mode": self.mode, "cameo": self.cameo,
             "actors": [a.to_dict() for a in self.actors], "date": self.date,
             "location": self.location.to_dict() if self.location else None,
             "topics": list(self.topics), "evidence": [list(e) for e in self.evidence]}
        if self.mechanism is not None:
            d["mechanism"] = dict(self.mechanism)
        if self.background:
            d["background"] = True
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Event":
        return cls(type=d["type"], cameo=d.get("cameo") or "", mode=d.get("mode"),
                   actors=[Actor.from_dict(a) for a in d.get("actors") or []], date=d.get("date"),
                   location=Location.from_dict(d.get("location")), topics=list(d.get("topics") or []),
                   evidence=_spans(d.get("evidence")), mechanism=d.get("mechanism"),
                   background=bool(d.get("background", False)))


@dataclass
class Commitment:
    """Money or material pledged, delivered, requested or agreed between states."""

    donor: str | None
    recipient: str | None
    amount: float | None
    currency: str | None
    purpose: str | None = None
    status: str = "pledged"
    evidence: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount
        if isinstance(amount, float) and amount.is_integer():
            amount = int(amount)
        return {"donor": self.donor, "recipient": self.recipient, "amount": amount,
                "currency": self.currency, "purpose": self.purpose, "status": self.status,
                "evidence": [list(e) for e in self.evidence]}

    @classmethod
    def from_dict(cls, d: dict) -> "Commitment":
        return cls(donor=d.get("donor"), recipient=d.get("recipient"), amount=d.get("amount"),
                   currency=d.get("currency"), purpose=d.get("purpose"), status=d.get("status", "pledged"),
                   evidence=_spans(d.get("evidence")))


@dataclass
class Article:
    """What communique reads in one article; `to_dict()` is the contract's JSON."""

    doc_id: str
    text: str = ""  # the text all offsets point into (for HTML: the extracted text)
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    body: Span = (0, 0)
    persons: list[Person] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    extractor: str | None = None  # "communique <version>"

    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        d = {"doc_id": self.doc_id, "title": self.title, "published": self.published,
             "source": self.source, "url": self.url, "body": list(self.body),
             "persons": [p.to_dict() for p in self.persons],
             "events": [e.to_dict() for e in self.events],
             "commitments": [c.to_dict() for c in self.commitments]}
        if self.extractor:
            d["extractor"] = self.extractor
        if include_text:
            d["text"] = self.text
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Article":
        body = d.get("body") or (0, 0)
        return cls(doc_id=d["doc_id"], text=d.get("text", ""), title=d.get("title"),
                   published=d.get("published"), source=d.get("source"), url=d.get("url"),
                   body=(int(body[0]), int(body[1])),
                   persons=[Person.from_dict(p) for p in d.get("persons") or []],
                   events=[Event.from_dict(e) for e in d.get("events") or []],
                   commitments=[Commitment.from_dict(c) for c in d.get("commitments") or []],
                   extractor=d.get("extractor"))
