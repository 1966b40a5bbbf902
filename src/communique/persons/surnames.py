"""Persons an article names by a family name alone throughout ("Scholz urged Putin ..."), which no
title or apposition introduces."""
from __future__ import annotations

from spacy.tokens import Doc

from communique import lexicon
from communique.analysis import PersonDraft
from communique.persons.forms import short_forms
from communique.persons.tokens import STOP_NAME_WORDS, _not_a_name_word, _places, is_cap, is_head, is_honorific, is_vocab
from communique.text import name_key


def _quoted_tokens(doc: Doc) -> set[int]:
    """Indices of tokens inside quotation marks, in one pass (a line break closes a quote)."""
    inside, out = False, set()
    for tok in doc:
        if "\n" in tok.text:
            inside = False
        elif tok.text in ("“", "”"):
            inside = tok.text == "“"
        elif tok.text == '"':
            inside = not inside
        elif inside:
            out.add(tok.i)
    return out



def lone_surnames(doc: Doc, offset: int, entries: list[PersonDraft], allowed, blocked: list) -> list[PersonDraft]:
    """Persons the article names by a family name alone throughout ("Scholz urged Putin ..."):
    a proper noun the NER calls a person at least once and that recurs, or one that recurs
    coordinated with such a name ("Scholz and Putin agreed"). One pass over the tokens."""
    known = set()
    for e in entries:
        known.update(short_forms(e.tokens, e.voted_country))
        known.update(e.tokens)
    taken = [m for e in entries for m in e.mentions] + list(blocked)
    occ: dict[str, list] = {}
    seeds = set()
    quoted = _quoted_tokens(doc)
    for tok in doc:
        if not (tok.is_alpha and len(tok.text) >= 3 and tok.text[0].isupper() and not tok.text.isupper()
                and tok.pos_ == "PROPN"):
            continue
        f = name_key(tok.text)
        if f in known or f in STOP_NAME_WORDS or _not_a_name_word(f) or is_vocab(tok):
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        prev = doc[tok.i - 1] if tok.i > 0 else None
        if (nxt is not None and is_cap(nxt) and nxt.is_alpha) or (
                prev is not None and not tok.is_sent_start and is_cap(prev) and prev.is_alpha
                and not is_honorific(prev) and not is_head(prev)):
            continue  # part of a longer name ("Wisma Putra"), or of an office's
        if tok.i + 1 < len(doc) and doc[tok.i + 1].text in ("-", "‐"):
            continue
        a = tok.idx + offset
        if not allowed(a) or any(s <= a < t for s, t in taken):
            continue
        occ.setdefault(f, []).append(tok)
        if tok.ent_type_ == "PERSON":
            seeds.add(f)
    places = _places()
    # a name that only ever appears inside quotation marks is talked about, not acting
    ok = {f for f in seeds if len(occ[f]) >= 2 and any(t.i not in quoted for t in occ[f])}
    for f, toks in occ.items():
        if f in ok or len(toks) < 2:
            continue
        for tok in toks:
            for j, k in ((tok.i + 2, tok.i + 1), (tok.i - 2, tok.i - 1)):
                if 0 <= j < len(doc) and doc[k].lower_ == "and" and name_key(doc[j].text) in ok:
                    ok.add(f)
    out = []
    for f in sorted(ok, key=lambda w: occ[w][0].i):
        text = occ[f][0].text
        if places.lookup_place(text) is not None or places.country_code(text) or lexicon.find_org(text):
            continue
        e = PersonDraft(name=text, tokens=[f])
        e.mentions = [(t.idx + offset, t.idx + len(t.text) + offset) for t in occ[f]]
        out.append(e)
    return out
