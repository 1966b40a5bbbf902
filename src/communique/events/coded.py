"""The rest of the event vocabulary in an article: what the sentence coder (communique.coding)
finds besides engagements and signings (support, requests, accusations, rejections, threats,
sanctions, force, intents), as drafts whose person actors point at the article's persons."""
from __future__ import annotations

from communique import places
from communique.analysis import ActorDraft, Analysis, Draft
from communique.coding import code_sentence

# engagements and signings come from the article's own frames (the other drafters); the coder
# only adds their intents ("will visit", "agreed to meet": CAMEO 036, status planned)
OWN_TYPES = frozenset({"CONSULT"})
OWN_CODES = frozenset({"057"})


def draft_coded(a: Analysis) -> None:
    """Append a draft for each coded event with an actor, one sentence at a time."""
    offset = a.offset
    for sent in a.sentences:
        if sent.title:  # a headline restates the body's news
            continue
        persons = [(m.start - offset, m.end - offset, m.person) for m in sent.mentions]
        for ev in code_sentence(sent.span, persons):
            if ev.plover is None or ev.plover in OWN_TYPES or ev.code in OWN_CODES:
                continue
            actors = [_actor(x, "source") for x in ev.source] + [_actor(x, "target") for x in ev.target]
            if not actors:
                continue
            a.drafts.append(Draft(type=ev.plover, mode=None, cameo=ev.code, actors=actors,
                                  evidence=[(sent.start, sent.end)], anchor=ev.trigger[0] + offset,
                                  status=ev.status, members=[x.person for x in actors if x.person is not None]))


def _actor(ref, role: str) -> ActorDraft:
    if ref.person is not None:
        return ActorDraft(label=None, kind="person", role=role, person=ref.person,
                          actor_code=ref.code if ref.country else None, sector=ref.sector)
    if ref.org:
        return ActorDraft(label=ref.org, kind="org", code=ref.country, role=role, actor_code=ref.code, sector=ref.sector)
    name = places.country_name(ref.country) if ref.country else ref.text
    return ActorDraft(label=name or ref.text, kind="country" if ref.country else "group", code=ref.country,
                      role=role, actor_code=ref.code, sector=ref.sector)
