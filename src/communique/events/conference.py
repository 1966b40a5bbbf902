"""Conferences: attending a multilateral gathering (data/gatherings.tsv) convened by an organisation."""
from __future__ import annotations

from communique import lexicon
from communique.analysis import ActorDraft, Analysis, Draft, Sentence
from communique.model import Location
from communique.events.sides import _dedupe, person_actor, split_sides
from communique.events.triggers import Cue, mode_spec


def draft_conference(ctx: Analysis, sent: Sentence, cue: Cue) -> list[Draft]:
    """Attending a multilateral gathering: the attendee and the convening organisation."""
    pos, last_subject = cue.pos, cue.last_subject
    gathering = lexicon.find_gathering(sent.text[pos:pos + 200])
    before, _ = split_sides(sent, pos)
    subj = _dedupe(before)
    if not subj and last_subject is not None:
        subj = [last_subject]
    if not subj or not gathering or not gathering.org:
        return []
    org = next((o for o in lexicon.orgs() if o.name == gathering.org), None)
    actors = [person_actor(ctx, subj[0], "participant"),
              ActorDraft(gathering.org, "org", org.country if org else None, "participant")]
    loc = None
    if gathering.city:
        loc = Location(name=gathering.city, country=gathering.country)
    return [Draft("CONSULT", "conference", mode_spec("conference")["cameo"], actors, [(sent.start, sent.end)],
                  location=loc, anchor=sent.start + pos)]

