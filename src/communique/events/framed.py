"""Drafts from engagement frames: the participants the dependency parse gives a trigger
(communique.frames) become meetings, calls, dialogues, visits, conferences and signings. The
positional drafters of the other modules run only where no frame names the participants."""
from __future__ import annotations

import functools
import logging
import re

from communique import frames as frames_mod
from communique.lexicon import find_org
from communique.persons.countries import legislators
from communique.analysis import Analysis, Draft, Sentence
from communique.events.engagement import org_drafts
from communique.events.sides import _cross, _group_counterparts, country_actor, person_actor
from communique.events.triggers import mechanism_of, mode_spec
from communique.events.where import (_places, destination, place_mentions, preferred_place, to_location,
                                     without_persons)
from communique.frames.words import words as frame_words
from communique.model import Location

ENGAGEMENT_RANK = {"call": 0, "dialogue": 1, "meeting": 2}  # a sentence that says "phone" makes talks a call

# one DEBUG record per engagement mode a sentence reports, saying whether the parse (a frame)
# or the positional fallback chose its participants; `communique extract --debug-frames` counts them
frame_log = logging.getLogger("communique.frames")


def discourse(ctx: Analysis) -> frames_mod.Discourse:
    """The article's salience list for anaphora; persons are described by country and titles; the
    dateline's state is the outlet's home ("the visiting minister" is of another)."""
    d = frames_mod.Discourse(lambda p: frames_mod.PersonInfo(p.country, tuple(p.titles)), _places().demonym_code)
    place = _places().lookup_dateline(ctx.dateline_place) if ctx.dateline_place else None
    d.home = place.country if place is not None else None
    return d


def doc_shift(sent: Sentence) -> int:
    """Absolute offset minus the parsed Doc's offset for this sentence."""
    # the sentence text was stripped of leading blanks: they are whole whitespace tokens
    first = next((t.idx for t in sent.span if not t.is_space), sent.span.start_char)
    return sent.start - first


def sentence_frames(sent: Sentence, disc: frames_mod.Discourse) -> tuple[list[frames_mod.Frame], list]:
    """The sentence's frames and the persons its main clause is about."""
    shift = doc_shift(sent)
    mentions = [frames_mod.MentionSpan(m.start - shift, m.end - shift, m.person) for m in sent.mentions]
    return frames_mod.read_sentence(sent.span, mentions, disc)


def log_outcome(outcome: str, mode: str, sent: Sentence) -> None:
    if frame_log.isEnabledFor(logging.DEBUG):
        frame_log.debug("%s %s: %s", outcome, mode, sent.text[:100],
                        extra={"frames_outcome": outcome, "frames_mode": mode})


def kind_of(mode: str) -> str:
    return "engagement" if mode in ENGAGEMENT_RANK else mode


def draft_frame(ctx: Analysis, sent: Sentence, f: frames_mod.Frame, modes: list) -> list[Draft]:
    kind = kind_of(f.mode)
    if kind == "engagement":
        return engagement_from_frame(ctx, sent, f, modes)
    if kind == "visit":
        return visit_from_frame(ctx, sent, f)
    if kind == "signing":
        return signing_from_frame(ctx, sent, f)
    if kind == "conference":
        return conference_from_frame(ctx, sent, f)
    return []


def engagement_from_frame(ctx: Analysis, sent: Sentence, f: frames_mod.Frame, modes: list) -> list[Draft]:
    """Meetings, calls and dialogues whose sides the parse gave: one event per counterpart
    group of the subject, or one for all when the frame is joint ("A and B met")."""
    mode = f.mode
    for m, _ in modes:  # "held talks by phone", "talks within the Strategic Dialogue"
        if m in ENGAGEMENT_RANK and ENGAGEMENT_RANK[m] < ENGAGEMENT_RANK[mode]:
            mode = m
    spec = mode_spec(mode)
    anchor = f.start + doc_shift(sent)
    ev = [(sent.start, sent.end)]
    drafts = []
    if f.resolved and all(len(keys) >= 2 for _, keys in f.resolved) and \
            set(f.participants()) <= {k for _, keys in f.resolved for k in keys}:
        return []  # "the two sides exchanged views": the engagement told before, no new one

    def role(p, default):
        return f.roles.get(p, "co-chair" if mode == "dialogue" else default)

    if not f.side_a:
        states = _group_of_states(ctx, sent, f)
        if states:  # "The leaders of Armenia and Azerbaijan met Macron", "The foreign ministers of A and B met"
            others = [o for o in f.side_b if o.country not in states]
            if len(states) < 2 and not others:
                return []
            actors = [country_actor(c, "participant") for c in states] + \
                [person_actor(ctx, o, role(o, "participant")) for o in others]
            return [Draft(spec["type"], mode, spec["cameo"], actors, ev, anchor=anchor, members=list(others))]
    if f.joint or not f.side_b:
        people = f.participants()
        if len(people) < 2:
            return []
        lead = people[0]
        if not any(_cross(ctx, lead, o) for o in people[1:]):
            return []
        actors = [person_actor(ctx, p, role(p, "participant")) for p in people]
        drafts.append(Draft(spec["type"], mode, spec["cameo"], actors, ev, anchor=anchor, members=list(people)))
    else:
        if not f.side_a:
            return []
        lead = f.side_a[0]
        # the lead's side: those of its state, and one of no known state holding the lead's office
        # ("Senator A and Senator B met X"); another state's subject tells a meeting of its own
        side = [s_ for s_ in f.side_a if not _cross(ctx, lead, s_) or _same_office_no_state(lead, s_)
                or s_.country is None and legislators(lead, s_)]  # "U.S. Sen. A and Rep. B met X"
        if len(f.side_a) > 1 and _each(f.trigger):
            # "A, B and C each held a short meeting with X": one meeting of each with X
            for s_ in f.side_a:
                if any(_cross(ctx, s_, o) for o in f.side_b):
                    actors = [person_actor(ctx, s_, role(s_, "participant"))] + \
                             [person_actor(ctx, o, role(o, "participant")) for o in f.side_b]
                    drafts.append(Draft(spec["type"], mode, spec["cameo"], actors, list(ev), anchor=anchor,
                                        members=[s_] + list(f.side_b)))
            return drafts
        # a dialogue ("2+2") is one session of both delegations; meetings pair the subject with each
        groups = [list(f.side_b)] if mode == "dialogue" else _group_counterparts(ctx, sent, f.side_b)
        for group in groups:
            if not any(_cross(ctx, s_, o) for s_ in side for o in group):
                continue
            actors = [person_actor(ctx, s_, role(s_, "participant")) for s_ in side] + \
                     [person_actor(ctx, o, role(o, "participant")) for o in group]
            drafts.append(Draft(spec["type"], mode, spec["cameo"], actors, list(ev), anchor=anchor,
                                members=side + group))
    if mode == "dialogue":
        mech = mechanism_of(sent.text)
        for d in drafts:
            d.mechanism = mech
    return drafts


def _each(trigger) -> bool:
    """ "each" before the trigger in its sentence ("A, B and C each held a meeting with X"), not
    "each other"."""
    sent = trigger.sent
    doc = trigger.doc
    return any(doc[i].lower_ == "each" and (i + 1 >= sent.end or doc[i + 1].lower_ != "other")
               for i in range(sent.start, trigger.i))


def _same_office_no_state(a, b) -> bool:
    """Two persons of no known state or body who hold the same office ("Senator A and Senator B")."""
    if a.country or b.country or a.org or b.org or not a.titles or not b.titles:
        return False
    return {t.lower() for t in a.titles} & {t.lower() for t in b.titles} != set()


def _group_of_states(ctx: Analysis, sent: Sentence, f: frames_mod.Frame) -> list[str]:
    """The states of a subject that names a group of their officials and no person ("the leaders
    of Armenia and Azerbaijan", "the foreign ministers of Morocco and Senegal"), else []."""
    subj = next((c for c in f.trigger.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ not in frame_words()["group_words"] or not f.places_a:
        return []
    shift = doc_shift(sent)
    states = []
    for s, e in f.places_a:
        for ps, pe, p in _places_of(sent):
            if ps < e + shift and s + shift < pe and p.country and p.kind == "country" and p.country not in states:
                states.append(p.country)
    return states[:4]


def frame_org_drafts(ctx: Analysis, sent: Sentence, frames: list, modes: list) -> list[Draft]:
    """Organisations met, once per sentence (as the positional drafter does): the first
    meeting or call frame with a subject gives the lead and where to look."""
    f = next((f for f in frames if f.mode in ("meeting", "call") and f.side_a and not f.planned), None)
    if f is None:
        return []
    mode = "call" if any(m == "call" for m, _ in modes) or f.mode == "call" else "meeting"
    lead = f.side_a[0]
    return org_drafts(ctx, sent, mode, f.start + doc_shift(sent) - sent.start, lead,
                      f.roles.get(lead, "participant"), "guest" if f.roles else "participant")


@functools.lru_cache(maxsize=64)
def _sentence_places(text: str, base: int) -> tuple:
    return tuple(place_mentions(text, base))


def _places_of(sent: Sentence) -> tuple:
    """The sentence's place mentions, found once per sentence however many frames ask."""
    return _sentence_places(sent.text, sent.start)


def visit_from_frame(ctx: Analysis, sent: Sentence, f: frames_mod.Frame) -> list[Draft]:
    """A trip whose traveller the parse gave, to the destination it gave (or the place right
    after the visit word when the parse named none)."""
    if not f.side_a:
        return []
    shift = doc_shift(sent)
    places_ = _places_of(sent)
    dests = []  # (country code, place or None): a tour has several
    anaphors = frames_mod.words()["country_anaphors"]
    for s, e in f.destinations:
        # the known place must end where the destination ends: "the Temple of Heaven" is no "Temple"
        p = next((p for ps, pe, p in places_ if ps < e + shift <= pe + 1 and s + shift < pe and p.country), None)
        if p is not None:
            dests.append((p.country, p))
        elif (code := _capital_of_demonym(ctx.parsed_text[s:e])) is not None:
            dests.append((code, None))  # "arrived in the Ethiopian capital": Ethiopia
        elif (code := _seat_of_government(ctx.parsed_text[s:e])) is not None:
            dests.append((code, None))  # "welcomed X to the White House for a state visit": the United States
        elif (code := _places().country_code(ctx.parsed_text[s:e])) is not None:
            dests.append((code, None))  # "visited the occupied Palestinian territories": a state's name in lower case
        elif (phrase := ctx.parsed_text[s:e].lower()) in anaphors or "the " + phrase in anaphors \
                or _epithet(ctx.parsed_text[s:e]):  # the parse may leave "the" off: "visit to the Kingdom"
            # "his visit to the country", "arrived in the Asian giant": the state of the city its own
            # sentence names ("received in Abu Dhabi X, who is on a working visit to the country"), else
            # the article's other state than the visitor's (the parsed text: Doc.text joins every token)
            here = {p.country for _, _, p in _sentence_places(without_persons(sent), sent.start)
                    if p.kind == "city" and p.country and p.country != f.side_a[0].country}  # not "Martin", a person
            other = [c for c in ctx.pair if c != f.side_a[0].country]
            if len(here) == 1:
                dests.append((next(iter(here)), None))
            elif len(ctx.pair) == 2 and len(other) == 1:
                dests.append((other[0], None))
    if not dests and not f.destinations:  # the parse named no destination: the place after the visit word
        _, p = destination(sent)
        if p is not None and p.country:
            dests.append((p.country, p))
    if not dests and ctx.dateline_place and (_arrived_at_a_facility(ctx, f) or any(
            c.lower_ == "here" and c.dep_ == "advmod" for c in f.trigger.children)):
        # "arrived here on Monday", "arrived at Jomo Kenyatta International Airport": the dateline's city
        p = _places().lookup_dateline(ctx.dateline_place)
        if p is not None and p.country:
            dests.append((p.country, p))
    if not dests and f.trigger.lower_ == "visiting" and f.trigger.dep_ in ("amod", "compound", "xcomp"):
        dests += _visited_by_host(ctx, sent, f.side_a)
    if not dests and not f.destinations and f.trigger.dep_ == "pobj" and any(
            t.lower_ in frames_mod.words()["host_verbs"] for t in list(f.trigger.ancestors)[:4]):
        dests += _visited_by_host(ctx, sent, f.side_a)  # "welcomed X in Berlin, at the start of a state visit"
    drafts = []
    seen = set()
    for code, p in dests:
        visitors = [v for v in f.side_a if v.country != code]  # "Blinken and Austin visited": both
        if not visitors or code in seen:
            continue
        seen.add(code)
        if p is None or p.name == _places().country_name(code):
            # a city of that country among the destinations, or named right after the only one,
            # beats the country
            ends = [e + shift for _, e in f.destinations]
            cities = [q for c, q in dests if c == code and q is not None]
            if len({c for c, _ in dests}) == 1:  # "... visit to Australia in Adelaide"
                cities += [q for ps, _, q in places_ if q.country == code and any(0 < ps - end <= 30 for end in ends)
                           and sent.text[ps - sent.start - 3:ps - sent.start] in ("in ", "at ")]
            p = next((q for q in cities if q.name != _places().country_name(code)), p)
        loc = to_location(p) if p is not None else Location(name=_places().country_name(code), country=code)
        d = Draft("CONSULT", "visit", mode_spec("visit")["cameo"],
                  [person_actor(ctx, v, "visitor") for v in visitors] + [country_actor(code, "host")],
                  [(sent.start, sent.end)], location=loc, anchor=f.start + shift)
        d.members = visitors
        drafts.append(d)
    return drafts


def _arrived_at_a_facility(ctx: Analysis, f: frames_mod.Frame) -> bool:
    """A destination the gazetteer does not know whose last word is a facility ("arrived at Jomo
    Kenyatta International Airport", frames.json arrival_facilities)."""
    facilities = frames_mod.words()["arrival_facilities"]
    return any((ctx.parsed_text[s:e].split() or [""])[-1].lower() in facilities for s, e in f.destinations)


def _epithet(phrase: str) -> bool:
    """A state told by an epithet that names no state: "the Asian giant", "the Gulf kingdom",
    "the oil-rich emirate", "the Central Asian republic" (a demonym in it would name one)."""
    words = phrase.split()
    if len(words) < 3 or len(words) > 5 or words[0].lower() != "the":
        return False
    if words[-1].lower() not in frames_mod.words()["country_epithet_heads"]:
        return False
    return not any(_places().demonym_code(w) or _places().country_code(w) for w in words[1:-1])


def _seat_of_government(phrase: str) -> str | None:
    """The state whose government a seat stands for ("the White House", "the Kremlin"), from the
    organisations that the project codes as a government (data/orgs.tsv); None otherwise."""
    org = find_org(phrase)
    return org.country if org is not None and org.kind == "government" else None


def _capital_of_demonym(phrase: str) -> str | None:
    """The state of "the Ethiopian capital", "the Malaysian capital city"; None for other phrases."""
    words = phrase.split()
    if len(words) in (3, 4) and words[0].lower() == "the" and words[2].lower() == "capital" \
            and (len(words) == 3 or words[3].lower() == "city"):
        return _places().demonym_code(words[1])
    return None


def _visited_by_host(ctx: Analysis, sent: Sentence, visitors: list) -> list:
    """Where "visiting President X" is: the city the sentence's meeting is in, else the one state of
    the other persons the sentence names ("Xi held talks with visiting President X")."""
    home = {v.country for v in visitors}
    venue = preferred_place(sent.text, sent.start)
    if venue is not None and venue.country and venue.country not in home and venue.kind == "city":
        return [(venue.country, venue)]
    hosts = {m.person.country for m in sent.mentions if m.person not in visitors and m.person.country}
    hosts -= home
    return [(hosts.pop(), None)] if len(hosts) == 1 else []


def conference_from_frame(ctx: Analysis, sent: Sentence, f: frames_mod.Frame) -> list[Draft]:
    """Leaders of several states attending one gathering ("the summit was attended by A, B and
    C"): one conference event of them all. One attendee is left to the gatherings list."""
    people = f.participants()
    spec = mode_spec("conference")
    if _attends_a_meeting(f.trigger):
        return []  # "held a meeting with X, attended by the Crown Prince": who sat in, no gathering
    if _press_appearance(f.trigger):
        # "A and B addressed a joint press conference": they appeared together, a meeting of theirs
        if len(people) < 2 or not any(_cross(ctx, people[0], o) for o in people[1:]):
            return []
        spec = mode_spec("meeting")
        return [Draft(spec["type"], "meeting", spec["cameo"], [person_actor(ctx, p, "participant") for p in people],
                      [(sent.start, sent.end)], anchor=f.start + doc_shift(sent), members=list(people))]
    if _DID_NOT_MEET.search(sent.text):
        return []  # "attended the council in Addis Ababa but did not meet": together, but no engagement
    if f.gathering and people:
        # one attendee per sentence is kept: join_gatherings folds the attendees of one summit
        d = Draft(spec["type"], "conference", spec["cameo"], [person_actor(ctx, p, "participant") for p in people],
                  [(sent.start, sent.end)], anchor=f.start + doc_shift(sent), members=list(people))
        d.context = "gathering:" + f.gathering
        return [d]
    if len(people) < 2 or not any(_cross(ctx, people[0], o) for o in people[1:]):
        return []
    return [Draft(spec["type"], "conference", spec["cameo"], [person_actor(ctx, p, "participant") for p in people],
                  [(sent.start, sent.end)], anchor=f.start + doc_shift(sent), members=list(people))]


_DID_NOT_MEET = re.compile(r"\b(?:did\s+not|didn[’']t|did\s+not\s+even|never|without)\s+(?:meet|meeting|speak|speaking|talk)"
                           r"(?:ing)?\b", re.I)


def _press_appearance(trigger) -> bool:
    """ "addressed a joint press conference", "attended a news briefing": the attending verb's object
    is an appearance before the press (frames.json press_appearances), no gathering of states."""
    W = frames_mod.words()
    return any(c.dep_ == "dobj" and c.lower_ in W["press_appearances"]
               and any(m.lower_ in W["press_words"] for m in c.children if m.dep_ in ("compound", "amod"))
               for c in trigger.children)


def _attends_a_meeting(trigger) -> bool:
    """ "held talks with X, attended by Y", "a meeting attended by Y": the attending verb is told of
    a meeting (the noun it hangs on, or the object of the verb it hangs on), not of a gathering."""
    if trigger.dep_ not in ("acl", "advcl") or not trigger.tag_ == "VBN":
        return False
    head = trigger.head
    nouns = [head] if head.pos_ in ("NOUN", "PROPN") else [c for c in head.children if c.dep_ == "dobj"]
    meeting = frames_mod.words()["noun_mode"]
    return any(meeting.get(n.lower_) == "meeting" and n.lower_ not in frames_mod.words()["gathering_words"]
               for n in nouns)


def join_gatherings(drafts: list[Draft]) -> list[Draft]:
    """Attendees of one gathering told in several sentences ("X gave a speech at the summit";
    "the summit was attended by A and B") are one conference of them all."""
    out: list[Draft] = []
    first: dict[str, Draft] = {}
    for d in drafts:
        key = d.context if d.context and d.context.startswith("gathering:") else None
        if key is None:
            out.append(d)
            continue
        if key not in first:
            first[key] = d
            out.append(d)
            continue
        target = first[key]
        for a in d.actors:
            if a.person is not None and a.person not in target.members:
                target.actors.append(a)
                target.members.append(a.person)
        target.evidence += [e for e in d.evidence if e not in target.evidence]
        target.date = target.date or d.date
        target.location = target.location or d.location
    for d in first.values():
        d.context = None
        people = [a.person for a in d.actors if a.person is not None]
        if len(people) < 2 or not any(_cross(None, people[0], o) for o in people[1:]):
            d.actors = d.actors[:1]  # one attendee alone is no conference of persons; dropped later
    return out


def signing_from_frame(ctx: Analysis, sent: Sentence, f: frames_mod.Frame) -> list[Draft]:
    """Signatories from the parse: persons of two sides, or states and their capitals
    ("Paris and Rabat signed")."""
    spec = mode_spec("signing")
    ev = [(sent.start, sent.end)]
    shift = doc_shift(sent)
    people = f.participants()
    states = [c for c in dict.fromkeys(p.country for p in people) if c]
    if f.resolved and len(states) >= 2 and all(text.lower() in frame_words()["state_group_words"] for text, _ in f.resolved):
        # "the two sides signed 12 documents": a signing of the states the persons met for
        return [Draft(spec["type"], "signing", spec["cameo"], [country_actor(c, "participant") for c in states[:4]],
                      ev, anchor=f.start + shift)]
    if len(people) >= 2 and any(_cross(ctx, people[0], o) for o in people[1:]):
        return [Draft(spec["type"], "signing", spec["cameo"], [person_actor(ctx, p, "participant") for p in people],
                      ev, anchor=f.start + shift, members=list(people))]
    places_ = _places_of(sent)
    countries = []
    for s, e in f.places_a + f.places_b:
        for ps, pe, p in places_:
            if ps < e + shift and s + shift < pe and p.country and p.country not in countries:
                countries.append(p.country)
    if len(countries) >= 2:
        return [Draft(spec["type"], "signing", spec["cameo"], [country_actor(c, "participant") for c in countries[:4]],
                      ev, anchor=f.start + shift)]
    return []
