"""Name hits merged into one PersonDraft per person, with titles and country votes."""
from __future__ import annotations

from spacy.tokens import Doc

from communique import lexicon
from communique.analysis import PersonDraft
from communique.text import name_key
from communique.persons.finders import NameHit, appositions, ner_names, title_anchored, title_then_name
from communique.persons.titles import _title_country
from communique.persons.tokens import _places, _title_case_line, is_cap, is_head, segments, token_country


def same_name(a: list[str], b: list[str]) -> bool:
    """Two folded token lists name the same person: equal, or the shorter (2+ words) inside the longer."""
    if a == b:
        return True
    small, big = sorted((a, b), key=len)
    return len(small) >= 2 and set(small) <= set(big)


FAMILY_FIRST = {"VNM", "CHN", "KOR", "PRK", "JPN", "KHM", "LAO", "THA", "MMR", "TWN", "HKG", "MNG"}


def _short_forms(tokens: list[str], country: str | None = None) -> set[str]:
    """The one-word forms a full name is shortened to: first and last words, initials and
    generational suffixes aside ("Ferdinand R. Marcos Jr." -> "Marcos"); with three or more
    words outside East Asian naming, the second-to-last too ("Claudia Sheinbaum Pardo")."""
    core = [t for t in tokens if len(t) > 1 and t not in ("jr", "sr", "ii", "iii", "iv")]
    if not core:
        return set()
    forms = {core[0], core[-1]}
    if len(core) >= 3 and country not in FAMILY_FIRST and lexicon.name_origins().get(core[0]) not in FAMILY_FIRST:
        forms.add(core[-2])
    return forms


def _lone_name_ok(doc: Doc, i: int) -> bool:
    """A one-word name that starts a person of its own: a proper noun right after a title head
    ("President Tuan"), not an adjective or a word of an office's name."""
    tok = doc[i]
    if not tok.is_alpha or tok.pos_ != "PROPN" or i == 0 or not is_head(doc[i - 1]):
        return False
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is None or not is_cap(nxt)


def build_persons(doc: Doc, offset: int, allowed) -> list[PersonDraft]:
    """Persons of a parsed body; `offset` maps doc chars to input chars; `allowed(start)` says
    whether a char offset lies in the body and outside furniture."""
    hits: list[NameHit] = []
    for sent in segments(doc):
        found = title_anchored(sent) + appositions(sent) + title_then_name(sent)
        if _title_case_line(sent):
            found = [h for h in found if h.source in ("title", "apposition") and h.end - h.start >= 2]
        covered = {j for h in found for j in range(h.start, h.end)}
        for h in ([] if _title_case_line(sent) else ner_names(sent)):
            if not any(j in covered for j in range(h.start, h.end)):
                found.append(h)
        hits.extend(found)
    hits = [h for h in hits if allowed(doc[h.start].idx + offset)]
    # merge names: longest first
    entries: list[PersonDraft] = []
    hits.sort(key=lambda h: -(h.end - h.start))
    seen_spans = set()
    for h in hits:
        span = doc[h.start:h.end]
        toks = name_key(span.text).split()
        if not toks:
            continue
        key = (span.start_char, span.end_char)
        entry = next((e for e in entries if same_name(toks, e.tokens)), None)
        if entry is None and len(toks) == 1:
            # "President Tuan": a short name of someone named in full, else a person known by it
            cands = [e for e in entries if toks[0] in _short_forms(e.tokens, e.voted_country) and len(e.tokens) >= 2]
            if cands:
                entry = max(cands, key=lambda e: max([m[0] for m in e.mentions if m[0] < span.start_char + offset],
                                                     default=-1))
            elif not (h.titles and _lone_name_ok(doc, h.start)):
                continue
        if entry is None:
            if not h.titles and (_places().lookup_place(span.text) is not None or _places().country_code(span.text)):
                continue  # "Kuala Lumpur" is a place
            entry = PersonDraft(name=span.text, tokens=toks)
            entries.append(entry)
        if key not in seen_spans:
            entry.mentions.append((span.start_char + offset, span.end_char + offset))
            seen_spans.add(key)
        if h.source in ("title", "apposition", "coordination"):
            entry.strong = entry.strong or bool(h.titles)
        for t in h.titles:
            if t not in entry.titles:
                entry.titles.append(t)
            country, org, intl = _title_country(t)
            entry.vote(country, 2.0)
            if org and not entry.org:
                entry.org = org
            entry.intl = entry.intl or intl
        # a country word right before the name or its title ("Japan's", "U.S.")
        first = min([h.start] + [a for a, _ in h.title_spans])
        if first > 0:
            c = token_country(doc[first - 1].text)
            if c:
                entry.vote(c, 1.5)
    return entries

