"""Person mentions by token index within one sentence, the title run before a name included."""
from __future__ import annotations

from typing import Iterable

from spacy.tokens import Span

from communique.frames.model import Key, MentionSpan
from communique.frames.words import words


def index_mentions(sent: Span, mentions: Iterable[MentionSpan]) -> dict[int, Key]:
    """Token index -> person key, for the mention's own tokens and for the title run just
    before it.

    The small model's parse is weak on long titles: in "talks with General Secretary of the
    Party Central Committee To Lam" the object of "with" is "Secretary" and the name hangs
    off elsewhere (here even as a preposition "To"). The persons stage has already anchored
    the name on its title (persons.build_persons / resolve_title_mentions, the title-anchored
    finder), so the title words in front of a mention are indexed to that mention too: the
    head the parser picked ("Secretary") then leads to the right person."""
    W = words()
    index: dict[int, Key] = {}
    doc = sent.doc
    ordered = sorted(mentions, key=lambda m: m.start)
    spans = []
    for m in ordered:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.start < sent.start or span.end > sent.end:
            continue
        spans.append((span, m.key))
        for tok in span:
            index[tok.i] = m.key
    for span, key in spans:
        j = span.end
        while j < sent.end and j not in index and doc[j].lower_.rstrip(".") in ("jr", "sr", "ii", "iii", "iv"):
            index[j] = key  # "Lloyd Austin III", "Ferdinand Marcos Jr.": the suffix belongs to the name
            j += 1
        i = span.start - 1
        steps = 0
        while i >= sent.start and i not in index and steps < 14:
            tok = doc[i]
            low = tok.lower_
            if tok.is_punct and tok.text not in ("(", ")", ".", "-", "–"):
                break
            if tok.pos_ in ("VERB", "AUX", "ADP") and low not in ("of", "for", "de") and \
                    not (low == "to" and i > sent.start and doc[i - 1].lower_ in W["to_titles"]):
                break  # "Ambassador to the Philippines X" keeps its "to"
            if not (tok.text[:1].isupper() or low in W["title_words"] or low in ("of", "the", "for", "de", "and", "to")
                    or tok.text in ("(", ")", "-", "–")):
                break
            if low in ("and", "the") and (i == sent.start or not doc[i - 1].text[:1].isupper()) and not (
                    low == "the" and i > sent.start and doc[i - 1].lower_ in ("of", "to", "for")):
                break  # "A and President B": "and" joins two people, it is no title word; but "Ambassador to the X B"
            if low == "and" and any(doc[m].lower_ in W["title_words"] for m in range(i + 1, span.start)) \
                    and _definite_title_before(doc, i, sent.start):
                break  # "the High Representative and Minister Saidov": the title before "and" is another's
            index[i] = key
            i -= 1
            steps += 1
    return index


def _definite_title_before(doc, i: int, lo: int) -> bool:
    """The capitalised title words before doc[i] open with "the" ("the High Representative and ...")."""
    j = i - 1
    while j >= lo and doc[j].text[:1].isupper():
        j -= 1
    return j >= lo and j < i - 1 and doc[j].lower_ == "the"
