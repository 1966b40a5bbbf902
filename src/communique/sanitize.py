"""Neutralise runs of text that make spaCy's tokenizer slow, keeping every offset.

spaCy splits prefixes and suffixes off a whitespace-free chunk one at a time, rescanning
the rest each time, so its cost grows with the square of the chunk's length when the chunk
is made of many small pieces: 8,000 "'s" in a row (16 KB) took 10 CPU-s, 8,000 commas,
brackets, quotes or emoji as long. Real words, numbers and even long URLs are far shorter
than MAX_RUN, so a run longer than that is broken by a space every MAX_RUN characters: the
substitution is one character for one, so the text keeps its length and every offset found
in it still points into the original.
"""
from __future__ import annotations

import re

# Longest whitespace-free run left as it is. At 100 characters the tokenizer spends at most
# ~15 microseconds per character on the worst run (measured: 0.6 s for a 2,000-character
# run of "'s", 2.4 s for 4,000), so 1 MB of it costs seconds, not hours; words, numbers,
# e-mail addresses and most URLs in news text are well under it.
MAX_RUN = 100

_LONG_RUN = re.compile(r"(?<!\S)\S{%d,}" % (MAX_RUN + 1))


def _break_run(m: re.Match) -> str:
    chars = list(m.group())
    for i in range(MAX_RUN, len(chars), MAX_RUN + 1):
        chars[i] = " "
    return "".join(chars)


def neutralise(text: str) -> str:
    """The text with every whitespace-free run over MAX_RUN characters cut by a space every
    MAX_RUN characters (the character there is replaced, so the length is unchanged)."""
    if len(text) <= MAX_RUN:
        return text
    return _LONG_RUN.sub(_break_run, text)
