"""Signings: the signatories of a document, or the states when no person signs."""
from __future__ import annotations

import re

from communique.analysis import Analysis, Draft, Sentence
from communique.events.sides import _cross, _dedupe, country_actor, person_actor, split_sides
from communique.events.triggers import Cue, mode_spec, pattern
from communique.events.where import _places, place_mentions


def draft_signing(ctx: Analysis, sent: Sentence, cue: Cue) -> list[Draft]:
    """A signed document: the signatories, or the states when no person signs."""
    pos = cue.pos
    before, _ = split_sides(sent, pos)
    subj = _dedupe(before)
    spec = mode_spec("signing")
    ev = [(sent.start, sent.end)]
    if len(subj) >= 2 and any(_cross(ctx, subj[0], s) for s in subj[1:]):
        actors = [person_actor(ctx, s, "participant") for s in subj]
        return [Draft(spec["type"], "signing", spec["cameo"], actors, ev, anchor=sent.start + pos)]
    countries = []
    for s, e, p in place_mentions(sent.text[:pos], sent.start):
        if p.kind == "country" and p.country not in countries:
            countries.append(p.country)
    for tok in sent.span:
        if tok.idx - sent.span.start_char >= pos:
            break
        c = _places().demonym_code(tok.text)
        if c and c not in countries and tok.text[0].isupper():
            countries.append(c)
    if len(countries) < 2 and ctx.pair and len(ctx.pair) == 2 and re.search(
            r"\b(?:two|both) (?:sides|countries|governments|nations|leaders|presidents|ministers|parties)\b",
            sent.text[:pos].lower()):
        countries = list(ctx.pair)
    if len(countries) < 2:  # "the signing of an agreement between the Government of X and ... of Y"
        m = pattern("signing_between").match(sent.text, pos)
        if m:
            named = [p.country for p in _places().find_places(m.group("parties")) if p.kind == "country" and p.country]
            if len(set(named)) >= 2:
                countries = list(dict.fromkeys(named))
    if len(countries) >= 2:
        return [Draft(spec["type"], "signing", spec["cameo"], [country_actor(c, "participant") for c in countries[:4]],
                      ev, anchor=sent.start + pos)]
    return []

