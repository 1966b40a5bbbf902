"""Token classes for names and titles (capitalised, name-like, title head, connector) and the
capitalised runs and lines names are looked for in."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from communique import lexicon
from communique.text import name_key


NAME_PARTICLES = {"van", "von", "de", "da", "dos", "das", "del", "der", "bin", "binti", "al", "el", "la", "le", "di", "ibn", "abu"}


MAX_NAME_TOKENS = 5


STOP_NAME_WORDS = {"the", "a", "an", "this", "that", "these", "those", "he", "she", "they", "it", "we", "i",
                   "both", "during", "after", "before", "at", "in", "on", "with", "and", "but", "meanwhile",
                   "additionally", "also", "photo", "source", "file", "video", "read", "see", "more", "latest",
                   "mr", "mrs", "ms", "dr", "his", "her", "their", "our", "its", "as", "for", "from", "by",
                   "january", "february", "march", "april", "may", "june", "july", "august", "september",
                   "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                   "saturday", "sunday", "today", "yesterday", "tomorrow", "prime", "minister", "deputy", "vice",
                   "former", "congress", "party", "committee", "state", "states", "united", "national"}


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
    f = name_key(tok.text)
    if not f:
        return tok.text in {"-", "–", "&", "(", ")"}
    if f in L.heads or f in L.ranks or f in L.org_words or f in L.honorifics:
        return True
    if tok.text.isupper() and len(tok.text) >= 2 and not tok.text.endswith("."):
        return True  # acronyms: USAID, NDI, UN
    if "-" in tok.text and any(p in L.heads or p in L.ranks or p in L.org_words for p in f.split()):
        return True
    return is_country_word(tok.text)


def _caps_surname(tok: Token) -> bool:
    """"KOBAYASHI Hiroshi": an all-capitals family name next to a capitalised given name."""
    t = tok.text
    if not (t.isalpha() and t.isupper() and len(t) >= 4):
        return False
    f = name_key(t)
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
        and not tok.whitespace_ and doc[tok.i - 1].text[:1].isupper() and doc[tok.i + 1].text[:1].isupper()


def is_name_token(tok: Token) -> bool:
    if _hyphen_in_name(tok) or _caps_surname(tok):
        return True
    if not is_cap(tok) or tok.like_num:
        return False
    f = name_key(tok.text)
    if not f or f in STOP_NAME_WORDS or f in lexicon.titles().honorifics:
        return False
    line_start = tok.i == 0 or "\n" in tok.doc[tok.i - 1].text
    if (tok.is_sent_start or line_start) and tok.pos_ in ("VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ",
                                                          "ADV", "ADJ"):
        return False
    if re.fullmatch(r"[A-Z]\.", tok.text):
        return True  # an initial: "S. Jaishankar", "Ferdinand R. Marcos"
    if tok.text.isupper() and len(tok.text) > 1:
        return False  # an acronym
    return not is_vocab(tok) and any(c.isalpha() for c in tok.text)


def is_connector(tok: Token) -> bool:
    """Lower-case words allowed inside a title ('of', 'for', 'to'); 'To' in a name is not one."""
    return tok.text in lexicon.titles().connectors or tok.text in {"(", ")"}


def is_honorific(tok: Token) -> bool:
    return name_key(tok.text) in lexicon.titles().honorifics


def is_head(tok: Token) -> bool:
    f = name_key(tok.text)
    L = lexicon.titles()
    return f in L.heads or any(p in L.heads for p in f.split() if "-" in tok.text)


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
            if is_cap(tok) or is_honorific(tok) or (is_head(tok) and not tok.is_punct) or _hyphen_in_name(tok):
                j += 1
            elif tok.text == "(" and j + 2 < end and doc[j + 2].text == ")":
                j += 3
            elif is_connector(tok) and j + 1 < end and (is_cap(doc[j + 1]) or is_head(doc[j + 1]) or doc[j + 1].text == "("
                                                         or doc[j + 1].lower_ in ("the", "its")):
                j += 1
            elif tok.lower_ in NAME_PARTICLES and j + 1 < end and is_cap(doc[j + 1]):
                j += 1
            else:
                break
        while j > i and is_connector(doc[j - 1]) and doc[j - 1].text != ")":
            j -= 1
        if j > i:
            out.append((i, j))
        i = max(j, i + 1)
    return out


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

