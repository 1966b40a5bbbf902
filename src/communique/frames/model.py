"""What the frame reader hands back: a mention's span, a person's description for anaphora,
and one engagement frame."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Hashable

from spacy.tokens import Token

Key = Hashable  # whatever the caller uses for a person (an index today, an object later)
MAX_WALK = 120  # tokens one noun phrase or list may span; longer runs are cut, never walked whole


@dataclass(frozen=True)
class MentionSpan:
    """One mention of a person in the parsed text, in the Doc's char offsets."""
    start: int
    end: int
    key: Key


@dataclass(frozen=True)
class PersonInfo:
    """What anaphora need to know of a person: the state and the titles."""
    country: str | None
    titles: tuple[str, ...] = ()


@dataclass
class Frame:
    """One engagement reported by one trigger word."""
    trigger: Token
    mode: str  # meeting / call / dialogue / visit / signing / conference
    side_a: list = field(default_factory=list)  # the subject side (host, visitor, caller)
    side_b: list = field(default_factory=list)  # the counterparts
    joint: bool = False  # "A and B met", "talks between A and B": all on one footing
    roles: dict = field(default_factory=dict)  # key -> host / guest / co-chair / visitor
    destinations: list = field(default_factory=list)  # (start, end) char spans of where a visit went
    places_a: list = field(default_factory=list)  # (start, end) of non-person subjects ("Paris and Rabat")
    places_b: list = field(default_factory=list)  # (start, end) of non-person counterparts
    resolved: list = field(default_factory=list)  # (token text, key): anaphora this frame resolved
    planned: bool = False  # "the upcoming visit", "will meet": no event yet
    subject: list = field(default_factory=list)  # the grammatical subject's persons, for salience
    gathering: str | None = None  # a conference's gathering head word: "summit", "forum"
    body_subject: bool = False  # the verb's subject is a body or a thing, no person: "The council last met in Athens"

    @property
    def start(self) -> int:
        return self.trigger.idx

    def participants(self) -> list:
        out = []
        for k in self.side_a + self.side_b:
            if k not in out:
                out.append(k)
        return out
