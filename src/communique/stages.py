"""The extraction pipeline as an ordered tuple of named stages over one `Analysis`.

Each stage declares the fields it reads and writes; `check()` (run by the tests) says that
every field a stage reads was written by an earlier one, as spaCy's `analyze_pipes` does for
its components. `run()` applies them in order.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from communique import dates, events as events_mod, persons as persons_mod, places
from communique.analysis import Analysis, Mention, Sentence
from communique.commitments import extract_commitments
from communique.text import name_key

VENUE_WEIGHT = 0.3  # a country named as where things happened, against 1 for any other naming
INPUTS = ("doc", "body", "parsed")  # what an Analysis starts with


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Analysis], None]
    reads: tuple[str, ...]
    writes: tuple[str, ...]


def _iso_date(value: str | None):
    import datetime as dt

    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def settle_year(a: Analysis) -> None:
    """The publication date, and the year that year-less dates of the body fall in."""
    doc, body = a.doc, a.body
    a.published = doc.published or body.published
    a.pub_date = _iso_date(a.published)
    body_text = doc.text[body.start:body.end]
    a.year = dates.infer_year(body_text, a.pub_date)
    if a.year is None and a.pub_date is not None:
        a.year = a.pub_date.year


def find_persons(a: Analysis) -> None:
    """Names with their titles, then the short and title-only mentions that stand for them."""
    entries = persons_mod.build_persons(a.parsed, a.offset, a.allowed)
    persons_mod.resolve_short_mentions(a.parsed, a.offset, entries, a.allowed)
    persons_mod.resolve_title_mentions(a.doc.text, entries, a.allowed, a.body.start, a.body.end)
    a.people = entries


def weigh_countries(a: Analysis) -> None:
    """How often the article names each state (a venue counts less)."""
    parsed, offset = a.parsed, a.offset
    country_counts = a.country_weights
    for p in places.find_places(parsed.text):
        if p.country and a.allowed(p.start + offset):
            # a venue ("in Honiara, Solomon Islands") says less about whose relations these are
            venue = re.search(r"\b(?:in|at)\s+(?:the\s+)?(?:[A-Z][\w.-]*,?\s+)?$", parsed.text[max(0, p.start - 40):p.start])
            country_counts[p.country] += VENUE_WEIGHT if venue else 1
    for tok in parsed:
        c = places.demonym_code(tok.text) if tok.text[:1].isupper() else None
        if c:
            country_counts[c] += 1


def person_countries(a: Analysis) -> None:
    """Countries the text does not tie to a person, from known officials and name origins."""
    entries = a.people
    persons_mod.assign_countries(entries, set(a.country_weights))
    persons = persons_mod.to_persons(entries, a.doc.text)
    # persons a reader would call actors: titled, named twice, or (below) taking part in an event
    a.weak = {i for i, (e, p) in enumerate(zip(entries, persons)) if not e.strong and len(p.mentions) < 2}
    for p in persons:
        if p.country:
            a.country_weights[p.country] += 2
    a.persons = persons


def build_sentences(a: Analysis) -> None:
    """The body's sentences with the person mentions inside each."""
    text, parsed, offset, body = a.doc.text, a.parsed, a.offset, a.body
    persons = a.persons
    captions = sorted(body.captions)
    title_span = body.title_span
    sentences = []
    mention_index = [(s, e, i) for i, p in enumerate(persons) for s, e in p.mentions]
    for sent in parsed.sents:
        s, e = sent.start_char + offset, sent.end_char + offset
        while e > s and text[e - 1].isspace():
            e -= 1
        stext = parsed.text[sent.start_char:sent.start_char + (e - s)]
        if not stext.strip() or not a.allowed(s + (len(stext) - len(stext.lstrip()))):
            continue
        lead = len(stext) - len(stext.lstrip())
        s += lead
        stext = stext.lstrip()
        ms = sorted((Mention(i, a_, b) for a_, b, i in mention_index if s <= a_ < e), key=lambda m: m.start)
        is_caption = any(cs <= s < ce or s <= cs < e for cs, ce in captions)
        is_title = bool(title_span and title_span[0] <= s < title_span[1])
        sentences.append(Sentence(sent, s, e, stext, ms, is_caption, is_title))
    a.sentences = sentences
    a.pair = [c for c, _ in a.country_weights.most_common(2)]


def find_events(a: Analysis) -> None:
    """Engagements and signings, merged and dated."""
    persons, body = a.persons, a.body
    ctx = events_mod.ArticleContext(
        persons=persons, person_countries=[p.country for p in persons], person_orgs=[p.org for p in persons],
        published=a.pub_date, year=a.year,
        dateline_place=(body.dateline or {}).get("place") if body.dateline else None,
        captions=sorted(body.captions), title_span=body.title_span, pair=a.pair)
    a.events = events_mod.extract_events(ctx, a.sentences)


def settle_countries(a: Analysis) -> None:
    """The persons shown (actors, titled or named twice), and the countries events settle."""
    from communique.pipeline import _home_country, _only_speaks, _settle_person_countries

    events, persons, weak = a.events, a.persons, a.weak
    actors = {name_key(x.name) for e in events for x in e.actors if x.kind == "person"}
    a.shown = [p for i, p in enumerate(persons) if (i not in weak and not _only_speaks(p)) or name_key(p.name) in actors]
    _settle_person_countries(a.shown, events, a.pair, _home_country(a.body, a.doc))


def find_commitments(a: Analysis) -> None:
    """Money pledged, delivered or requested, donor and recipient from the speaker's side."""
    sentences, candidates = a.sentences, a.persons
    previous = {}
    last = None
    for sent in sentences:
        previous[id(sent)] = last
        if sent.mentions:
            last = sent.mentions[0].person

    def speaker_country(sent):
        if sent.mentions:
            return candidates[sent.mentions[0].person].country
        if re.match(r"\s*(?:he|she|the minister|the secretary|the president)\b", sent.text.lower()) \
                and previous.get(id(sent)) is not None:
            return candidates[previous[id(sent)]].country
        for p in places.find_places(sent.text[:60]):
            if p.kind == "country":
                return p.country
        return None

    a.commitments = extract_commitments(sentences, speaker_country, a.pair)


STAGES: tuple[Stage, ...] = (
    Stage("year", settle_year, reads=("doc", "body"), writes=("published", "pub_date", "year")),
    Stage("persons", find_persons, reads=("doc", "body", "parsed"), writes=("people",)),
    Stage("country_weights", weigh_countries, reads=("parsed", "body"), writes=("country_weights",)),
    Stage("person_countries", person_countries, reads=("people", "country_weights"),
          writes=("persons", "weak", "country_weights")),
    Stage("sentences", build_sentences, reads=("parsed", "body", "persons", "country_weights"),
          writes=("sentences", "pair")),
    Stage("events", find_events, reads=("persons", "sentences", "pair", "pub_date", "year", "body"), writes=("events",)),
    Stage("settle_countries", settle_countries, reads=("events", "persons", "weak", "pair", "body", "doc"),
          writes=("shown", "persons")),
    Stage("commitments", find_commitments, reads=("sentences", "persons", "pair"), writes=("commitments",)),
)


def check(stages: tuple[Stage, ...] = STAGES) -> list[str]:
    """Problems with a stage list: a field read before any stage wrote it, or a name used twice."""
    problems, written, names = [], set(INPUTS), set()
    for st in stages:
        if st.name in names:
            problems.append(f"stage {st.name!r} appears twice")
        names.add(st.name)
        for f in st.reads:
            if f not in written:
                problems.append(f"stage {st.name!r} reads {f!r} before any stage writes it")
        written.update(st.writes)
    return problems


def run(analysis: Analysis, stages: tuple[Stage, ...] = STAGES) -> Analysis:
    for st in stages:
        st.run(analysis)
    return analysis
