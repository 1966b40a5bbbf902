"""The ways a name is found: after a title, in an apposition ("NAME, TITLE of ORG"), as a title
then a comma then the name, and spaCy's PERSON entities."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from communique import lexicon
from communique.text import name_key
from communique.persons.titles import (
    _has_head, _name_suffix, _skip_honorifics, _split_titles, _title_start, clean_title, singular_title)
from communique.persons.tokens import (
    MAX_NAME_TOKENS, NAME_PARTICLES, PATRONYMIC_WORDS, _caps_surname, _places, is_cap, is_connector, is_head, is_honorific,
    is_name_token, is_vocab, name_at, span_ents, span_text, table, token_country, vocab_at)
from communique.persons.runs import runs


@dataclass
class NameHit:
    """A name found in the text with the titles that introduce it."""

    start: int  # token index in doc
    end: int
    titles: list[str] = field(default_factory=list)
    title_spans: list[tuple[int, int]] = field(default_factory=list)  # token spans of the titles
    source: str = "title"  # title | apposition | ner | coordination | honorific | speaker
    background: bool = False  # the words around it only recall this person (a statue, "years ago")
    linked: bool = True  # joined to the next name of its run by "and" or a comma only
    aside: bool = False  # named as a source ("a statement by NAME") or as who leads a body ("led by NAME")


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
    tt = table(doc)
    lower, text = tt.lower, tt.text  # read from the TokenTable: no Token built per step
    hits: list[NameHit] = []
    for rs, re_ in runs(sent):
        end = re_
        pending: list[NameHit] = []
        linked = True  # only "and", "," or "&" lie between this name and the one after it
        while end > rs:
            gap = end
            while end > rs and not name_at(doc, end - 1):
                end -= 1
            if end <= rs:
                break
            if gap != re_ and any(lower[g] not in ("and", ",", "&") for g in range(end, gap)):
                linked = False
            ns = _name_suffix(doc, rs, end)
            if ns >= end:
                end -= 1
                continue
            if _names_an_office(doc, end, re_):
                end = ns  # "Inter-Governmental Committee": the words before an office's name
                continue
            ts = _title_start(doc, rs, ns)
            hit = NameHit(ns, end)
            if not (ts < ns and _has_head(doc, ts, ns)):
                ts = _enumerated_title_start(doc, rs, sent.start, ts)  # "Minister of Health, Labour and Welfare X"
            if ts < ns and _has_head(doc, ts, ns):
                _add_titles(hit, doc, ts, ns)
                _keep_title_in_name(doc, hit)
                end = ts
            else:
                hit.source = "coordination"  # "A and B" coordinated under a plural title
                end = ns
            hit.linked = linked
            pending.append(hit)
            linked = True
            while end > rs and lower[end - 1] in ("and", ",", "&"):
                end -= 1
        for h in pending:
            if not h.titles and _after_personal_honorific(doc, h.start):
                h.source = "honorific"  # "Mr Tusk": a person, though no office is named here
                hits.append(h)
        # keep titled names, and untitled ones coordinated with a titled name of a plural head
        titled = [h for h in pending if h.titles]
        if not titled:
            continue
        for h in pending:
            if h.titles:
                hits.append(h)
        key = tt.key
        plural = any(key[j] in lexicon.titles().plural_heads or text[j].endswith("s")
                     and key[j][:-1] in lexicon.titles().heads
                     for h in titled for a, b in h.title_spans for j in range(a, b))
        for h in pending:
            if not h.titles and (h.end - h.start) >= 2 and h.source != "honorific" and h.linked:
                h.source = "coordination"
                if plural:
                    h.titles = [singular_title(t) for t in titled[-1].titles]
                    h.title_spans = list(titled[-1].title_spans)
                hits.append(h)
    return hits


def _enumerated_title_start(doc: Doc, rs: int, lo: int, default: int) -> int:
    """Where a ministry's name that lists its fields began ("Minister of Health, Labour and
    Welfare X": the run after the last comma goes on a title of the runs before it; "Secretary,
    Department of Economic Affairs, X": a title, then the office it holds), or `default`.
    Written here because the capitalised runs stop at commas."""
    tt = table(doc)
    text, hon = tt.text, tt.hon
    i = rs
    while i - 1 > lo and (hon[i - 1] or text[i - 1] == "." and hon[i - 2]):
        i -= 1  # "..., Smt. Anuradha Thakur": the honorific stands between the comma and the name
    office_after = False  # the item after this one names an office: "Secretary, Department of X, Y"
    for _ in range(4):  # at most four items back
        if i - 1 <= lo or text[i - 1] != ",":
            break
        j = i - 2
        while j >= lo and text[j] != "," and (tt.cap[j] or tt.conn[j]):
            j -= 1
        a, b = j + 1, i - 1
        if a >= b:
            break
        of = any(tt.lower[k] in ("of", "for") for k in range(a, b))
        if _has_head(doc, a, b) and (of or office_after):
            return a
        office_after = of
        i = a
    return default


def _names_an_office(doc: Doc, end: int, run_end: int) -> bool:
    """The capitalised words before an office word of the same run name the office, not a person."""
    if end >= run_end:
        return False
    tt = table(doc)
    f = _POSSESSIVE_END.sub("", tt.key[end])
    return f in lexicon.titles().org_words and not token_country(tt.text[end])


_POSSESSIVE_END = re.compile(r"'s$")


def _keep_title_in_name(doc: Doc, hit: NameHit) -> None:
    """"Pope Francis": a one-word name after a title that is part of how the person is known."""
    if hit.end - hit.start == 1 and hit.start > 0 and \
            table(doc).key[hit.start - 1] in lexicon.person_words()["titles_in_name"]:
        hit.start -= 1


def _after_personal_honorific(doc: Doc, i: int) -> bool:
    """doc[i] follows "Mr", "Mrs.", "Ms", "Madame" (a full stop after the honorific allowed)."""
    tt = table(doc)
    j = i - 1
    if j >= 0 and tt.text[j] == ".":
        j -= 1
    return j >= 0 and tt.key[j] in lexicon.person_words()["personal_honorifics"] and doc[i].is_alpha


def _lower_title_word(tok: Token) -> bool:
    """A lower-case word that opens a wire apposition's title: "NAME, general secretary of ...",
    "NAME, the new foreign minister of ...", "NAME, the central bank governor"."""
    if not tok.is_alpha or not tok.text.islower():
        return False
    f = name_key(tok.text)
    L = lexicon.titles()
    return f in L.heads or f in L.ranks or f in L.org_words or f in L.honorifics


def _posting_place_end(doc: Doc, end: int, limit: int) -> int:
    """"Consul General in Busan, NAME": the place of a posting after the title, up to the comma."""
    tt = table(doc)
    if end < limit and end > 0 and tt.lower[end] in ("in", "at") and (tt.head[end - 1] or tt.hon[end - 1]):
        m = end + 1
        while m < limit and tt.cap[m] and m - end <= 3:
            m += 1
        if end + 1 < m < limit and tt.text[m] == ",":
            return m
    return end


def appositions(sent: Span) -> list[NameHit]:
    """"NAME, TITLE of ORG" and "NAME, who is (also) TITLE": names followed by their title (the
    words read from the doc's TokenTable; a Token is built only for its part of speech)."""
    doc = sent.doc
    tt = table(doc)
    text, lower, cap, head, conn = tt.text, tt.lower, tt.cap, tt.head, tt.conn
    hits = []
    for rs, re_ in runs(sent):
        ns = _name_suffix(doc, rs, re_)
        if re_ - ns < 2 or re_ >= sent.end or text[re_] != ",":
            continue
        j = re_ + 1
        while j < sent.end and lower[j] in ("who", "is", "was", "also", "the", "a", "an", "currently", "now"):
            j += 1
        if j >= sent.end or not (cap[j] or head[j] or text[j].endswith(("'s", "’s"))
                                 or (text[j].islower() and _lower_title_word(doc[j]))):
            continue
        tok = doc[j]
        if tok.pos_ in ("VERB", "AUX") and tok.tag_ in ("VBZ", "VBD"):
            continue  # "X, who chairs ASEAN": what X does, not a title
        k = j
        while k < sent.end and (cap[k] or head[k] or vocab_at(doc, k) or conn[k]
                                or text[k].endswith("'s") or (text[k].islower() and _lower_field_word(doc, k, sent.end))) \
                and text[k] not in (",", ".", ";") and "\n" not in text[k]:
            if k > j and name_at(doc, k) and k + 1 < sent.end and name_at(doc, k + 1) \
                    and not vocab_at(doc, k - 1) and lower[k - 1] not in ("of", "the", "for"):
                break
            k += 1
        ns2 = _name_suffix(doc, j, k) if k > j else k
        if k - ns2 >= 2 or (k < sent.end and name_at(doc, k)):
            continue  # "A, Deputy Minister B": the title introduces the next person
        if k - ns2 == 1 and ns2 > j and head[ns2 - 1]:
            continue  # "El-Sisi, Jordan's King Abdullah discuss ...": a title and a one-word name, another person
        if any(lower[m] in ("of", "from") and m - (b := _name_suffix(doc, j, m)) >= 2 and b > j
               and head[b - 1] for m in range(j + 2, k)):
            continue  # "A, Chancellor B of X": a title and another person named with their state
        n = _skip_honorifics(doc, k + 1, sent.end)
        if k < sent.end and text[k] == "," and n < sent.end and name_at(doc, n) and \
                (n + 1 >= sent.end or name_at(doc, n + 1)):
            continue  # "A, and the Minister of X, B": the title belongs to B
        if k > j and _has_head(doc, j, min(k, j + 6)):  # "Timor-Leste's foreign minister": six tokens to the head
            hit = NameHit(ns, re_, source="apposition")
            _add_titles(hit, doc, j, k)
            if hit.titles:
                hits.append(hit)
    return hits


def _lower_field_word(doc: Doc, k: int, end: int) -> bool:
    """A lower-case word of an office's field before its head word: "the UN emergency relief
    coordinator", "the European commissioner for crisis management" (wire appositions)."""
    tok = doc[k]
    return tok.is_lower and tok.is_alpha and tok.pos_ in ("NOUN", "ADJ") and k > 0 \
        and table(doc).lower[k - 1] not in ("and", "&", "or") \
        and any(table(doc).head[k + 1:min(end, k + 4)])  # not "... and other senior officials"


def title_then_name(sent: Span) -> list[NameHit]:
    """"the President of India, Smt. Droupadi Murmu, hosted": a title, a comma, then the name
    (the words read from the doc's TokenTable)."""
    doc = sent.doc
    tt = table(doc)
    text, lower, key = tt.text, tt.lower, tt.key
    hits = []
    for rs, run_end in runs(sent):
        re_ = _posting_place_end(doc, run_end, sent.end)
        if re_ + 1 >= sent.end or text[re_] != "," or not _has_head(doc, rs, re_):
            continue
        ns = _name_suffix(doc, rs, re_)
        posting = re_ != run_end
        office_name = not posting and ns > rs and (lower[ns - 1] in ("of", "for") or (
            ns == re_ - 1 and ns - 1 > rs and vocab_at(doc, ns - 1) and lower[ns - 2] in ("of", "for")))
        if ns < re_ - 1 and not office_name and not posting:
            continue  # the run already ends with a name (not "Minister of Human Capital")
        j = _skip_honorifics(doc, re_ + 1, sent.end)
        if _relational_title(doc, max(rs - 2, sent.start), re_):
            j = _own_title_end(doc, j, sent.end)
        k, words = j, 0  # particles and hyphens do not count: "Tamim bin Hamad Al-Thani" is four words
        while k < sent.end and (name_at(doc, k) or lower[k] in NAME_PARTICLES
                                or k > j and lower[k - 1] in PATRONYMIC_WORDS and tt.cap[k]) and words < MAX_NAME_TOKENS:
            # after "bin", a title word is a father's name: "Mohammed bin Zayed bin Sultan Al Nahyan"
            words += lower[k] not in NAME_PARTICLES and text[k] not in ("-", "‐")
            k += 1
        while k < sent.end and key[k] in ("jr", "sr") or (k < sent.end and text[k] in ("Jr.", "Sr.")):
            k += 1
        if k - j < 1 or (k < sent.end and tt.cap[k] and text[k] not in ("Jr.", "Sr.")):
            continue
        if k - j == 1 and not _caps_surname(doc[j]) and not (k < sent.end and text[k] in (",", ".")):
            continue
        # the title's start, read back from the last title word: before a posting's place
        # ("Consul General in Busan") or the capitalised name of a ministry ("of Human Capital")
        ts = _title_start(doc, rs, ns if office_name else run_end)
        name = span_text(tt, j, k)
        if _places().country_code(name) or _places().lookup_place(name) is not None:
            continue  # "led by General Secretary X, Viet Nam will ...": a place, not the title's holder
        hit = NameHit(j, k, source="apposition")
        _add_titles(hit, doc, ts, re_)
        if hit.titles:
            hits.append(hit)
    return hits


def _relational_title(doc: Doc, start: int, end: int) -> bool:
    """A title told by its relation to someone ("his Kenyan counterpart", "Kenya's top diplomat"):
    one that a second, formal title after a comma may restate for the same person. A bare office
    ("the Foreign Minister, Defence Minister X") is another person's in a list."""
    words = lexicon.person_words()["relational_title_words"]
    tt = table(doc)
    return any(tt.lower[i] in words or tt.text[i] in POSSESSIVE for i in range(start, end))


def _own_title_end(doc: Doc, j: int, end: int) -> int:
    """Past a capitalised title that the name after a comma carries itself ("his Kenyan
    counterpart, Defence Secretary Ruth Wanjiku"): the title before the comma is the same
    person's (title_anchored reads the second); `j` when no such title leads to a name."""
    tt = table(doc)
    k = j
    while k < end and k - j < 6 and tt.text[k][:1].isupper() and (tt.head[k] or vocab_at(doc, k)) \
            and not name_at(doc, k):
        k += 1
    if k == j or k >= end or not _has_head(doc, j, k) or not name_at(doc, k):
        return j
    return k


POSSESSIVE = ("'s", "’s")
NOT_PERSON_ENTS = {"GPE", "LOC", "NORP", "EVENT", "LAW"}  # the small model calls many names FAC or PRODUCT


def possessive_country_names(sent: Span) -> list[NameHit]:
    """An untitled name right after a country's possessive ("Jordan's Ayman Safadi", "Kenya's
    William Ruto"): wire copy's short way of naming a state's representative, which the small
    model often labels as a place or facility. Two to five name words, the whole capitalised run,
    not a known place and not an entity of another kind."""
    doc = sent.doc
    tt = table(doc)
    text, lower = tt.text, tt.lower
    hits = []
    pieces = []  # "Malaysia's A and Tunisia's B": each state's possessive with its own name
    for start, end in runs(sent):  # the possessive is a connector: "Kenya 's William Ruto" is one run
        cut = start
        for k in range(start, end):
            if lower[k] in ("and", "&") or text[k] == ",":
                pieces.append((cut, k))
                cut = k + 1
        pieces.append((cut, end))
    for start, re_ in pieces:
        rs = next((k + 1 for k in range(start + 1, re_ - 1) if text[k] in POSSESSIVE), None)
        if rs is None or not token_country(text[rs - 2]):
            continue
        if not 2 <= re_ - rs <= MAX_NAME_TOKENS or not all(
                name_at(doc, t) or lower[t] in NAME_PARTICLES for t in range(rs, re_)):
            continue
        labels = {e.label_ for e in span_ents(sent) if e.start < re_ and rs < e.end}
        if labels & NOT_PERSON_ENTS:
            continue
        name = span_text(tt, rs, re_)
        if _places().lookup_place(name) is not None or _places().country_code(name):
            continue
        # the model calls many such names ORG, and some are firms ("Japan's Toyota Motor"): those
        # are persons only where an event names them as a participant
        hits.append(NameHit(rs, re_, source="possessive", aside="ORG" in labels))
    return hits


def _outside_entity_propn(tok: Token) -> bool:
    return tok.ent_iob_ == "O" and tok.pos_ == "PROPN"


def ner_names(sent: Span) -> list[NameHit]:
    """spaCy PERSON entities of two or more name-like words, leading title words stripped."""
    doc = sent.doc
    tt = table(doc)
    hits = []
    for ent in span_ents(sent):
        if ent.label_ != "PERSON":
            continue
        s, e = ent.start, ent.end
        while s < e and not name_at(doc, s):
            s += 1
        while e > s and tt.punct[e - 1]:
            e -= 1
        while e < sent.end and e - s < MAX_NAME_TOKENS and e > s and tt.ws[e - 1] != "" and "\n" not in tt.ws[e - 1] \
                and name_at(doc, e) and _outside_entity_propn(doc[e]):
            e += 1  # "Min Aung Hlaing": the model's entity stopped a word short of the name
        if 2 <= e - s <= MAX_NAME_TOKENS and all(name_at(doc, t) or tt.lower[t] in NAME_PARTICLES for t in range(s, e)):
            hits.append(NameHit(s, e, source="ner"))
    return hits

