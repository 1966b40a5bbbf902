"""Helpers for the tests of the extraction modules: parse a short article written for the test and run
the declared stages over it (real spaCy model, no stand-ins)."""
from communique import stages
from communique.analysis import Analysis
from communique.nlp import get_nlp
from communique.pipeline import _prepare
from communique.read import document_from_text


def analyse(text: str, published: str | None = "2025-03-05", until: str | None = None) -> Analysis:
    """The Analysis of `text` after every stage, or after the stage named `until`."""
    doc = document_from_text(text, doc_id="t", published=published)
    body, masked = _prepare(doc)
    a = Analysis(doc=doc, body=body, parsed=get_nlp()(masked))
    for st in stages.STAGES:
        st.run(a)
        if st.name == until:
            break
    return a


def person(a: Analysis, name: str):
    return next(p for p in a.persons if p.name == name)


def sentence(a: Analysis, start: str):
    return next(s for s in a.sentences if s.text.startswith(start))
