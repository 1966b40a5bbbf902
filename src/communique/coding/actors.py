"""Actors inside a phrase of the parse: states (names, demonyms, capitals, seats of government),
organisations, kinds of actor (troops, rebels, lawmakers) and the article's persons, each with
its ISO3 country and CAMEO sector."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Token

from communique import places
from communique.coding.vocabulary import deed_words, group_key, groups, institutions, sector_words
from communique.lexicon import org_index, titles
from communique.text import fold, name_key

MAX_NGRAM = 5
ORG_SECTORS = {"government": "GOV", "legislature": "LEG", "ngo": "NGO", "party": "PTY"}  # orgs.tsv kinds
# clauses inside a phrase say something else: "the minister, who visited Paris" is not Paris
SKIP_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "punct"})
# the head's own conjuncts are phrases of their own (the coder takes them one by one); conjoined
# modifiers stay ("Hungarian and Romanian officials")
HEAD_SKIP_DEPS = SKIP_DEPS | {"conj", "cc"}
ROMAN = re.compile(r"[ivx]+")


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
    homeland: bool = False  # a region or people inside a state ("Darfur", "Tigrayan"), no state itself
    pronoun: bool = False  # "he", "I", "us": someone the sentence points at and does not name
    unknown: bool = False  # a proper name no table knows ("Sadiq told Karim"): someone, of no known state

    @property
    def code(self) -> str:
        """The CAMEO actor code: country then sector ("RUSMIL"), "IGO"/"NGO" for organisations
        of no one state."""
        if not self.country and self.sector == "NGO":
            return "NGO"  # "a human rights group", "Amnesty International"
        if self.org and not self.country:
            return "IGO"
        return (self.country or "---") + (self.sector or "")


def pronoun_actors(heads: list[Token]) -> list[ActorRef]:
    """Personal pronouns among phrase heads as actors of their own ("I spoke to X", "he told me"):
    who they are is the article's discourse to say, not the sentence's; an event with no named
    party keeps their place."""
    from communique.frames.words import words

    personal = words()["coded_pronouns"]
    return [ActorRef(h.text, h.idx, h.idx + len(h.text), pronoun=True)
            for h in heads if h.pos_ == "PRON" and h.lower_ in personal]


NAME_KINDS = frozenset({"", "PERSON", "ORG", "GPE"})  # what spaCy takes an unknown name for


def unknown_names(heads: list[Token]) -> list[ActorRef]:
    """Phrase heads that are bare proper names of one or two words no table knows, as actors of
    their own: who speaks or meets with whom is worth keeping even when the small model takes
    the name for a place or a firm ("Sadiq told Karim", "Anas tells me")."""
    out = []
    for h in heads:
        toks = phrase_tokens(h)  # without its conjuncts: "Karim and Sadiq" are two
        if h.pos_ != "PROPN" or len(toks) > 2 or not all(t.pos_ == "PROPN" and t.text[:1].isupper()
                                                         and t.ent_type_ in NAME_KINDS for t in toks):
            continue  # "on Tuesday", "in May": a time, no one
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if all(a.start != start for a in out):  # a head reached twice (the verb's "with" and the pattern's)
            out.append(ActorRef(_words(toks), start, end, unknown=True))
    return out


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
    words = [(t.text, t.whitespace_, t.i) for t in tokens]  # each token's attributes read once
    pairs = [w[:2] for w in words]  # (text, whitespace): a window's _readings key is a slice of these
    starts = [t.idx for t in tokens]
    kinds = sector_words()
    for k in range(n):
        if words[k][2] in taken:
            continue
        tok = tokens[k]
        at = starts[k]
        person = next((p for p in persons if p[0] <= at < p[1]), None) if persons else None
        if person is not None:
            span_toks = [tokens[j] for j in range(k, n) if starts[j] < person[1]]
            taken.update(t.i for t in span_toks)
            obj = person[2]
            found.append(ActorRef(text=_words(span_toks), start=person[0], end=person[1],
                                  country=getattr(obj, "country", None), sector="GOV",
                                  org=getattr(obj, "org", None), person=obj))
            continue
        matched = _match_ngram(tokens, k, taken, words, pairs)
        if matched is not None:
            found.append(matched[0])
            taken.update(w[2] for w in words[k:k + matched[1]])
            continue
        if words[k][0][:1].isupper():
            code = demonym(words[k][0])
            if code:
                ethnic = tok.i > 0 and tok.doc[tok.i - 1].lower_ == "ethnic"
                if ethnic:  # "ethnic Albanians in Macedonia": a people where they live, not Albania
                    others = _states_named(tok.sent) - {code}
                    code = next(iter(others)) if len(others) == 1 else None
                found.append(ActorRef(tok.text, tok.idx, tok.idx + len(tok.text), country=code, homeland=ethnic))
                taken.add(tok.i)
                continue
        if words[k][0][:1].isupper() and (tok.ent_type_ == "NORP" or _may_be_place(tok) or tok.ent_type_ == "ORG"
                                       and tok.ent_iob_ == "B" and (k + 1 == n or tokens[k + 1].ent_iob_ != "I")):
            code = misspelt_state(tok.text)  # "Afganistan", "Ethopia": wire copy misspells
            if code:
                found.append(ActorRef(tok.text, tok.idx, tok.idx + len(tok.text), country=code))
                taken.add(tok.i)
                continue
        if words[k][0][:1].isupper() and tok.ent_type_ in PLACE_ENTITIES:
            continue  # "the West Bank" is no bank
        if lemmas is None:
            lemmas = [_lemma(t) for t in tokens]  # read once: each word is asked for in three windows
        for size in (3, 2, 1):
            key = tuple(lemmas[k:k + size])
            if key and key not in kinds and key[-1].endswith("s") and tok.pos_ == "PROPN":
                key = key[:-1] + (key[-1][:-1],)  # "Rebels shelled ...": spaCy keeps the plural
            if len(key) == size and key in kinds:
                if size == 1 and _describes_thing(tok):
                    break
                sectors.append((k + size - 1, kinds[key]))
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


def _describes_thing(tok: Token) -> bool:
    """A sector word used as an adjective of a deed, not of people: "a general strike", "military
    action", "a new military offensive" name no actor, where "military officials" do."""
    head = tok.head
    return tok.pos_ == "ADJ" and tok.dep_ == "amod" and head.pos_ == "NOUN" and _lemma(head) in deed_words()


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


def _homeland(key: tuple[str, ...]) -> str | None:
    """The state of a region or people (folded words), plural or not ("Chechens")."""
    table = homelands()
    code = table.get(" ".join(key))
    if code is None and len(key) == 1 and len(key[0]) > 4 and key[0].endswith("s"):
        code = table.get(key[0][:-1])
    return code


@functools.lru_cache(maxsize=1)
def homelands() -> dict[str, str]:
    """Folded name -> ISO3 of the regions and peoples that stand for a party of one state
    (data/actor_homelands.tsv)."""
    from communique.lexicon import read_tsv

    return {" ".join(fold(w) for w in row[0].split()): row[1] for row in read_tsv("actor_homelands.tsv")}


MISSPELT_MIN = 5  # shorter names are one letter from other names and words ("Iran", "Iraq")


@functools.lru_cache(maxsize=4096)
def misspelt_state(word: str) -> str | None:
    """The state a one-word name or demonym one edit away from its spelling stands for
    ("Afganistan", "Quatar's"), when that state is the only one that close; else None."""
    from rapidfuzz.distance import DamerauLevenshtein

    bare = word[:-2] if word.endswith(("'s", "’s")) else word
    key = fold(bare)
    if len(key) < MISSPELT_MIN or not key.isalpha():
        return None
    words = _state_words()
    if key in words:
        return words[key]
    near = {code for name, code in words.items()
            if abs(len(name) - len(key)) <= 1 and DamerauLevenshtein.distance(name, key, score_cutoff=1) <= 1}
    return next(iter(near)) if len(near) == 1 else None


@functools.lru_cache(maxsize=1)
def _state_words() -> dict[str, str]:
    """Folded one-word names, aliases and demonyms of states (MISSPELT_MIN letters or more)."""
    aliases, names, demonyms = places._country_tables()
    words = {**places._pycountry_names(), **{k: v for k, v in aliases.items() if v},
             **{fold(n): c for c, n in names.items()}, **demonyms}
    return {w: c for w, c in words.items() if " " not in w and len(w) >= MISSPELT_MIN and w.isalpha()}


def _words(tokens: list[Token]) -> str:
    """The text of consecutive tokens (spaCy's Doc.text rebuilds the whole document per call)."""
    return "".join(t.text_with_ws for t in tokens).rstrip()


def _match_ngram(tokens: list[Token], k: int, taken: set[int], words: list[tuple[str, str, int]],
                 pairs: list[tuple[str, str]]):
    """The longest place, organisation or seat of government starting at tokens[k]; `words`:
    each token's (text, whitespace, doc index), read once per phrase (a Token attribute read
    builds a new object, and the windows ask each word up to five times); `pairs`: the same
    without the index."""
    first = tokens[k]
    if not (words[k][0][:1].isupper() or first.lower_ == "the"):
        return None  # every window starts with this word: none can match
    for size in range(min(MAX_NGRAM, len(tokens) - k), 0, -1):
        window = words[k:k + size]
        if window[-1][2] - window[0][2] != size - 1 or any(w[2] in taken for w in window):
            continue
        got = _readings(tuple(pairs[k:k + size]))
        if got is None:
            continue
        text, institution, org, group, the_first, country, demonym_code, capital, place_country, home, office = got
        start, end = first.idx, tokens[k + size - 1].idx + len(window[-1][0])
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
        if home and not (k + size < len(tokens) and tokens[k + size].ent_iob_ == "I"
                         and tokens[k + size].ent_type_ not in PLACE_ENTITIES | {"NORP"}):
            return ActorRef(text, start, end, country=home, homeland=True), size  # "Darfur rebels"
        toks = tokens[k:k + size]
        if office and all(t.pos_ == "PROPN" and t.ent_type_ not in PLACE_ENTITIES for t in toks):
            code = _office_holder_state(text)  # "the Reagan administration": no PERSON to spaCy
            if code:
                return ActorRef(text, start, end, country=code, sector="GOV", implied=True), size
        if demonym_code:  # "Sri Lankan", "South Koreans"
            return ActorRef(text, start, end, country=demonym_code), size
        if size <= 3 and first.ent_type_ != "PERSON" and capital:
            return ActorRef(text, start, end, country=capital, sector="GOV", implied=True), size
        if size <= 4 and place_country and all(_may_be_place(t) for t in toks) \
                and (k + size == len(tokens) or not _may_be_place(tokens[k + size])
                     or tokens[k + size].ent_iob_ == "B"):
            return ActorRef(text, start, end, country=place_country), size  # "shelled Jericho": its state
    return None


@functools.lru_cache(maxsize=8192)  # small: a stream of novel names must not grow a worker
def _readings(words: tuple[tuple[str, str], ...]):
    """What the lexicons make of a window's (text, whitespace) words, in the order _match_ngram
    tries them: (text, institution, org, group, opens with 'the', country, demonym, capital, a
    place's country, the state of the region or people it names, whether all its words are of
    known office holders' names); None when only 'the' is left. A window opening with 'the' is
    only an institution, organisation or group (_match_ngram reads no further), so the rest is
    not looked up for it. Cached: the same names recur in every article, and each window costs
    a dozen lookups."""
    texts = [w for w, _ in words]
    text = "".join(w + ws for w, ws in words).rstrip()
    folded = [fold(w) for w in texts]
    key = tuple(f for w, f in zip(texts, folded) if w.lower() != "the")
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
    if texts[0].lower() == "the":
        return text, institution, org, group, True, None, None, None, None, None, False
    country = places.country_code(text) if _may_name_country(text) else None
    demonym_code = demonym(text) if len(texts) > 1 and all(w[:1].isupper() for w in texts) else None
    capital = places.capital_of(text) if len(texts) <= 3 else None
    place = places.lookup_place(text) if len(texts) <= 4 else None
    home = _homeland(tuple(folded))  # no "the" here
    office = all(w in _office_holder_words() for w in folded)
    return (text, institution, org, group, False, country, demonym_code, capital,
            place.country if place is not None else None, home, office)


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

    heads = titles().heads
    out = []
    spans = [ent for ent in doc_or_span.ents if ent.label_ == "PERSON"]
    spans += _office_holders_unnamed(doc_or_span, {t.i for e in spans for t in e})
    for ent in sorted(spans, key=lambda e: e.start):
        if demonym(ent[0].text) or demonym(ent[:2].text) \
                or places.country_code(ent.text) or group_key(ent.text) in groups() or fold(ent.text) in homelands():
            continue  # "Bosnian Serbs", "Sri Lankan", "Boko Haram" are no persons
        country = _office_holder_state(ent.text)
        titled = (ent.start > 0 and fold(ent.doc[ent.start - 1].text) in heads) or fold(ent[0].text) in heads
        out.append((ent.start_char, ent.end_char, SimpleNamespace(name=ent.text, country=country, org=None,
                                                                  titled=titled)))
    return out


def _office_holders_unnamed(doc_or_span, covered: set[int]) -> list:
    """Spans of known office holders that spaCy gives another label or none ("Blinken" as a GPE,
    "Le Drian" as an ORG): capitalised words, longest first, none a state's name or capital."""
    full, tail = _office_holders()
    known = _office_holder_words()
    tokens = list(doc_or_span)
    # words that may be part of a holder's name: capitalised, no acronym ("UN"), a listed word
    may = [t.text == "-" or (t.i not in covered and t.text[:1].isupper() and not t.text.isupper()
                             and fold(t.text) in known) for t in tokens]
    out, k = [], 0
    while k < len(tokens):
        if not may[k] or tokens[k].text == "-":
            k += 1
            continue
        run = 1
        while run < 4 and k + run < len(tokens) and may[k + run]:
            run += 1
        for size in range(run, 0, -1):
            window = tokens[k:k + size]
            if window[-1].text == "-":
                continue
            key = name_key(_words(window))
            states = tail.get(key)
            if not (key in full or states and len(states) == 1) or places.country_code(key) \
                    or places.capital_of(key) or demonym(window[0].text):
                continue
            if size == 1 and places.lookup_place(key) is not None:
                continue  # "Lagos", a city before Ricardo Lagos
            out.append(window[0].doc[window[0].i:window[-1].i + 1])
            k += size
            break
        else:
            k += 1
    return out


@functools.lru_cache(maxsize=1)
def _office_holder_words() -> frozenset[str]:
    """Every folded word of the known office holders' names."""
    full, _tail = _office_holders()
    return frozenset(w for key in full for w in key.split())


def _office_holder_state(name: str) -> str | None:
    """The state of a known office holder by full name or by the last words of it ("Bush",
    "al-Assad"), when those words name holders of one state only; None when unknown."""
    full, tail = _office_holders()
    key = name_key(name[:-2] if name.endswith(("'s", "’s")) else name)  # "Reagan's"
    if key in full:
        return full[key]
    states = tail.get(key)
    return next(iter(states)) if states and len(states) == 1 else None


@functools.lru_cache(maxsize=1)
def _office_holders() -> tuple[dict[str, str | None], dict[str, frozenset]]:
    """(name key -> ISO3, last words -> ISO3s) of the known office holders (known_officials.tsv,
    since 2016) and of the heads of state and government before them (actor_leaders.tsv)."""
    from communique.lexicon import known_officials, read_tsv

    full: dict[str, str | None] = {}
    tail: dict[str, set] = {}
    rows = [(key, c, "", key) for key, (c, _org) in known_officials().items()]
    rows += [(name_key(r[0]), r[1], r[2] if len(r) > 2 else "", r[0]) for r in read_tsv("actor_leaders.tsv")]
    for key, country, flag, raw in rows:
        if key in full:
            continue  # known_officials.tsv first: a holder's office now ("Mark Rutte", NATO)
        full[key] = country or None
        words = key.split()
        if flag == "full" or not country or "bin" in words or ROMAN.fullmatch(words[-1]):
            continue  # "Qaboos bin Said", "Hassan II": no surname to go by
        inside = _inside_hyphenated(raw)
        for k in range(1, len(words)):
            if k in inside:
                continue  # no "bak" of "Lee Myung-bak", no "Pierre Raffarin" of "Jean-Pierre Raffarin"
            if k < len(words) - 1 or len(words[k]) > 2:  # no "Un" of "Kim Jong Un"
                tail.setdefault(" ".join(words[k:]), set()).add(country)
    given = {key.split()[0] for key, *_rest in rows if " " in key}  # "Ibrahim" of "Ibrahim Babangida"
    return full, {k: frozenset(v) for k, v in tail.items() if k not in full and k not in given}


def _inside_hyphenated(name: str) -> set[int]:
    """Positions, among name_key(name)'s words, of the words a hyphen joins to a word before them
    that is no name particle: "Myung-bak" is one given name, while "al-Assad" gives "Assad"."""
    from communique.persons.tokens import NAME_PARTICLES

    inside, at = set(), 0
    for word in name.split():
        pieces = name_key(word).split()
        inside.update(at + j for j in range(1, len(pieces)) if pieces[j - 1] not in NAME_PARTICLES)
        at += len(pieces)
    return inside


def only_state(doc_or_span) -> str:
    """The one state a short text names (by name, demonym, capital or place), or "" when it names
    none or several: a titled person with no state of their own is most likely of that one."""
    states = _states_named(doc_or_span)
    return next(iter(states)) if len(states) == 1 else ""


def _states_named(doc_or_span) -> set[str]:
    """The states a text names by name, demonym, capital or place."""
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
    return states


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
                a.sector, a.implied = _sector_of(a, sector), False
        elif any(a.person is not None or a.start < tokens[pos].idx for a in found):
            continue  # "Hezbollah guerrillas": the group's own fighters
        elif after:  # "opposition groups in Zimbabwe", "security forces in Guinea"
            if after[0].org is None and (after[0].sector is None or after[0].implied):
                after[0].sector, after[0].implied = _sector_of(after[0], sector), False
                # the words are the groups', the state says whose: "counterparts in Paris"
                start = tokens[pos].idx
                after[0].text = _words([t for t in tokens if start <= t.idx < after[0].end])
                after[0].start = start
        else:
            tok = tokens[pos]
            start, end = tok.idx, tok.idx + len(tok.text)
            named = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
            if named:  # "one young girl, Islam,": the name is the actor's too
                end = max(end, max(t.idx + len(t.text) for t in named[0].subtree))
            last = out[-1] if out else None
            if last is not None and last.country is None and last.org is None and last.person is None \
                    and pos > 0 and tokens[pos - 1].idx == last.start and tokens[pos - 1].head.i == tok.i:
                out.pop()  # "government forces", "opposition activists": one group, the head word's kind
                start = last.start
            out.append(ActorRef(_words([t for t in tokens if start <= t.idx < end]), start, end, sector=sector))
    return sorted(out, key=lambda a: a.start)


def _sector_of(actor: ActorRef, sector: str) -> str:
    """The sector a kind-of-actor word gives an actor: the armed forces of a region or people
    are rebels, not its state's military ("Tigrayan forces")."""
    return "REB" if actor.homeland and sector == "MIL" else sector


def _index_of(tokens: list[Token], char: int) -> int | None:
    for k, t in enumerate(tokens):
        if t.idx <= char < t.idx + len(t.text) + 1:
            return k
    return None
