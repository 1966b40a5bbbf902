"""Mentions that stand for a person named in full: one-word short names, a title used alone, and
the fullest name the article uses."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

from spacy.tokens import Doc

from communique import lexicon
from communique.analysis import PersonDraft
from communique.text import name_key
from communique.persons.forms import FAMILY_FIRST, GIVEN_NAME_FIRST, SURNAME_FIRST_ORIGINS, name_core
from communique.persons.titles import _has_head_text
from communique.persons.tokens import name_at, table, token_country


@lru_cache(maxsize=65536)
def _short_key(text: str) -> str:
    return re.sub(r"'s$", "", name_key(text))


def resolve_short_mentions(doc: Doc, offset: int, entries: list[PersonDraft], allowed, blocked=(),
                           home: str | None = None) -> None:
    """Attach one-word mentions ("Son", "Blinken", "Giang") to the person they stand for;
    an ambiguous short name goes to the person mentioned most recently before it. `home`: the
    state the outlet reports from, whose officials a bare title names ("KUALA LUMPUR - Foreign
    Minister Zulkifli Rahman ... Zulkifli later met"): their short form follows its custom."""
    aliases: dict[str, list[PersonDraft]] = {}
    given: dict[str, list[PersonDraft]] = {}  # first words, met only after a style ("Sheikh Khalid")
    styles = lexicon.person_words()["given_name_styles"]
    locative = lexicon.person_words()["locative_words"]
    origins = lexicon.name_origins()
    for e in entries:
        if len(e.tokens) == 1 and e.titles and len(e.tokens[0]) >= 3:
            aliases.setdefault(e.tokens[0], []).append(e)  # a titled mononym ("Minister Sugiono"): each use
            continue
        if len(e.tokens) < 2:
            continue
        core = name_core(e.tokens)
        if not core:
            continue
        if len(core[0]) >= 3:
            given.setdefault(core[0], []).append(e)
        forms = {core[-1]}
        state = e.voted_country or (home if e.titles else None)
        if origins.get(core[0]) in SURNAME_FIRST_ORIGINS or state in GIVEN_NAME_FIRST \
                or origins.get(core[0]) in GIVEN_NAME_FIRST:
            forms.add(core[0])
        if len(core) >= 3 and e.voted_country not in FAMILY_FIRST and origins.get(core[0]) not in FAMILY_FIRST \
                and origins.get(core[0]) not in SURNAME_FIRST_ORIGINS:
            forms.add(core[-2])
        for f in forms:
            if len(f) >= 2:
                aliases.setdefault(f, []).append(e)
    # Mentions found here are single tokens met in text order, so none can hold a later token:
    # only the mentions known before the loop can, looked up by offset (bisect), not scanned.
    spans = sorted([m for e in entries for m in e.mentions] + list(blocked))  # blocked: spouses, credits, places
    starts = [s for s, _ in spans]
    reach = list(accumulate((t for _, t in spans), max))

    def inside(a, b):
        k = bisect_right(starts, a)
        return k > 0 and reach[k - 1] >= b

    tt = table(doc)
    for i, text in enumerate(tt.text):
        if not tt.cap[i]:
            continue
        f = _short_key(text)
        cands = aliases.get(f)
        if not cands and i > 0 and f in given and name_key(tt.text[i - 1]) in styles:
            cands = given[f]  # "Sheikh Khalid was received by ...": Khalid bin Hamad Al Thani
        if not cands:
            continue
        tok = doc[i]
        a, b = tok.idx + offset, tok.idx + len(tok.text) + offset
        if tok.text.endswith(("'s", "’s")):
            b -= 2
        if inside(a, b) or not allowed(a):
            continue
        if i > 0 and tt.lower[i - 1] in locative and not text.endswith(("'s", "’s")) \
                and not (i + 1 < len(tt.text) and tt.text[i + 1] in ("'s", "’s")):
            continue  # "met in Lima": the city, though a minister is called Ana Lima ("in Putin's stance" is his)
        # skip when the word is part of a longer capitalised name ("Son Tay"), one space after it
        # (the next token starts one character after this one's text where its whitespace is " ")
        if i + 1 < len(tt.text) and tt.ws[i] == " " and name_at(doc, i + 1) and tt.key[i + 1] not in aliases:
            continue
        if len(cands) == 1:
            person = cands[0]
        else:
            def last_before(e):
                prior = [s for s, _ in e.mentions if s < a]
                return max(prior) if prior else -1
            person = max(cands, key=last_before)
        person.mentions.append((a, b))


@lru_cache(maxsize=4096)
def _title_rx(form: str) -> re.Pattern:
    return re.compile(r"\b[Tt]he\s+(" + re.escape(form) + r")\b(?!(?-i:\s+[A-Z])|\s+(?:of|for|to)\b)", re.I)  # a name after it, or "of X", is another's


_THE = re.compile(r"\bthe\s+", re.I)  # how each _title_rx begins


def _may_follow_the(text: str, after_the: list[int], form: str, end: int) -> bool:
    """Whether `form` can start right after one of the "the " found: a check that spares
    compiling a case-insensitive pattern per title (milliseconds each) where it cannot match.
    Only ASCII is compared; anything else is left to the pattern."""
    if not form.isascii():
        return True
    n = len(form)
    for p in after_the:
        here = text[p:min(p + n, end)]
        if not here.isascii() or here.lower() == form:
            return True
    return False


def resolve_title_mentions(text: str, entries: list[PersonDraft], allowed, start: int, end: int,
                           titled: list = ()) -> None:
    """"The Foreign Secretary also called on ...": a title used alone stands for the one person of
    the article who holds it; not inside another person's title (`titled`: (start, end, person)
    of the titles names came with), as "the President" of "Special Adviser to the President"."""
    owners: dict[str, set[int]] = {}
    for i, e in enumerate(entries):
        for t in e.titles:
            forms = {t}
            words = t.split()
            if words and token_country(words[0]):
                forms.add(" ".join(words[1:]))
            for f in forms:
                if f and _has_head_text(f):
                    owners.setdefault(f.lower(), set()).add(i)
    taken = [m for e in entries for m in e.mentions]
    after_the = [m.end() for m in _THE.finditer(text, start, end)]
    for form, idxs in owners.items():
        if len(idxs) != 1 or not _may_follow_the(text, after_the, form, end):
            continue
        e = entries[next(iter(idxs))]
        rx = _title_rx(form)
        for m in rx.finditer(text, start, end):
            a, b = m.start(1), m.end(1)
            if not allowed(a) or any(s <= a < t for s, t in taken) \
                    or any(s <= a and b <= t and owner is not e for s, t, owner in titled):
                continue
            if " " not in form and text[a:b].islower():
                continue  # "the premier" in lower case is any head of government: the frames' anaphora read it
            e.mentions.append((a, b))
            e.title_mentions.add((a, b))
            taken.append((a, b))


def settle_names(entries: list[PersonDraft], text: str) -> None:
    """Each person under the fullest name the article uses, as written, with its country
    (none for an official of an international body) and its mentions in order."""
    for e in entries:
        e.mentions.sort()
        names = [m for m in e.mentions if m not in e.title_mentions] or e.mentions
        best = max(names, key=lambda m: (len(name_key(text[m[0]:m[1]]).split()), m[1] - m[0]))
        e.name = text[best[0]:best[1]]
        if e.name.isupper():
            e.name = e.name.title()  # a transcript's speaker label
        e.country = None if e.intl else e.voted_country
        e.mentions = sorted(set(e.mentions))

