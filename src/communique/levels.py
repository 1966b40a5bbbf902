"""Rank of an office: `level_of(title)` maps a title to one of the ordered LEVELS.

The patterns live in data/levels.tsv (first match wins); this module holds the logic only.
The store's `min_level` filter and the role history of person identities use it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

#: Highest first. A ruling party's general secretary is coded "head-of-state" (the rank
#: such leaders hold in protocol); "party-leader" covers other party chairs and secretaries.
LEVELS = ["head-of-state", "head-of-government", "party-leader", "minister", "deputy-minister",
          "senior-official", "ambassador", "legislator", "official"]
_RANK = {name: i for i, name in enumerate(LEVELS)}


@dataclass(frozen=True)
class TitlePattern:
    """One row of data/levels.tsv."""

    regex: re.Pattern
    level: str
    canonical: str | None
    line: int


@lru_cache(maxsize=1)
def patterns() -> tuple[TitlePattern, ...]:
    """Load data/levels.tsv once; a bad row raises ValueError naming the file and line."""
    rows = []
    text = resources.files("communique.data").joinpath("levels.tsv").read_text(encoding="utf-8")
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = raw.split("\t")
        if len(cells) < 2 or cells[1] not in _RANK:
            raise ValueError(f"levels.tsv:{number}: expected 'pattern<TAB>level[<TAB>canonical]' "
                             f"with a level in {LEVELS}")
        try:
            regex = re.compile(rf"(?<![\w-])(?:{cells[0]})(?![\w-])", re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"levels.tsv:{number}: bad pattern: {exc}") from None
        canonical = cells[2].strip() if len(cells) > 2 and cells[2].strip() else None
        rows.append(TitlePattern(regex, cells[1], canonical, number))
    return tuple(rows)


def _match(title: str | None) -> TitlePattern | None:
    if not title or not title.strip():
        return None
    for row in patterns():
        if row.regex.search(title):
            return row
    return None


@lru_cache(maxsize=65536)  # titles repeat across a corpus; the rebuild asks for the same ones often
def level_of(title: str | None) -> str | None:
    """The level of a title ("Deputy Foreign Minister" -> "deputy-minister"), None if unknown."""
    row = _match(title)
    return row.level if row else None


@lru_cache(maxsize=65536)
def canonical_title(title: str | None) -> str | None:
    """A title's canonical office name ("FM" -> "Minister of Foreign Affairs"), else None."""
    row = _match(title)
    return row.canonical if row else None


def rank(level: str | None) -> int:
    """Position in LEVELS (0 = highest); unknown levels rank below every known one."""
    return _RANK.get(level, len(LEVELS)) if level else len(LEVELS)


def best_level(titles) -> str | None:
    """The highest level among several titles, None when none is known."""
    levels = [lv for lv in (level_of(t) for t in titles or ()) if lv]
    return min(levels, key=rank) if levels else None


def at_least(level: str | None, min_level: str) -> bool:
    """True when `level` ranks at or above `min_level`; ValueError for an unknown min_level."""
    if min_level not in _RANK:
        raise ValueError(f"unknown level {min_level!r}; choose one of {', '.join(LEVELS)}")
    return level is not None and rank(level) <= _RANK[min_level]
