"""One article's state while it is extracted: the parse, its persons, sentences and drafted
events, in one object that the stages of `communique.stages` read and write in order.

Persons are objects that mentions and drafts point at, so no stage indexes a list another
stage filters; the contract's `Article` is built from it in one place, `to_article()`.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from communique.body import Body
from communique.cameo import cameo_code
from communique.model import Actor, Article, Commitment, Event, Location, Person
from communique.read import Document


@dataclass(eq=False)
class PersonDraft:
    """A person of the article while it is read: name words, titles, country votes, mentions.
    Mentions and drafted events point at it; it becomes a contract `Person` in `to_article()`."""

    name: str  # the span first found; the fullest name the article uses once mentions are known
    tokens: list[str]
    titles: list[str] = field(default_factory=list)
    country_votes: dict[str, float] = field(default_factory=dict)
    org: str | None = None
    intl: bool = False
    mentions: list[tuple[int, int]] = field(default_factory=list)  # char offsets
    strong: bool = False  # introduced by a title or apposition
    title_mentions: set = field(default_factory=set)  # mentions that are a title used alone
    country: str | None = None  # settled from the votes (none for international officials), then by events
    shown: bool = True  # bystanders are hidden at output, not removed from a list others point into
    background: bool = False  # every naming only recalls a figure of the past ("years ago", a statue)
    aside: bool = False  # only named as a statement's source or as who leads a body ("led by NAME"): no actor unless an event names them

    def vote(self, code: str | None, weight: float):
        if code:
            self.country_votes[code] = self.country_votes.get(code, 0.0) + weight

    @property
    def voted_country(self) -> str | None:
        """The country with the most votes so far."""
        if not self.country_votes:
            return None
        return max(self.country_votes.items(), key=lambda kv: kv[1])[0]

    def to_person(self) -> Person:
        return Person(name=self.name, country=self.country, titles=self.titles, org=self.org,
                      mentions=list(self.mentions))


@dataclass
class Mention:
    person: PersonDraft
    start: int
    end: int


@dataclass
class Sentence:
    span: Span
    start: int  # absolute char offsets
    end: int
    text: str
    mentions: list[Mention]
    caption: bool
    title: bool
    dates: list | None = field(default=None, repr=False)  # (offset, DateMatch), read once when asked


@dataclass(eq=False)
class ActorDraft:
    """An event's participant while drafted: a person's name and country are read from its
    PersonDraft, so countries settled after drafting reach the event without matching names."""

    label: str | None
    kind: str  # "person" | "org" | "country"
    code: str | None = None
    role: str | None = None
    person: PersonDraft | None = None
    actor_code: str | None = None  # CAMEO actor code ("RUSMIL") where the coder found one
    sector: str | None = None

    @property
    def name(self) -> str:
        return self.person.name if self.person is not None else self.label

    @property
    def country(self) -> str | None:
        return self.person.country if self.person is not None else self.code

    def to_actor(self, index: dict) -> Actor:
        """The contract's Actor; `index` maps shown PersonDrafts to their place in Article.persons."""
        return Actor(name=self.name, kind=self.kind, country=self.country, role=self.role,
                     person=index.get(id(self.person)) if self.person is not None else None,
                     code=self.actor_code, sector=self.sector)


@dataclass
class Draft:
    type: str
    mode: str | None
    cameo: str
    actors: list[ActorDraft]
    evidence: list[tuple[int, int]]
    date: str | None = None
    location: Location | None = None
    mechanism: dict | None = None
    background: bool = False
    from_caption: bool = False
    anchor: int = 0  # char offset of the trigger, for date picking
    context: str | None = None  # "visit" when it happened during a trip
    members: list[PersonDraft] = field(default_factory=list)  # persons taking part
    status: str = "happened"  # "planned" for intents and announced engagements


@dataclass(eq=False)
class Analysis:
    """Everything the stages know about one article; each field is written by the stages that
    declare it in `communique.stages.STAGES`."""

    doc: Document
    body: Body
    parsed: Doc
    parsed_text: str | None = None  # parsed.text (what was parsed), given or read once: Doc.text joins every token
    published: str | None = None  # as the page or the input gives it
    pub_date: dt.date | None = None
    year: int | None = None
    persons: list[PersonDraft] = field(default_factory=list)
    country_weights: Counter = field(default_factory=Counter)
    sentences: list[Sentence] = field(default_factory=list)
    pair: list[str] = field(default_factory=list)  # the article's two most-named states
    drafts: list[Draft] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)

    def __post_init__(self):
        self._excluded = sorted(self.body.excluded)
        self._lead_place: tuple | None = None  # (place or None,) once read
        if self.parsed_text is None:
            self.parsed_text = self.parsed.text

    @property
    def offset(self) -> int:
        """Where the parsed text starts in the input text."""
        return self.body.start

    @property
    def dateline_place(self) -> str | None:
        """The page's dateline place, else a known place opening the lead ("ISTANBUL: NATO chief
        ...", "Colombo: ...", a form the page-level dateline patterns do not read), once the
        sentences are there."""
        if self.body.dateline:
            return self.body.dateline.get("place")
        if not self.sentences:
            return None
        if self._lead_place is None:
            self._lead_place = (_opening_place(" ".join(s.text for s in self.sentences[:2])),)
        return self._lead_place[0]  # the sentence splitter may cut "ANKARA:" off on its own: two sentences

    def allowed(self, pos: int) -> bool:
        """A char offset of the input lies in the body and outside page furniture."""
        if not (self.body.start <= pos < self.body.end):
            return False
        return not any(s <= pos < e for s, e in self._excluded)

    def to_article(self, extractor: str) -> Article:
        """The one place drafts become contract objects: shown persons, events, commitments."""
        doc, body = self.doc, self.body
        shown = [p for p in self.persons if p.shown]
        index = {id(p): i for i, p in enumerate(shown)}
        events = []
        for d in self.drafts:
            entry = cameo_code(d.cameo, d.type, d.mode)
            events.append(Event(type=d.type, cameo=d.cameo, mode=d.mode, actors=[a.to_actor(index) for a in d.actors],
                                date=d.date, location=d.location, evidence=sorted(set(d.evidence)),
                                mechanism=d.mechanism, background=d.background, status=d.status,
                                goldstein=entry.goldstein if entry else None,
                                quad_class=entry.quad_class if entry else None))
        return Article(doc_id=doc.doc_id, text=doc.text, title=doc.title or body.title, published=self.published,
                       source=doc.source or body.source, url=doc.url, body=(body.start, body.end),
                       persons=[p.to_person() for p in shown], events=events, commitments=self.commitments,
                       extractor=extractor)


def _opening_place(lead: str) -> str | None:
    """The known place a lead opens with as a dateline ("ANKARA: ...", "Colombo - ..."), or None."""
    from communique import places

    span = places.dateline_span(lead)
    if span is None:
        return None
    return re.split(r"[,(:\-–—]|\.\s*/", lead[span[0]:span[1]])[0].strip() or None
