"""Token classes for names and titles (capitalised, name-like, title head, connector), read
once per doc into a TokenTable; the runs and lines names are looked for in are persons.runs."""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.attrs import ORTH, SPACY
from spacy.tokens import Doc, Span, Token

from communique import lexicon
from communique.persons.namewords import _generational, _name_syllable, _not_a_name_word, _regnal_numeral
from communique.text import name_key


NAME_PARTICLES = lexicon.person_words()["particles"]
PATRONYMIC_WORDS = frozenset(lexicon.person_words()["patronymic_particles"])  # "bin", "ibn": a parent's name follows


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


@lru_cache(maxsize=8192)  # small: a stream of novel words must not grow a worker
def token_country(text: str) -> str | None:
    """ISO3 for a country name, demonym or possessive token ('U.S.', 'Vietnamese', 'Japan's');
    bare ISO codes only where news writes them ('US', 'UK'), so 'FM' is not Micronesia.
    Cached: every capitalised token of every article asks."""
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
    return _vocab_text(tok.text) and not _regnal_numeral(tok)


def vocab_at(doc: Doc, i: int) -> bool:
    """is_vocab(doc[i]) from the doc's TokenTable: the Token is built only for a word that is
    both a title word and a regnal numeral ("II" reads as an acronym)."""
    tt = table(doc)
    return tt.vocab[i] and not (tt.text[i] in lexicon.person_words()["regnal_numerals"] and _regnal_numeral(doc[i]))


@lru_cache(maxsize=8192)  # small: a stream of novel words must not grow a worker
def _vocab_text(text: str) -> bool:
    L = lexicon.titles()
    f = name_key(text)
    if not f:
        return text in {"-", "–", "&", "(", ")"}
    if f in L.heads or f in L.ranks or f in L.org_words or f in L.honorifics:
        return True
    if text.isupper() and len(text) >= 2 and not text.endswith("."):
        return True  # acronyms: USAID, NDI, UN
    if text[:1].isupper() and text.endswith(".") and f in lexicon.person_words()["title_abbreviations"]:
        return True  # "Sen.", "Rep.", "Gov.": a short title before a name
    if "-" in text and any(p in L.heads or p in L.ranks or p in L.org_words for p in f.split()):
        return True
    return is_country_word(text)


def _caps_surname(tok: Token) -> bool:
    """"KOBAYASHI Hiroshi": an all-capitals family name next to a capitalised given name."""
    t = tok.text
    # "Mr. CHO Hyun", "H.E. Mr. LEE Jae-myung": a three-letter family name after an honorific (read from
    # the word itself: this runs while the doc's TokenTable is being built)
    short = len(t) == 3 and tok.i > 0 and _honorific_text(tok.doc[tok.i - 1].text)
    if not (t.isalpha() and t.isupper() and (len(t) >= 4 or short)):
        return False
    f = name_key(t)
    L = lexicon.titles()
    if f in L.org_words or f in L.heads or token_country(t.title()) or lexicon.find_org(t):
        return False  # "ECOWAS Commission", "NATO Secretary": an organisation's acronym
    doc = tok.doc
    for n in (tok.i - 1, tok.i + 1):
        if 0 <= n < len(doc) and doc[n].text[:1].isupper() and doc[n].text[1:].islower() and doc[n].is_alpha \
                and not _vocab_text(doc[n].text):
            return True
    # "Enrique A. MANALO": a given name and an initial before it
    return tok.i >= 2 and re.fullmatch(r"[A-Z]\.", doc[tok.i - 1].text) is not None \
        and doc[tok.i - 2].text.istitle() and doc[tok.i - 2].is_alpha and not _vocab_text(doc[tok.i - 2].text)


def _hyphen_in_name(tok: Token) -> bool:
    """The '-' of 'Tane-Holloway' or 'Yun-cheol' (no spaces around it, a capitalised word before
    it, a capitalised word or a given name's lower-case second part after it)."""
    doc = tok.doc
    i = tok.i
    return tok.text in ("-", "‐") and i > 0 and i + 1 < len(doc) and not doc[i - 1].whitespace_ \
        and not tok.whitespace_ and (doc[i - 1].text[:1].isupper() or (i >= 2 and _particle_before_hyphen(
            [doc[i - 2].text, doc[i - 1].text], [doc[i - 2].whitespace_, ""], 2))) \
        and (doc[i + 1].text[:1].isupper() or _name_syllable(doc[i + 1])) \
        and not is_country_word(doc[i - 1].text + tok.text + doc[i + 1].text)


def _particle_before_hyphen(text, ws, i: int) -> bool:
    """The '-' of 'Badr al-Busaidi' or 'Said el-Sisi': a lower-case name particle joined to it, right
    after a capitalised given name (so a sentence's 'al-' compound alone does not start a name)."""
    return i >= 2 and text[i - 1] in NAME_PARTICLES and bool(ws[i - 2]) and text[i - 2][:1].isupper() \
        and text[i - 2].isalpha()


def is_name_token(tok: Token) -> bool:
    """A word that can be part of a person's name (remembered per token of the doc)."""
    tt = table(tok.doc)
    got = tt.name.get(tok.i)
    if got is None:
        got = tt.name[tok.i] = _name_test(tok.doc, tok.i, tt, tok)
    return got


def name_at(doc: Doc, i: int) -> bool:
    """is_name_token(doc[i]) without building the Token when the answer is known."""
    tt = table(doc)
    got = tt.name.get(i)
    if got is None:
        got = tt.name[i] = _name_test(doc, i, tt)
    return got


_GENERATIONAL = ("Jr.", "Jr", "Sr.", "Sr")  # the words namewords._generational accepts


def _name_test(doc: Doc, i: int, tt: TokenTable, tok: Token | None = None) -> bool:
    """The rules of is_name_token, read from the doc's TokenTable: each rule that needs a Token
    (its entity, part of speech, the word before it) is tried only where the word's text allows
    it to hold, so most tokens are answered without building one. The rules are pure, so the
    order they are tried in does not change the answer."""
    text = tt.text[i]
    if tt.hyph[i] or tt.syl[i]:  # _hyphen_in_name, _name_syllable
        return True
    if (text.isalpha() and text.isupper() and (len(text) >= 4 or len(text) == 3 and i > 0 and tt.hon[i - 1])) \
            or text in _GENERATIONAL \
            or text in lexicon.person_words()["regnal_numerals"]:
        tok = doc[i] if tok is None else tok
        if _caps_surname(tok) or _regnal_numeral(tok) or _generational(tok):
            return True
    if tt.hon[i] or tt.phrase[i]:
        return False  # "Sri" of "Dato' Sri", "Holy Mosques" of a long title: a phrase's word, though a name alone
    if (text.isalpha() and text.isupper() and len(text) <= 2) or (i > 0 and is_country_word(text)):
        tok = doc[i] if tok is None else tok
        if _country_family_name(tok) or _bare_initials(tok):
            return True
    if not tt.cap[i] or not _name_text(text):
        return False
    if _inside_state_name(tt.text, i):
        return False  # "Arab" of "the President of the United Arab Emirates"
    tok = doc[i] if tok is None else tok
    if tok.like_num:
        return False
    line_start = i == 0 or "\n" in tt.text[i - 1]
    return not ((line_start or tok.is_sent_start) and tok.pos_ in ("VERB", "AUX", "ADP", "DET", "PRON", "CCONJ",
                                                                   "SCONJ", "ADV", "ADJ"))


def _inside_state_name(text: list[str], i: int) -> bool:
    """Whether text[i] is a word of a state's name of two to four capitalised words around it
    ("United Arab Emirates", "Dominican Republic", "Costa Rica"), which no name word is."""
    n = len(text)
    for size in (2, 3, 4):
        for a in range(max(0, i - size + 1), min(i, n - size) + 1):
            words = text[a:a + size]
            if all(w[:1].isupper() for w in words) and token_country(" ".join(words)):
                return True
    return False


def _bare_initials(tok: Token) -> bool:
    """Initials written without full stops before a name inside a PERSON entity of spaCy's:
    "JD Vance", "K P Sharma Oli" (not an acronym such as "PM", "US" or "UN")."""
    t = tok.text
    if not (t.isalpha() and t.isupper() and len(t) <= 2) or tok.ent_type_ != "PERSON" or tok.i + 1 >= len(tok.doc):
        return False
    nxt = tok.doc[tok.i + 1]
    if nxt.ent_type_ != "PERSON" or nxt.ent_iob_ != "I" or not (nxt.text.istitle() or _bare_initials(nxt)):
        return False
    f = name_key(t)
    return f not in lexicon.person_words()["title_abbreviations"] and not token_country(t) \
        and not lexicon.find_org(t) and f not in lexicon.titles().honorifics


def _country_family_name(tok: Token) -> bool:
    """A country's name as a family name: "Luís Montenegro", "Ana Jordan", inside a PERSON entity of
    spaCy's, after a given name that is no country or title word (the name rules alone read a
    country there, and lost the person)."""
    if tok.ent_type_ != "PERSON" or tok.ent_iob_ != "I" or tok.i == 0 or not is_country_word(tok.text):
        return False
    prev = tok.doc[tok.i - 1]
    return prev.ent_type_ == "PERSON" and prev.text[:1].isupper() and prev.is_alpha and _name_text(prev.text)


@lru_cache(maxsize=8192)  # small: a stream of novel words must not grow a worker
def _name_text(text: str) -> bool:
    """What the word alone says of a capitalised token that is none of the special name words
    above (the regnal numeral among them, so is_vocab is the title test of its text): no stop
    word, honorific or brand; initials are a name; an acronym or a title's word is not."""
    f = name_key(text)
    if re.fullmatch(r"[A-Z]\.", text):
        return True  # an initial: "Enrique A. Manalo" (the article "A" never takes a full stop)
    if not f or f in STOP_NAME_WORDS or f in lexicon.titles().honorifics or _not_a_name_word(f):
        return False
    if re.fullmatch(r"[A-Z]\.", text) or (re.fullmatch(r"[A-Z]\.[A-Z]\.", text)
                                          and not token_country(text) and not lexicon.find_org(text)):
        return True  # initials: "S. Jaishankar", "Ferdinand R. Marcos", "Justin P.J. Trudeau"
    if text.isupper() and len(text) > 1:
        return False  # an acronym
    return not _vocab_text(text) and any(c.isalpha() for c in text)


def is_connector(tok: Token) -> bool:
    """Lower-case words allowed inside a title ('of', 'for', 'to'); 'To' in a name is not one."""
    return tok.text in lexicon.titles().connectors or tok.text in {"(", ")"}


def is_honorific(tok: Token) -> bool:
    """A word between a title and a name that is no part of the name: alone ("Mr", "H.E.") or
    inside a phrase of them ("Tan Sri", "Dato' Sri"), as the doc's TokenTable marks it."""
    return table(tok.doc).hon[tok.i]


_APOSTROPHES = ("'", "\u2019")


def _phrase_words(text: list[str], keys: list[str], phrases, skip: tuple = ()) -> list[bool]:
    """Which words belong to one of `phrases` (tuples of folded words, the first that fits wins),
    matched only with all its words in a row from a capitalised first word; tokens in `skip` (an
    apostrophe the tokenizer split off "Dato'") are passed over inside a phrase. `keys` are the
    words' name_key, read once per doc."""
    out = [False] * len(text)
    if not phrases:
        return out
    firsts = {p[0] for p in phrases}
    for i, word in enumerate(text):
        if word[:1].isupper() and keys[i] in firsts:
            for phrase in phrases:
                j, ok = i, True
                for part in phrase:
                    while j < len(text) and text[j] in skip:
                        j += 1
                    if j >= len(text) or keys[j] != part:
                        ok = False
                        break
                    j += 1
                if ok:
                    for k in range(i, j):
                        out[k] = True
                    break
    return out


@lru_cache(maxsize=8192)  # small: a stream of novel words must not grow a worker
def _honorific_text(text: str) -> bool:
    return name_key(text) in lexicon.titles().honorifics


def is_head(tok: Token) -> bool:
    return _head_text(tok.text)


@lru_cache(maxsize=8192)  # small: a stream of novel words must not grow a worker
def _head_text(text: str) -> bool:
    f = name_key(text)
    L = lexicon.titles()
    if text[:1].isupper() and (text.isupper() or text.endswith(".")) and f in lexicon.person_words()["title_abbreviations"]:
        return True  # "PM", "FM", "DPM", "Gov.": a short title written before a name
    return f in L.heads or any(p in L.heads for p in f.split() if "-" in text)


_HYPHENS = ("-", "‐")


class _WordMemo:
    """What the token table reads of a word alone, by its orth id (see _word_classes): one dict
    look-up per token instead of a Token attribute read and a cached call per class. Kept for
    one vocab (an orth id and the punctuation flag are the vocab's) and bounded, so a stream of
    novel words does not grow a worker."""

    LIMIT = 16384  # like the text caches: a few MB at most

    def __init__(self):
        self.vocab = None
        self.words: dict[int, tuple] = {}

    def of(self, doc: Doc) -> list[tuple]:
        """The word classes of each token of `doc`, in order."""
        if doc.vocab is not self.vocab or len(self.words) > self.LIMIT:
            self.vocab, self.words = doc.vocab, {}
        words = self.words
        out = []
        for i, orth in enumerate(doc.to_array(ORTH).tolist()):
            w = words.get(orth)
            if w is None:
                w = words[orth] = _word_classes(doc[i])
            out.append(w)
        return out


def _word_classes(tok: Token) -> tuple:
    """(text, lower, is_punct, cap, honorific word, title head, connector, name_key, title or
    office word) of the token's word: what TokenTable holds per token, none of it per position."""
    text, punct = tok.text, tok.is_punct
    connectors = lexicon.titles().connectors
    return (text, text.lower(), punct, bool(text) and text[0].isupper() and not punct, _honorific_text(text),
            _head_text(text), text in connectors or text in ("(", ")"), name_key(text), _vocab_text(text))


_WORDS = _WordMemo()
_WHITESPACE = ("", " ")  # Token.whitespace_ by its SPACY flag


class TokenTable:
    """What the name rules ask of every token, read once per parsed doc: spaCy builds a new
    Token object at each `doc[i]`, and the runs below ask each token several times."""

    __slots__ = ("text", "ws", "lower", "punct", "cap", "hon", "head", "conn", "hyph", "syl", "runs", "ents", "name",
                 "phrase", "key", "vocab")

    def __init__(self, doc: Doc):
        words = _WORDS.of(doc)
        n = len(words)
        if n:
            text, lower, punct, cap, hon, head, conn, key, vocab = map(list, zip(*words))
        else:
            text, lower, punct, cap, hon, head, conn, key, vocab = [], [], [], [], [], [], [], [], []
        self.text, self.lower, self.punct, self.cap, self.head, self.conn = text, lower, punct, cap, head, conn
        self.key = key  # name_key of each token's text
        self.vocab = vocab  # _vocab_text of each token's text: is_vocab but for a regnal numeral (vocab_at)
        # the text of doc[i:j] is text[k] + ws[k] joined, the last ws left off
        self.ws = ws = [_WHITESPACE[s] for s in doc.to_array(SPACY).tolist()]
        L = lexicon.titles()
        # an honorific alone ("Mr") or a word of a phrase of them ("Tan Sri", "Dato' Sri": each word
        # alone may be a name, so the phrase counts only with all its words in a row)
        self.hon = [h or p for h, p in zip(hon, _phrase_words(text, key, L.honorific_phrases, _APOSTROPHES))]
        self.phrase = _phrase_words(text, key, L.title_phrases)  # "Custodian of the Two Holy Mosques": a style's words
        hyphens = [i for i, x in enumerate(text) if x in _HYPHENS]
        # the lower-case second part of a hyphenated given name ("Yun-cheol"), asked only after a hyphen
        self.syl = syl = [False] * n
        for h in hyphens:
            i = h + 1
            if i >= 3 and i < n and text[i].islower() and _name_syllable(doc[i]):
                syl[i] = True
        self.hyph = hyph = [False] * n
        for i in hyphens:
            x = text[i]
            hyph[i] = 0 < i < n - 1 and not ws[i - 1] and not ws[i] \
                and (text[i - 1][:1].isupper() or _particle_before_hyphen(text, ws, i)) \
                and (text[i + 1][:1].isupper() or syl[i + 1]) \
                and not is_country_word(text[i - 1] + x + text[i + 1])  # "Timor-Leste", "Guinea-Bissau"
        self.runs: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self.ents = tuple(doc.ents)  # Doc.ents builds new Spans at each call
        self.name: dict[int, bool] = {}  # is_name_token by token index, filled as asked


def span_text(tt: TokenTable, start: int, end: int) -> str:
    """doc[start:end].text (start < end) from the table: each word with the space after it, the
    last one's left off, as spaCy's Span.text joins them."""
    return "".join([tt.text[k] + tt.ws[k] for k in range(start, end - 1)]) + tt.text[end - 1]


def span_ents(span: Span) -> list[Span]:
    """`span.ents` (the entities wholly inside it, as spaCy's Span.ents gives them) from the
    doc's entities read once."""
    out = []
    for ent in table(span.doc).ents:
        if ent.start >= span.start:
            if ent.end <= span.end:
                out.append(ent)
            else:
                break
    return out


_TABLE = "communique.tokens"


def table(doc: Doc) -> TokenTable:
    """The doc's TokenTable, built at first use and kept with the doc."""
    t = doc.user_data.get(_TABLE)
    if t is None:
        t = doc.user_data[_TABLE] = TokenTable(doc)
    return t
