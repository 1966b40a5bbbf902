"""Events of one article: engagements (meetings, visits, dialogues, calls, conferences) and
signings, each with actors, roles, date, place and evidence sentences.

Sentence-level rules over the parse, with trigger patterns in data/event_triggers.json.
Event coding of this kind (who with whom, in what format) has no maintained library for
English news that keeps persons as actors, so the rules are written here. Each mode has one
drafter in DRAFTERS (a module of this package); `sides` is where a sentence's participants
are found.
"""
from __future__ import annotations

import re
from functools import lru_cache

from communique import dates
from communique.analysis import Analysis, Draft
from communique.text import fold
from communique.events.conference import draft_conference
from communique import frames as frames_mod
from communique.frames.anaphora import singular_title
from communique.events.engagement import draft_engagement
from communique.events.framed import (discourse, doc_shift, draft_frame, frame_org_drafts, join_gatherings, kind_of,
                                      log_outcome, sentence_frames)
from communique.events.merge import _one_mode_per_pair, merge_drafts
from communique.events.settle import pick_date, settle_context
from communique.events.sides import _dedupe
from communique.events.signing import draft_signing
from communique.events.together import draft_caption, draft_joined, draft_joint
from communique.events.triggers import Cue, detect_modes, is_hypothetical, pattern
from communique.events.visit import draft_visit, draft_visit_reference
from communique.events.where import _places, preferred_place, seat_location, to_location, without_persons


@lru_cache(maxsize=4096)
def _venue_rx(place: str) -> re.Pattern:
    """ "in X" / "at the X": the sentence says the event happened there."""
    return re.compile(r"\b(?:in|at)\s+(?:the\s+)?" + re.escape(place))


DRAFTERS = {"meeting": draft_engagement, "call": draft_engagement, "dialogue": draft_engagement,
            "visit": draft_visit, "conference": draft_conference, "signing": draft_signing}


def _capital_for_its_state(p, d: Draft, text: str) -> bool:
    """A city the sentence names bare ("Paris and Rabat signed"), whose state is a country actor
    of the event: the city stands for that state; "in Paris" would say where."""
    if p.kind != "city" or not any(x.kind == "country" and x.code == p.country for x in d.actors):
        return False
    at = text.find(p.text)
    return at >= 0 and not re.search(r"\b(?:in|at)\s+(?:the\s+)?$", text[max(0, at - 8):at], re.I)


def extract_events(ctx: Analysis) -> None:
    """The article's events, merged and settled, into `ctx.drafts`."""
    sentences = ctx.sentences
    drafts: list[Draft] = []
    last_subject = None
    disc = discourse(ctx)
    for k, sent in enumerate(sentences):
        disc.upcoming = [m.person for m in sentences[k + 1].mentions] if k + 1 < len(sentences) else []
        modes = detect_modes(sent.text)
        sign_at = next((p for m, p in modes if m == "signing"), None)
        if sign_at is not None:  # "signed a plan of consultations": the document is no dialogue
            modes = [(m, p) for m, p in modes if m in ("signing", "visit") or p < sign_at]
        found: list[Draft] = []
        hypothetical = False
        group = None
        ref = pattern("coreference").match(sent.text.lower())
        if ref:
            pairs = [d for d in reversed(drafts) if d.type == "CONSULT" and len(d.members) >= 2]
            # "the two presidents" after the foreign ministers' talks: the last pair holding that title
            last = next((d for d in pairs if _all_hold(d.members, ref.group())), pairs[0] if pairs else None)
            group = last.members if last else None
        label = pattern("speaker_label").match(sent.text)
        if label:  # a transcript's speaker label: who "I" is from here to the next label
            disc.speaker = next((m.person for m in sent.mentions if m.start - sent.start < label.end()), None)
        # the parse first: each trigger's frame names its participants by syntax
        frames, about = sentence_frames(sent, disc)
        framed: set[str] = set()  # "engagement", "visit", ...: told by a frame, or planned there
        drafted: list = []  # the frames that drafted an event
        shift = doc_shift(sent)
        live = [(m, p) for m, p in modes if not is_hypothetical(sent.text, p, sent.title)]  # "the upcoming dialogue" is no mode
        for f in frames:
            at = f.start + shift - sent.start
            # "In the telephone call on Friday, A urged B to ...": the opening phrase's call is told,
            # whatever the urging plans
            planned = f.planned and not pattern("opening_phrase").match(sent.text[:at])
            if planned or is_hypothetical(sent.text, at, sent.title):
                if f.participants():
                    framed.add(kind_of(f.mode))  # "X will meet Y": no event, and no fallback adds one
                continue
            # a mode another frame of the sentence tells with other counterparts is that frame's, not this
            # one's: "X called on A and co-chaired the Dialogue with B" is a meeting with A and a dialogue with B
            own = [(m, p) for m, p in live if m == f.mode or not any(
                g is not f and g.mode == m and g.side_b and f.side_b and not set(g.side_b) & set(f.side_b)
                for g in frames)]
            got = draft_frame(ctx, sent, f, own)
            if f.body_subject and not f.participants():
                framed.add(kind_of(f.mode))  # "The council met in Athens": a body met; no one to borrow as its subject
            if any(len(d.members) >= 2 or d.context is None for d in got):
                framed.add(kind_of(f.mode))
                drafted.append(f)
            found += got
        found += frame_org_drafts(ctx, sent, drafted, live)
        for mode, pos in modes:
            if is_hypothetical(sent.text, pos, sent.title):
                continue
            if kind_of(mode) in framed:
                log_outcome("frame", mode, sent)
                continue
            # positional fallback: the parse gave no frame with participants for this mode
            got = DRAFTERS[mode](ctx, sent, Cue(mode, pos, last_subject, group))
            log_outcome("fallback" if got else "none", mode, sent)
            found += got
        if not any(d.type == "CONSULT" and d.mode != "visit" for d in found) and not hypothetical:
            found += draft_joint(ctx, sent)
        if not found:
            found += draft_joined(ctx, sent, modes, drafts)
        if not any(d.mode == "visit" for d in found):
            found += draft_visit_reference(ctx, sent, last_subject)
        # keep one engagement mode per actor set within a sentence (call > dialogue > meeting)
        found = _one_mode_per_pair(found)
        if not found and sent.caption:
            found = draft_caption(ctx, sent)
        if not any(d.type == "CONSULT" for d in found) and sent.caption and not modes:
            found = draft_caption(ctx, sent)
        told = next((o.date for o in reversed(drafts) if o.date and len(o.date) == 10), None)
        trip = next((o.date for o in reversed(drafts) if o.mode == "visit" and o.date and "/" in o.date), None)
        venue = None  # the sentence's venue place, read once for all its drafts
        for d in found:
            d.date = pick_date(sent, ctx, d.anchor)
            if d.date is None:  # "On the second day of the visit, X called on Y": a day of the trip
                d.date = dates.visit_day(sent.text, trip)
            if d.date is None:  # "On the same day, X met Y": counted from the event told before
                d.date = dates.anaphoric_date(sent.text, told)
            if d.location is None:
                if venue is None:
                    venue = [preferred_place(_places().venue_text(without_persons(sent)), sent.start, None)]
                p = venue[0]
                if p is not None and _capital_for_its_state(p, d, sent.text):
                    p = None  # "Paris and Rabat signed": the capitals are the signing states, not where
                if p is not None and not (d.mode == "visit"):
                    # a country named as an actor's nationality is not where it happened
                    if p.kind == "city" or _venue_rx(p.text).search(sent.text):
                        d.location = to_location(p)
                elif p is None and d.mode != "visit":
                    d.location = seat_location(sent.text)  # "received X at the Kremlin": Moscow
        drafts += found
        subj_before = [m for m in sent.mentions if m.start - sent.start < 60]
        if subj_before:
            last_subject = subj_before[0].person
        subjects = about + [k for k in frames_mod.subjects_of(frames) if k not in about]
        disc.observe(subjects, _dedupe(sent.mentions), frames)
        last = next((d for d in reversed(found) if d.type == "CONSULT" and len(d.members) >= 2), None)
        if last is not None:
            disc.group = list(last.members)
    drafts = merge_drafts(join_gatherings(drafts), ctx.pub_date)
    drafts = [d for d in drafts if len(d.actors) >= 2 or d.context == "needs-host"]
    settle_context(ctx, drafts, sentences)
    ctx.drafts = [d for d in drafts if len(d.actors) >= 2]


def _all_hold(persons, phrase: str) -> bool:
    """Whether every one of `persons` holds the title a plural reference names ("the two presidents":
    a president each); true for references that name no title ("the two leaders", "both sides")."""
    singular = singular_title(phrase.split()[-1])
    if singular is None:
        return True
    return all(any(singular in fold(t).split() for t in p.titles) for p in persons)
