"""Name hits merged into one PersonDraft per person, with titles and country votes."""
from __future__ import annotations

from spacy.tokens import Doc

from communique import lexicon
from communique.analysis import PersonDraft
from communique.text import name_key
from communique.persons.finders import (POSSESSIVE, NameHit, appositions, ner_names, possessive_country_names, title_anchored,
                                        title_then_name)
from communique.persons.filters import (_named_aside, _drop_places_and_relatives, _is_credit, _is_spouse, _royal_consort,
                                        _near_same, _recalls_the_past)
from communique.persons.forms import short_forms
from communique.persons.lists import plural_list
from communique.persons.speakers import speaker_label
from communique.persons.surnames import lone_surnames
from communique.persons.titles import _title_country
from communique.persons.runs import _title_case_line, segments
from communique.persons.tokens import (PATRONYMIC_WORDS, _places, is_cap, is_head, is_honorific, span_text, table,
                                       token_country)


def same_name(a: list[str], b: list[str]) -> bool:
    """Two folded token lists name the same person: equal, or the shorter (2+ words) inside the
    longer, but not as the parent's name after "bin" / "ibn" ("Abdullah II" is not "Al Hussein bin
    Abdullah II")."""
    if a == b:
        return True
    small, big = sorted((a, b), key=len)
    if len(small) < 2 or not set(small) <= set(big):
        return False
    n = len(small)
    for i in range(1, len(big) - n + 1):
        if big[i:i + n] == small and big[i - 1] in PATRONYMIC_WORDS and big[0] != small[0]:
            return False  # the smaller is the patronymic part of the longer one's name
    return True


def _lone_name_ok(doc: Doc, i: int) -> bool:
    """A one-word name that starts a person of its own: a proper noun right after a title head
    ("President Tuan"), not an adjective or a word of an office's name."""
    tok = doc[i]
    if not tok.is_alpha or len(tok.text) < 2 or tok.pos_ != "PROPN" or i == 0 or not is_head(doc[i - 1]):
        return False
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is None or not is_cap(nxt)


def _titled_mononym(doc: Doc, h: NameHit) -> bool:
    """A one-word name set off by commas after its title ("the Minister of Foreign Affairs of
    Indonesia, Sugiono, who ..."): Indonesian and other one-name persons are written so."""
    tok = doc[h.start]
    nxt = doc[h.start + 1] if h.start + 1 < len(doc) else None
    return h.source == "apposition" and h.start > 0 and doc[h.start - 1].text == "," and tok.pos_ == "PROPN" \
        and tok.is_alpha and len(tok.text) >= 3 and tok.text[0].isupper() and not tok.text.isupper() \
        and not is_honorific(tok) and not is_head(tok) and (nxt is None or nxt.text in (",", ";", ".")) \
        and not (nxt is not None and nxt.text == "." and len(tok.text) <= 4 and h.start + 2 < len(doc)
                 and is_cap(doc[h.start + 2]))  # "Mme. Vandara ...": a short style, its full stop, the name


def _char_span(doc: Doc, h: NameHit, offset: int) -> tuple[int, int]:
    return doc[h.start].idx + offset, doc[h.end - 1].idx + len(doc[h.end - 1].text) + offset


def build_persons(doc: Doc, offset: int, allowed, blocked: list | None = None,
                  titled: list | None = None) -> list[PersonDraft]:
    """Persons of a parsed body; `offset` maps doc chars to input chars; `allowed(start)` says
    whether a char offset lies in the body and outside furniture. `blocked` receives the spans
    of names that are no persons here (spouses, credits, places, figures of the past), so that
    no later step attaches a short mention there. `titled` receives (start, end, person) of the
    titles names were found with: "the President" inside "Special Adviser to the President" is
    no mention of the President."""
    blocked = [] if blocked is None else blocked
    titled = [] if titled is None else titled
    tt = table(doc)
    hits: list[NameHit] = []
    for sent in segments(doc):
        found = speaker_label(sent) + title_anchored(sent) + appositions(sent) + title_then_name(sent)
        found += plural_list(sent, found)
        headline = _title_case_line(sent)
        if headline:
            found = [h for h in found if h.source in ("title", "apposition") and h.end - h.start >= 2]
        covered = {j for h in found for j in range(h.start, h.end)}
        for h in ([] if headline else possessive_country_names(sent) + ner_names(sent)):
            if not any(j in covered for j in range(h.start, h.end)):
                found.append(h)
                covered.update(range(h.start, h.end))
        for h in found:
            if (not h.titles and _is_spouse(doc, h)) or _royal_consort(doc, h) or _is_credit(doc, h):
                blocked.append(_char_span(doc, h, offset))
            else:
                h.background = _recalls_the_past(doc, h)
                h.aside = _named_aside(doc, h)
                hits.append(h)
    hits = [h for h in hits if allowed(doc[h.start].idx + offset)
            and not any(s <= doc[h.start].idx + offset < e for s, e in blocked)]
    # merge names: longest first
    entries: list[PersonDraft] = []
    hits.sort(key=lambda h: -(h.end - h.start))
    seen_spans = set()
    hits_of: dict[int, list[NameHit]] = {}
    for h in hits:
        span = doc[h.start:h.end]
        toks = name_key(span.text).split()
        if not toks:
            continue
        key = (span.start_char, span.end_char)
        entry = next((e for e in entries if same_name(toks, e.tokens)), None) \
            or next((e for e in entries if len(toks) >= 2 and _near_same(toks, e.tokens)), None)
        if entry is None and len(toks) == 1:
            # "President Tuan": a short name of someone named in full, else a person known by it
            cands = [e for e in entries if toks[0] in short_forms(e.tokens, e.voted_country) and len(e.tokens) >= 2] \
                or [e for e in entries if len(e.tokens) >= 2
                    and any(_near_same(toks, [f]) for f in short_forms(e.tokens, e.voted_country))]
            if cands:
                entry = max(cands, key=lambda e: max([m[0] for m in e.mentions if m[0] < span.start_char + offset],
                                                     default=-1))
            elif not ((h.titles and (_lone_name_ok(doc, h.start) or _titled_mononym(doc, h)))
                      or h.source in ("honorific", "speaker")):
                continue
        if entry is None:
            if not h.titles and (_places().lookup_place(span.text) is not None or _places().country_code(span.text)
                                 or _places().demonym_code(span.text)):
                continue  # "Kuala Lumpur" is a place, "Sri Lankan" its people
            entry = PersonDraft(name=span.text, tokens=toks, background=True, aside=True)
            entries.append(entry)
        hits_of.setdefault(id(entry), []).append(h)
        entry.background = entry.background and h.background
        entry.aside = entry.aside and h.aside
        if key not in seen_spans:
            entry.mentions.append((span.start_char + offset, span.end_char + offset))
            seen_spans.add(key)
        if h.source in ("title", "apposition", "coordination", "speaker"):
            entry.strong = entry.strong or bool(h.titles)
        for t in h.titles:
            if t not in entry.titles:
                entry.titles.append(t)
            country, org, intl = _title_country(t)
            entry.vote(country, 2.0)
            if org and not entry.org:
                entry.org = org
            entry.intl = entry.intl or intl
        titled.extend(_char_span(doc, NameHit(a, b), offset) + (entry,) for a, b in h.title_spans)
        # a country word right before the name or its title ("Japan's", "U.S.")
        first = min([h.start] + [a for a, _ in h.title_spans])
        if first > 1 and tt.text[first - 1] in POSSESSIVE:
            first -= 1  # spaCy splits "Jordan's" into "Jordan" and "'s"
        if first > 0:
            c = token_country(tt.text[first - 1])
            if c:
                entry.vote(c, 1.5)
        entry.vote(_country_of_after(doc, h.end), 1.5)
    entries = _drop_places_and_relatives(entries, hits_of, doc, blocked)
    for e in entries:
        if e.background:  # a figure of the past, only recalled: no person of this article
            blocked.extend(e.mentions)
    entries = [e for e in entries if not e.background]
    entries.extend(lone_surnames(doc, offset, entries, allowed, blocked))
    return entries


def _country_of_after(doc: Doc, end: int) -> str | None:
    """The state an "of" right after a name gives it ("President Amara Diallo of Senegal", "Prime
    Minister X of the United Kingdom"), when a country's name follows that "of" whole."""
    tt = table(doc)
    text, lower, n_tokens = tt.text, tt.lower, len(tt.text)
    if end + 1 >= n_tokens or lower[end] != "of":
        return None
    k = end + 1 + (lower[end + 1] == "the")
    for n in (4, 3, 2, 1):
        if k + n <= n_tokens and all(text[m][:1].isupper() or lower[m] == "and" for m in range(k, k + n)):
            code = _places().country_code(span_text(tt, k, k + n))
            if code and (k + n == n_tokens or not text[k + n][:1].isupper()):
                return code
    return None
