"""Transcripts: the ALL-CAPS speaker label that opens a line ("JANE DOE, PRIME MINISTER OF X:")
names who speaks, with the title the label gives."""
from __future__ import annotations

from spacy.tokens import Span

from communique import lexicon
from communique.persons.finders import NameHit
from communique.persons.tokens import is_connector, table, token_country
from communique.text import name_key


def _title_words(doc) -> set[str]:
    """The capitalised (not all-capitals) words of the doc, collected once per doc."""
    words = doc.user_data.get("communique.title_words")
    if words is None:
        words = doc.user_data["communique.title_words"] = {t for t in table(doc).text if t.istitle()}
    return words


def speaker_label(sent: Span) -> list[NameHit]:
    """A transcript's ALL-CAPS speaker label opening a line: "JANE DOE, PRIME MINISTER OF X:",
    "SECRETARY DOE:", "PRIME MINISTER DOE:". Labels without a name ("THE PRESIDENT:") give none."""
    doc = sent.doc
    i = sent.start
    while i < sent.end and doc[i].is_space:
        i += 1
    k = i
    while k < sent.end and k - i < 14 and (doc[k].text.isupper() or doc[k].text in (",", ".")) \
            and doc[k].text != ":":
        k += 1
    if k >= sent.end or doc[k].text != ":" or k == i:
        return []
    words = list(range(i, k))
    comma = next((j for j in words if doc[j].text == ","), None)
    L = lexicon.titles()

    def office(j):
        f = name_key(doc[j].text)
        return f in L.heads or f in L.ranks or f in L.org_words or f in L.honorifics or is_connector(doc[j]) \
            or token_country(doc[j].text.title()) is not None or f in ("of", "the", "for", "and")

    if comma is not None:
        name, title = [j for j in words if j < comma], [j for j in words if j > comma]
    else:
        n = 0
        while n < len(words) and office(words[n]):
            n += 1
        title, name = words[:n], words[n:]
    name = [j for j in name if doc[j].text != "."]
    if not name or len(name) > 4 or any(office(j) or not doc[j].is_alpha for j in name):
        return []
    if name != list(range(name[0], name[-1] + 1)):
        return []
    has_head = any(name_key(doc[j].text) in L.heads for j in title)
    if not has_head and (len(name) < 2 or not any(doc[j].text.title() in _title_words(doc) for j in name)):
        return []  # "MODERATOR:", "QUESTION:", "BREAKING NEWS:": a label names a person when the text does too
    hit = NameHit(name[0], name[-1] + 1, source="speaker")
    if title:
        words_t = [doc[j].text.title() if doc[j].text.lower() not in ("of", "the", "for", "and") else doc[j].text.lower()
                   for j in title if doc[j].text not in (",", ".")]
        hit.titles.append(" ".join(words_t))
        hit.title_spans.append((title[0], title[-1] + 1))
    return [hit]
