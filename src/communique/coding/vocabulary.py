"""The coding tables, loaded once: trigger patterns by CAMEO code, CAMEO -> PLOVER, actor words."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from communique.lexicon import read_tsv
from communique.text import fold

GAP = None  # a pattern element that skips up to MAX_GAP words
MAX_GAP = 6


@dataclass(frozen=True)
class Pattern:
    """One trigger pattern: a CAMEO code and its elements (sets of lemmas, or GAP)."""

    code: str
    elements: tuple[frozenset[str] | None, ...]
    line: int

    @property
    def weight(self) -> tuple[int, int]:
        """Specificity: more words first, then the finer (longer) code."""
        return (sum(1 for e in self.elements if e is not GAP), len(self.code))

    @property
    def generic(self) -> bool:
        """A verb alone, or with the 'to' of its infinitive ("agree", "agree to", "offer to"):
        it gives way to the deed it governs when that deed is coded too."""
        return all(e == TO for e in self.elements[1:])


TO = frozenset({"to"})


def _parse(code: str, text: str, line: int) -> Pattern:
    elements = []
    for word in text.split():
        elements.append(GAP if word == "..." else frozenset(w for w in word.lower().split("|") if w))
    if not elements or elements[0] is GAP or elements[-1] is GAP:
        raise ValueError(f"event_lexicon.tsv:{line}: a pattern starts and ends with a word: {text!r}")
    return Pattern(code, tuple(elements), line)


@functools.lru_cache(maxsize=1)
def patterns_by_trigger() -> dict[str, tuple[Pattern, ...]]:
    """First lemma -> the patterns it can start, most specific first."""
    index: dict[str, list[Pattern]] = {}
    for n, row in enumerate(read_tsv("event_lexicon.tsv"), 1):
        if len(row) != 2:
            raise ValueError(f"event_lexicon.tsv: row {n}: expected code<TAB>pattern, got {row!r}")
        pattern = _parse(row[0].strip(), row[1].strip(), n)
        for lemma in pattern.elements[0]:
            index.setdefault(lemma, []).append(pattern)
    return {k: tuple(sorted(v, key=lambda p: p.weight, reverse=True)) for k, v in index.items()}


@functools.lru_cache(maxsize=1)
def deed_words() -> frozenset[str]:
    """Every lemma some trigger pattern names: the words of deeds ("strike", "action", "aid")."""
    return frozenset(w for ps in patterns_by_trigger().values() for p in ps for e in p.elements if e for w in e)


@functools.lru_cache(maxsize=1)
def _plover_prefixes() -> dict[str, tuple[str, str | None]]:
    out = {}
    for row in read_tsv("cameo_plover.tsv"):
        row += [""] * (3 - len(row))
        out[row[0].strip()] = (row[1].strip(), row[2].strip() or None)
    return out


def plover_of(code: str) -> tuple[str | None, str | None]:
    """The PLOVER type and mode of a CAMEO code (longest listed prefix), or (None, None) for 01."""
    table = _plover_prefixes()
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None, None


@functools.lru_cache(maxsize=1)
def sector_words() -> dict[tuple[str, ...], str]:
    """Lemma sequence -> CAMEO sector code ("foreign minister" -> GOV, "troop" -> MIL)."""
    return {tuple(row[0].lower().split()): row[1].strip() for row in read_tsv("actor_sectors.tsv") if len(row) >= 2}


@functools.lru_cache(maxsize=1)
def institutions() -> dict[tuple[str, ...], tuple[str, str]]:
    """Folded word sequence -> (ISO3, sector): "the Kremlin" stands for Russia's government."""
    return {tuple(fold(row[0]).split()): (row[1].strip(), row[2].strip())
            for row in read_tsv("actor_institutions.tsv") if len(row) >= 3}


@functools.lru_cache(maxsize=1)
def groups() -> dict[tuple[str, ...], tuple[str, str]]:
    """Folded name -> (ISO3, sector) of movements, parties and armed groups based in one state
    ("Hamas" -> PSE, REB): news names them without their country."""
    out = {}
    for n, row in enumerate(read_tsv("actor_groups.tsv"), 1):
        if len(row) < 3:
            raise ValueError(f"actor_groups.tsv: row {n}: expected name<TAB>ISO3<TAB>sector, got {row!r}")
        for name in row[0].split("|"):
            out[group_key(name)] = (row[1].strip(), row[2].strip())
    return out


_WORD = re.compile(r"\w+")


def group_key(text: str) -> tuple[str, ...]:
    """The folded words of a name without its punctuation ("al-Shabab" -> ("al", "shabab"));
    asked of every window of capitalised words the actor finder looks at."""
    return tuple(_WORD.findall(fold(text)))
