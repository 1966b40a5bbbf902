"""The rest of the event vocabulary in an article: what the sentence coder (communique.coding)
finds besides engagements and signings (support, requests, accusations, rejections, threats,
sanctions, force, intents), as drafts whose person actors point at the article's persons."""
from __future__ import annotations

import functools
import re

from communique import places
from communique.analysis import ActorDraft, Analysis, Draft
from communique.coding import code_sentence
from communique.frames.words import words as frame_words
from communique.text import alternation

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
        text = a.parsed_text
        told = None
        for ev in code_sentence(sent.span, persons):
            if ev.plover is None or ev.plover in OWN_TYPES or ev.code in OWN_CODES:
                continue
            if told is None:  # the engagements told up to this sentence ("the two presidents" are theirs)
                told = [d for d in a.drafts if d.type == "CONSULT" and d.status == "happened" and d.anchor < sent.end]
            actors = [y for role, refs in (("source", ev.source), ("target", ev.target)) for x in refs
                      if not (x.pronoun or x.unknown)  # a "he" or a name the coder leaves unread: persons are the frames'
                      for y in _group_or_actor(x, role, text, told)]
            sources = {id(y.person) for y in actors if y.role == "source" and y.person is not None}
            actors = [y for y in actors if y.role == "source" or y.person is None or id(y.person) not in sources]
            if not actors or (ev.status == "planned" and not any(y.role == "source" for y in actors)):
                continue  # "He will travel to Egypt" with "he" unread: an intent of no one
            if all(y.kind == "group" and y.code is None for y in actors):
                continue  # "assistance to civilians": no party an analyst can follow
            a.drafts.append(Draft(type=ev.plover, mode=None, cameo=ev.code, actors=actors,
                                  evidence=[(sent.start, sent.end)], anchor=ev.trigger[0] + offset,
                                  status=ev.status, members=[x.person for x in actors if x.person is not None]))


def _group_or_actor(ref, role: str, text: str, told: list[Draft]) -> list[ActorDraft]:
    """The actor drafts of one coded actor: "the two presidents" are the persons of the last
    engagement told before (a plural title with no state is no actor of its own)."""
    if ref.person is None and ref.country is None and ref.org is None and told:
        before, after = text[max(0, ref.start - 40):ref.end], text[ref.end:]
        people = list(dict.fromkeys(m for m in told[-1].members if m is not None))
        if len(people) >= 2 and not re.match(r"\s+of\b", after) and (
                _counted_group().search(before) or _titled_group(before, people)):
            return [ActorDraft(label=None, kind="person", role=role, person=p, sector=ref.sector,
                               actor_code=p.country + (ref.sector or "") if p.country else None) for p in people]
    return [_actor(ref, role)]


def _titled_group(text: str, people: list) -> bool:
    """ "The ministers" at the end of `text`, when every one of `people` holds a minister's title."""
    m = _titled_groups().search(text)
    if not m:
        return False
    singular = frame_words()["titled_groups"][m.group(1).lower()]
    return all(any(re.search(rf"\b{singular}", t, re.I) for t in p.titles) for p in people)


@functools.lru_cache(maxsize=1)
def _titled_groups() -> re.Pattern:
    return re.compile(rf"\bthe\s+({alternation(frame_words()['titled_groups'])})$", re.I)


@functools.lru_cache(maxsize=1)
def _counted_group() -> re.Pattern:
    """ "the two presidents", "both leaders", "the two heads of state", "the leaders" at the end of a text."""
    W = frame_words()
    numbers = alternation(W["group_numbers"] - {"the", "both"})  # definite only: "two officials said" are others
    counted = rf"\b(?:both|the\s+(?:{numbers}))\s+(?:\w+\s+)?(?:{alternation(W['group_words'])})"
    leaders = rf"\bthe\s+(?:{alternation(W['leader_groups'])})"  # "The leaders agreed ...", not "two officials"
    return re.compile(rf"(?:{counted}|{leaders})(?:\s+of\s+\w+)?$", re.I)


def _actor(ref, role: str) -> ActorDraft:
    if ref.person is not None:
        return ActorDraft(label=None, kind="person", role=role, person=ref.person,
                          actor_code=ref.code if ref.country else None, sector=ref.sector)
    if ref.org:
        return ActorDraft(label=ref.org, kind="org", code=ref.country, role=role, actor_code=ref.code, sector=ref.sector)
    name = places.country_name(ref.country) if ref.country else ref.text
    return ActorDraft(label=name or ref.text, kind="country" if ref.country else "group", code=ref.country,
                      role=role, actor_code=ref.code, sector=ref.sector)
