"""One article's state while it is extracted: the parse, its persons, sentences and drafted
events, in one object that the stages of `communique.stages` read and write in order.

Persons are objects that mentions and drafts point at, so no stage indexes a list another
stage filters; the contract's `Article` is built from it in one place, `to_article()`.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from communique.body import Body
from communique.model import Actor, Article, Commitment, Event, Location, Person
from communique.read import Document


@dataclass(eq=False)
class PersonDraft:
    """A person of the article while it is read: name words, titles, country votes, mentions."""

    name: str
    tokens: list[str]
    titles: list[str] = field(default_factory=list)
    country_votes: dict[str, float] = field(default_factory=dict)
    org: str | None = None
    intl: bool = False
    mentions: list[tuple[int, int]] = field(default_factory=list)  # char offsets
    strong: bool = False  # introduced by a title or apposition
    title_mentions: set = field(default_factory=set)  # mentions that are a title used alone

    def vote(self, code: str | None, weight: float):
        if code:
            self.country_votes[code] = self.country_votes.get(code, 0.0) + weight

    @property
    def country(self) -> str | None:
        if not self.country_votes:
            return None
        return max(self.country_votes.items(), key=lambda kv: kv[1])[0]


@dataclass
class Mention:
    person: int  # index into the article's persons
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


@dataclass
class Draft:
    type: str
    mode: str | None
    cameo: str
    actors: list[Actor]
    evidence: list[tuple[int, int]]
    date: str | None = None
    location: Location | None = None
    mechanism: dict | None = None
    background: bool = False
    from_caption: bool = False
    anchor: int = 0  # char offset of the trigger, for date picking
    context: str | None = None  # "visit" when it happened during a trip
    members: list[int] = field(default_factory=list)  # person indices taking part


@dataclass(eq=False)
class Analysis:
    """Everything the stages know about one article; each field is written by one stage."""

    doc: Document
    body: Body
    parsed: Doc
    published: str | None = None  # as the page or the input gives it
    pub_date: dt.date | None = None
    year: int | None = None
    people: list[PersonDraft] = field(default_factory=list)
    country_weights: Counter = field(default_factory=Counter)
    persons: list[Person] = field(default_factory=list)
    weak: set[int] = field(default_factory=set)
    sentences: list[Sentence] = field(default_factory=list)
    pair: list[str] = field(default_factory=list)  # the article's two most-named states
    events: list[Event] = field(default_factory=list)
    shown: list[Person] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)

    def __post_init__(self):
        self._excluded = sorted(self.body.excluded)

    @property
    def offset(self) -> int:
        """Where the parsed text starts in the input text."""
        return self.body.start

    def allowed(self, pos: int) -> bool:
        """A char offset of the input lies in the body and outside page furniture."""
        if not (self.body.start <= pos < self.body.end):
            return False
        return not any(s <= pos < e for s, e in self._excluded)

    def to_article(self, extractor: str) -> Article:
        doc, body = self.doc, self.body
        return Article(doc_id=doc.doc_id, text=doc.text, title=doc.title or body.title, published=self.published,
                       source=doc.source or body.source, url=doc.url, body=(body.start, body.end),
                       persons=self.shown, events=self.events, commitments=self.commitments, extractor=extractor)
