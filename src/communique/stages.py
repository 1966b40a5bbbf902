"""The extraction pipeline as an ordered tuple of named stages over one `Analysis`.

Each stage declares the fields it reads and writes; `check()` (run by the tests) says that
every field a stage reads was written by an earlier one, as spaCy's `analyze_pipes` does for
its components. `run()` applies them in order.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Callable

from communique import dates, events as events_mod, persons as persons_mod, places
from communique.analysis import Analysis, Mention, Sentence
from communique.commitments import extract_commitments
from communique.events.merge import fold_states_into_persons
from communique.persons.counterparts import counterpart_titles
from communique.persons.tokens import table

VENUE_WEIGHT = 0.3  # a country named as where things happened, against 1 for any other naming
_VENUE_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?:[A-Z][\w.-]*,?\s+)?$")
INPUTS = ("doc", "body", "parsed", "parsed_text")  # what an Analysis starts with


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
    blocked: list[tuple[int, int]] = []  # spouses, credits, places: no short mention goes there
    titled: list[tuple] = []  # the titles names came with, and whose: no other's title mention inside them
    entries = persons_mod.build_persons(a.parsed, a.offset, a.allowed, blocked, titled)
    persons_mod.resolve_short_mentions(a.parsed, a.offset, entries, a.allowed, blocked,
                                       home=persons_mod.home_country(a.body, a.doc))
    persons_mod.resolve_title_mentions(a.doc.text, entries, a.allowed, a.body.start, a.body.end, titled)
    counterpart_titles(entries, a.doc.text)  # "X received his Ukrainian counterpart Y": Y holds X's office
    a.persons = entries


def weigh_countries(a: Analysis) -> None:
    """How often the article names each state (a venue counts less)."""
    parsed, offset = a.parsed, a.offset
    ptext = a.parsed_text
    country_counts = a.country_weights
    for p in places.find_places(ptext):
        if p.country and a.allowed(p.start + offset):
            # a venue ("in Honiara, Solomon Islands") says less about whose relations these are
            venue = _VENUE_BEFORE.search(ptext[max(0, p.start - 40):p.start])
            country_counts[p.country] += VENUE_WEIGHT if venue else 1
    for text in table(parsed).text:
        c = places.demonym_code(text) if text[:1].isupper() else None
        if c:
            country_counts[c] += 1


def person_countries(a: Analysis) -> None:
    """Countries the text does not tie to a person (known officials, name origins), each
    person's fullest name, and the states the article's persons add to its weights."""
    persons_mod.assign_countries(a.persons, set(a.country_weights))
    persons_mod.settle_names(a.persons, a.doc.text)
    for p in a.persons:
        if p.country:
            a.country_weights[p.country] += 2


MAX_NAME_CHARS = 120  # no person's mention is longer: how far before a cut one may start
_ABBREVIATIONS = frozenset({"U.S.", "U.K.", "U.N.", "E.U.", "Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Rep.", "Gov.", "Gen.",
                            "Lt.", "Col.", "Prof.", "H.E.", "St."})
_AFTER_ABBREVIATION = 30  # a name this close after "U.S." is still the sentence's ("met U.S. Senator JD Vance")
_SENTENCE_ENDS = (".", "!", "?", ":", ";", '"', "”", "’", "'", ")")


def _whole_names(parsed, text: str, mentions, offset: int) -> list:
    """The parse's sentences, two joined where the small model cut one inside a person's name
    ("... met Macron and German Chancellor | Friedrich Merz on the sidelines ..."): the name the
    persons stage found across the cut keeps its sentence, so the frames read it there.
    `text`: what was parsed (Doc.text would rebuild it at each call); `mentions`: (start, end,
    person) sorted by start."""
    starts = [m[0] for m in mentions]
    out = []
    for sent in parsed.sents:
        if out:
            boundary = sent.start_char + offset
            prev = out[-1]
            lo = bisect_left(starts, boundary - MAX_NAME_CHARS)
            hi = bisect_left(starts, boundary)
            last = text[prev.start_char:prev.end_char].rstrip()
            open_end = not last.endswith(_SENTENCE_ENDS)
            abbreviated = last.rsplit(None, 1)[-1] in _ABBREVIATIONS if last else False
            # a name across the cut, one right after a cut with no full stop ("German Chancellor | Friedrich
            # Merz"), or one just after an abbreviation's full stop ("met U.S. | Senator JD Vance")
            if "\n" not in text[prev.end_char - 1:sent.start_char + 1] and (
                    any(mentions[k][1] > boundary for k in range(lo, hi))
                    or open_end and hi < len(starts) and starts[hi] == boundary
                    or abbreviated and hi < len(starts) and starts[hi] - boundary <= _AFTER_ABBREVIATION):
                out[-1] = parsed[prev.start:sent.end]
                continue
        out.append(sent)
    return out


def build_sentences(a: Analysis) -> None:
    """The body's sentences with the person mentions inside each, and the article's two states."""
    text, parsed, offset, body = a.doc.text, a.parsed, a.offset, a.body
    ptext = a.parsed_text
    captions = sorted(body.captions)
    title_span = body.title_span
    sentences = []
    # every mention once, ordered by start (stable: person order among equals), found per
    # sentence by bisection instead of a scan of all mentions for each sentence
    mention_index = sorted(((s, e, p) for p in a.persons for s, e in p.mentions), key=lambda m: m[0])
    mention_starts = [m[0] for m in mention_index]
    for sent in _whole_names(parsed, ptext, mention_index, offset):
        s, e = sent.start_char + offset, sent.end_char + offset
        while e > s and text[e - 1].isspace():
            e -= 1
        stext = ptext[sent.start_char:sent.start_char + (e - s)]
        if not stext.strip() or not a.allowed(s + (len(stext) - len(stext.lstrip()))):
            continue
        lead = len(stext) - len(stext.lstrip())
        s += lead
        stext = stext.lstrip()
        ms = [Mention(p, a_, b) for a_, b, p in
              mention_index[bisect_left(mention_starts, s):bisect_left(mention_starts, e)]]
        is_caption = any(cs <= s < ce or s <= cs < e for cs, ce in captions)
        is_title = bool(title_span and title_span[0] <= s < title_span[1])
        sentences.append(Sentence(sent, s, e, stext, ms, is_caption, is_title))
    a.sentences = sentences
    a.pair = [c for c, _ in a.country_weights.most_common(2)]


def find_events(a: Analysis) -> None:
    """Engagements and signings, merged and dated, as drafts whose actors point at persons."""
    events_mod.extract_events(a)


def settle_countries(a: Analysis) -> None:
    """Who is shown (titled, named twice, or an actor; a spokesperson only as an actor), the
    states of officials travelling with a person of known state, the countries the events settle
    for the shown persons, and the events told by states that those
    countries show to be the persons' own."""
    actors = {id(x.person) for d in a.drafts for x in d.actors if x.person is not None}
    for p in a.persons:
        weak = not p.strong and len(p.mentions) < 2
        p.shown = (not weak and not persons_mod.only_speaks(p) and not p.aside) or id(p) in actors
    shown = [p for p in a.persons if p.shown]
    persons_mod.side_countries(a.sentences, a.doc.text)
    persons_mod.accompanying_countries(a.sentences, a.doc.text)
    persons_mod.settle_countries(shown, a.drafts, a.pair, persons_mod.home_country(a.body, a.doc))
    a.drafts = fold_states_into_persons(a.drafts)


def code_events(a: Analysis) -> None:
    """The other PLOVER types (support, requests, accusations, threats, force, intents) from the
    sentence coder, after the persons' countries are settled so actor codes carry them."""
    from communique.events.coded import draft_coded

    draft_coded(a)


def find_commitments(a: Analysis) -> None:
    """Money pledged, delivered or requested, donor and recipient from the speaker's side."""
    sentences = a.sentences
    previous = {}
    last = None
    for sent in sentences:
        previous[id(sent)] = last
        if sent.mentions:
            last = sent.mentions[0].person

    def speaker_country(sent):
        if sent.mentions:
            return sent.mentions[0].person.country
        if re.match(r"\s*(?:he|she|the minister|the secretary|the president)\b", sent.text.lower()) \
                and previous.get(id(sent)) is not None:
            return previous[id(sent)].country
        for p in places.find_places(sent.text[:60]):
            if p.kind == "country":
                return p.country
        return None

    a.commitments = extract_commitments(sentences, speaker_country, a.pair)


STAGES: tuple[Stage, ...] = (
    Stage("year", settle_year, reads=("doc", "body"), writes=("published", "pub_date", "year")),
    Stage("persons", find_persons, reads=("doc", "body", "parsed"), writes=("persons",)),
    Stage("country_weights", weigh_countries, reads=("parsed", "parsed_text", "body"), writes=("country_weights",)),
    Stage("person_countries", person_countries, reads=("persons", "country_weights"),
          writes=("persons", "country_weights")),
    Stage("sentences", build_sentences, reads=("parsed", "parsed_text", "body", "persons", "country_weights"),
          writes=("sentences", "pair")),
    Stage("events", find_events, reads=("sentences", "pair", "pub_date", "year", "body", "doc"), writes=("drafts",)),
    Stage("settle_countries", settle_countries, reads=("drafts", "persons", "pair", "body", "doc", "sentences"),
          writes=("persons", "drafts")),
    Stage("coded_events", code_events, reads=("sentences", "persons", "drafts"), writes=("drafts",)),
    Stage("commitments", find_commitments, reads=("sentences", "pair"), writes=("commitments",)),
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
