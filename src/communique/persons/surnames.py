"""Persons an article names by a family name alone throughout ("Scholz urged Putin ..."), which no
title or apposition introduces."""
from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from spacy.tokens import Doc

from communique import lexicon
from communique.analysis import PersonDraft
from communique.persons.filters import _names_a_place
from communique.persons.finders import NameHit
from communique.persons.forms import short_forms
from communique.persons.tokens import STOP_NAME_WORDS, _not_a_name_word, _places, table, vocab_at


def _quoted_tokens(texts: list[str]) -> set[int]:
    """Indices of tokens inside quotation marks, in one pass (a line break closes a quote)."""
    inside, out = False, set()
    for i, text in enumerate(texts):
        if "\n" in text:
            inside = False
        elif text in ("“", "”"):
            inside = text == "“"
        elif text == '"':
            inside = not inside
        elif inside:
            out.add(i)
    return out


def lone_surnames(doc: Doc, offset: int, entries: list[PersonDraft], allowed, blocked: list) -> list[PersonDraft]:
    """Persons the article names by a family name alone throughout ("Scholz urged Putin ..."):
    a proper noun the NER calls a person at least once and that recurs, or one that recurs
    coordinated with such a name ("Scholz and Putin agreed"). One pass over the tokens; the
    spans already taken are looked up by bisection, not scanned."""
    known = set()
    for e in entries:
        known.update(short_forms(e.tokens, e.voted_country))
        known.update(e.tokens)
    spans = sorted([m for e in entries for m in e.mentions] + list(blocked))
    starts = [s for s, _ in spans]
    reach = list(accumulate((t for _, t in spans), max))

    def taken(pos):
        k = bisect_right(starts, pos)
        return k > 0 and reach[k - 1] > pos

    tt = table(doc)
    texts, n = tt.text, len(tt.text)
    occ: dict[str, list] = {}
    seeds = set()
    # only capitalised words can pass the text tests below (an alphabetic word is no punctuation)
    for i in [i for i, cap in enumerate(tt.cap) if cap]:
        text = texts[i]
        if not (len(text) >= 3 and text[0].isupper() and text.isalpha() and not text.isupper()):
            continue  # cheap tests on the text first: a Token object is built only for candidates
        f = tt.key[i]
        if f in known or f in STOP_NAME_WORDS or _not_a_name_word(f):
            continue
        if i + 1 < n and ((tt.cap[i + 1] and texts[i + 1].isalpha()) or texts[i + 1] in ("-", "‐")):
            continue  # part of a longer name ("Wisma Putra"), or hyphenated
        if vocab_at(doc, i):
            continue
        tok = doc[i]
        if tok.pos_ != "PROPN":
            continue
        if i > 0 and not tok.is_sent_start and tt.cap[i - 1] and texts[i - 1].isalpha() \
                and not tt.hon[i - 1] and not tt.head[i - 1]:
            continue  # the end of a longer name, or of an office's
        a = tok.idx + offset
        if not allowed(a) or taken(a):
            continue
        occ.setdefault(f, []).append(tok)
        if tok.ent_type_ == "PERSON":
            seeds.add(f)
    if not occ:
        return []
    places = _places()
    quoted = _quoted_tokens(texts)
    # a name that only ever appears inside quotation marks is talked about, not acting
    ok = {f for f in seeds if len(occ[f]) >= 2 and any(t.i not in quoted for t in occ[f])}
    for f, toks in occ.items():
        if f in ok or len(toks) < 2:
            continue
        for tok in toks:
            for j, k in ((tok.i + 2, tok.i + 1), (tok.i - 2, tok.i - 1)):
                if 0 <= j < n and tt.lower[k] == "and" and tt.key[j] in ok:
                    ok.add(f)
    out = []
    for f in sorted(ok, key=lambda w: occ[w][0].i):
        text = occ[f][0].text
        if places.lookup_place(text) is not None or places.country_code(text) or lexicon.find_org(text):
            continue
        if any(_names_a_place(doc, NameHit(t.i, t.i + 1)) for t in occ[f]):
            continue  # "the people of Narino", "in Ipiales (Narino)": a region the gazetteer does not know
        e = PersonDraft(name=text, tokens=[f])
        e.mentions = [(t.idx + offset, t.idx + len(t.text) + offset) for t in occ[f]]
        out.append(e)
    return out
