"""Loads the data files under communique/data once: title words, organisations, gatherings, triggers."""
from __future__ import annotations

import csv
import functools
import json
import re
from dataclasses import dataclass
from importlib import resources

from communique.text import name_key


def _data_path(name: str):
    return resources.files("communique") / "data" / name


def read_tsv(name: str) -> list[list[str]]:
    """Rows of a tab-separated data file, '#' comment lines skipped, cells stripped."""
    rows = []
    with _data_path(name).open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row or row[0].startswith("#"):
                continue
            rows.append([c.strip() for c in row])
    return rows


def read_json(name: str):
    with _data_path(name).open(encoding="utf-8") as fh:
        return json.load(fh)


@dataclass(frozen=True)
class Titles:
    heads: frozenset[str]          # single-token heads, folded
    head_phrases: tuple[tuple[str, ...], ...]  # multi-token heads, folded tokens
    ranks: frozenset[str]
    honorifics: frozenset[str]
    honorific_phrases: tuple[tuple[str, ...], ...]  # "tan sri", "datuk seri": folded words, apostrophes dropped
    title_phrases: tuple[tuple[str, ...], ...]  # "custodian of the two holy mosques": styles whose words are no name
    org_words: frozenset[str]
    connectors: frozenset[str]
    plural_heads: frozenset[str]


@functools.lru_cache(maxsize=1)
def titles() -> Titles:
    data = read_json("titles.json")
    heads, phrases = set(), []
    for h in data["heads"]:
        toks = tuple(name_key(h).split())
        if len(toks) == 1:
            heads.add(toks[0])
        elif toks:
            phrases.append(toks)
    plural = {h for h in heads if h.endswith("s") and h[:-1] in heads}
    return Titles(heads=frozenset(heads), head_phrases=tuple(phrases),
                  ranks=frozenset(name_key(r) for r in data["ranks"]),
                  honorifics=frozenset(name_key(h) for h in data["honorifics"]),
                  honorific_phrases=tuple(sorted({tuple(name_key(h).replace("'", "").split())
                                                  for h in data["honorifics"] if " " in h}, key=len, reverse=True)),
                  title_phrases=tuple(tuple(name_key(t).split()) for t in data.get("title_phrases", ())),
                  org_words=frozenset(name_key(w) for w in data["org_words"]),
                  connectors=frozenset(data["connectors"]), plural_heads=frozenset(plural))


@dataclass(frozen=True)
class Org:
    name: str
    aliases: tuple[str, ...]
    country: str | None
    kind: str


@functools.lru_cache(maxsize=1)
def orgs() -> tuple[Org, ...]:
    out = []
    for row in read_tsv("orgs.tsv"):
        row += [""] * (4 - len(row))
        name, aliases, country, kind = row[:4]
        out.append(Org(name, tuple(a for a in aliases.split("|") if a), country or None, kind))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def org_index() -> dict[str, Org]:
    """Folded name or alias -> Org (the leading 'the' dropped)."""
    index = {}
    for org in orgs():
        for n in (org.name, *org.aliases):
            key = name_key(re.sub(r"^the\s+", "", n, flags=re.I))
            index.setdefault(key, org)
    return index


@functools.lru_cache(maxsize=1)
def org_aliases_longest_first() -> tuple[str, ...]:
    """The folded names and aliases of org_index(), longest first ("International Republican
    Institute" is tried before "Institute")."""
    return tuple(sorted(org_index(), key=len, reverse=True))


def find_org(text: str) -> Org | None:
    """The organisation a phrase names, exactly (after folding), or None."""
    return org_index().get(name_key(re.sub(r"^the\s+", "", text.strip(), flags=re.I)))


@dataclass(frozen=True)
class Gathering:
    words: tuple[str, ...]
    org: str | None
    city: str | None
    country: str | None


@functools.lru_cache(maxsize=1)
def gatherings() -> tuple[Gathering, ...]:
    out = []
    for row in read_tsv("gatherings.tsv"):
        row += [""] * (4 - len(row))
        out.append(Gathering(tuple(name_key(row[0]).split()), row[1] or None, row[2] or None, row[3] or None))
    return tuple(out)


def find_gathering(phrase: str) -> Gathering | None:
    """The recurring gathering a phrase names ("the 80th UN General Assembly"), or None."""
    toks = set(name_key(phrase).split())
    best = None
    for g in gatherings():
        if set(g.words) <= toks and (best is None or len(g.words) > len(best.words)):
            best = g
    return best


@functools.lru_cache(maxsize=1)
def triggers() -> dict:
    return read_json("event_triggers.json")


@functools.lru_cache(maxsize=1)
def name_origins() -> dict[str, str]:
    """Folded family name -> ISO3 of the naming tradition it is typical of."""
    out = {}
    for row in read_tsv("name_origins.tsv"):
        country, names = row[0], row[1]
        for n in names.split():
            out.setdefault(name_key(n), country)
    return out


@functools.lru_cache(maxsize=1)
def known_officials() -> dict[str, tuple[str | None, str | None]]:
    """Folded name -> (ISO3 or None, organisation or None) of widely reported office holders."""
    out = {}
    for row in read_tsv("known_officials.tsv"):
        row += [""] * (3 - len(row))
        out[name_key(row[0])] = (row[1] or None, row[2] or None)
    return out


@functools.lru_cache(maxsize=1)
def person_words() -> dict:
    """Word lists that tell persons from other capitalised words (data/person_words.json)."""
    data = read_json("person_words.json")
    out = {k: v for k, v in data.items() if not k.startswith("_")}
    for key in ("titles_in_name", "personal_honorifics", "particles", "spouse_words", "credit_words",
                "past_cues_adjacent", "past_cues_near", "past_cues_after", "non_person_words", "headline_verbs", "clause_participles", "locative_words", "place_nouns", "given_name_titles", "source_cues",
                "leader_cues_before", "leader_cues_after", "relational_title_words", "given_name_styles",
                "styles_inside_names", "legislator_titles"):
        out[key] = frozenset(name_key(w) for w in out[key])
    out["regnal_numerals"] = frozenset(out["regnal_numerals"])
    out["source_titles"] = tuple(out["source_titles"])
    out["title_abbreviations"] = {name_key(k): v for k, v in out["title_abbreviations"].items()}
    return out
