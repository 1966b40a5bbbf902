"""Persons of one article: names found by title anchors, appositions and the NER, with titles,
country and organisation, merged into one entry per person with every mention.

The small English model misses many names that follow long titles ("Acting Assistant
Secretary of State Fleet White"), so recognition is anchored on the title lexicon in
data/titles.json: a capitalised run that contains a title head is split into title and
name by walking back from its end over name-like words. No library does this split for
diplomatic titles, so it is written here by hand.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from communique import lexicon
from communique.lexicon import fold
from communique.model import Person

NAME_PARTICLES = lexicon.person_words()["particles"]
MAX_NAME_TOKENS = 5
STOP_NAME_WORDS = {"the", "a", "an", "this", "that", "these", "those", "he", "she", "they", "it", "we", "i",
                   "both", "during", "after", "before", "at", "in", "on", "with", "and", "but", "meanwhile",
                   "additionally", "also", "photo", "source", "file", "video", "read", "see", "more", "latest",
                   "mr", "mrs", "ms", "dr", "his", "her", "their", "our", "its", "as", "for", "from", "by",
                   "january", "february", "march", "april", "may", "june", "july", "august", "september",
                   "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                   "saturday", "sunday", "today", "yesterday", "tomorrow", "prime", "minister", "deputy", "vice",
                   "former", "congress", "party", "committee", "state", "states", "united", "national"}


@dataclass
class NameHit:
    """A name found in the text with the titles that introduce it."""

    start: int  # token index in doc
    end: int
    titles: list[str] = field(default_factory=list)
    title_spans: list[tuple[int, int]] = field(default_factory=list)  # token spans of the titles
    source: str = "title"  # title | apposition | ner | coordination | honorific | speaker | surname
    background: bool = False  # the sentence only recalls this person (a statue, "years ago")
    linked: bool = True  # joined to the next name of its run by "and" or a comma only
    source_cue: bool = False  # right after "a statement by", "according to"


@dataclass
class PersonEntry:
    name: str
    tokens: list[str]
    titles: list[str] = field(default_factory=list)
    country_votes: dict[str, float] = field(default_factory=dict)
    org: str | None = None
    intl: bool = False
    mentions: list[tuple[int, int]] = field(default_factory=list)  # char offsets
    strong: bool = False  # introduced by a title or apposition
    title_mentions: set = field(default_factory=set)  # mentions that are a title used alone
    background: bool = False  # every naming recalls a figure of the past: no actor unless an event says so
    quoted_source: bool = False  # only ever named as the source of a statement ("a statement by NAME")

    def vote(self, code: str | None, weight: float):
        if code:
            self.country_votes[code] = self.country_votes.get(code, 0.0) + weight

    @property
    def country(self) -> str | None:
        if not self.country_votes:
            return None
        return max(self.country_votes.items(), key=lambda kv: kv[1])[0]


# ---------------------------------------------------------------- token classes

def _places():
    from communique import places

    return places


def is_country_word(text: str) -> bool:
    return token_country(text) is not None


NEWS_CODES = {"US", "UK", "USA", "UAE", "PRC", "ROK", "DPRK", "EU"}


def token_country(text: str) -> str | None:
    """ISO3 for a country name, demonym or possessive token ('U.S.', 'Vietnamese', 'Japan's');
    bare ISO codes only where news writes them ('US', 'UK'), so 'FM' is not Micronesia."""
    p = _places()
    t = re.sub(r"['’]s$", "", text)
    if t.isalpha() and t.isupper() and len(t) <= 4 and t not in NEWS_CODES:
        return None
    return p.country_code(t) or p.demonym_code(t)


def is_cap(tok: Token) -> bool:
    t = tok.text
    return bool(t) and (t[0].isupper() or (t[0].isdigit() and tok.i > 0 and False)) and not tok.is_punct


def is_vocab(tok: Token) -> bool:
    """Part of a title or an office's name rather than of a person's name."""
    L = lexicon.titles()
    f = fold(tok.text)
    if not f:
        return tok.text in {"-", "–", "&", "(", ")"}
    if f in L.heads or f in L.ranks or f in L.org_words or f in L.honorifics:
        return True
    if tok.text.isupper() and len(tok.text) >= 2 and not tok.text.endswith(".") and not _regnal_numeral(tok):
        return True  # acronyms: USAID, NDI, UN
    if "-" in tok.text and any(p in L.heads or p in L.ranks or p in L.org_words for p in f.split()):
        return True
    return is_country_word(tok.text)


def _caps_surname(tok: Token) -> bool:
    """"KOBAYASHI Hiroshi": an all-capitals family name next to a capitalised given name."""
    t = tok.text
    if not (t.isalpha() and t.isupper() and len(t) >= 4):
        return False
    f = fold(t)
    L = lexicon.titles()
    if f in L.org_words or f in L.heads or token_country(t.title()):
        return False
    doc = tok.doc
    for n in (tok.i - 1, tok.i + 1):
        if 0 <= n < len(doc) and doc[n].text[:1].isupper() and doc[n].text[1:].islower() and doc[n].is_alpha:
            return True
    return False


def _hyphen_in_name(tok: Token) -> bool:
    """The '-' of 'Tane-Holloway' (no spaces around it, capitalised words on both sides)."""
    doc = tok.doc
    return tok.text in ("-", "‐") and tok.i > 0 and tok.i + 1 < len(doc) and not doc[tok.i - 1].whitespace_ \
        and not tok.whitespace_ and doc[tok.i - 1].text[:1].isupper() and (
            doc[tok.i + 1].text[:1].isupper() or _name_syllable(doc[tok.i + 1]))


def _after_name_word(tok: Token) -> bool:
    """The token before tok is a capitalised word that can end a name ("Abdullah" in "Abdullah II")."""
    if tok.i == 0:
        return False
    prev = tok.doc[tok.i - 1]
    f = fold(prev.text)
    L = lexicon.titles()
    return prev.is_alpha and prev.text[:1].isupper() and not prev.text.isupper() and f not in L.heads \
        and f not in L.ranks and f not in L.org_words and f not in STOP_NAME_WORDS


def _regnal_numeral(tok: Token) -> bool:
    """The ordinal of a monarch or pope: "Abdullah II", "Charles III" (not the acronym it looks like)."""
    return tok.text in lexicon.person_words()["regnal_numerals"] and _after_name_word(tok)


def _generational(tok: Token) -> bool:
    """"Jr." / "Sr." right after a name: part of the name, not an honorific ("Marcos Jr.")."""
    return tok.text in ("Jr.", "Jr", "Sr.", "Sr") and tok.i > 0 and (
        _after_name_word(tok) or tok.doc[tok.i - 1].text in ('"', "”", "'"))


def _name_syllable(tok: Token) -> bool:
    """The lower-case second syllable of a hyphenated given name: "cheol" in "Koo Yun-cheol"."""
    doc = tok.doc
    i = tok.i
    if not (tok.is_alpha and tok.text.islower() and len(tok.text) <= 6 and i >= 3):
        return False
    hyph, left, before = doc[i - 1], doc[i - 2], doc[i - 3]
    if hyph.text not in ("-", "‐") or hyph.whitespace_ or left.whitespace_ or not left.is_alpha:
        return False
    if not (left.text[:1].isupper() and not left.text.isupper()) or is_vocab(left):
        return False
    f = fold(tok.text)
    L = lexicon.titles()
    if f in L.heads or f in L.ranks or f in L.org_words:
        return False
    return before.is_alpha and before.text[:1].isupper() and not is_vocab(before)


def _not_a_name_word(f: str) -> bool:
    """Capitalised words that are never part of a person's name: platforms and brands
    ("WhatsApp"), and the verbs of Title Case headlines ("Biden Addresses Parliament")."""
    W = lexicon.person_words()
    return f in W["non_person_words"] or f in W["headline_verbs"]


def is_name_token(tok: Token) -> bool:
    if _hyphen_in_name(tok) or _caps_surname(tok) or _regnal_numeral(tok) or _generational(tok) \
            or _name_syllable(tok):
        return True
    if not is_cap(tok) or tok.like_num:
        return False
    f = fold(tok.text)
    if not f or f in STOP_NAME_WORDS or f in lexicon.titles().honorifics or _not_a_name_word(f):
        return False
    line_start = tok.i == 0 or "\n" in tok.doc[tok.i - 1].text
    if (tok.is_sent_start or line_start) and tok.pos_ in ("VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ",
                                                          "ADV", "ADJ"):
        return False
    if re.fullmatch(r"[A-Z]\.", tok.text) or (re.fullmatch(r"[A-Z]\.[A-Z]\.", tok.text)
                                               and not token_country(tok.text) and not lexicon.find_org(tok.text)):
        return True  # initials: "S. Jaishankar", "Ferdinand R. Marcos", "Justin P.J. Trudeau"
    if tok.text.isupper() and len(tok.text) > 1:
        return False  # an acronym
    return not is_vocab(tok) and any(c.isalpha() for c in tok.text)


def is_connector(tok: Token) -> bool:
    """Lower-case words allowed inside a title ('of', 'for', 'to'); 'To' in a name is not one."""
    return tok.text in lexicon.titles().connectors or tok.text in {"(", ")"}


def is_honorific(tok: Token) -> bool:
    return fold(tok.text) in lexicon.titles().honorifics


def is_head(tok: Token) -> bool:
    f = fold(tok.text)
    L = lexicon.titles()
    if _title_abbreviation(tok):
        return True
    return f in L.heads or any(p in L.heads for p in f.split() if "-" in tok.text)


def _title_abbreviation(tok: Token) -> bool:
    """"PM", "FM", "DPM", "Gov.": a short title written before a name (capitalised as printed)."""
    return tok.text[:1].isupper() and fold(tok.text) in lexicon.person_words()["title_abbreviations"] \
        and (tok.text.isupper() or tok.text.endswith("."))


def expand_abbreviations(title: str) -> str:
    """"British PM" -> "British Prime Minister"."""
    table = lexicon.person_words()["title_abbreviations"]
    words = title.split()
    return " ".join(table.get(fold(w), w) if (w.isupper() or w.endswith(".")) and fold(w) in table else w
                    for w in words)


# ---------------------------------------------------------------- runs

def runs(sent: Span) -> list[tuple[int, int]]:
    """Maximal stretches of capitalised words with the connectors allowed inside titles."""
    out, i, end = [], sent.start, sent.end
    doc = sent.doc
    while i < end:
        if not (is_cap(doc[i]) or is_honorific(doc[i]) or is_head(doc[i])):
            i += 1
            continue
        j = i
        while j < end:
            tok = doc[j]
            if "\n" in tok.text:
                break
            if is_cap(tok) or is_honorific(tok) or (is_head(tok) and not tok.is_punct) or _hyphen_in_name(tok) \
                    or _name_syllable(tok):
                j += 1
            elif tok.text == "(" and j + 2 < end and doc[j + 2].text == ")":
                j += 3
            elif j > i and _nickname_end(doc, j, end):
                j = _nickname_end(doc, j, end)
            elif is_connector(tok) and j + 1 < end and (is_cap(doc[j + 1]) or is_head(doc[j + 1]) or doc[j + 1].text == "("
                                                         or doc[j + 1].lower_ in ("the", "its")):
                j += 1
            elif tok.lower_ in NAME_PARTICLES and j + 1 < end and (is_cap(doc[j + 1]) or (
                    doc[j + 1].lower_ in NAME_PARTICLES and j + 2 < end and is_cap(doc[j + 2]))):
                j += 1  # "de Silva", "von der Leyen"
            else:
                break
        while j > i and is_connector(doc[j - 1]) and doc[j - 1].text != ")":
            j -= 1
        if j > i:
            out.append((i, j))
        i = max(j, i + 1)
    return out


OPEN_QUOTES = ('"', "“", "'", "‘")
CLOSE_QUOTES = ('"', "”", "'", "’")


def _nickname_end(doc: Doc, i: int, end: int) -> int:
    """End of a quoted nickname inside a name ('Ferdinand "Bongbong" Marcos'), else 0: an opening
    quote after a name word, one or two capitalised words, a closing quote, a capitalised word."""
    if doc[i].text not in OPEN_QUOTES or i == 0 or not is_name_token(doc[i - 1]):
        return 0
    for n in (1, 2):
        c = i + n + 1
        if c + 1 < end and doc[c].text in CLOSE_QUOTES and all(is_cap(t) and t.is_alpha for t in doc[i + 1:c]) \
                and is_name_token(doc[c + 1]):
            return c + 1
    return 0


def _country_given_name(doc: Doc, j: int, start: int, k: int, end: int) -> bool:
    """A country's name used as a given name right after a title: "Prime Minister Georgia Meloni"."""
    tok = doc[j]
    if k >= end or k != j + 1 or not is_name_token(doc[k]) or not token_country(tok.text) or not tok.is_alpha:
        return False
    return j - 1 >= start and (is_head(doc[j - 1]) or is_honorific(doc[j - 1]))


def _title_word_given_name(doc: Doc, j: int, start: int, k: int, end: int) -> bool:
    """A title word that is also a given name, right after another title: "Foreign Minister Sultan X"."""
    tok = doc[j]
    if k >= end or k != j + 1 or not tok.is_alpha or not tok.text.istitle():
        return False
    if fold(tok.text) not in lexicon.person_words()["given_name_titles"]:
        return False
    return j - 1 >= start and is_head(doc[j - 1]) and not is_head(doc[k])


def _name_suffix(doc: Doc, start: int, end: int) -> int:
    """Index where the person's name begins at the end of doc[start:end] (== end if none)."""
    j = end - 1
    k = end
    while j >= start:
        tok = doc[j]
        if j - 1 >= start and _is_place_pair(doc, j - 1):
            break  # "Viet Nam", "Ha Noi", "New Zealand" end the name
        if tok.text in CLOSE_QUOTES and k < end and j - 1 > start and _nickname_end(doc, j - 2, end) == j + 1:
            k = j - 2  # 'Ferdinand "Bongbong" Marcos'
            j -= 3
            continue
        if tok.text in CLOSE_QUOTES and k < end and j - 2 > start and _nickname_end(doc, j - 3, end) == j + 1:
            k = j - 3
            j -= 4
            continue
        if is_name_token(tok) or (tok.lower_ in NAME_PARTICLES and k < end) or (_hyphen_in_name(tok) and k < end) \
                or _country_given_name(doc, j, start, k, end) or _title_word_given_name(doc, j, start, k, end):
            k = j
        elif j == end - 1 and j - 1 >= start and is_cap(tok) and not is_honorific(tok) \
                and is_name_token(doc[j - 1]) and not tok.text.isupper() and fold(tok.text) not in lexicon.titles().heads:
            k = j  # a surname that is also an office word: "Samantha Power"
        else:
            break
        if end - j >= MAX_NAME_TOKENS:
            break
        j -= 1
    while k < end and doc[k].text in NAME_PARTICLES:  # lower-case particles do not start a name
        k += 1
    return k


def _is_place_pair(doc: Doc, i: int) -> bool:
    """doc[i:i+2] names a country or a city ("Viet Nam", "Ha Noi")."""
    if not (is_cap(doc[i]) and is_cap(doc[i + 1])):
        return False
    text = doc[i:i + 2].text
    p = _places()
    return bool(p.country_code(text) or p.lookup_place(text))


def _title_start(doc: Doc, start: int, name_start: int) -> int:
    """Where the title before a name begins: walk back over title words and connectors.
    "the Prime Minister and NAME": a title before 'and' is another person's, not NAME's."""
    if name_start - 1 >= start and doc[name_start - 1].lower_ in ("and", "&"):
        return name_start
    j = name_start - 1
    while j >= start and is_honorific(doc[j]):
        j -= 1
    k = j + 1
    while j >= start:
        tok = doc[j]
        if _generational(tok) or _regnal_numeral(tok):
            break  # the end of the name before: "Castillo Jr. and Japanese Prime Minister X"
        if j - 1 >= start and _is_place_pair(doc, j - 1):
            k = j - 1  # "Ambassador to Viet Nam"
            j -= 2
            continue
        if is_vocab(tok) or is_connector(tok) or tok.text.endswith(("'s", "’s")) or tok.text in ("'s", "’s") \
                or (tok.text == ")" or tok.text == "("):
            k = j
            j -= 1
        elif is_cap(tok) and j + 1 < name_start and (is_vocab(doc[j + 1]) or doc[j + 1].text in ("-", "–")
                                                     or doc[j + 1].lower_ == "of") \
                and doc[j + 1].text not in ("and", "&") and j - 1 >= start \
                and (is_vocab(doc[j - 1]) or (is_connector(doc[j - 1]) and j - 2 >= start
                                              and (is_vocab(doc[j - 2]) or is_connector(doc[j - 2])))):
            k = j  # an unknown capitalised word inside an office name ("Indo-Pacific", "the Horn of Africa")
            j -= 1
        else:
            break
    while k < name_start and (is_connector(doc[k]) and doc[k].lower_ not in ("(",)) and not doc[k].text.endswith("'s"):
        k += 1
    return k


def clean_title(doc: Doc, start: int, end: int) -> str:
    """The title text without trailing honorifics, parentheses and dangling connectors."""
    while end > start and ((is_honorific(doc[end - 1]) and not doc[end - 2].text.endswith("-"))
                           or doc[end - 1].text in ("(", ")", ",")
                           or doc[end - 1].lower_ in ("and", "of", "the", "for")):
        if doc[end - 1].text == ")":
            # drop a parenthesised acronym "(USAID)"
            k = end - 1
            while k > start and doc[k].text != "(":
                k -= 1
            end = k
            continue
        end -= 1
    closes = [i for i in range(start, end) if doc[i].text == ")"]
    if closes and not any(doc[i].text == "(" for i in range(start, closes[-1])):
        start = closes[-1] + 1  # "(VNA) – Deputy Prime Minister": the dateline's tail is no title
    while start < end and (doc[start].lower_ in ("the", "and", "of", "a", "an", "&") or doc[start].is_punct):
        start += 1
    if start >= end:
        return ""
    text = expand_abbreviations(doc[start:end].text.replace("’", "'"))
    text = re.sub(r"\s*\(\s*[A-Z][A-Za-z.]*\s*\)", "", text)
    text = re.sub(r"^[^(]*\)", "", text)  # the tail of a parenthesis opened before the title
    prev = None
    while prev != text:
        prev, text = text, re.sub(r"^[\s,;:()\-–—]+|^(?:and|the|of)\s+", "", text)
    return text.strip(" ,")


def _split_titles(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Split "Secretary of X and Chairman of Y" into its titles (at 'and' before a head/rank)."""
    L = lexicon.titles()
    parts, s = [], start
    for j in range(start, end):
        if doc[j].lower_ == "and" and j + 1 < end and (fold(doc[j + 1].text) in L.heads or fold(doc[j + 1].text) in L.ranks):
            parts.append((s, j))
            s = j + 1
    parts.append((s, end))
    return [(a, b) for a, b in parts if b > a]


def _skip_honorifics(doc: Doc, i: int, end: int) -> int:
    """The first index at or after i that is not an honorific ("Smt.", "H.E. Mr.") or its full stop."""
    while i < end and (is_honorific(doc[i]) or (doc[i].text == "." and is_honorific(doc[i - 1]))):
        i += 1
    return i


def _add_titles(hit: NameHit, doc: Doc, start: int, end: int) -> None:
    """Give a name the titles written in doc[start:end] ("Secretary of X and Chairman of Y")."""
    for a, b in _split_titles(doc, start, end):
        t = clean_title(doc, a, b)
        if t:
            hit.titles.append(t)
            hit.title_spans.append((a, b))


def _has_head(doc: Doc, start: int, end: int) -> bool:
    return any(is_head(doc[j]) for j in range(start, end))


def title_anchored(sent: Span) -> list[NameHit]:
    """Names that follow a title inside a capitalised run, coordination included."""
    doc = sent.doc
    hits: list[NameHit] = []
    for rs, re_ in runs(sent):
        end = re_
        pending: list[NameHit] = []
        linked = True  # only "and", "," or "&" lie between this name and the one after it
        while end > rs:
            gap = end
            while end > rs and not is_name_token(doc[end - 1]):
                end -= 1
            if end <= rs:
                break
            if gap != re_ and any(doc[g].lower_ not in ("and", ",", "&") for g in range(end, gap)):
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
            while end > rs and doc[end - 1].lower_ in ("and", ",", "&"):
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
        plural = any(fold(doc[j].text) in lexicon.titles().plural_heads or doc[j].text.endswith("s")
                     and fold(doc[j].text)[:-1] in lexicon.titles().heads
                     for h in titled for a, b in h.title_spans for j in range(a, b))
        for h in pending:
            if not h.titles and (h.end - h.start) >= 2 and h.source != "honorific" and h.linked:
                h.source = "coordination"
                if plural:
                    h.titles = [singular_title(t) for t in titled[-1].titles]
                    h.title_spans = list(titled[-1].title_spans)
                hits.append(h)
    return hits


def _names_an_office(doc: Doc, end: int, run_end: int) -> bool:
    """The capitalised words before an office word of the same run name the office, not a person."""
    if end >= run_end:
        return False
    f = re.sub(r"'s$", "", fold(doc[end].text))
    return f in lexicon.titles().org_words and not token_country(doc[end].text)


def _keep_title_in_name(doc: Doc, hit: NameHit) -> None:
    """"Pope Francis": a one-word name after a title that is part of how the person is known."""
    if hit.end - hit.start == 1 and hit.start > 0 and \
            fold(doc[hit.start - 1].text) in lexicon.person_words()["titles_in_name"]:
        hit.start -= 1


def _after_personal_honorific(doc: Doc, i: int) -> bool:
    """doc[i] follows "Mr", "Mrs.", "Ms", "Madame" (a full stop after the honorific allowed)."""
    j = i - 1
    if j >= 0 and doc[j].text == ".":
        j -= 1
    return j >= 0 and fold(doc[j].text) in lexicon.person_words()["personal_honorifics"] and doc[i].is_alpha


def singular_title(title: str) -> str:
    """"Co-Chairs of the X" -> "Co-Chair of the X" for each of the coordinated persons."""
    words = title.split()
    L = lexicon.titles()
    for i, w in enumerate(words):
        f = fold(w)
        if f.endswith("s") and (f[:-1] in L.heads or f[:-1].replace("-", " ") in L.heads or f in L.plural_heads):
            words[i] = w[:-1]
            break
        if f.endswith("ies") and f[:-3] + "y" in L.heads:
            words[i] = w[:-3] + "y"
            break
    return " ".join(words)


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
        if j >= sent.end or not (is_cap(doc[j]) or is_head(doc[j]) or doc[j].text.endswith(("'s", "’s"))
                                 or _lower_title_word(doc[j])):
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


def _lower_title_word(tok: Token) -> bool:
    """A lower-case word that opens a wire apposition's title: "NAME, general secretary of ...",
    "NAME, the new foreign minister of ...", "NAME, the central bank governor"."""
    if not tok.is_alpha or not tok.text.islower():
        return False
    f = fold(tok.text)
    L = lexicon.titles()
    return f in L.heads or f in L.ranks or f in L.org_words or f in L.honorifics


def _posting_place_end(doc: Doc, end: int, limit: int) -> int:
    """"Consul General in Busan, NAME": the place of a posting after the title, up to the comma."""
    if end < limit and doc[end].lower_ in ("in", "at") and end > 0 and is_head(doc[end - 1]) or (
            end < limit and doc[end].lower_ in ("in", "at") and end > 0 and is_honorific(doc[end - 1])):
        m = end + 1
        while m < limit and is_cap(doc[m]) and m - end <= 3:
            m += 1
        if m > end + 1 and m < limit and doc[m].text == ",":
            return m
    return end


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
        if not any(fold(doc[j].text) in L.plural_heads for j in range(a, b)):
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


def title_then_name(sent: Span) -> list[NameHit]:
    """"the President of India, Smt. Droupadi Murmu, hosted": a title, a comma, then the name."""
    doc = sent.doc
    hits = []
    for rs, run_end in runs(sent):
        re_ = _posting_place_end(doc, run_end, sent.end)
        if re_ + 1 >= sent.end or doc[re_].text != "," or not _has_head(doc, rs, re_):
            continue
        ns = _name_suffix(doc, rs, re_)
        posting = re_ != run_end
        office_name = not posting and ns > rs and (doc[ns - 1].lower_ in ("of", "for") or is_vocab(doc[ns - 1]))
        if ns < re_ - 1 and not office_name and not posting:
            continue  # the run already ends with a name (not "Minister of Human Capital")
        j = _skip_honorifics(doc, re_ + 1, sent.end)
        k = j
        while k < sent.end and (is_name_token(doc[k]) or doc[k].lower_ in NAME_PARTICLES) and k - j < MAX_NAME_TOKENS:
            k += 1
        while k < sent.end and fold(doc[k].text) in ("jr", "sr") or (k < sent.end and doc[k].text in ("Jr.", "Sr.")):
            k += 1
        if k - j < 1 or (k < sent.end and is_cap(doc[k]) and doc[k].text not in ("Jr.", "Sr.")):
            continue
        if k - j == 1 and not _caps_surname(doc[j]) and not (k < sent.end and doc[k].text in (",", ".")):
            continue
        # the title's start, read back from the last title word: before a posting's place
        # ("Consul General in Busan") or the capitalised name of a ministry ("of Human Capital")
        ts = _title_start(doc, rs, ns if office_name else run_end)
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
        f = fold(doc[j].text)
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
    has_head = any(fold(doc[j].text) in L.heads for j in title)
    if not has_head and len(name) < 2:
        return []  # "MODERATOR:", "QUESTION:"
    hit = NameHit(name[0], name[-1] + 1, source="speaker")
    if title:
        words_t = [doc[j].text.title() if doc[j].text.lower() not in ("of", "the", "for", "and") else doc[j].text.lower()
                   for j in title if doc[j].text not in (",", ".")]
        hit.titles.append(" ".join(words_t))
        hit.title_spans.append((title[0], title[-1] + 1))
    return [hit]


def _is_credit(doc: Doc, h: NameHit) -> bool:
    """"Photo by NAME", "Online by NAME and NAME": a photo, byline or archive credit."""
    i, steps = h.start - 1, 0
    while i >= 0 and steps < 12 and doc[i].lower_ != "by":
        if doc[i].lower_ in ("and", ",", "&", ".") or is_cap(doc[i]):
            i -= 1
            steps += 1
        else:
            return False
    return i >= 1 and doc[i].lower_ == "by" and fold(doc[i - 1].text) in lexicon.person_words()["credit_words"]


def _after_source_cue(doc: Doc, h: NameHit) -> bool:
    """"a statement by NAME, the adviser ...", "according to spokesperson NAME": the name is the
    source of what is reported."""
    first = min([h.start] + [a for a, _ in h.title_spans])
    while first > 0 and doc[first - 1].lower_ in ("the", "a", "an") or (first > 0 and doc[first - 1].is_punct
                                                                          and doc[first - 1].text != ","):
        first -= 1
    before = " " + fold(doc[max(0, first - 3):first].text)
    return any(before.endswith(" " + cue) for cue in lexicon.person_words()["source_cues"])


def _is_spouse(doc: Doc, h: NameHit) -> bool:
    """"his spouse NAME", "First Lady NAME", "NAME, his wife": an accompanying spouse."""
    words = lexicon.person_words()["spouse_words"]
    before = [t for t in doc[max(0, h.start - 4):h.start] if t.text not in (",", "(")]
    for n in (1, 2):
        if len(before) >= n and fold(" ".join(t.text for t in before[-n:])) in words:
            return True
    after = [t for t in doc[h.end:h.end + 4] if t.text not in (",", "(") and t.lower_ not in ("his", "her", "the")]
    for n in (1, 2):
        if len(after) >= n and fold(" ".join(t.text for t in after[:n])) in words:
            return True
    return False


def _recalls_the_past(doc: Doc, h: NameHit) -> bool:
    """A cue right around the name and its title says it is recalled, not acting: "a tribute of
    NAME", "years ago, Prime Minister NAME", "the NAME mausoleum", "NAME's statue"."""
    first = min([h.start] + [a for a, _ in h.title_spans])
    sent = doc[h.start].sent
    a, b = max(sent.start, first - 4), min(sent.end, h.end + 3)
    window = " " + fold(doc[a:first].text) + " " + fold(doc[h.end:b].text) + " "
    return any(" " + cue + " " in window for cue in lexicon.person_words()["historical_cues"])


def _names_a_place(doc: Doc, h: NameHit) -> bool:
    """"in Addis Abeba", "at Rumah Tangsi", "the Ras El-Hekma region": an untitled name right after
    a place preposition or right before a word for a kind of place."""
    W = lexicon.person_words()
    if h.end < len(doc) and fold(doc[h.end].text) in W["place_nouns"]:
        return True
    return h.start > 0 and doc[h.start - 1].lower_ in W["locative_words"] and not (
        h.end < len(doc) and doc[h.end].text in ("'s", "’s"))


def _drop_places_and_relatives(entries: list[PersonEntry], hits_of: dict, doc: Doc, blocked: list) -> list[PersonEntry]:
    """Untitled names that are places ("in Addis Abeba") or relatives coordinated after the office
    holder ("the Prime Minister and NAME", sharing the holder's family name) are no persons."""
    families = {e.tokens[-1] for e in entries if e.titles and len(e.tokens) >= 2}
    # every place the untitled names occur, the namings no finder reported included; one pass,
    # a name looked up by its words at each capitalised token
    untitled = {tuple(e.tokens): [] for e in entries if not e.titles}
    lengths = {len(k) for k in untitled}
    for tok in doc:
        if tok.text[:1].isupper():
            for n in lengths:
                words = tuple(fold(doc[tok.i:tok.i + n].text).split())
                if words in untitled:
                    untitled[words].append(NameHit(tok.i, tok.i + n))
    keep = []
    for e in entries:
        hits = list(hits_of.get(id(e), [])) + untitled.get(tuple(e.tokens), [])
        drop = False
        if not e.titles and hits:
            if any(_names_a_place(doc, h) for h in hits):
                drop = True
            elif len(e.tokens) >= 2 and e.tokens[-1] in families and any(
                    h.start > 1 and doc[h.start - 1].lower_ in ("and", "&") and
                    (is_head(doc[h.start - 2]) or is_name_token(doc[h.start - 2])) for h in hits):
                drop = True
        if drop:
            blocked.extend(e.mentions)
        else:
            keep.append(e)
    return keep


def _near_same(a: list[str], b: list[str]) -> bool:
    """Names one typing slip apart ("Abiy Ahemd" / "Abiy Ahmed", "Kenyaata" / "Kenyatta"): same
    length, every word equal but one, that one long and at one edit (a swap counts one)."""
    if len(a) != len(b):
        return False
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    if min(len(x), len(y)) < 5 or abs(len(x) - len(y)) > 1:
        return False
    # a single substitution, insertion/deletion or swap of neighbours; written here, as no
    # dependency of the project offers a bounded edit distance
    if len(x) == len(y):
        d = [i for i in range(len(x)) if x[i] != y[i]]
        return len(d) == 1 or (len(d) == 2 and d[1] == d[0] + 1 and x[d[0]] == y[d[1]] and x[d[1]] == y[d[0]])
    short, long_ = sorted((x, y), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


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


def lone_surnames(doc: Doc, offset: int, entries: list[PersonEntry], allowed, blocked: list) -> list[PersonEntry]:
    """Persons the article names by a family name alone throughout ("Scholz urged Putin ..."):
    a proper noun the NER calls a person at least once and that recurs, or one that recurs
    coordinated with such a name ("Scholz and Putin agreed"). One pass over the tokens."""
    known = set()
    for e in entries:
        known.update(_short_forms(e.tokens, e.country))
        known.update(e.tokens)
    taken = [m for e in entries for m in e.mentions] + list(blocked)
    occ: dict[str, list] = {}
    seeds = set()
    quoted = _quoted_tokens(doc)
    for tok in doc:
        if not (tok.is_alpha and len(tok.text) >= 3 and tok.text[0].isupper() and not tok.text.isupper()
                and tok.pos_ == "PROPN"):
            continue
        f = fold(tok.text)
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
                if 0 <= j < len(doc) and doc[k].lower_ == "and" and fold(doc[j].text) in ok:
                    ok.add(f)
    out = []
    for f in sorted(ok, key=lambda w: occ[w][0].i):
        text = occ[f][0].text
        if places.lookup_place(text) is not None or places.country_code(text) or lexicon.find_org(text):
            continue
        e = PersonEntry(name=text, tokens=[f])
        e.mentions = [(t.idx + offset, t.idx + len(t.text) + offset) for t in occ[f]]
        out.append(e)
    return out


# ---------------------------------------------------------------- building persons

def _title_country(title: str) -> tuple[str | None, str | None, bool]:
    """(country, org name, international) a title names: "U.S. Secretary of State" -> USA."""
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
            c = token_country(phrase) if n == 1 else _places().country_code(re.sub(r"['’]s$", "", phrase))
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
    f = fold(title)
    for pattern, code in lexicon.triggers().get("title_countries", {}).items():
        if re.search(pattern, f):
            return code
    return None


def same_name(a: list[str], b: list[str]) -> bool:
    """Two folded token lists name the same person: equal, or the shorter (2+ words) inside the longer."""
    if a == b:
        return True
    small, big = sorted((a, b), key=len)
    return len(small) >= 2 and set(small) <= set(big)


FAMILY_FIRST = {"VNM", "CHN", "KOR", "PRK", "JPN", "KHM", "LAO", "THA", "MMR", "TWN", "HKG", "MNG"}


def name_core(tokens: list[str]) -> list[str]:
    """The words of a folded name a short form can be: initials, "Jr.", regnal numerals and
    particles aside ("luiz inacio lula da silva" -> luiz inacio lula silva)."""
    W = lexicon.person_words()
    numerals = {n.lower() for n in W["regnal_numerals"]}
    return [t for i, t in enumerate(tokens) if len(t) > 1 and t not in ("jr", "sr")
            and not (i > 0 and t in numerals) and t not in NAME_PARTICLES]  # "Xi Jinping" is no numeral


def _short_forms(tokens: list[str], country: str | None = None) -> set[str]:
    """The one-word forms a full name is shortened to: first and last words, initials and
    generational suffixes aside ("Ferdinand R. Marcos Jr." -> "Marcos"); with three or more
    words outside East Asian naming, the second-to-last too ("Claudia Sheinbaum Pardo")."""
    core = name_core(tokens)
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
    if not tok.is_alpha or len(tok.text) < 2 or tok.pos_ != "PROPN" or i == 0 or not is_head(doc[i - 1]):
        return False
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is None or not is_cap(nxt)


def _title_case_line(span: Span) -> bool:
    """A headline in Title Case, where capitals say nothing about names."""
    if span.text.rstrip().endswith((".", "?", "!", '"', "”")) or len(span) > 30:
        return False  # a sentence, not a headline
    words = [t for t in span if t.is_alpha and len(t) > 3]
    return len(words) >= 4 and sum(t.text[0].isupper() for t in words) / len(words) >= 0.7


def segments(doc: Doc) -> list[Span]:
    """Lines of the text: names are looked for per line, not per parsed sentence, because the
    parser sometimes ends a sentence inside a name after an initial ("Dr. S. Jaishankar")."""
    out, start = [], 0
    for tok in doc:
        if "\n" in tok.text:
            if tok.i > start:
                out.append(doc[start:tok.i])
            start = tok.i + 1
    if start < len(doc):
        out.append(doc[start:len(doc)])
    return out


def build_persons(doc: Doc, offset: int, allowed, blocked: list | None = None) -> list[PersonEntry]:
    """Persons of a parsed body; `offset` maps doc chars to input chars; `allowed(start)` says
    whether a char offset lies in the body and outside furniture. `blocked` receives the spans
    of names that are no persons here (spouses, credits, places), so that no later step
    attaches a short mention there."""
    blocked = [] if blocked is None else blocked
    hits: list[NameHit] = []
    for sent in segments(doc):
        found = speaker_label(sent) + title_anchored(sent) + appositions(sent) + title_then_name(sent)
        found += plural_list(sent, found)
        if _title_case_line(sent):
            found = [h for h in found if h.source in ("title", "apposition") and h.end - h.start >= 2]
        covered = {j for h in found for j in range(h.start, h.end)}
        for h in ([] if _title_case_line(sent) else ner_names(sent)):
            if not any(j in covered for j in range(h.start, h.end)):
                found.append(h)
        for h in found:
            if (not h.titles and _is_spouse(doc, h)) or _is_credit(doc, h):
                blocked.append((doc[h.start].idx + offset, doc[h.end - 1].idx + len(doc[h.end - 1].text) + offset))
            else:
                h.background = _recalls_the_past(doc, h)
                h.source_cue = _after_source_cue(doc, h)
                hits.append(h)
    hits = [h for h in hits if allowed(doc[h.start].idx + offset)
            and not any(s <= doc[h.start].idx + offset < e for s, e in blocked)]
    # merge names: longest first
    entries: list[PersonEntry] = []
    hits.sort(key=lambda h: -(h.end - h.start))
    seen_spans = set()
    hits_of: dict[int, list[NameHit]] = {}
    for h in hits:
        span = doc[h.start:h.end]
        toks = fold(span.text).split()
        if not toks:
            continue
        key = (span.start_char, span.end_char)
        entry = next((e for e in entries if same_name(toks, e.tokens)), None) \
            or next((e for e in entries if len(toks) >= 2 and _near_same(toks, e.tokens)), None)
        if entry is None and len(toks) == 1:
            # "President Tuan": a short name of someone named in full, else a person known by it
            cands = [e for e in entries if toks[0] in _short_forms(e.tokens, e.country) and len(e.tokens) >= 2] \
                or [e for e in entries if len(e.tokens) >= 2
                    and any(_near_same(toks, [f]) for f in _short_forms(e.tokens, e.country))]
            if cands:
                entry = max(cands, key=lambda e: max([m[0] for m in e.mentions if m[0] < span.start_char + offset],
                                                     default=-1))
            elif not ((h.titles and _lone_name_ok(doc, h.start)) or h.source in ("honorific", "speaker")):
                continue
        if entry is None:
            if not h.titles and (_places().lookup_place(span.text) is not None or _places().country_code(span.text)):
                continue  # "Kuala Lumpur" is a place
            entry = PersonEntry(name=span.text, tokens=toks, background=True, quoted_source=True)
            entries.append(entry)
        hits_of.setdefault(id(entry), []).append(h)
        entry.background = entry.background and h.background
        entry.quoted_source = entry.quoted_source and h.source_cue
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
        # a country word right before the name or its title ("Japan's", "U.S.")
        first = min([h.start] + [a for a, _ in h.title_spans])
        if first > 0:
            c = token_country(doc[first - 1].text)
            if c:
                entry.vote(c, 1.5)
    entries = _drop_places_and_relatives(entries, hits_of, doc, blocked)
    for e in entries:
        if e.background:  # a figure of the past, only recalled: no person of this article
            blocked.extend(e.mentions)
    entries = [e for e in entries if not e.background]
    entries.extend(lone_surnames(doc, offset, entries, allowed, blocked))
    return entries


def resolve_short_mentions(doc: Doc, offset: int, entries: list[PersonEntry], allowed, blocked=()) -> None:
    """Attach one-word mentions ("Son", "Blinken", "Giang") to the person they stand for;
    an ambiguous short name goes to the person mentioned most recently before it."""
    aliases: dict[str, list[PersonEntry]] = {}
    origins = lexicon.name_origins()
    for e in entries:
        if len(e.tokens) < 2:
            continue
        core = name_core(e.tokens)
        if not core:
            continue
        forms = {core[-1]}
        if origins.get(core[0]) in ("CHN", "KOR", "JPN"):
            forms.add(core[0])
        if len(core) >= 3 and e.country not in FAMILY_FIRST and origins.get(core[0]) not in FAMILY_FIRST:
            forms.add(core[-2])
        for f in forms:
            if len(f) >= 2:
                aliases.setdefault(f, []).append(e)
    taken = [m for e in entries for m in e.mentions] + list(blocked)

    def inside(a, b):
        return any(s <= a and b <= t for s, t in taken)

    for tok in doc:
        if not is_cap(tok) or tok.is_punct:
            continue
        f = fold(tok.text)
        f = re.sub(r"'s$", "", f)
        cands = aliases.get(f)
        if not cands:
            continue
        a, b = tok.idx + offset, tok.idx + len(tok.text) + offset
        if tok.text.endswith(("'s", "’s")):
            b -= 2
        if inside(a, b) or not allowed(a):
            continue
        # skip when the word is part of a longer capitalised name ("Son Tay")
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and is_name_token(nxt) and fold(nxt.text) not in aliases and nxt.idx == tok.idx + len(tok.text) + 1:
            continue
        if len(cands) == 1:
            person = cands[0]
        else:
            def last_before(e):
                prior = [s for s, _ in e.mentions if s < a]
                return max(prior) if prior else -1
            person = max(cands, key=last_before)
        person.mentions.append((a, b))
        taken.append((a, b))


def resolve_title_mentions(text: str, entries: list[PersonEntry], allowed, start: int, end: int) -> None:
    """"The Foreign Secretary also called on ...": a title used alone stands for the one person of
    the article who holds it."""
    owners: dict[str, set[int]] = {}
    for i, e in enumerate(entries):
        for t in e.titles:
            forms = {t}
            words = t.split()
            if words and token_country(words[0]):
                forms.add(" ".join(words[1:]))
            for f in forms:
                if f and _has_head_text(f):
                    owners.setdefault(f.lower(), set()).add(i)
    taken = [m for e in entries for m in e.mentions]
    for form, idxs in owners.items():
        if len(idxs) != 1:
            continue
        e = entries[next(iter(idxs))]
        rx = re.compile(r"\b[Tt]he\s+(" + re.escape(form) + r")\b(?!\s+[A-Z])", re.I)
        for m in rx.finditer(text, start, end):
            a, b = m.start(1), m.end(1)
            if not allowed(a) or any(s <= a < t for s, t in taken):
                continue
            e.mentions.append((a, b))
            e.title_mentions.add((a, b))
            taken.append((a, b))


def _has_head_text(title: str) -> bool:
    L = lexicon.titles()
    return any(fold(w) in L.heads for w in title.split())


def assign_countries(entries: list[PersonEntry], article_countries: set[str]) -> None:
    """Fill a missing country: from the list of widely reported office holders, then from the
    name's tradition when that country is named in the article."""
    origins = lexicon.name_origins()
    known = lexicon.known_officials()
    for e in entries:
        if e.country or e.intl or not e.tokens:
            continue
        hit = known.get(" ".join(e.tokens))
        if hit is None:
            hit = next((v for k, v in known.items() if same_name(k.split(), e.tokens)), None)
        if hit is not None:
            country, org = hit
            if country:
                e.vote(country, 1.0)
            elif org:
                e.intl = True
                e.org = e.org or org
            continue
        guess = origins.get(e.tokens[0])
        if guess and guess in article_countries:
            e.vote(guess, 0.5)


def to_persons(entries: list[PersonEntry], text: str) -> list[Person]:
    out = []
    for e in entries:
        e.mentions.sort()
        # the fullest name the article uses, as written
        names = [m for m in e.mentions if m not in e.title_mentions] or e.mentions
        best = max(names, key=lambda m: (len(fold(text[m[0]:m[1]]).split()), m[1] - m[0]))
        name = text[best[0]:best[1]]
        if name.isupper():
            name = name.title()  # a transcript's speaker label
        out.append(Person(name=name, country=None if e.intl else e.country, titles=e.titles,
                          org=e.org, mentions=sorted(set(e.mentions))))
    return out
