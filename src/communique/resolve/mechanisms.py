"""One key for a standing mechanism however an outlet spells it: "the 16th Vietnam-China Steering
Committee" and "Sixteenth Viet Nam–China steering committee" compare equal, the round apart.

Variant words, ordinal words and filler words are data (data/mechanism_keys.json).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from communique.resolve.names import fold

_ORDINAL_NUM = re.compile(r"^(\d+)(?:st|nd|rd|th)$")


@lru_cache(maxsize=1)
def _table() -> dict:
    return json.loads(resources.files("communique.data").joinpath("mechanism_keys.json").read_text(encoding="utf-8"))


def _word(w: str) -> str:
    t = _table()
    w = t["spelling"].get(w, w)
    if t.get("ise_to_ize") and len(w) > 5 and re.search(r"is(e|es|ed|ation)$", w):
        w = re.sub(r"is(e|es|ed|ation)$", r"iz\1", w)
    return w


@lru_cache(maxsize=4096)
def mechanism_key(name: str | None, round_: int | None = None) -> tuple[str, int | None] | None:
    """(normalised name, round) of a mechanism; an ordinal inside the name gives the round when
    none is given. None for no name."""
    if not name:
        return None
    t = _table()
    text = " ".join(re.sub(r"[^a-z0-9 ]+", " ", fold(name)).split())
    for phrase, one in t.get("phrases", {}).items():
        text = re.sub(rf"\b{phrase}\b", one, text)
    words, found = [], None
    for w in text.split():
        m = _ORDINAL_NUM.match(w)
        if m or w in t["ordinals"]:
            found = found or (int(m.group(1)) if m else t["ordinals"][w])
            continue
        w = _word(w)
        if w not in t["drop"]:
            words.append(w)
    if not words:
        return None
    return " ".join(words), round_ if round_ is not None else found
