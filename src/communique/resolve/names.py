"""Name keys for matching people across articles: diacritics folded, title words stripped.

Folding is hand-written over the standard library's `unicodedata` because the few letters
without a decomposition (đ, ø, ł, ...) are all that no installed library handles for us.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from communique.text import fold

_TOKEN = re.compile(r"[^\s]+")


@lru_cache(maxsize=1)
def _prefix_table() -> dict[str, str]:
    text = resources.files("communique.data").joinpath("name_prefixes.txt").read_text(encoding="utf-8")
    table = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            word, _, kind = line.partition("\t")
            table[word.strip()] = kind.strip() or "title"
    return table


def _prefix_words() -> frozenset[str]:
    return frozenset(_prefix_table())


def is_demonym(word: str) -> bool:
    """"Vietnamese", "U.S.", "American" -> True: a word naming a country before a title or name."""
    w = fold(word)
    return _prefix_table().get(w) == "demonym" or (word[:1].isupper() and _is_demonym(word))


def strip_demonyms(title: str) -> str:
    """"US Assistant Secretary of State" -> "Assistant Secretary of State"."""
    tokens = title.split()
    while len(tokens) > 1 and is_demonym(tokens[0].rstrip(",")):
        tokens.pop(0)
    return " ".join(tokens)


def _is_demonym(word: str) -> bool:
    try:  # communique.places (helper DATES) knows every demonym; optional here
        from communique.places import demonym_code
    except ImportError:
        return False
    try:
        return bool(demonym_code(word))
    except Exception:  # a half-built helper must not break matching
        return False


def _strip_token(tok: str) -> str:
    return tok.strip(",;:()[]\"")


def split_name(name: str) -> tuple[list[str], list[str]]:
    """Split a mention into (title words before the name, name tokens as written).

    "Vietnamese President Luong Cuong" -> (["Vietnamese", "President"], ["Luong", "Cuong"]).
    At least one token always stays in the name.
    """
    tokens = [t for t in (_strip_token(t) for t in _TOKEN.findall(name or "")) if t]
    prefixes = _prefix_words()
    cut = 0
    while cut < len(tokens) - 1:
        word = fold(tokens[cut])
        bare = word.rstrip(".'s").rstrip("'")
        if word in prefixes or bare in prefixes or (tokens[cut][:1].isupper() and _is_demonym(tokens[cut])):
            cut += 1
            continue
        break
    return tokens[:cut], tokens[cut:]


def name_key(tokens: list[str]) -> tuple[str, ...]:
    """Folded tokens used for matching; hyphens and dots inside a name are kept."""
    return tuple(fold(t) for t in tokens)


def slug(name: str) -> str:
    """URL-safe id from a name: "Lương Cường" -> "luong-cuong"."""
    s = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")
    return s or "person"
