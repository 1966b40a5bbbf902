"""communique: turn diplomatic news into coded, checkable event data.

The public API: `extract` one article, `extract_many` to stream a batch, and the
contract's objects (`Article`, `Person`, `Event`, `Actor`, `Commitment`).
"""
from communique.model import Actor, Article, Commitment, Event, Location, Person

__version__ = "0.1.0"


def extract(text, *, doc_id=None, published=None, url=None, source=None, title=None):
    """Read one article's text (plain text or HTML) and return its `Article`."""
    from communique.pipeline import extract as _extract

    return _extract(text, doc_id=doc_id, published=published, url=url, source=source, title=title)


def extract_many(items, **kwargs):
    """Stream `Article`s for an iterable of texts, `read.Document`s or dict records."""
    from communique.pipeline import extract_many as _extract_many

    return _extract_many(items, **kwargs)


__all__ = ["extract", "extract_many", "Article", "Person", "Event", "Actor", "Commitment", "Location",
           "__version__"]
