"""Sentence-level event coding: every PLOVER type with its CAMEO code, source and target actors.

The article pipeline codes engagements (CONSULT, AGREE signing) from its own frames; this package
codes the rest of the event vocabulary (support, requests, accusations, sanctions, force, ...)
from trigger lexicons in data/event_lexicon.tsv and the dependency parse.
"""
from communique.coding.coder import CodedEvent, code_doc, code_sentence, code_text
from communique.coding.actors import ActorRef

__all__ = ["ActorRef", "CodedEvent", "code_doc", "code_sentence", "code_text"]
