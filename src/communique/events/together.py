"""Engagements told without a meeting verb: officials acting together ("A and B agreed"), someone
joining talks already told, and photo captions showing officials of both sides."""
from __future__ import annotations

import re

from communique import levels, lexicon
from communique.analysis import Analysis, Draft, Sentence
from communique.events.sides import _cross, _dedupe, person_actor, split_sides
from communique.events.triggers import mode_spec, pattern


def draft_joint(ctx: Analysis, sent: Sentence) -> list[Draft]:
    """"A and B agreed on Tuesday ...": two officials of different states acting together met."""
    m = pattern("joint").search(sent.text.lower())
    if not m:
        return []
    before, _ = split_sides(sent, m.start())
    subj = _dedupe(before)
    if len(subj) < 2 or not any(_cross(ctx, subj[0], o) for o in subj[1:]):
        return []
    between = sent.text[: m.start()]
    if not re.search(r"\band\b|&", between):
        return []
    if m.group(0) == "signed" and not all(_leads_a_state(p) for p in subj):
        return []  # "the two ministers signed on behalf of their governments": the signing alone, no meeting of theirs
    spec = lexicon.triggers()["joint"]
    actors = [person_actor(ctx, p, "participant") for p in subj]
    return [Draft(spec["type"], spec["mode"], spec["cameo"], actors, [(sent.start, sent.end)],
                  anchor=sent.start + m.start(), members=list(subj))]


def _leads_a_state(person) -> bool:
    """A head of state or government (or of a body such as the European Commission): leaders who
    sign together met; ministers who sign for their governments may only have put their names to it."""
    return levels.best_level(person.titles) in ("head-of-state", "head-of-government")


def draft_joined(ctx: Analysis, sent: Sentence, modes, drafts: list[Draft]) -> list[Draft]:
    """"X joined part of the talks by video link": X with the people of the last engagement."""
    m = pattern("joined_talks").search(sent.text.lower())
    if not m:
        return []
    before, _ = split_sides(sent, m.start())
    subj = _dedupe(before)
    last = next((d for d in reversed(drafts) if d.type == "CONSULT" and d.mode != "visit" and len(d.members) >= 2), None)
    if not subj or last is None:
        return []
    mode = "call" if any(mo == "call" for mo, _ in modes) else last.mode
    spec = mode_spec(mode)
    members = subj[:1] + [p for p in last.members if p not in subj]
    actors = [person_actor(ctx, p, "participant") for p in members]
    return [Draft(spec["type"], mode, spec["cameo"], actors, [(sent.start, sent.end)], anchor=sent.start + m.start(),
                  members=members)]


def draft_caption(ctx: Analysis, sent: Sentence) -> list[Draft]:
    """A photo caption that shows officials of different sides together states that they met."""
    people = _dedupe(sent.mentions)
    if len(people) < 2:
        return []
    lead = people[0]
    others = [o for o in people[1:] if _cross(ctx, lead, o)]
    if not others:
        return []
    # one photo, one occasion: all it shows together (a talk the text tells takes it in, merge_drafts)
    actors = [person_actor(ctx, lead, "participant")] + [person_actor(ctx, o, "participant") for o in others]
    return [Draft("CONSULT", "meeting", mode_spec("meeting")["cameo"], actors, [(sent.start, sent.end)],
                  from_caption=True, anchor=sent.start, members=[lead] + others)]

