"""What a sentence is about: the engagement modes its trigger words name (data/event_triggers.json),
whether it is only planned or hypothetical, and the standing mechanism ("the 14th Joint Commission")."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from communique import lexicon
from communique.text import alternation
from communique.analysis import PersonDraft


MODE_ORDER = ("signing", "call", "dialogue", "conference", "visit", "meeting")


@dataclass
class Cue:
    """A trigger found in a sentence, and what the sentences before it leave for its drafter."""

    mode: str
    pos: int  # offset of the trigger in the sentence text
    last_subject: PersonDraft | None = None  # the person the previous sentences were about
    group: list[PersonDraft] | None = None  # who "the two ministers" refers to


def _with_lists(pattern: str) -> str:
    """A trigger pattern with its word lists filled in: "<deed_nouns>" is frames.json's list (what
    someone did: "welcomed the work of X" welcomes no one), kept once for both readers."""
    from communique.frames.words import words

    return pattern.replace("<deed_nouns>", alternation(words()["deed_nouns"]))


@lru_cache(maxsize=1)
def _compiled():
    data = lexicon.triggers()
    return {
        # one alternation per mode: its leftmost match is the earliest of the patterns' matches
        "modes": {m: re.compile("|".join(f"(?:{_with_lists(p)})" for p in spec["patterns"]))
                  for m, spec in data["modes"].items()},
        "not": [re.compile(p) for p in data["not_events"]],
        "not_in_headlines": [re.compile(p) for p in data["not_events_in_headlines"]],
        "generic": re.compile(data["generic_counterparts"]),
        "coreference": re.compile(data["coreference"]),
        "speaker_label": re.compile(data["speaker_label"]),
        "visit_reference": re.compile(data["visit_reference"]),
        "joint": re.compile(data["joint"]["patterns"][0]),
        "joined_talks": re.compile(data["joined_talks"]),
        "signing_between": re.compile(data["signing_between"], re.I),
        "opening_phrase": re.compile(data["opening_phrase"], re.I),
    }


def pattern(name: str) -> re.Pattern:
    """A compiled sentence pattern of data/event_triggers.json: coreference, visit_reference,
    joint, joined_talks, signing_between, opening_phrase, speaker_label."""
    return _compiled()[name]


def mode_spec(mode: str) -> dict:
    return lexicon.triggers()["modes"][mode]


def detect_modes(text: str) -> list[tuple[str, int]]:
    """Modes whose triggers occur in a sentence, with the trigger's position, in MODE_ORDER."""
    low = text.lower()
    out = []
    modes = _compiled()["modes"]
    for mode in MODE_ORDER:
        m = modes[mode].search(low)
        if m:
            out.append((mode, m.start()))  # the earliest trigger: "held talks with A, and met B"
    return out


def is_hypothetical(text: str, pos: int = None, headline: bool = False) -> bool:
    """Future, planned or invited engagements are not events that happened: a modal or an
    invitation in the words just before the trigger at `pos` (in a headline, also a bare "to")."""
    low = text.lower()
    window = low[max(0, pos - 45):pos] if pos is not None else low
    rules = _compiled()
    return any(p.search(window) for p in rules["not"]) or (
        headline and pos is not None and any(p.search(window) for p in rules["not_in_headlines"]))


MECH_RX = re.compile(
    r"(?:(?P<num>\d+)(?:st|nd|rd|th)|(?P<word>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth))?\s*"
    r"(?:annual\s+)?(?P<pair>[A-Z][\w.]*(?:\s?[-–]\s?[A-Z][\w.]*)+\s+)?"
    r"(?P<name>(?:[A-Z][\w+-]*,?\s+(?:and\s+)?){0,7}(?:Dialogue|Consultations?|Joint Commission|Joint Committee|Talks))")


ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                 "eighth": 8, "ninth": 9, "tenth": 10}


def mechanism_of(text: str) -> dict | None:
    """The standing mechanism a sentence names, with its round: {"name": ..., "round": 14}."""
    for m in MECH_RX.finditer(text):
        name = m.group("name").strip()
        name = re.sub(r",\s+and\s+", " and ", name)
        name = re.sub(r"\s+", " ", name)
        name = re.sub(r"^(?:The|the|This|this|That|A|An)\s+", "", name)
        if len(name.split()) < 2 and not m.group("pair"):
            continue
        rnd = int(m.group("num")) if m.group("num") else ORDINAL_WORDS.get((m.group("word") or "").lower())
        return {"name": name, "round": rnd}
    return None

