"""The frame reader's word lists (data/frames.json), read once, with each trigger word mapped
to its mode and the title words the anaphora and the mention index look for."""
from __future__ import annotations

import functools

from communique import lexicon


@functools.lru_cache(maxsize=1)
def words() -> dict:
    """data/frames.json with its lists as sets, and each trigger word with its mode."""
    data = lexicon.read_json("frames.json")
    out = {k: (frozenset(v) if isinstance(v, list) else v) for k, v in data.items() if not k.startswith("_")}
    out["verb_mode"] = {w: m for m, ws in data["verbs"].items() for w in ws}
    # every word that can start a frame, so the reader skips all other tokens at once
    out["any_trigger"] = frozenset(out["verb_mode"]) | frozenset(w for ws in data["nouns"].values() for w in ws) | \
        frozenset(data["urging_verbs"]) | frozenset(data["speech_nouns"]) | frozenset(data["alongside_verbs"]) | \
        frozenset(data["departure_verbs"]) | {"chaired", "chair", "chairs", "chairing"}
    out["noun_mode"] = {w: m for m, ws in data["nouns"].items() for w in ws}
    t = lexicon.titles()
    out["title_words"] = t.heads | t.ranks | frozenset(w for p in t.head_phrases for w in p)
    return out
