"""Names listed after a plural title ("Ministers A (Foreign Affairs), B (Interior) and C"): each
one gets the title in the singular."""
from __future__ import annotations

from spacy.tokens import Span

from communique import lexicon
from communique.persons.finders import NameHit
from communique.persons.titles import singular_title
from communique.persons.tokens import MAX_NAME_TOKENS, is_name_token
from communique.text import name_key


def plural_list(sent: Span, hits: list[NameHit]) -> list[NameHit]:
    """"Ministers A (Foreign Affairs), B (Interior) and C": the names listed after a plural title,
    each with the title in the singular; a portfolio in brackets after a name is skipped."""
    doc = sent.doc
    L = lexicon.titles()
    out = []
    for h in hits:
        if not h.titles or h.source != "title":
            continue
        a, b = h.title_spans[-1]
        if not any(name_key(doc[j].text) in L.plural_heads for j in range(a, b)):
            continue
        i = h.end
        while i < sent.end:
            if doc[i].text == "(":
                close = next((c for c in range(i + 1, min(i + 7, sent.end)) if doc[c].text == ")"), None)
                if close is None:
                    break
                i = close + 1
                continue
            if doc[i].text == "," or doc[i].lower_ == "and":
                i += 1
                continue
            k = i
            while k < sent.end and is_name_token(doc[k]) and k - i < MAX_NAME_TOKENS:
                k += 1
            if k - i < 2:
                break
            m = NameHit(i, k, source="coordination")
            m.titles = [singular_title(t) for t in h.titles]
            m.title_spans = list(h.title_spans)
            out.append(m)
            i = k
        if out and out[-1].title_spans == h.title_spans:
            h.titles = [singular_title(t) for t in h.titles]
    return out
