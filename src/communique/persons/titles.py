"""Splitting a capitalised run into title and name, cleaning a title, and the country or
organisation a title names ("U.S. Secretary of State" -> USA)."""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from communique import lexicon
from communique.text import name_key
from communique.persons.namewords import (CLOSE_QUOTES, _country_given_name, _generational, _nickname_end,
                                          _regnal_numeral, _title_word_given_name, expand_abbreviations)
from communique.persons.tokens import (
    _GENERATIONAL, MAX_NAME_TOKENS, NAME_PARTICLES, NEWS_CODES, TokenTable, _places, is_cap, is_connector, is_head,
    is_honorific, is_name_token, is_vocab, name_at, span_text, table, token_country, vocab_at)


def _name_suffix(doc: Doc, start: int, end: int) -> int:
    """Index where the person's name begins at the end of doc[start:end] (== end if none).
    The token classes come from the doc's TokenTable (is_cap, is_honorific, the hyphen of a
    name); a Token is built only for the rules that need one."""
    tt = table(doc)
    text, lower, cap, hon, hyph = tt.text, tt.lower, tt.cap, tt.hon, tt.hyph
    j = end - 1
    k = end
    words = 0  # the name's words so far, particles and hyphens aside: "bin Fahd al-Mutairi" is two
    while j >= start:
        if not (hyph[j] or (j + 1 < end and hyph[j + 1]) or lower[j] in NAME_PARTICLES):
            words += 1
        if j - 1 >= start and _place_pair(tt, j - 1):
            break  # "Viet Nam", "Ha Noi", "New Zealand" end the name
        t = text[j]
        nick = next((n for n in (2, 3) if j - n >= start and _nickname_end(doc, j - n, end) == j + 1), 0) \
            if t in CLOSE_QUOTES and k < end else 0
        if nick:
            k = j - nick  # 'Ferdinand "Bongbong" Marcos'
            j -= nick + 1
            continue
        if name_at(doc, j) or (k < end and (lower[j] in NAME_PARTICLES or hyph[j])) \
                or (k == j + 1 and k < end and _given_name_or_style(doc, j, start, k, end)):
            k = j
        elif j == end - 1 and j - 1 >= start and cap[j] and not hon[j] \
                and name_at(doc, j - 1) and not t.isupper() and name_key(t) not in lexicon.titles().heads:
            k = j  # a surname that is also an office word: "Samantha Power"
        else:
            break
        if words >= MAX_NAME_TOKENS:
            break
        j -= 1
    while k < end and text[k] in NAME_PARTICLES:  # lower-case particles do not start a name
        k += 1
    return k


def _given_name_or_style(doc: Doc, j: int, start: int, k: int, end: int) -> bool:
    """A word that joins the name after it though it reads as a country, a title or a style (each
    rule holds only right before the name's first word, `k == j + 1`, which the caller checks)."""
    return _country_given_name(doc, j, start, k, end) or _title_word_given_name(doc, j, start, k, end) \
        or _style_inside_name(doc, j, start, k, end)


def _style_inside_name(doc: Doc, j: int, start: int, k: int, end: int) -> bool:
    """A style between two words of one name: "Hassan Sheikh Mohamud" (a given name before it,
    the name going on after it), where "Foreign Minister Sheikh X" has a title before it."""
    tt = table(doc)
    return k == j + 1 and k < end and j - 1 >= start and tt.key[j] in \
        lexicon.person_words()["styles_inside_names"] and name_at(doc, j - 1) and not tt.head[j - 1]


def _is_place_pair(doc: Doc, i: int) -> bool:
    """doc[i:i+2] names a country or a city ("Viet Nam", "Ha Noi")."""
    return _place_pair(table(doc), i)


def _place_pair(tt: TokenTable, i: int) -> bool:
    """_is_place_pair from the doc's TokenTable, for the loops that hold it already."""
    if not (tt.cap[i] and tt.cap[i + 1]):
        return False
    return _names_place(tt.text[i] + tt.ws[i] + tt.text[i + 1])  # doc[i:i + 2].text without the Span


def _place_triple(tt: TokenTable, i: int) -> bool:
    """doc[i:i+3] names a country or its people ("Papua New Guinean", "Bosnia and Herzegovina")."""
    if not (tt.cap[i] and tt.cap[i + 2]):
        return False
    return _names_place(tt.text[i] + tt.ws[i] + tt.text[i + 1] + tt.ws[i + 1] + tt.text[i + 2])


@lru_cache(maxsize=65536)
def _names_place(text: str) -> bool:
    """A country, a city, or a country's people ("Sri Lankan", "Costa Rican")."""
    p = _places()
    return bool(p.country_code(text) or p.lookup_place(text) or (" " in text and p.demonym_code(text)))


def _in_head_phrase(doc: Doc, j: int, end: int) -> bool:
    """doc[j] is a word of a title phrase ending before `end` that alone is no title word or reads
    as a rank honorific before the name: "Crown" of "Crown Prince", "General" of "Secretary General"."""
    return any(_head_phrase_at(doc, s, end) > j - s for s in range(max(0, j - 3), j + 1))


def _head_phrase_at(doc: Doc, j: int, end: int) -> int:
    """The length of the longest title phrase starting at doc[j] and ending before `end`, else 0."""
    tt = table(doc)
    first = name_key(tt.text[j])
    return max((len(p) for p in _phrases_by_first().get(first, ())
                if j + len(p) <= end and all(name_key(tt.text[j + n]) == w for n, w in enumerate(p))), default=0)


@lru_cache(maxsize=1)
def _phrases_by_first() -> dict:
    out: dict = {}
    for p in lexicon.titles().head_phrases:
        out.setdefault(p[0], []).append(p)
    return out


def _title_start(doc: Doc, start: int, name_start: int) -> int:
    """Where the title before a name begins: walk back over title words and connectors.
    "the Prime Minister and NAME": a title before 'and' is another person's, not NAME's.
    The words' classes come from the doc's TokenTable; no Token is built but for the rules that
    read the word before (a regnal numeral, "Jr.")."""
    tt = table(doc)
    text, lower, ws, cap, hon, conn, head = tt.text, tt.lower, tt.ws, tt.cap, tt.hon, tt.conn, tt.head
    if name_start - 1 >= start and lower[name_start - 1] in ("and", "&"):
        return name_start
    j = name_start - 1
    while j >= start and hon[j] and not _in_head_phrase(doc, j, name_start):
        j -= 1
    k = j + 1
    while j >= start:
        t = text[j]
        if _ends_a_name(doc, j):
            break  # the end of the name before: "Castillo Jr. and Japanese Prime Minister X"
        if j - 2 >= start and _place_triple(tt, j - 2):
            k = j - 2  # "Papua New Guinean Prime Minister"
            j -= 3
            continue
        if j - 1 >= start and _place_pair(tt, j - 1):
            k = j - 1  # "Ambassador to Viet Nam", "Sri Lankan President"
            j -= 2
            continue
        if t in ("-", "–", "—") and ws[j] and j > 0 and ws[j - 1]:
            break  # a spaced dash ends a dateline ("PRETORIA - President X"), never sits inside a title
        if lower[j] == "to" and j - 1 >= start and text[j - 1] in lexicon.person_words()["relational_title_words"]:
            break  # "played host to Ugandan President X": the title starts after the relation
        if vocab_at(doc, j) or conn[j] or t.endswith(("'s", "’s")) or t in ("'s", "’s") \
                or (t == ")" or t == "(") or _in_head_phrase(doc, j, name_start) \
                or (lower[j] == "on" and j - 1 >= start and vocab_at(doc, j - 1) and j + 1 < name_start
                    and vocab_at(doc, j + 1)):  # "Adviser to the President on Information and Strategy"
            k = j
            j -= 1
        elif cap[j] and j + 1 < name_start and (vocab_at(doc, j + 1) or text[j + 1] in ("-", "–")
                                                or lower[j + 1] == "of") \
                and text[j + 1] not in ("and", "&") and j - 1 >= start \
                and (vocab_at(doc, j - 1) or (conn[j - 1] and j - 2 >= start
                                              and (vocab_at(doc, j - 2) or conn[j - 2]))):
            k = j  # an unknown capitalised word inside an office name ("Indo-Pacific", "the Horn of Africa")
            j -= 1
        else:
            break
    for a in range(k, name_start):
        if lower[a] in ("and", "&") and not any(head[k:a]):
            k = a + 1  # "President A of South Africa and President B": no title of B's before the "and"
        elif lower[a] in ("and", "&") and _states_differ(doc, k, a, name_start):
            k = a + 1  # "Ukraine's president and German Chancellor B": two persons' titles
        elif lower[a] in ("and", "&") and k > 0 and lower[k - 1] == "the" and any(head[a + 1:name_start]) \
                and not any(lower[m] in ("of", "for") for m in range(k, name_start)):
            k = a + 1  # "the High Representative and Minister B": one told before, and B with a title of B's own
    while k < name_start and (conn[k] and lower[k] not in ("(",)) and not text[k].endswith("'s"):
        k += 1
    return k


def _ends_a_name(doc: Doc, j: int) -> bool:
    """doc[j] is "Jr." or a regnal numeral after a name word (the Token is built only for a word
    that reads as one)."""
    t = table(doc).text[j]
    if t not in _GENERATIONAL and t not in lexicon.person_words()["regnal_numerals"]:
        return False
    tok = doc[j]
    return _generational(tok) or _regnal_numeral(tok)


def _states_differ(doc: Doc, start: int, mid: int, end: int) -> bool:
    """Both halves of a title around "and" name a state, not the same one: two persons' offices."""
    text = table(doc).text
    left = {token_country(text[i]) for i in range(start, mid)} - {None}
    right = {token_country(text[i]) for i in range(mid + 1, end)} - {None}
    return bool(left) and bool(right) and not left & right


def clean_title(doc: Doc, start: int, end: int) -> str:
    """The title text without trailing honorifics, parentheses and dangling connectors (the
    words read from the doc's TokenTable)."""
    tt = table(doc)
    words, lower, hon = tt.text, tt.lower, tt.hon
    while end > start and ((hon[end - 1] and not words[end - 2].endswith("-")
                            and not _in_head_phrase(doc, end - 1, end))
                           or words[end - 1] == "." and end - 2 > start and hon[end - 2]
                           or words[end - 1] in ("(", ")", ",")
                           or lower[end - 1] in ("and", "of", "the", "for")):
        if words[end - 1] == ")":
            # drop a parenthesised acronym "(USAID)"
            k = end - 1
            while k > start and words[k] != "(":
                k -= 1
            end = k
            continue
        end -= 1
    closes = [i for i in range(start, end) if words[i] == ")"]
    if closes and "(" not in words[start:closes[-1]]:
        start = closes[-1] + 1  # "(VNA) – Deputy Prime Minister": the dateline's tail is no title
    while start < end and (lower[start] in ("the", "and", "of", "a", "an", "&") or tt.punct[start]):
        start += 1
    if start >= end:
        return ""
    text = expand_abbreviations(span_text(tt, start, end).replace("’", "'"))
    last = doc[end - 1]
    if last.tag_ in ("NNS", "NNPS") and text.endswith(last.text) and last.lemma_ != last.lower_:
        # "their trade ministers, A and B", "Foreign Ministers A and B": each holds the one title
        one = last.lemma_ if last.text[:1].islower() else last.lemma_[:1].upper() + last.lemma_[1:]
        text = text[:len(text) - len(last.text)] + one
    text = _ACRONYM_IN_PARENS.sub("", text)
    text = _PAREN_TAIL.sub("", text)  # the tail of a parenthesis opened before the title
    prev = None
    while prev != text:
        prev, text = text, _LEADING_JUNK.sub("", text)
    return text.strip(" ,")


# clean_title's patterns, compiled once
_ACRONYM_IN_PARENS = re.compile(r"\s*\(\s*[A-Z][A-Za-z.]*\s*\)")
_PAREN_TAIL = re.compile(r"^[^(]*\)")
_LEADING_JUNK = re.compile(r"^[\s,;:()\-–—]+|^(?:and|the|of)\s+")


def _split_titles(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Split "Secretary of X and Chairman of Y" into its titles (at 'and' before a head/rank that
    leads a title: "Ambassador Extraordinary and Plenipotentiary of X" is one title)."""
    L = lexicon.titles()
    tt = table(doc)
    lower, key = tt.lower, tt.key
    parts, s = [], start
    for j in range(start, end):
        if lower[j] == "and" and j + 1 < end and (key[j + 1] in L.heads or key[j + 1] in L.ranks) \
                and _has_head(doc, j + 1, end):
            parts.append((s, j))
            s = j + 1
    parts.append((s, end))
    return [(a, b) for a, b in parts if b > a]


def _skip_honorifics(doc: Doc, i: int, end: int) -> int:
    """The first index at or after i that is not an honorific ("Smt.", "H.E. Mr.") or its full stop."""
    tt = table(doc)
    while i < end and (tt.hon[i] or (tt.text[i] == "." and tt.hon[i - 1])):
        i += 1
    return i


def _has_head(doc: Doc, start: int, end: int) -> bool:
    """A title head among doc[start:end] (start >= 0), read from the doc's TokenTable."""
    return any(table(doc).head[start:end])


def _has_head_text(title: str) -> bool:
    L = lexicon.titles()
    return any(name_key(w) in L.heads for w in title.split())


def singular_title(title: str) -> str:
    """"Co-Chairs of the X" -> "Co-Chair of the X" for each of the coordinated persons."""
    words = title.split()
    L = lexicon.titles()
    for i, w in enumerate(words):
        f = name_key(w)
        if f.endswith("s") and (f[:-1] in L.heads or f[:-1].replace("-", " ") in L.heads or f in L.plural_heads):
            words[i] = w[:-1]
            break
        if f.endswith("ies") and f[:-3] + "y" in L.heads:
            words[i] = w[:-3] + "y"
            break
    return " ".join(words)


@lru_cache(maxsize=16384)
def _title_country(title: str) -> tuple[str | None, str | None, bool]:
    """(country, org name, international) a title names: "U.S. Secretary of State" -> USA.
    Cached: the same titles recur across articles and each costs dozens of phrase lookups."""
    org = None
    intl = False
    # organisations named inside the title, longest first
    words = title.replace("’", "'").split()
    best = None
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            phrase = " ".join(words[i:j]).strip(",()")
            phrase = re.sub(r"['’]s$", "", phrase)
            o = lexicon.find_org(phrase)
            if o and (best is None or j - i > best[0]):
                best = (j - i, o)
    if best:
        org = best[1].name
        intl = best[1].country is None
    country = None
    for i in range(len(words)):
        if i > 0 and words[i - 1].lower() in ("to", "in", "at"):
            continue  # "Ambassador to Vietnam" serves the sending state, not Vietnam
        for n in (3, 2, 1):
            phrase = " ".join(words[i:i + n]).strip(",()")
            if n > 1 and any(w.isalpha() and w.isupper() and w not in NEWS_CODES for w in words[i:i + n]):
                continue
            bare = re.sub(r"['’]s$", "", phrase)
            c = token_country(phrase) if n == 1 else (_places().country_code(bare) or _places().demonym_code(bare))
            if c:
                country = c
                break
        if country:
            break
    if best and best[1].country and country is None:
        country = best[1].country
    if country is None:
        country = title_default_country(title)
    return country, org, intl and country is None


def title_default_country(title: str) -> str | None:
    """Titles that belong to one state unless another is named ("Secretary of State" -> USA)."""
    f = name_key(title)
    for pattern, code in lexicon.triggers().get("title_countries", {}).items():
        if re.search(pattern, f):
            return code
    return None

