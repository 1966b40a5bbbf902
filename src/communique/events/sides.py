"""The participants of a sentence: persons on the subject side of the trigger and after it,
whether two persons stand for different sides, and organisations met. The one place a drafter
asks who takes part; a parse-based participant finder belongs here."""
from __future__ import annotations

import re
from functools import lru_cache

from communique import lexicon
from communique.analysis import ActorDraft, Analysis, Mention, PersonDraft, Sentence
from communique.text import name_key
from communique.events.where import _places
from communique.frames.words import words


def split_sides(sent: Sentence, trigger_pos: int) -> tuple[list[Mention], list[Mention]]:
    """Persons before the trigger (the subject side) and after it (the counterparts)."""
    absolute = sent.start + trigger_pos
    before = [m for m in sent.mentions if m.end <= absolute]
    # who sent a message is no counterpart: "received X, who conveyed a written message from King Y"
    after = [m for m in sent.mentions if m.start >= absolute
             and not _SENT_FROM.search(sent.text, max(0, m.start - sent.start - 90), m.start - sent.start)]
    return before, after


_SENT_FROM = re.compile(r"\b(?:message|letter|greetings|condolences|congratulations)\s+from\s+(?:the\s+)?"
                        r"(?:[A-Z][\w'’-]*\s+(?:of\s+(?:the\s+)?)?){0,8}$")


def _dedupe(ms: list[Mention]) -> list[PersonDraft]:
    out = []
    for m in ms:
        if m.person not in out:
            out.append(m.person)
    return out


def person_actor(ctx: Analysis, p: PersonDraft, role: str | None) -> ActorDraft:
    return ActorDraft(None, "person", role=role, person=p)


def country_actor(code: str, role: str | None = None) -> ActorDraft:
    return ActorDraft(_places().country_name(code) or code, "country", code, role)


def _cross(ctx: Analysis, a: PersonDraft, b: PersonDraft) -> bool:
    ca, cb = a.country, b.country
    if a is b:
        return False
    if ca is None and cb is None:
        return (a.org or "?a") != (b.org or "?b")
    return ca != cb


def _group_counterparts(ctx: Analysis, sent: Sentence, objs: list[PersonDraft]) -> list[list[PersonDraft]]:
    """Counterparts joined by 'and' under one plural title stay one group; others one each."""
    groups: list[list[PersonDraft]] = []
    for o in objs:
        p = o
        if groups:
            prev = groups[-1][-1]
            if p.titles and prev.titles and p.titles[0] == prev.titles[0] and p.country == prev.country:
                groups[-1].append(o)
                continue
        groups.append([o])
    return groups


def org_counterparts(sent: Sentence, trigger_pos: int) -> list[tuple[str, str | None, int]]:
    """Organisations met after the trigger: "members of the Congress", "the President of the NDI"."""
    text = sent.text
    out = []
    index = lexicon.org_index()
    low = text
    seen = set()
    aliases = lexicon.org_aliases_longest_first()
    by_word, always = _org_first_words()
    tried = set(always)
    for w in set(_WORD.findall(text)):
        tried.update(by_word.get(w, ()))
    # longest aliases first so "International Republican Institute" beats "Institute"; only the
    # aliases whose org has a name opening with a word of the sentence can match in it
    for alias in (aliases[i] for i in sorted(tried)):
        org = index[alias]
        if not any(n in low for n in _org_literals(org)):
            continue  # none of its names is in the sentence: no need to run its pattern
        pat = _org_regex(org)
        for m in pat.finditer(low):
            if m.start() < trigger_pos or org.name in seen:
                continue
            if any(s <= m.start() < e for s, e, _ in [(a, b, c) for a, b, c in out]):
                continue
            # a one-word alias inside a longer name ("National Party Congress") is not that org
            if _inside_longer_name(text, m.start(), m.end()) or _VENUE_BEFORE.search(text, 0, m.start()) \
                    or _gathering_after().match(text, m.end()):
                continue  # ... nor is "at the White House" or "the G20 summit" a counterpart: it is where they met
            if text[m.start() - 1:m.start()] in ("-", "–") or text[m.end():m.end() + 1] in ("-", "–"):
                continue  # "the Mercosur-EU agreement", "EU-China ties": a relation's side, not one met
            if _SAID_AFTER.match(text, m.end()) or _ACCORDING_BEFORE.search(text, 0, m.start()) \
                    or _JOINING_BEFORE.search(text, 0, m.start()):
                continue  # "..., the White House said", "according to a readout from the NSC": who tells it
            if _MEMBERS_AFTER.match(text, m.end()):
                continue  # "the two NATO neighbours", "the ECOWAS fold": its states or its ways, not the body
            # an org inside a person's title ("Administrator of USAID Samantha Power") is not a counterpart
            if any(name_key(org.name) in name_key(t) or any(name_key(a) in name_key(t).split() for a in org.aliases if len(a) <= 5)
                   or any(name_key(a) in name_key(t) for a in org.aliases if len(a) > 5)
                   for mm in sent.mentions for t in mm.person.titles):
                continue
            absolute = sent.start + m.start()
            if any(mm.start - 120 <= absolute <= mm.start for mm in sent.mentions) and \
                    _inside_title(text, m.start(), sent):
                continue
            seen.add(org.name)
            out.append((m.start(), m.end(), org.name))
        if len(out) > 6:
            break
    return [(name, index[name_key(name)].country if name_key(name) in index else None, s) for s, e, name in sorted(out)]


_VENUE_BEFORE = re.compile(r"\b(?:at|inside|outside|in front of|(?:sidelines?|margins?) of)\s+(?:the\s+)?$")


# an organisation's name before these names its states or what it stands for, not a body met:
# "the two NATO neighbours", "back into the ECOWAS fold", "EU membership", "the ASEAN chairmanship"
_MEMBERS_AFTER = re.compile(r"\s+(?:member\s+)?(?:neighbou?rs|allies|members|partners|countries|nations|states|"
                            r"governments|capitals|fold|framework|agenda|charter|rules|standards|principles|norms|"
                            r"values|membership|accession|chairmanship|presidency|bloc)\b", re.I)
_SAID_AFTER = re.compile(r"['’]?s?\s+(?:said|says|told|announced|reported|confirmed|added|stated|noted)\b", re.I)
_JOINING_BEFORE = re.compile(r"\b(?:join|joins|joined|joining|membership\s+(?:of|in)|accession\s+to|admission\s+to)"
                             r"\s+(?:the\s+)?$", re.I)  # "its bid to join the European Union": no one met
_ACCORDING_BEFORE = re.compile(r"\b(?:according\s+to|in\s+a\s+(?:statement|readout)\s+(?:by|from)|a\s+(?:statement|readout)"
                               r"\s+(?:by|from))\s+(?:(?:a|the)\s+)?(?:[\w.'’-]+\s+){0,4}?(?:the\s+)?$", re.I)


@lru_cache(maxsize=1)
def _gathering_after() -> re.Pattern:
    names = sorted(words()["gathering_words"] | {"meeting", "meetings", "ministerial", "talks"}, key=len,
                   reverse=True)
    # "the G20 summit", "the APEC leaders' meeting", "the ASEAN foreign ministers' retreat"
    holders = r"(?:\s+(?:(?:foreign|economic|trade|finance|defen[cs]e)\s+)?(?:leaders|ministers|heads\s+of\s+state)['’]?)?"
    return re.compile(r"(?:['’]s)?" + holders + r"\s+(?:" + "|".join(map(re.escape, names)) + r")\b", re.I)


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """The match is glued to other capitalised words: part of another name."""
    before = re.search(r"([A-Z][\w.'’-]*)\s+$", text[:start])
    after = re.match(r"\s+([A-Z][\w'’-]*)", text[end:])
    if before and before.group(1) not in ("The", "U.S.", "US", "American", "United", "States") \
            and before.start() > 0 and not re.search(r"[.!?]\s*$", text[:before.start()]):
        return True
    if after and after.group(1) not in ("In", "On", "At"):
        return True
    return False


def _inside_title(text: str, pos: int, sent: Sentence) -> bool:
    """True when the org at `pos` is followed by a person's name before any comma."""
    absolute = sent.start + pos
    nxt = [m for m in sent.mentions if m.start > absolute]
    if not nxt:
        return False
    gap = text[pos:nxt[0].start - sent.start]
    return "," not in gap and ";" not in gap and " and " not in gap


_ORG_RX: dict[str, re.Pattern] = {}
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _org_first_words() -> tuple[dict[str, list[int]], frozenset[int]]:
    """The positions in org_aliases_longest_first() by the first word (a run of word characters)
    of each name of the alias's org, and those whose org has a name opening otherwise. A name
    _org_regex matches starts where no word character precedes, so the sentence's run of word
    characters there is that name's first word: an org none of whose first words the sentence
    has is not in it."""
    by_word: dict[str, list[int]] = {}
    always = set()
    index = lexicon.org_index()
    for i, alias in enumerate(lexicon.org_aliases_longest_first()):
        for name in _org_literals(index[alias]):
            m = _WORD.match(name)
            if m is None:
                always.add(i)
            else:
                by_word.setdefault(m.group(), []).append(i)
    return by_word, frozenset(always)


@lru_cache(maxsize=None)
def _org_literals(org) -> tuple[str, ...]:
    """The names _org_regex matches, as plain strings (the leading 'the' dropped)."""
    return tuple(re.sub(r"^the\s+", "", n, flags=re.I) for n in {org.name, *org.aliases})


def _org_regex(org) -> re.Pattern:
    if org.name not in _ORG_RX:
        names = sorted({org.name, *org.aliases}, key=len, reverse=True)
        alts = "|".join(re.escape(re.sub(r"^the\s+", "", n, flags=re.I)) for n in names)
        _ORG_RX[org.name] = re.compile(r"(?<![\w.])(?:" + alts + r")(?![\w])")
    return _ORG_RX[org.name]

