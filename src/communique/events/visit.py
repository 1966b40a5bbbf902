"""Visits: a trip abroad with its visitor and host country, and "during the visit" references."""
from __future__ import annotations

import re

from communique import lexicon
from communique.analysis import Analysis, Draft, PersonDraft, Sentence
from communique.events.sides import _dedupe, country_actor, person_actor, split_sides
from communique.events.triggers import Cue, mode_spec
from communique.events.where import destination, to_location


def draft_visit(ctx: Analysis, sent: Sentence, cue: Cue) -> list[Draft]:
    """A trip abroad: the visitor(s) and the host country."""
    pos, last_subject = cue.pos, cue.last_subject
    low = sent.text.lower()
    tpos, dest = destination(sent)
    if dest is None or not dest.country:
        return []
    pos = tpos
    host = dest.country
    visitors = []
    by = re.search(r"\bby\b", low[pos:])
    before, aft = split_sides(sent, pos)
    if by:
        visitors = [m_.person for m_ in aft if m_.start >= sent.start + pos + by.start()]
    if not visitors:
        poss = [m_.person for m_ in aft if sent.text[m_.end - sent.start:m_.end - sent.start + 2] in ("'s", "’s")]
        visitors = poss or _dedupe(before)
    if not visitors and re.match(r"\s*(?:during|on|in the course of) (?:his|her|their|the|a)\b", low):
        # "During his visit to Brazil, X held ...": the subject comes after the trip
        visitors = [m_.person for m_ in aft if m_.start >= sent.start + pos][:1]
    if not visitors and last_subject is not None and re.match(r"\s*(?:during|on|in|he|she|at)\b", low):
        visitors = [last_subject]
    visitors = [v for v in visitors if v.country != host]
    if not visitors:
        return []
    actors = [person_actor(ctx, v, "visitor") for v in visitors[:1]] + [country_actor(host, "host")]
    d = Draft("CONSULT", "visit", mode_spec("visit")["cameo"], actors, [(sent.start, sent.end)],
              location=to_location(dest), anchor=sent.start + pos)
    d.members = visitors[:1]
    return [d]


def draft_visit_reference(ctx: Analysis, sent: Sentence, last_subject: PersonDraft | None) -> list[Draft]:
    """"During the visit, X ...": X was on a trip whose host the article's other events give
    (settled in `settle_context`)."""
    if not re.search(lexicon.triggers()["visit_reference"], sent.text.lower()):
        return []
    who = _dedupe(sent.mentions)[:1] or ([last_subject] if last_subject is not None else [])
    if not who:
        return []
    d = Draft("CONSULT", "visit", mode_spec("visit")["cameo"], [person_actor(ctx, who[0], "visitor")],
              [(sent.start, sent.end)], anchor=sent.start, members=list(who))
    d.context = "needs-host"
    return [d]

