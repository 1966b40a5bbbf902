"""The extraction pipeline: read -> body -> spaCy -> persons -> events -> dates/places -> Article.

Page furniture inside the body is blanked out with spaces before the parse, so every
offset the stages produce still points into the input text.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from communique import __version__, body as body_mod, stages
from communique.analysis import Analysis
from communique.model import Article
from communique.nlp import parse, parse_many
from communique.read import Document, document_from_text

BATCH_SIZE = 16


def _mask(text: str, body) -> str:
    """The body with furniture replaced by spaces (newlines kept), offsets unchanged."""
    chars = list(text)
    for s, e in body.excluded:
        for i in range(max(s, 0), min(e, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    masked = "".join(chars)
    # caption frame markers and image stubs are layout, not words
    masked = re.sub(r"!\[[^\]\n]*\]\([^)\n]*\)", lambda m: " " * len(m.group()), masked)
    masked = masked.replace("|", " ")
    return masked


def _prepare(doc: Document):
    body = body_mod.detect_body(doc.text)
    masked = _mask(doc.text, body)
    return body, masked[body.start:body.end]


def _analyse(doc: Document, body, parsed, text: str | None = None) -> Article:
    """Run the stages of `communique.stages` over one parsed document; `text` is what was
    parsed (spaCy keeps it exactly, so the stages need not rebuild it from the tokens)."""
    analysis = stages.run(Analysis(doc=doc, body=body, parsed=parsed, parsed_text=text))
    return analysis.to_article(f"communique {__version__}")


def extract_document(doc: Document) -> Article:
    """Extract one read document."""
    body, analysis = _prepare(doc)
    parsed = parse(analysis)
    return _analyse(doc, body, parsed, analysis)


def extract_documents(docs: Iterable[Document]) -> Iterator[tuple[Document, Article | Exception]]:
    """Stream documents through the parser in batches; a failure is yielded for its document
    and the batch goes on."""
    batch: list[tuple[Document, object, str]] = []

    def flush():
        ready = []
        for d, body, analysis in batch:
            ready.append((d, body, analysis))
        texts = [a for _, _, a in ready]
        try:
            parsed_all = list(parse_many(texts, batch_size=BATCH_SIZE))
        except Exception:  # one text broke the batch: parse one by one to isolate it
            parsed_all = []
            for t in texts:
                try:
                    parsed_all.append(parse(t))
                except Exception as exc:  # noqa: BLE001 - reported for that document
                    parsed_all.append(exc)
        for (d, body, text), parsed in zip(ready, parsed_all):
            if isinstance(parsed, Exception):
                yield d, parsed
                continue
            try:
                yield d, _analyse(d, body, parsed, text)
            except Exception as exc:  # noqa: BLE001 - reported for that document
                yield d, exc
            parsed.user_data.clear()  # its per-doc tables refer back to it: freed now, not at a full GC
        batch.clear()

    for doc in docs:
        try:
            body, analysis = _prepare(doc)
        except Exception as exc:  # noqa: BLE001
            yield doc, exc
            continue
        batch.append((doc, body, analysis))
        if len(batch) >= BATCH_SIZE:
            yield from flush()
    if batch:
        yield from flush()


def extract(text, *, doc_id=None, published=None, url=None, source=None, title=None) -> Article:
    """Extract one article from its text (plain text or HTML)."""
    doc = document_from_text(text, doc_id=doc_id, published=published, url=url, source=source, title=title)
    return extract_document(doc)


def extract_many(items, **kwargs) -> Iterator[Article]:
    """Articles for texts, Documents or dict records, streamed; failures raise."""
    def docs():
        for n, item in enumerate(items):
            if isinstance(item, Document):
                yield item
            elif isinstance(item, dict):
                yield document_from_text(item.get("text") or item.get("html") or "", doc_id=item.get("id") or str(n),
                                         published=item.get("published"), url=item.get("url"),
                                         source=item.get("source"), title=item.get("title"))
            else:
                yield document_from_text(str(item), doc_id=str(n), **kwargs)

    for _, result in extract_documents(docs()):
        if isinstance(result, Exception):
            raise result
        yield result
