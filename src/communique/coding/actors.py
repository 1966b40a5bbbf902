"""Actors inside a phrase of the parse: states (names, demonyms, capitals, seats of government),
organisations, kinds of actor (troops, rebels, lawmakers) and the article's persons, each with
its ISO3 country and CAMEO sector."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Token

from communique import places
from communique.coding.vocabulary import group_key, groups, institutions, sector_words
from communique.lexicon import org_index, titles
from communique.text import fold

MAX_NGRAM = 5
ORG_SECTORS = {"government": "GOV", "legislature": "LEG", "ngo": "NGO", "party": "PTY"}  # orgs.tsv kinds
# clauses inside a phrase say something else: "the minister, who visited Paris" is not Paris
SKIP_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "punct"})
# the head's own conjuncts are phrases of their own (the coder takes them one by one); conjoined
# modifiers stay ("Hungarian and Romanian officials")
HEAD_SKIP_DEPS = SKIP_DEPS | {"conj", "cc"}


@dataclass
class ActorRef:
    """One actor of a coded event: the words, ISO3 country (None: unknown), CAMEO sector, org, person."""

    text: str
    start: int
    end: int
    country: str | None = None
    sector: str | None = None
    org: str | None = None
    person: object | None = None  # the article's person, when the actor is one
    implied: bool = False  # the sector comes with the name (a capital's GOV): a sector word overrides it

    @property
    def code(self) -> str:
        """The CAMEO actor code: country then sector ("RUSMIL"), "IGO..." for organisations."""
        if self.org and not self.country:
            return "IGO"
        return (self.country or "---") + (self.sector or "")


def phrase_tokens(head: Token) -> list[Token]:
    """The tokens of the phrase `head` heads, without the clauses attached to it, in order."""
    out, stack = [], [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        skip = HEAD_SKIP_DEPS if tok is head else SKIP_DEPS
        stack.extend(c for c in tok.children if c.dep_ not in skip or c.i < head.i and c.dep_ == "punct")
    return sorted(out, key=lambda t: t.i)


def _lemma(tok: Token) -> str:
    return (tok.lemma_ or tok.text).lower()


def find_actors(tokens: list[Token], persons=None) -> list[ActorRef]:
    """Actors named among `tokens` (one phrase), left to right. A sector word applies to the
    countries of its phrase that precede it ("Hungarian and Romanian officials": two GOV actors)."""
    if not tokens:
        return []
    persons = persons or []
    found: list[ActorRef] = []
    sectors: list[tuple[int, str]] = []
    taken: set[int] = set()
    lemmas = None
    n = len(tokens)
    for k in range(n):
        tok = tokens[k]
        if tok.i in taken:
            continue
        person = next((p for p in persons if p[0] <= tok.idx < p[1]), None)
        if person is not None:
            span_toks = [t for t in tokens[k:] if t.idx < person[1]]
            taken.update(t.i for t in span_toks)
            obj = person[2]
            found.append(ActorRef(text=_words(span_toks), start=person[0], end=person[1],
                                  country=getattr(obj, "country", None), sector="GOV",
                                  org=getattr(obj, "org", None), person=obj))
            continue
        matched = _match_ngram(tokens, k, taken)
        if matched is not None:
            found.append(matched[0])
            taken.update(t.i for t in tokens[k:k + matched[1]])
            continue
        if tok.text[:1].isupper():
            code = demonym(tok.text)
            if code:
                found.append(ActorRef(tok.text, tok.idx, tok.idx + len(tok.text), country=code))
                taken.add(tok.i)
                continue
        if tok.ent_type_ in PLACE_ENTITIES and tok.text[:1].isupper():
            continue  # "the West Bank" is no bank
        if lemmas is None:
            lemmas = [_lemma(t) for t in tokens]  # read once: each word is asked for in three windows
        for size in (3, 2, 1):
            words = tuple(lemmas[k:k + size])
            if words and words not in sector_words() and tok.pos_ == "PROPN" and words[-1].endswith("s"):
                words = words[:-1] + (words[-1][:-1],)  # "Rebels shelled ...": spaCy keeps the plural
            if len(words) == size and words in sector_words():
                sectors.append((k + size - 1, sector_words()[words]))
                taken.update(t.i for t in tokens[k:k + size])
                break
    people = [a for a in found if a.person is not None]
    if people:  # "Norwegian Foreign Minister X", "X of Norway": the words describe the person
        described = next((a.country for a in found if a.person is None and a.country), None)
        for a in people:
            a.country = a.country or described
        return people
    return _apply_sectors(found, sectors, tokens)


PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


def _may_be_place(tok: Token) -> bool:
    """A word that may be part of a place's name: a place entity, or a proper noun spaCy gave
    no other kind ("Aleppo" is sometimes a LANGUAGE to it)."""
    if tok.ent_type_ in PLACE_ENTITIES:
        return True
    return tok.pos_ == "PROPN" and tok.ent_type_ not in ("PERSON", "ORG", "NORP", "DATE", "TIME", "MONEY",
                                                         "CARDINAL", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT")


def demonym(word: str) -> str | None:
    """ISO3 of a demonym, its plural noun ("Palestinians", "Iraqis") or a possessive ("Japan's")."""
    code = places.demonym_code(word)
    if code is None and len(word) > 4 and word.endswith("s") and word[:1].isupper():
        code = places.demonym_code(word[:-1])
    return code


def _words(tokens: list[Token]) -> str:
    """The text of consecutive tokens (spaCy's Doc.text rebuilds the whole document per call)."""
    return "".join(t.text_with_ws for t in tokens).rstrip()


def _match_ngram(tokens: list[Token], k: int, taken: set[int]):
    """The longest place, organisation or seat of government starting at tokens[k]."""
    first = tokens[k]
    if not (first.text[:1].isupper() or first.lower_ == "the"):
        return None  # every window starts with this word: none can match
    for size in range(min(MAX_NGRAM, len(tokens) - k), 0, -1):
        window = tokens[k:k + size]
        if any(t.i in taken for t in window) or window[-1].i - window[0].i != size - 1:
            continue
        got = _readings(tuple((t.text, t.whitespace_) for t in window))
        if got is None:
            continue
        text, institution, org, group, the_first, country, demonym_code, capital, place_country = got
        start, end = window[0].idx, window[-1].idx + len(window[-1].text)
        if institution is not None:
            country, sector = institution
            return ActorRef(text, start, end, country=country, sector=sector), size
        if org is not None:
            return ActorRef(text, start, end, country=org.country, org=org.name,
                            sector=ORG_SECTORS.get(org.kind)), size
        if group is not None:
            country, sector = group
            return ActorRef(text, start, end, country=country or None, sector=sector or None, org=text), size
        if the_first:
            continue
        if country:
            return ActorRef(text, start, end, country=country), size
        if demonym_code:  # "Sri Lankan", "South Koreans"
            return ActorRef(text, start, end, country=demonym_code), size
        if size <= 3 and window[0].ent_type_ != "PERSON" and capital:
            return ActorRef(text, start, end, country=capital, sector="GOV", implied=True), size
        if size <= 4 and place_country and all(_may_be_place(t) for t in window) \
                and (k + size == len(tokens) or not _may_be_place(tokens[k + size])
                     or tokens[k + size].ent_iob_ == "B"):
            return ActorRef(text, start, end, country=place_country), size  # "shelled Jericho": its state
    return None


@functools.lru_cache(maxsize=8192)  # small: a stream of novel names must not grow a worker
def _readings(words: tuple[tuple[str, str], ...]):
    """What the lexicons make of a window's (text, whitespace) words, in the order _match_ngram
    tries them: (text, institution, org, group, opens with 'the', country, demonym, capital, a
    place's country); None when only 'the' is left. Cached: the same names recur in every
    article, and each window costs a dozen lookups."""
    texts = [w for w, _ in words]
    text = "".join(w + ws for w, ws in words).rstrip()
    key = tuple(fold(w) for w in texts if w.lower() != "the")
    if not key:
        return None
    institution = institutions().get(key)
    org = org_index().get(" ".join(key))
    if org is not None and not (len(key) > 1 or texts[-1].isupper() or len(texts[-1]) > 3):
        org = None
    gkey = group_key(text)
    if gkey and gkey[0] == "the":
        gkey = gkey[1:]
    group = groups()[gkey] if gkey in groups() else None
    country = places.country_code(text) if _may_name_country(text) else None
    demonym_code = demonym(text) if len(texts) > 1 and all(w[:1].isupper() for w in texts) else None
    capital = places.capital_of(text) if len(texts) <= 3 else None
    place = places.lookup_place(text) if len(texts) <= 4 else None
    return (text, institution, org, group, texts[0].lower() == "the", country, demonym_code, capital,
            place.country if place is not None else None)


# short capitals that do name states in news; any other two- or three-letter word is an
# abbreviation ("PM", "FM", "DPM"), never an ISO code standing for a country
SHORT_STATE_NAMES = frozenset({"US", "UK", "USA", "UAE", "PRC", "ROK", "RoK", "DPRK", "DRC", "KSA"})


def _may_name_country(text: str) -> bool:
    bare = text.replace(".", "")
    return len(bare) > 3 or bare in SHORT_STATE_NAMES


def persons_in(doc_or_span) -> list[tuple[int, int, object]]:
    """Persons spaCy finds in a text with no article around it, their states from the known
    office holders table: (start, end, person) spans for find_actors."""
    from types import SimpleNamespace

    known = _folded_officials()
    heads = titles().heads
    out = []
    for ent in doc_or_span.ents:
        if ent.label_ != "PERSON" or demonym(ent[0].text) or demonym(ent[:2].text) \
                or places.country_code(ent.text) or group_key(ent.text) in groups():
            continue  # "Bosnian Serbs", "Sri Lankan", "Boko Haram" are no persons
        country = None
        folded = fold(ent.text)
        for name, c in known:
            if folded == name or name.endswith(" " + folded):
                country = c
                break
        titled = (ent.start > 0 and fold(ent.doc[ent.start - 1].text) in heads) or fold(ent[0].text) in heads
        out.append((ent.start_char, ent.end_char, SimpleNamespace(name=ent.text, country=country, org=None,
                                                                  titled=titled)))
    return out


@functools.lru_cache(maxsize=1)
def _folded_officials() -> tuple[tuple[str, str | None], ...]:
    """(folded name, ISO3) of the known office holders, folded once."""
    from communique.lexicon import known_officials

    return tuple((fold(name), c) for name, (c, _org) in known_officials().items())


def only_state(doc_or_span) -> str:
    """The one state a short text names (by name, demonym, capital or place), or "" when it names
    none or several: a titled person with no state of their own is most likely of that one."""
    states = set()
    for tok in doc_or_span:
        if tok.ent_type_ in ("GPE", "NORP", "LOC") and tok.ent_iob_ == "B":
            ent = next((e for e in tok.doc.ents if e.start == tok.i), None)
            if ent is None:
                continue
            code = demonym(ent.text) or places.country_code(ent.text)
            if code is None:
                place = places.lookup_place(ent.text)
                code = place.country if place is not None else None
            if code:
                states.add(code)
    return next(iter(states)) if len(states) == 1 else ""


def _apply_sectors(found: list[ActorRef], sectors: list[tuple[int, str]], tokens: list[Token]) -> list[ActorRef]:
    if not sectors:
        return found
    out = list(found)
    for pos, sector in sectors:
        before = [a for a in found if a.person is None and a.org is None and (a.sector is None or a.implied)
                  and _index_of(tokens, a.start) is not None and _index_of(tokens, a.start) < pos]
        after = [a for a in found if a.person is None and a.start >= tokens[pos].idx]
        if before:
            for a in before:
                a.sector, a.implied = sector, False
        elif any(a.person is not None or a.start < tokens[pos].idx for a in found):
            continue  # "Hezbollah guerrillas": the group's own fighters
        elif after:  # "opposition groups in Zimbabwe", "security forces in Guinea"
            if after[0].org is None and (after[0].sector is None or after[0].implied):
                after[0].sector, after[0].implied = sector, False
        else:
            tok = tokens[pos]
            out.append(ActorRef(tok.text, tok.idx, tok.idx + len(tok.text), sector=sector))
    return sorted(out, key=lambda a: a.start)


def _index_of(tokens: list[Token], char: int) -> int | None:
    for k, t in enumerate(tokens):
        if t.idx <= char < t.idx + len(t.text) + 1:
            return k
    return None
