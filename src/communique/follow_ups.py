"""Dates and places that sentences after an event give it: "The meeting was held at the Great
Hall of the People in Beijing", "In opening remarks at the talks on Monday evening", "They met
at the ministry on Friday, 4 March". Also the date that opens an article's lead.

An event's own sentence often says who met and nothing of when or where; outlets say that in
the next sentences, referring back by a definite noun of the event ("the meeting", "the
call") or by its participants together ("the two leaders"). What counts as a reference lives
in data/follow_ups.json; a date or place after a future cue ("agreed to meet again in Hanoi
in the autumn") belongs to a planned follow-up, never to the event.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from itertools import chain
from importlib import resources

from communique import dates, places, when
from communique.text import alternation

__all__ = ["references", "follow_up_date", "follow_up_place", "lead_date", "city_in", "city_index", "visit_span"]


_alt = alternation  # communique.text: one helper for word alternations


@lru_cache(maxsize=1)
def _data():
    raw = json.loads(resources.files("communique.data").joinpath("follow_ups.json").read_text("utf-8"))
    det = _alt(raw["determiners"])
    by_mode = {}
    for mode, nouns in raw["nouns"].items():
        by_mode[mode] = re.compile(
            rf"(?<![\w'’])(?:{det})\s+(?:[\w'’-]+\s+){{0,4}}?(?:{_alt(nouns)})(?![\w-])", re.I)
    participants = re.compile(rf"(?<![\w'’])(?:{_alt(raw['participants'])})\s+(?:also\s+|then\s+|later\s+|jointly\s+)?"
                              rf"(?:{_alt(raw['participant_verbs'])})(?![\w-])", re.I)
    other = re.compile(rf"(?<![\w'’])(?:{_alt(raw['other_occasion'])})(?![\w'’])", re.I)
    host = re.compile(rf"\s+(?:(?:{_alt(raw['host_between'])})\s+)?(?:{_alt(raw['host_verbs'])})\s+"
                      rf"(?:the|a|an|this|its|their)\s+(?:[\w'’-]+\s+){{0,6}}?(?:{_alt(raw['host_nouns'])})(?![\w-])", re.I)
    recall = re.compile(rf"(?<![\w'’])(?:{_alt(raw['recall_cues'])})(?![\w'’])", re.I)
    previous = re.compile(rf"(?<![\w'’])(?:{_alt(raw['previous_occasion_cues'])})(?![\w'’])", re.I)
    all_nouns = sorted({n for nouns in raw["nouns"].values() for n in nouns})
    between = re.compile(rf"(?<![\w'’])(?:{_alt(raw['occasion_between'])})\s+(?:[\w'’-]+\s+){{0,3}}?"
                         rf"(?:{_alt(all_nouns)})(?![\w-])", re.I)
    span = raw["visit_span"]
    numbers = _number_words()  # "two" ... "ten" ("a day visit" is no span)
    span_rx = re.compile(
        rf"(?<![\w'’])(?:(?P<end>{_alt(span['ending'])})|(?P<start>{_alt(span['starting'])}))\s+"
        rf"(?:[\w'’]+\s+){{0,2}}?(?P<n>\d{{1,2}}|{_alt(numbers)})[-\s]days?\s+(?:[\w'’-]+\s+){{0,3}}?"
        rf"(?:{_alt(span['nouns'])})(?![\w-])", re.I)
    return {"modes": by_mode, "participants": participants, "other": other, "window": int(raw["window"]),
            "reach": int(raw["reach"]), "host": host, "recall": recall, "previous": previous, "span": span_rx,
            "numbers": numbers, "between": between}


def previous_occasion(text: str) -> bool:
    """Whether a sentence tells an engagement as an earlier occasion ("X last visited Y in 2023")."""
    return bool(_data()["previous"].search(text))


def _number_words() -> dict:
    raw = json.loads(resources.files("communique.data").joinpath("dates_lexicon.json").read_text("utf-8"))
    return {k: int(v) for k, v in raw["number_words"].items() if int(v) > 1}


@lru_cache(maxsize=2048)  # an event's neighbours are read for each of its drafts: parse each sentence once
def _places_in(text: str) -> tuple:
    return tuple(places.find_places(text))


@lru_cache(maxsize=2048)
def _dates_in(text: str, published, year) -> tuple:
    return tuple(dates.find_dates(text, published=published, year=year))


@lru_cache(maxsize=4096)  # each sentence is asked for every event near it, for its date and its place
def references(text: str, mode: str) -> tuple[int, ...]:
    """Where `text` refers back to an event of `mode`: the end offsets of its references."""
    d = _data()
    rx = d["modes"].get(mode)
    # "since the 15th meeting held in Ha Noi", "the next session": another occasion of its kind
    out = [m.end() for m in rx.finditer(text) if not d["other"].search(text, max(0, m.start() - 10), m.end())] \
        if rx else []
    if mode != "call":  # "the two leaders spoke to media in Wellington" places a meeting, not a call
        out += [m.end() for m in d["participants"].finditer(text)]
    return tuple(sorted(out))


def _future_between(text: str, a: int, b: int) -> bool:
    return bool(dates._lexicon().future.search(text, a, b))


def _candidates(texts: list[str], index: int):
    """The sentences that may tell more of the event in texts[index], nearest first."""
    d = _data()
    later = list(range(index + 1, min(len(texts), index + 1 + d["window"])))
    before = [index - 1] if index > 0 else []
    return later[:1] + before + later[1:]  # nearest first: the next sentence, the one before, then on


def _referring(texts: list[str], index: int, mode: str):
    """(text, reference offsets) of the sentences near texts[index] that refer back to its event;
    none that recalls an earlier occasion ("It is to be recalled that X had taken part in ...")."""
    recall = _data()["recall"]
    for k in _candidates(texts, index):
        if recall.search(texts[k]):
            continue
        refs = references(texts[k], mode)
        if refs:
            yield texts[k], refs


def follow_up_date(texts: list[str], index: int, mode: str, *, published=None, year=None) -> str | None:
    """The date a sentence near texts[index] gives the event told there, or None: a date within
    reach after a reference ("at the meeting on Monday evening"), none after a future cue."""
    reach = _data()["reach"]
    for text, refs in _referring(texts, index, mode):
        # a day or a stated range of days; "over the weekend", "last week" say less than the lead's day
        found = [m for m in _dates_in(text, published, year) if len(m.value) == 10 or m.kind == "range"]
        for r in refs:
            for m in found:
                if r - reach <= m.start <= r + reach and len(m.value) >= 10 \
                        and not _future_between(text, min(r, m.start), max(r, m.start)) \
                        and not _BOUND.search(text[max(0, m.start - 16):m.start]):
                    return m.value
    return None


_SINCE_BEFORE = re.compile(r"\b(?:since|ahead\s+of)\b", re.I)  # "since the pair sat down in X": another occasion

# "the meeting, which runs until Friday": a bound of the event's span, not its day
_BOUND = re.compile(r"\b(?:until|till|through|by|before|after|since)\s+(?:next\s+|last\s+|this\s+)?$", re.I)


LEAD_SENTENCES = 3  # where a gathering was hosted is told this early, if at all


def host_place(texts: list[str], index: int, mode: str):
    """The place that hosted the gathering told in texts[index] ("Xi'an has been chosen to host
    the first summit ...", "Nairobi hosted the talks"): in that sentence, a near one, or the
    lead (which often says where before it says who came); else None."""
    if mode in ("call", "visit"):
        return None
    host = _data()["host"]
    near = [index] + list(_candidates(texts, index))
    for k in near + [k for k in range(min(LEAD_SENTENCES, len(texts))) if k not in near]:
        text = texts[k]
        for p in _places_in(text):
            if p.country and p.kind == "city" and host.match(text, p.end):
                return p
    return None


def _far_referring(texts: list[str], index: int, mode: str):
    """(text, reference offsets) of the sentences past the window that name the event by its noun
    ("During the meeting in Berlin, ..." at the end of the story), for an article telling one."""
    d = _data()
    rx = d["modes"].get(mode)
    if rx is None:
        return
    for k in range(index + 1 + d["window"], len(texts)):
        text = texts[k]
        if d["recall"].search(text):
            continue
        refs = [m.end() for m in rx.finditer(text) if not d["other"].search(text, max(0, m.start() - 10), m.end())]
        if refs:
            yield text, refs


def follow_up_place(texts: list[str], index: int, mode: str, *, only: bool = False):
    """The place (a `places.PlaceMention`) a sentence near texts[index] gives the event told
    there, or None: a city (else a country) after "in"/"at" within reach after a reference
    ("the talks in the Philippines", "the meeting was held at ... in Beijing"). `only`: the event
    is the article's one of its mode, so "the meeting" further on is still it."""
    if mode == "call":
        return None
    reach = _data()["reach"]
    referring = _referring(texts, index, mode)
    if only:
        referring = chain(referring, _far_referring(texts, index, mode))
    for text, refs in referring:
        found = [p for p in _places_in(text) if p.country
                 and re.search(r"\b(?:in|at)\s+(?:the\s+)?$", text[max(0, p.start - 8):p.start], re.I)]
        for r in refs:
            # "will meet again at the summit in Malabo": a future cue anywhere before it plans the next one;
            # "their first encounter since the pair sat down in Washington": an earlier occasion's place
            if _SINCE_BEFORE.search(text, 0, r):
                continue
            # "..., following a summit in Washington in February": another occasion's place
            near = [p for p in found if r <= p.start <= r + reach and not _future_between(text, 0, p.start)
                    and not _data()["between"].search(text, r, p.start)]
            if near:
                return sorted(near, key=lambda p: (p.kind != "city", p.start))[0]
    return host_place(texts, index, mode)


#: a lead sentence that tells none of the article's events gives the main date only when it is
#: this close before the page date ("on Thursday", the day before): else it dates something else
#: ("the war began on October 7", "in an interview on 23 September"), and so does any date there
#: when the page has no date to hold it against
LEAD_UNTOLD_DAYS = 7


def _near_page(value: str, published) -> bool:
    got = when.interval(value)
    page = when.interval(str(published)[:10]) if published else None
    if got is None or page is None or page[1] != page[0]:
        return False
    return 0 <= (page[0] - got[0]).days <= LEAD_UNTOLD_DAYS


def lead_date(texts: list[str], *, published=None, year=None, told=None) -> str | None:
    """The first day of the lead sentences (else their first span of days), weekdays resolved
    against the page date ("met on Thursday"), none in a sentence about the future. `told`
    (one flag per sentence) marks the sentences that tell an event; the others count only for a
    date near the page date (LEAD_UNTOLD_DAYS)."""
    lex = dates._lexicon()
    told = list(told) if told is not None else [True] * len(texts)
    found = [m for text, ok in zip(texts, told) if not lex.future.search(text)
             for m in _dates_in(text, published, year)
             if m.kind in ("day", "range", "relative") and len(m.value) >= 10
             and not _BOUND.search(text[max(0, m.start - 16):m.start])
             and (ok or _near_page(m.value, published))]
    # a day first: "over the weekend ... on Saturday evening" is Saturday
    best = next((m for m in found if len(m.value) == 10), found[0] if found else None)
    return best.value if best else None


def city_in(texts: list[str], country: str, dateline_place: str | None = None):
    """The city of `country` where the article says things happened: the first one after "in",
    "at" or "city of" (none after a future cue), else the dateline's city when it lies in that
    country. An event known only by its country is placed there: the right city scores, a wrong
    one still names the right country."""
    lex = dates._lexicon()
    for text in texts:
        for p in _places_in(text):
            if p.kind != "city" or p.country != country:
                continue
            before = text[max(0, p.start - 12):p.start]
            if re.search(r"\b(?:in|at|city of)\s+(?:the\s+)?$", before, re.I) and not lex.future.search(text):
                return p
    if dateline_place:
        p = places.lookup_dateline(dateline_place)
        if p is not None and p.kind == "city" and p.country == country:
            return p
    return None


def city_index(texts: list[str], dateline_place: str | None = None) -> dict[str, "places.PlaceMention"]:
    """`city_in` for every country at once, in one pass over the article: {ISO3: city}. Events
    known only by their country look their city up here, so the work stays linear in the text."""
    lex = dates._lexicon()
    out: dict = {}
    for text in texts:
        if lex.future.search(text):
            continue
        for p in _places_in(text):
            if p.kind == "city" and p.country and p.country not in out and re.search(
                    r"\b(?:in|at|city of)\s+(?:the\s+)?$", text[max(0, p.start - 12):p.start], re.I):
                out[p.country] = p
    if dateline_place:
        p = places.lookup_dateline(dateline_place)
        if p is not None and p.kind == "city" and p.country and p.country not in out:
            out[p.country] = p
    return out



def visit_span(text: str, day: str | None) -> str | None:
    """The span of a visit `text` dates by one day it ends or starts: "left on August 13, concluding
    their 4-day state visit" -> the four days up to the 13th; "arrived on Monday for a three-day
    visit" -> Monday and the two days after. None when the sentence says no such thing."""
    if not day or len(day) != 10:
        return None
    d = _data()
    m = d["span"].search(text)
    if not m:
        return None
    n = m.group("n")
    days = int(n) if n.isdigit() else d["numbers"].get(n.lower())
    if not days or days > 31:
        return None
    return when.span_of(day, days, ending=bool(m.group("end")))
