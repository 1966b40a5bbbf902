"""Meetings, calls and dialogues: one drafted event per counterpart of the sentence's subject."""
from __future__ import annotations

import re

from communique.analysis import ActorDraft, Analysis, Draft, PersonDraft, Sentence
from communique.events.sides import _cross, _dedupe, _group_counterparts, country_actor, org_counterparts, person_actor, split_sides
from communique.events.triggers import Cue, mechanism_of, mode_spec, pattern


def draft_engagement(ctx: Analysis, sent: Sentence, cue: Cue) -> list[Draft]:
    """Meetings, calls and dialogues: one event per counterpart of the subject; `cue.group` is who
    "the two ministers" at the start of the sentence refers to."""
    mode, pos, last_subject, group = cue.mode, cue.pos, cue.last_subject, cue.group
    spec = mode_spec(mode)
    before, after = split_sides(sent, pos)
    subj = _dedupe(before)
    objs = _dedupe(after)
    rel = re.search(r",?\s*who\s+(?:also\s+|had\s+|have\s+)?$", sent.text[:pos])
    if rel:
        # "their ministers, A and B, who met in X": the people named just before 'who'
        head = sent.text[:rel.start()]
        cut = max(head.rfind(w) for w in (" said", " welcomed", " thanked", " praised", " noted", ":", ";", " of "))
        subj = _dedupe([m for m in before if m.start - sent.start > cut])
        if len(subj) >= 2 and not objs:
            lead = subj[0]
            rest = [o for o in subj[1:] if _cross(ctx, lead, o)]
            if rest:
                actors = [person_actor(ctx, p, "participant") for p in [lead] + rest]
                return [Draft(spec["type"], mode, spec["cameo"], actors, [(sent.start, sent.end)],
                              anchor=sent.start + pos, members=[lead] + rest)]
            return []
    if group and not subj:
        others = [o for o in objs if o not in group]
        if not others:
            return []
        actors = [person_actor(ctx, g, "participant") for g in group] + \
                 [person_actor(ctx, o, "participant") for o in others]
        d = Draft(spec["type"], mode, spec["cameo"], actors, [(sent.start, sent.end)], anchor=sent.start + pos)
        d.members = list(group) + others
        return [d]
    if not subj and len(objs) >= 2 and pattern("opening_phrase").match(sent.text[:pos]):
        subj, objs = objs[:1], objs[1:]  # "In the telephone call on Friday, A urged B to ..."
    if not subj and last_subject is not None and re.match(r"\s*(?:he|she|the \w+|during|at|in|on)\b", sent.text.lower()):
        subj = [last_subject]
    evidence = [(sent.start, sent.end)]
    drafts = []
    role_a, role_b = _roles(mode, sent.text)
    if subj and objs:
        # the subject side may hold several people of one delegation; pair the first with each counterpart
        lead = subj[-1]  # the subject nearest the verb
        side = [s_ for s_ in subj if not _cross(ctx, lead, s_)]
        others = [o for o in objs if o not in subj]
        groups = _group_counterparts(ctx, sent, others)
        for group in groups:
            if not any(_cross(ctx, s_, o) for s_ in side for o in group):
                continue
            actors = [person_actor(ctx, s_, role_a) for s_ in side] + [person_actor(ctx, o, role_b) for o in group]
            drafts.append(Draft(spec["type"], mode, spec["cameo"], actors, list(evidence), anchor=sent.start + pos,
                                members=side + group))
    elif mode == "dialogue" and not subj and len(objs) >= 2 and re.search(r"\bby\b", sent.text[pos:pos + 40]):
        # "The dialogue was co-chaired by A and B ... and by C and D"
        if any(_cross(ctx, objs[0], o) for o in objs[1:]):
            actors = [person_actor(ctx, o, "co-chair") for o in objs]
            drafts.append(Draft(spec["type"], mode, spec["cameo"], actors, list(evidence), anchor=sent.start + pos,
                                members=list(objs)))
    elif len(subj) >= 2 and not objs:
        # "A and B met" / "A and B co-chaired the Dialogue"
        lead = subj[0]
        rest = [s for s in subj[1:] if _cross(ctx, lead, s)]
        if rest:
            actors = [person_actor(ctx, lead, role_a)] + [person_actor(ctx, o, role_b) for o in rest]
            drafts.append(Draft(spec["type"], mode, spec["cameo"], actors, list(evidence), anchor=sent.start + pos,
                                members=[lead] + rest))
    if subj:
        drafts += org_drafts(ctx, sent, mode, pos, subj[0], role_a, role_b)
    if mode == "dialogue":
        mech = mechanism_of(sent.text)
        for d in drafts:
            d.mechanism = mech
        if not drafts and subj and mech:
            actors = [person_actor(ctx, s, "co-chair") for s in subj]
            drafts.append(Draft(spec["type"], mode, spec["cameo"], actors, list(evidence), mechanism=mech,
                                anchor=sent.start + pos))
        if not drafts and not subj and not objs:
            pair = state_pair(sent.text)
            if pair:  # "the seventh meeting of the India-Bhutan Joint Group of Experts was held": the two states
                drafts.append(Draft(spec["type"], mode, spec["cameo"], [country_actor(c, "co-chair") for c in pair],
                                    list(evidence), mechanism=mech, anchor=sent.start + pos))
    return drafts


_STATE_PAIR = re.compile(r"\b([A-Z][\w.]+(?: [A-Z][\w.]+)?)[-–]([A-Z][\w.]+(?: [A-Z][\w.]+)?)\b")


def state_pair(text: str) -> list[str]:
    """The two states a bilateral body is named for ("the India-Bhutan Joint Group of Experts",
    "the Kazakhstan–Vietnam Intergovernmental Commission"), or []."""
    from communique import places

    for m in _STATE_PAIR.finditer(text):
        left, right = m.group(1).split(), m.group(2).split()
        a = places.country_code(" ".join(left)) or places.country_code(left[-1])  # "the Sri Lanka-", "Kazakh ... India-"
        b = places.country_code(" ".join(right)) or places.country_code(right[0])  # "-Bhutan Joint ..."
        if a and b and a != b:
            return [a, b]
    return []



def org_drafts(ctx: Analysis, sent: Sentence, mode: str, pos: int, lead: PersonDraft,
               role_a: str = "participant", role_b: str = "participant") -> list[Draft]:
    """Organisations met (only with a subject person and a verb of meeting)."""
    if mode not in ("meeting", "call") or not re.search(
            r"\b(?:met|meet|meets|held (?:\w+ )?(?:meetings|talks)|received|receives)\b", sent.text.lower()):
        return []
    spec = mode_spec(mode)
    drafts = []
    for name, country, _ in org_counterparts(sent, pos):
        if country is not None and country == lead.country:
            continue
        if lead.org == name:
            continue
        actors = [person_actor(ctx, lead, role_a), ActorDraft(name, "org", country, role_b)]
        drafts.append(Draft(spec["type"], mode, spec["cameo"], actors, [(sent.start, sent.end)],
                            anchor=sent.start + pos))
    return drafts


def _roles(mode: str, text: str) -> tuple[str, str]:
    """The two sides' roles: co-chairs of a dialogue; host and guest where one side receives the
    other in person; participants otherwise (a call one leader "received" hosts nobody)."""
    if mode == "dialogue":
        return "co-chair", "co-chair"
    if mode != "call" and re.search(r"\b(?:receiv|host|welcom)", text.lower()):
        return "host", "guest"
    return "participant", "participant"
