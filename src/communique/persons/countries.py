"""A person's country where the text leaves it open: known officials, name origins, the other
side of an engagement, the outlet's home state; and who is a byline rather than an actor."""
from __future__ import annotations

import re
from functools import lru_cache

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
        if hit is None and len(e.tokens) == 1:
            hit = _known_by_surname().get(e.tokens[0])  # "Scholz" alone throughout
        if hit is None:
            hit = _known_same_name(e.tokens)
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


@lru_cache(maxsize=1)
def _known_by_word() -> tuple[list, dict[str, list[int]]]:
    """The known office holders' names split once, and the rows each word occurs in."""
    rows = [(k.split(), v) for k, v in lexicon.known_officials().items()]
    by_word: dict[str, list[int]] = {}
    for i, (toks, _) in enumerate(rows):
        for t in set(toks):
            by_word.setdefault(t, []).append(i)
    return rows, by_word


def _known_same_name(tokens: list[str]):
    """The first known office holder (in table order) whose name is `tokens` by same_name: only
    the rows sharing a word with it can be, so only those are tried."""
    rows, by_word = _known_by_word()
    for i in sorted({i for t in set(tokens) for i in by_word.get(t, ())}):
        if same_name(rows[i][0], tokens):
            return rows[i][1]
    return None


@lru_cache(maxsize=1)
def _known_by_surname() -> dict:
    """Known office holders by their last name, where only one of them bears it."""
    by_last: dict[str, list] = {}
    for k, v in lexicon.known_officials().items():
        by_last.setdefault(k.split()[-1], []).append(v)
    return {last: vs[0] for last, vs in by_last.items() if len(vs) == 1}


def only_speaks(person) -> bool:
    """A spokesperson quoted for the ministry is a byline, not an actor, unless an event names them."""
    patterns = lexicon.person_words()["source_titles"]
    return bool(person.titles) and all(any(re.search(p, t, re.I) for p in patterns) for t in person.titles)


def home_country(body, doc: Document) -> str | None:
    """The state an outlet reports from: its dateline's place, else a country its name names."""
    from communique import places

    place = (body.dateline or {}).get("place") if body.dateline else None
    if place:
        p = places.lookup_dateline(place)
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


def accompanying_countries(sentences, text: str) -> None:
    """An official of no stated state who travels with a person of known state ("Chancellor X
    travelled with 12 ministers, including Defence Minister Y"; "X, accompanied by Foreign Minister
    Y") is of that state: the nearest such person before them in the sentence, with the words
    between naming the company (data/person_words.json accompanying_cues) and no other person."""
    cue = _accompanying_cue()
    for sent in sentences:
        ms = sent.mentions
        company = set()  # who this rule placed in the sentence: the next of their list goes with them
        for k, m in enumerate(ms):
            p = m.person
            if p.country is not None or p.org is not None or p.intl or not p.titles:
                continue
            before = next((b for b in reversed(ms[:k]) if b.person is not p), None)
            if before is None or before.person.country is None or before.end > m.start:
                continue
            gap = text[before.end:m.start]
            # "accompanied by Finance Minister A and Information Minister B": B is listed with A;
            # "U.S. Sen. A and Rep. B": two of one state's legislators
            if cue.search(gap) or ((id(before.person) in company or legislators(before.person, p))
                                   and _LISTED.fullmatch(gap)):
                p.country = before.person.country
                company.add(id(p))


_SIDE = re.compile(r"\b(?:on|for|from)\s+the\s+([A-Z][\w’'-]+)\s+side\b[^.;]{0,80}$")


def side_countries(sentences, text: str) -> None:
    """An official of no stated state introduced by the side they sign or speak for ("signed on
    the Qatari side by Minister of State X and on the Rwandan side by Minister Y") is of that state."""
    from communique import places

    for sent in sentences:
        for m in sent.mentions:
            p = m.person
            if p.country is not None or p.org is not None or p.intl:
                continue
            got = _SIDE.search(text, max(sent.start, m.start - 90), m.start)
            code = places.demonym_code(got.group(1)) or places.country_code(got.group(1)) if got else None
            if code:
                p.country = code


def legislators(a, b) -> bool:
    """Both hold a legislator's title ("Senator", "Rep.", "MP": data/person_words.json)."""
    words = lexicon.person_words()["legislator_titles"]

    def held(p):
        return any(w.strip(".").lower() in words for t in p.titles for w in t.split())
    return held(a) and held(b)


_LISTED = re.compile(r"\s*(?:,\s*|,?\s*and\s+)(?:the\s+)?(?:[A-Z][\w.'’-]*\s+|(?:of|for|and)\s+)*")


@lru_cache(maxsize=1)
def _accompanying_cue() -> re.Pattern:
    return re.compile(lexicon.person_words()["accompanying_cues"], re.I)


def settle_countries(persons, drafts, pair, home) -> None:
    """Countries the text leaves open: the other side of an engagement with one known side, then
    the outlet's home state for officials with a bare title ("Prime Minister X" in a Suva paper).
    Two people of unknown state met in one event keep None, so neither side is guessed wrong."""
    for e in drafts:
        if e.mode == "conference":
            continue  # "the meeting was attended by the Crown Prince, X and Y": attendees, of no known side
        people = [a.person for a in e.actors if a.person is not None]
        known = {p.country for p in people if p.country}
        unknown = [p for p in people if p.country is None and p.org is None]
        if len(known) == 1 and unknown and len(pair) == 2 and next(iter(known)) in pair:
            other = next(c for c in pair if c not in known)
            for p in unknown:
                # "KUALA LUMPUR - Foreign Minister X received Indian ...": a bare title where the
                # outlet reports from is that state's, before the article's other named state
                p.country = home if home and home not in known and p.titles else other
    paired_unknown = set()
    for e in drafts:
        if e.mode == "conference":
            continue  # attendees listed together are no two sides of a meeting
        unknown = [a.person for a in e.actors if a.person is not None and a.person.country is None]
        if len(unknown) >= 2:
            paired_unknown.update(unknown)
    if home:
        for p in persons:
            if p.country is None and p.org is None and p.titles and p not in paired_unknown:
                p.country = home

