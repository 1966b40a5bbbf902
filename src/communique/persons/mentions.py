"""Mentions that stand for a person named in full: one-word short names, a title used alone, and
the fullest name the article uses."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from communique import lexicon
from communique.analysis import PersonDraft
from communique.text import name_key
from communique.persons.merge import FAMILY_FIRST
from communique.persons.titles import _has_head_text
from communique.persons.tokens import is_cap, is_name_token, token_country


def resolve_short_mentions(doc: Doc, offset: int, entries: list[PersonDraft], allowed) -> None:
    """Attach one-word mentions ("Son", "Blinken", "Giang") to the person they stand for;
    an ambiguous short name goes to the person mentioned most recently before it."""
    aliases: dict[str, list[PersonDraft]] = {}
    origins = lexicon.name_origins()
    for e in entries:
        if len(e.tokens) < 2:
            continue
        core = [t for t in e.tokens if len(t) > 1 and t not in ("jr", "sr", "ii", "iii", "iv")]
        if not core:
            continue
        forms = {core[-1]}
        if origins.get(core[0]) in ("CHN", "KOR", "JPN"):
            forms.add(core[0])
        if len(core) >= 3 and e.voted_country not in FAMILY_FIRST and origins.get(core[0]) not in FAMILY_FIRST:
            forms.add(core[-2])
        for f in forms:
            if len(f) >= 2:
                aliases.setdefault(f, []).append(e)
    taken = [m for e in entries for m in e.mentions]

    def inside(a, b):
        return any(s <= a and b <= t for s, t in taken)

    for tok in doc:
        if not is_cap(tok) or tok.is_punct:
            continue
        f = name_key(tok.text)
        f = re.sub(r"'s$", "", f)
        cands = aliases.get(f)
        if not cands:
            continue
        a, b = tok.idx + offset, tok.idx + len(tok.text) + offset
        if tok.text.endswith(("'s", "’s")):
            b -= 2
        if inside(a, b) or not allowed(a):
            continue
        # skip when the word is part of a longer capitalised name ("Son Tay")
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and is_name_token(nxt) and name_key(nxt.text) not in aliases and nxt.idx == tok.idx + len(tok.text) + 1:
            continue
        if len(cands) == 1:
            person = cands[0]
        else:
            def last_before(e):
                prior = [s for s, _ in e.mentions if s < a]
                return max(prior) if prior else -1
            person = max(cands, key=last_before)
        person.mentions.append((a, b))
        taken.append((a, b))


def resolve_title_mentions(text: str, entries: list[PersonDraft], allowed, start: int, end: int) -> None:
    """"The Foreign Secretary also called on ...": a title used alone stands for the one person of
    the article who holds it."""
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
    for form, idxs in owners.items():
        if len(idxs) != 1:
            continue
        e = entries[next(iter(idxs))]
        rx = re.compile(r"\b[Tt]he\s+(" + re.escape(form) + r")\b(?!\s+[A-Z])", re.I)
        for m in rx.finditer(text, start, end):
            a, b = m.start(1), m.end(1)
            if not allowed(a) or any(s <= a < t for s, t in taken):
                continue
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
        e.country = None if e.intl else e.voted_country
        e.mentions = sorted(set(e.mentions))

