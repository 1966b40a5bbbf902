"""A person's country where the text leaves it open: known officials, name origins, the other
side of an engagement, the outlet's home state; and who is a byline rather than an actor."""
from __future__ import annotations

import re

from communique import lexicon
from communique.analysis import PersonDraft
from communique.persons.merge import same_name


def assign_countries(entries: list[PersonDraft], article_countries: set[str]) -> None:
    """Fill a missing country: from the list of widely reported office holders, then from the
    name's tradition when that country is named in the article."""
    origins = lexicon.name_origins()
    known = lexicon.known_officials()
    for e in entries:
        if e.voted_country or e.intl or not e.tokens:
            continue
        hit = known.get(" ".join(e.tokens))
        if hit is None:
            hit = next((v for k, v in known.items() if same_name(k.split(), e.tokens)), None)
        if hit is not None:
            country, org = hit
            if country:
                e.vote(country, 1.0)
            elif org:
                e.intl = True
                e.org = e.org or org
            continue
        guess = origins.get(e.tokens[0])
        if guess and guess in article_countries:
            e.vote(guess, 0.5)


def only_speaks(person) -> bool:
    """A spokesperson quoted for the ministry is a byline, not an actor, unless an event names them."""
    return bool(person.titles) and all(
        re.search(r"\b(?:spokes(?:person|man|woman)|press secretary|press officer)\b", t, re.I) for t in person.titles)


def home_country(body, doc: Document) -> str | None:
    """The state an outlet reports from: its dateline's place, else a country its name names."""
    from communique import places

    place = (body.dateline or {}).get("place") if body.dateline else None
    if place:
        p = places.lookup_place(place.title() if place.isupper() else place)
        if p is not None and p.country:
            return p.country
    for name in (doc.source, body.source):
        for word in re.findall(r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)?", name or ""):
            code = places.country_code(word) or places.demonym_code(word)
            if code:
                return code
            p = places.lookup_place(word)
            if p is not None and p.kind == "city" and p.country:
                return p.country
    return None


def settle_countries(persons, drafts, pair, home) -> None:
    """Countries the text leaves open: the other side of an engagement with one known side, then
    the outlet's home state for officials with a bare title ("Prime Minister X" in a Suva paper).
    Two people of unknown state met in one event keep None, so neither side is guessed wrong."""
    for e in drafts:
        people = [a.person for a in e.actors if a.person is not None]
        known = {p.country for p in people if p.country}
        unknown = [p for p in people if p.country is None and p.org is None]
        if len(known) == 1 and unknown and len(pair) == 2 and next(iter(known)) in pair:
            other = next(c for c in pair if c not in known)
            for p in unknown:
                p.country = other
    paired_unknown = set()
    for e in drafts:
        unknown = [a.person for a in e.actors if a.person is not None and a.person.country is None]
        if len(unknown) >= 2:
            paired_unknown.update(unknown)
    if home:
        for p in persons:
            if p.country is None and p.org is None and p.titles and p not in paired_unknown:
                p.country = home

