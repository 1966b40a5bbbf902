"""Words that belong to a person's name though they look otherwise: a regnal numeral ("Abdullah
II"), "Jr.", the lower-case second part of a hyphenated given name ("Yun-cheol"), a quoted
nickname; and capitalised words that never do (brands, headline verbs)."""
from __future__ import annotations

import sys

from spacy.tokens import Doc, Token

from communique import lexicon
from communique.text import name_key


def _tokens():
    """persons.tokens, which imports this module (the token classes and these rules use each other)."""
    return sys.modules["communique.persons.tokens"]


def _after_name_word(tok: Token) -> bool:
    """The token before tok is a capitalised word that can end a name ("Abdullah" in "Abdullah II")."""
    if tok.i == 0:
        return False
    prev = tok.doc[tok.i - 1]
    f = name_key(prev.text)
    L = lexicon.titles()
    return prev.is_alpha and prev.text[:1].isupper() and not prev.text.isupper() and f not in L.heads \
        and f not in L.ranks and f not in L.org_words and f not in _tokens().STOP_NAME_WORDS


def _regnal_numeral(tok: Token) -> bool:
    """The ordinal of a monarch or pope: "Abdullah II", "Charles III" (not the acronym it looks like)."""
    return tok.text in lexicon.person_words()["regnal_numerals"] and _after_name_word(tok)


def _generational(tok: Token) -> bool:
    """"Jr." / "Sr." right after a name: part of the name, not an honorific ("Marcos Jr.")."""
    return tok.text in ("Jr.", "Jr", "Sr.", "Sr") and _after_name_word(tok)


def _name_syllable(tok: Token) -> bool:
    """The lower-case second part of a hyphenated given name: "cheol" in "Koo Yun-cheol"."""
    doc, i = tok.doc, tok.i
    if not (tok.is_alpha and tok.text.islower() and len(tok.text) <= 6 and i >= 3):
        return False
    hyph, left, before = doc[i - 1], doc[i - 2], doc[i - 3]
    if hyph.text not in ("-", "‐") or hyph.whitespace_ or left.whitespace_ or not left.is_alpha:
        return False
    if not (left.text[:1].isupper() and not left.text.isupper()) or _tokens()._vocab_text(left.text):
        return False
    f = name_key(tok.text)
    L = lexicon.titles()
    if f in L.heads or f in L.ranks or f in L.org_words:
        return False
    return before.is_alpha and before.text[:1].isupper() and (
        not _tokens()._vocab_text(before.text) or _tokens()._caps_surname(before))  # "LEE Jae-myung"


def _not_a_name_word(f: str) -> bool:
    """Capitalised words that are never part of a person's name: platforms and brands
    ("WhatsApp"), the verbs of Title Case headlines ("Biden Addresses Parliament") and the
    participles that open a sentence ("Meeting Wong, Chinh proposed")."""
    W = lexicon.person_words()
    return f in W["non_person_words"] or f in W["headline_verbs"] or f in W["clause_participles"]


OPEN_QUOTES = ('"', "“", "'", "‘")
CLOSE_QUOTES = ('"', "”", "'", "’")


def _nickname_end(doc: Doc, i: int, end: int) -> int:
    """End of a quoted nickname inside a name ('Ferdinand "Bongbong" Marcos'), else 0: an opening
    quote after a name word, one or two capitalised words, a closing quote, a capitalised word."""
    if doc[i].text not in OPEN_QUOTES or i == 0 or not _tokens().is_name_token(doc[i - 1]):
        return 0
    for n in (1, 2):
        c = i + n + 1
        if c + 1 < end and doc[c].text in CLOSE_QUOTES and all(_tokens().is_cap(t) and t.is_alpha for t in doc[i + 1:c]) \
                and _tokens().is_name_token(doc[c + 1]):
            return c + 1
    return 0


def _country_given_name(doc: Doc, j: int, start: int, k: int, end: int) -> bool:
    """A country's name used as a given name right after a title: "Prime Minister Georgia Meloni"."""
    T = _tokens()
    tok = doc[j]
    if k >= end or k != j + 1 or not T.is_name_token(doc[k]) or not tok.is_alpha or not T.token_country(tok.text):
        return False
    return j - 1 >= start and (T.is_head(doc[j - 1]) or T.is_honorific(doc[j - 1]))


def _title_word_given_name(doc: Doc, j: int, start: int, k: int, end: int) -> bool:
    """A title word that is also a given name, right after another title: "Foreign Minister Sultan X"."""
    T = _tokens()
    tok = doc[j]
    if k >= end or k != j + 1 or not tok.is_alpha or not tok.text.istitle():
        return False
    if name_key(tok.text) not in lexicon.person_words()["given_name_titles"]:
        return False
    return j - 1 >= start and T.is_head(doc[j - 1]) and not T.is_head(doc[k])


def expand_abbreviations(title: str) -> str:
    """"British PM" -> "British Prime Minister"."""
    table = lexicon.person_words()["title_abbreviations"]
    return " ".join(table[name_key(w)] if (w.isupper() or w.endswith(".")) and name_key(w) in table else w
                    for w in title.split())
