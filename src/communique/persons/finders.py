"""The ways a name is found: after a title, in an apposition ("NAME, TITLE of ORG"), as a title
then a comma then the name, and spaCy's PERSON entities."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from communique import lexicon
from communique.text import name_key
from communique.persons.titles import _has_head, _name_suffix, _skip_honorifics, _split_titles, _title_start, clean_title, singular_title
from communique.persons.tokens import MAX_NAME_TOKENS, NAME_PARTICLES, _caps_surname, is_cap, is_connector, is_head, is_name_token, is_vocab, runs


@dataclass
class NameHit:
    """A name found in the text with the titles that introduce it."""

    start: int  # token index in doc
    end: int
    titles: list[str] = field(default_factory=list)
    title_spans: list[tuple[int, int]] = field(default_factory=list)  # token spans of the titles
    source: str = "title"  # title | apposition | ner | coordination


def _add_titles(hit: NameHit, doc: Doc, start: int, end: int) -> None:
    """Give a name the titles written in doc[start:end] ("Secretary of X and Chairman of Y")."""
    for a, b in _split_titles(doc, start, end):
        t = clean_title(doc, a, b)
        if t:
            hit.titles.append(t)
            hit.title_spans.append((a, b))


def title_anchored(sent: Span) -> list[NameHit]:
    """Names that follow a title inside a capitalised run, coordination included."""
    doc = sent.doc
    hits: list[NameHit] = []
    for rs, re_ in runs(sent):
        end = re_
        pending: list[NameHit] = []
        while end > rs:
            while end > rs and not is_name_token(doc[end - 1]):
                end -= 1
            if end <= rs:
                break
            ns = _name_suffix(doc, rs, end)
            if ns >= end:
                end -= 1
                continue
            ts = _title_start(doc, rs, ns)
            hit = NameHit(ns, end)
            if ts < ns and _has_head(doc, ts, ns):
                _add_titles(hit, doc, ts, ns)
                end = ts
            else:
                hit.source = "coordination"  # "A and B" coordinated under a plural title
                end = ns
            pending.append(hit)
            while end > rs and doc[end - 1].lower_ in ("and", ",", "&"):
                end -= 1
        # keep titled names, and untitled ones coordinated with a titled name of a plural head
        titled = [h for h in pending if h.titles]
        if not titled:
            continue
        for h in pending:
            if h.titles:
                hits.append(h)
        plural = any(name_key(doc[j].text) in lexicon.titles().plural_heads or doc[j].text.endswith("s")
                     and name_key(doc[j].text)[:-1] in lexicon.titles().heads
                     for h in titled for a, b in h.title_spans for j in range(a, b))
        for h in pending:
            if not h.titles and (h.end - h.start) >= 2:
                h.source = "coordination"
                if plural:
                    h.titles = [singular_title(t) for t in titled[-1].titles]
                    h.title_spans = list(titled[-1].title_spans)
                hits.append(h)
    return hits


def appositions(sent: Span) -> list[NameHit]:
    """"NAME, TITLE of ORG" and "NAME, who is (also) TITLE": names followed by their title."""
    doc = sent.doc
    hits = []
    for rs, re_ in runs(sent):
        ns = _name_suffix(doc, rs, re_)
        if re_ - ns < 2 or re_ >= sent.end or doc[re_].text != ",":
            continue
        j = re_ + 1
        while j < sent.end and doc[j].lower_ in ("who", "is", "was", "also", "the", "a", "an", "currently", "now"):
            j += 1
        if j >= sent.end or not (is_cap(doc[j]) or is_head(doc[j]) or doc[j].text.endswith(("'s", "’s"))):
            continue
        k = j
        while k < sent.end and (is_cap(doc[k]) or is_head(doc[k]) or is_vocab(doc[k]) or is_connector(doc[k])
                                or doc[k].text.endswith("'s")) and doc[k].text not in (",", ".", ";") \
                and "\n" not in doc[k].text:
            if k > j and is_name_token(doc[k]) and k + 1 < sent.end and is_name_token(doc[k + 1]) \
                    and not is_vocab(doc[k - 1]) and doc[k - 1].lower_ not in ("of", "the", "for"):
                break
            k += 1
        ns2 = _name_suffix(doc, j, k) if k > j else k
        if k - ns2 >= 2 or (k < sent.end and is_name_token(doc[k])):
            continue  # "A, Deputy Minister B": the title introduces the next person
        n = _skip_honorifics(doc, k + 1, sent.end)
        if k < sent.end and doc[k].text == "," and n < sent.end and is_name_token(doc[n]) and \
                (n + 1 >= sent.end or is_name_token(doc[n + 1])):
            continue  # "A, and the Minister of X, B": the title belongs to B
        if k > j and _has_head(doc, j, min(k, j + 4)):
            hit = NameHit(ns, re_, source="apposition")
            _add_titles(hit, doc, j, k)
            if hit.titles:
                hits.append(hit)
    return hits


def title_then_name(sent: Span) -> list[NameHit]:
    """"the President of India, Smt. Droupadi Murmu, hosted": a title, a comma, then the name."""
    doc = sent.doc
    hits = []
    for rs, re_ in runs(sent):
        if re_ + 1 >= sent.end or doc[re_].text != "," or not _has_head(doc, rs, re_):
            continue
        if _name_suffix(doc, rs, re_) < re_ - 1:
            continue  # the run already ends with a name
        j = _skip_honorifics(doc, re_ + 1, sent.end)
        k = j
        while k < sent.end and (is_name_token(doc[k]) or doc[k].lower_ in NAME_PARTICLES) and k - j < MAX_NAME_TOKENS:
            k += 1
        while k < sent.end and name_key(doc[k].text) in ("jr", "sr") or (k < sent.end and doc[k].text in ("Jr.", "Sr.")):
            k += 1
        if k - j < 1 or (k < sent.end and is_cap(doc[k]) and doc[k].text not in ("Jr.", "Sr.")):
            continue
        if k - j == 1 and not _caps_surname(doc[j]) and not (k < sent.end and doc[k].text in (",", ".")):
            continue
        ts = _title_start(doc, rs, re_)
        hit = NameHit(j, k, source="apposition")
        _add_titles(hit, doc, ts, re_)
        if hit.titles:
            hits.append(hit)
    return hits


def ner_names(sent: Span) -> list[NameHit]:
    """spaCy PERSON entities of two or more name-like words, leading title words stripped."""
    hits = []
    for ent in sent.ents:
        if ent.label_ != "PERSON":
            continue
        s, e = ent.start, ent.end
        while s < e and not is_name_token(sent.doc[s]):
            s += 1
        while e > s and sent.doc[e - 1].is_punct:
            e -= 1
        toks = sent.doc[s:e]
        if len(toks) >= 2 and all(is_name_token(t) or t.lower_ in NAME_PARTICLES for t in toks) \
                and len(toks) <= MAX_NAME_TOKENS:
            hits.append(NameHit(s, e, source="ner"))
    return hits

