"""Where an event happened: the places a sentence names, the one it says the event happened
in, and a trip's destination."""
from __future__ import annotations

import functools
import re

from communique import lexicon
from communique.analysis import Sentence
from communique.model import Location
from communique.text import name_key


def _places():
    from communique import places

    return places


def places_in(text: str) -> tuple:
    """The places a sentence names (cached in places.find_places: the drafters and the date and
    place steps each ask for the same sentence)."""
    return tuple(_places().find_places(text))


def place_mentions(text: str, base: int):
    return [(p.start + base, p.end + base, p) for p in places_in(text)]


def preferred_place(text: str, base: int, after: int | None = None):
    """The place an event happened: a city after 'in'/'at' first, then any city, then a country."""
    cands = place_mentions(text, base)
    if after is not None:
        later = [c for c in cands if c[0] >= after]
        cands = later or cands
    if not cands:
        return None

    def prep(c):
        before = text[max(0, c[0] - base - 7):c[0] - base].lower()
        # "at the Quirinal Palace" (a venue, read as its city); "in the South China Sea" is a topic
        return before.endswith(("in ", "at ")) or (before.endswith(("in the ", "at the ")) and c[2].kind == "city")

    # a place only counts where the sentence says something happened there ("in Hanoi", "at
    # Hyderabad House in New Delhi"); "the Republic of X" or "a Hanoi official" say nothing of it
    ranked = sorted([c for c in cands if prep(c)], key=lambda c: (c[2].kind != "city", c[0]))
    if ranked:
        top = ranked[0]
        if top[2].kind == "country":  # "in Russia's Black Sea resort of Sochi": the city of that country
            top = next((c for c in cands if c[2].kind == "city" and c[2].country == top[2].country
                        and 0 < c[0] - top[1] <= 60
                        and text[c[0] - base - 3:c[0] - base] == "of "), top)
        return top[2]

    def bare_city(c):
        before = text[max(0, c[0] - base - 12):c[0] - base].lower()
        after = text[c[1] - base:c[1] - base + 3]
        # not "funding for Kyiv", "talks with Beijing", "a flight from Moscow": what it is about or comes from
        return c[2].kind == "city" and not re.search(r"\b(?:of|the|of the|for|with|from|against|towards?)\s*$", before) \
            and not re.match(r"\s?[A-Z]|['’]s", after)
    bare = [c for c in cands if bare_city(c)]
    return bare[0][2] if bare else None


@functools.lru_cache(maxsize=1)
def _seats() -> tuple[re.Pattern, dict]:
    rows = lexicon.read_tsv("seats.tsv")
    by_name = {name_key(r[0]): (r[1], r[2]) for r in rows}
    names = sorted((r[0] for r in rows), key=len, reverse=True)
    return re.compile(r"\b(?:at|inside|in|to|on)\s+the\s+(" + "|".join(map(re.escape, names)) + r")\b"), by_name


def seat_location(text: str) -> Location | None:
    """ "received X at the Kremlin": the city of a seat of government the project codes as an
    organisation (data/seats.tsv), for a meeting its sentence places nowhere else."""
    rx, by_name = _seats()
    m = rx.search(text)
    if not m:
        return None
    city, code = by_name[name_key(m.group(1))]
    return Location(name=city, country=code)


def without_persons(sent: Sentence) -> str:
    """The sentence's text with its persons' names blanked (same length): "Later, Morales was
    received by ..." names a minister, not the Colombian town of Morales."""
    text = sent.text
    if not sent.mentions:
        return text
    chars = list(text)
    for m in sent.mentions:
        a, b = max(0, m.start - sent.start), min(len(chars), m.end - sent.start)
        chars[a:b] = " " * max(0, b - a)
    return "".join(chars)


def to_location(p) -> Location | None:
    if p is None:
        return None
    if p.kind == "country":
        return Location(name=_places().country_name(p.country) or p.name, country=p.country)
    return Location(name=p.name, country=p.country)


DEST_RX = re.compile(r"\b(?:[Vv]isit(?:ed|ing|s)?|trip|tour|journey|arriv(?:ed|es|ing)|landed|travel(?:l?ed|s|ling)?|flew|came)"
                     r"\s+(?:(?:to|in|of|at)\s+)?(?:the\s+)?(?=[A-Z])")


def destination(sent: Sentence):
    """The place a trip went to: the place right after "visit to", "visited", "arrived in"..."""
    places_ = place_mentions(sent.text, sent.start)
    for m in DEST_RX.finditer(sent.text):
        at = sent.start + m.end()
        for s, e, p in places_:
            if s == at:
                rest = sent.text[e - sent.start:]
                if re.match(r"['’]?s?\s+[A-Z]", rest) and not re.match(r"\s+(?:On|In|From|At)\b", rest):
                    continue  # "visiting U.S. Assistant Secretary": an adjective, not the destination
                return m.start(), p
    return None, None

