"""Neutralise runs of text that make spaCy's tokenizer slow, keeping every offset.

spaCy splits prefixes and suffixes off a whitespace-free chunk one at a time, rescanning
the rest each time, so its cost grows with the square of the chunk's length when the chunk
is made of many small pieces: 8,000 "'s" in a row (16 KB) took 10 CPU-s, 8,000 commas,
brackets, quotes or emoji as long. Two same-length substitutions (one character for one,
so every offset found in the text still points into the original):

- a unit of up to four characters starting with a symbol, repeated more than MAX_REPEATS
  times in a row (",,,,", "'s's's", "!!!!", emoji), keeps its first three and the rest
  become spaces: one token per symbol would otherwise cost the parser as much as a word;
- a whitespace-free run longer than MAX_RUN is cut by a space every MAX_RUN characters.
  Real words, numbers and nearly all URLs in news text are far shorter.
"""
from __future__ import annotations

import re

# Longest whitespace-free run left as it is. At 100 characters the tokenizer spends at most
# ~15 microseconds per character on the worst run (measured: 0.6 s for a 2,000-character
# run of "'s", 2.4 s for 4,000), so 1 MB of it costs seconds, not hours; words, numbers,
# e-mail addresses and most URLs in news text are well under it.
MAX_RUN = 100

_LONG_RUN = re.compile(r"(?<!\S)\S{%d,}" % (MAX_RUN + 1))
# A unit of up to four characters starting with a symbol (not a letter, digit or space):
# ",", "'s", "'s,(", repeated more than this many times in a row. An ellipsis, "!!!" or a
# "-----" rule stays under it or loses only spaces' worth of meaning.
MAX_REPEATS = 8
KEEP_REPEATS = 3
_REPEATS = re.compile(r"([^\w\s]\S{0,3}?)\1{%d,}" % MAX_REPEATS)


def _blank_repeats(m: re.Match) -> str:
    run, keep = m.group(), KEEP_REPEATS * len(m.group(1))
    return run[:keep] + " " * (len(run) - keep)


def _break_run(m: re.Match) -> str:
    chars = list(m.group())
    for i in range(MAX_RUN, len(chars), MAX_RUN + 1):
        chars[i] = " "
    return "".join(chars)


def neutralise(text: str) -> str:
    """The text with long repeats of one symbol blanked after the first three, and every
    whitespace-free run over MAX_RUN characters cut by a space every MAX_RUN characters (a
    character is replaced each time, so the length is unchanged)."""
    text = _REPEATS.sub(_blank_repeats, text)
    if len(text) <= MAX_RUN:
        return text
    return _LONG_RUN.sub(_break_run, text)
