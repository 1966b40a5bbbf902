"""Folding text into the keys names and words are matched on, the same way everywhere.

`fold` lower-cases and strips diacritics, keeping punctuation and word boundaries;
`name_key` also turns punctuation into spaces ("U.S.-led" -> "u s led"). Hand-written over the
standard library's `unicodedata` because the few letters without a decomposition (đ, ł, ø, æ, ß)
are what no installed library folds for us; cached because extraction folds every token.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that NFKD does not split into base letter + mark, and the curly apostrophes.
_UNDECOMPOSED = str.maketrans({"đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
                               "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i",
                               "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D", "’": "'", "‘": "'", "ʼ": "'"})
_NOT_KEY = re.compile(r"[^a-z0-9']+")


@lru_cache(maxsize=16384)  # bounded small: a stream of novel names must not grow a worker (benchmarks/scale_out.py --memory)
def fold(text: str | None) -> str:
    """Lower-case, diacritics removed, runs of spaces collapsed: "Lương  Cường" -> "luong cuong",
    "O’Neill" -> "o'neill", "Wałęsa" -> "walesa"."""
    if not text:
        return ""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
        text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().split())


@lru_cache(maxsize=16384)  # bounded small: a stream of novel names must not grow a worker (benchmarks/scale_out.py --memory)
def name_key(text: str | None) -> str:
    """The folded words of `text`, punctuation other than the apostrophe made a space:
    "H.E. Mr. Tô Lâm" -> "h e mr to lam"."""
    return " ".join(_NOT_KEY.sub(" ", fold(text)).split())


def alternation(words, *, escape: bool = True) -> str:
    """A regex alternation of `words`, longest first so that "prime minister" wins over "prime"
    (each word escaped unless it is a pattern already)."""
    import re as _re

    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(_re.escape(w) if escape else w for w in ordered)
