"""The extraction pipeline: read -> body -> spaCy -> persons -> events -> dates/places -> Article.

Page furniture inside the body is blanked out with spaces before the parse, so every
offset the stages produce still points into the input text.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Iterable, Iterator

from communique import __version__, body as body_mod, events as events_mod, lexicon, persons as persons_mod
from communique.commitments import extract_commitments
from communique.lexicon import fold
from communique.model import Article
from communique.nlp import get_nlp
from communique.read import Document, document_from_text

BATCH_SIZE = 16
VENUE_WEIGHT = 0.3  # a country named as where things happened, against 1 for any other naming


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


def _iso_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _prepare(doc: Document):
    body = body_mod.detect_body(doc.text)
    masked = _mask(doc.text, body)
    return body, masked[body.start:body.end]


def _analyse(doc: Document, body, parsed) -> Article:
    from communique import dates, places

    text = doc.text
    offset = body.start
    excluded = sorted(body.excluded)

    def allowed(pos: int) -> bool:
        if not (body.start <= pos < body.end):
            return False
        return not any(s <= pos < e for s, e in excluded)

    published = doc.published or body.published
    pub_date = _iso_date(published)
    body_text = text[body.start:body.end]
    year = dates.infer_year(body_text, pub_date)
    if year is None and pub_date is not None:
        year = pub_date.year

    blocked: list[tuple[int, int]] = []  # spouses, credits, places: no short mention goes there
    entries = persons_mod.build_persons(parsed, offset, allowed, blocked)
    persons_mod.resolve_short_mentions(parsed, offset, entries, allowed, blocked)
    persons_mod.resolve_title_mentions(text, entries, allowed, body.start, body.end)
    country_counts = Counter()
    for p in places.find_places(parsed.text):
        if p.country and allowed(p.start + offset):
            # a venue ("in Honiara, Solomon Islands") says less about whose relations these are
            venue = re.search(r"\b(?:in|at)\s+(?:the\s+)?(?:[A-Z][\w.-]*,?\s+)?$", parsed.text[max(0, p.start - 40):p.start])
            country_counts[p.country] += VENUE_WEIGHT if venue else 1
    for tok in parsed:
        c = places.demonym_code(tok.text) if tok.text[:1].isupper() else None
        if c:
            country_counts[c] += 1
    persons_mod.assign_countries(entries, set(country_counts))
    persons = persons_mod.to_persons(entries, text)
    # persons a reader would call actors: titled, named twice, or (below) taking part in an event
    weak = {i for i, (e, p) in enumerate(zip(entries, persons))
            if e.background or (not e.strong and len(p.mentions) < 2)}
    for p in persons:
        if p.country:
            country_counts[p.country] += 2

    captions = sorted(body.captions)
    title_span = body.title_span
    sentences = []
    mention_index = [(s, e, i) for i, p in enumerate(persons) for s, e in p.mentions]
    for sent in parsed.sents:
        s, e = sent.start_char + offset, sent.end_char + offset
        while e > s and text[e - 1].isspace():
            e -= 1
        stext = parsed.text[sent.start_char:sent.start_char + (e - s)]
        if not stext.strip() or not allowed(s + (len(stext) - len(stext.lstrip()))):
            continue
        lead = len(stext) - len(stext.lstrip())
        s += lead
        stext = stext.lstrip()
        ms = sorted((events_mod.Mention(i, a, b) for a, b, i in mention_index if s <= a < e), key=lambda m: m.start)
        is_caption = any(cs <= s < ce or s <= cs < e for cs, ce in captions)
        is_title = bool(title_span and title_span[0] <= s < title_span[1])
        sentences.append(events_mod.SentenceInfo(sent, s, e, stext, ms, is_caption, is_title))

    ctx = events_mod.ArticleContext(
        persons=persons, person_countries=[p.country for p in persons], person_orgs=[p.org for p in persons],
        published=pub_date, year=year,
        dateline_place=(body.dateline or {}).get("place") if body.dateline else None,
        captions=captions, title_span=title_span, pair=[c for c, _ in country_counts.most_common(2)])
    events = events_mod.extract_events(ctx, sentences)
    pair = ctx.pair
    actors = {fold(a.name) for e in events for a in e.actors if a.kind == "person"}
    candidates = persons  # sentence mentions index this list
    persons = [p for i, p in enumerate(persons)
               if (i not in weak and not _only_speaks(p) and not entries[i].quoted_source) or fold(p.name) in actors]
    _settle_person_countries(persons, events, pair, _home_country(body, doc))

    previous = {}
    last = None
    for sent in sentences:
        previous[id(sent)] = last
        if sent.mentions:
            last = sent.mentions[0].person

    def speaker_country(sent):
        if sent.mentions:
            return candidates[sent.mentions[0].person].country
        if re.match(r"\s*(?:he|she|the minister|the secretary|the president)\b", sent.text.lower()) \
                and previous.get(id(sent)) is not None:
            return candidates[previous[id(sent)]].country
        for p in places.find_places(sent.text[:60]):
            if p.kind == "country":
                return p.country
        return None

    commitments = extract_commitments(sentences, speaker_country, pair)
    title = doc.title or body.title
    return Article(doc_id=doc.doc_id, text=text, title=title, published=published,
                   source=doc.source or body.source, url=doc.url, body=(body.start, body.end),
                   persons=persons, events=events, commitments=commitments,
                   extractor=f"communique {__version__}")


def _only_speaks(person) -> bool:
    """A spokesperson quoted for the ministry is a byline, not an actor, unless an event names them."""
    patterns = lexicon.person_words()["source_titles"]
    return bool(person.titles) and all(any(re.search(p, t, re.I) for p in patterns) for t in person.titles)


def _home_country(body, doc: Document) -> str | None:
    """The state an outlet reports from: its dateline's place, else a country its name names."""
    from communique import places

    place = (body.dateline or {}).get("place") if body.dateline else None
    if place:
        p = places.lookup_place(place.title() if place.isupper() else place)
        if p is not None and p.country:
            return p.country
    for name in (doc.source, body.source):
        for word in re.findall(r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)?", name or ""):
            code = places.country_code(word) or places.demonym_code(word)
            if code:
                return code
            p = places.lookup_place(word)
            if p is not None and p.kind == "city" and p.country:
                return p.country
    return None


def _settle_person_countries(persons, events, pair, home) -> None:
    """Countries the text leaves open: the other side of an engagement with one known side, then
    the outlet's home state for officials with a bare title ("Prime Minister X" in a Suva paper).
    Two people of unknown state met in one event keep None, so neither side is guessed wrong."""
    by_name = {fold(p.name): p for p in persons}
    for e in events:
        people = [by_name.get(fold(a.name)) for a in e.actors if a.kind == "person"]
        people = [p for p in people if p is not None]
        known = {p.country for p in people if p.country}
        unknown = [p for p in people if p.country is None and p.org is None]
        if len(known) == 1 and unknown and len(pair) == 2 and next(iter(known)) in pair:
            other = next(c for c in pair if c not in known)
            for p in unknown:
                p.country = other
    paired_unknown = set()
    for e in events:
        unknown = [fold(a.name) for a in e.actors if a.kind == "person" and by_name.get(fold(a.name))
                   and by_name[fold(a.name)].country is None]
        if len(unknown) >= 2:
            paired_unknown.update(unknown)
    if home:
        for p in persons:
            if p.country is None and p.org is None and p.titles and fold(p.name) not in paired_unknown:
                p.country = home
    for e in events:
        for a in e.actors:
            if a.kind == "person" and a.country is None and fold(a.name) in by_name:
                a.country = by_name[fold(a.name)].country


def extract_document(doc: Document) -> Article:
    """Extract one read document."""
    body, analysis = _prepare(doc)
    parsed = get_nlp()(analysis)
    return _analyse(doc, body, parsed)


def extract_documents(docs: Iterable[Document]) -> Iterator[tuple[Document, Article | Exception]]:
    """Stream documents through the parser in batches; a failure is yielded for its document
    and the batch goes on."""
    nlp = get_nlp()
    batch: list[tuple[Document, object, str]] = []

    def flush():
        ready = []
        for d, body, analysis in batch:
            ready.append((d, body, analysis))
        texts = [a for _, _, a in ready]
        try:
            parsed_all = list(nlp.pipe(texts, batch_size=BATCH_SIZE))
        except Exception:  # one text broke the batch: parse one by one to isolate it
            parsed_all = []
            for t in texts:
                try:
                    parsed_all.append(nlp(t))
                except Exception as exc:  # noqa: BLE001 - reported for that document
                    parsed_all.append(exc)
        for (d, body, _), parsed in zip(ready, parsed_all):
            if isinstance(parsed, Exception):
                yield d, parsed
                continue
            try:
                yield d, _analyse(d, body, parsed)
            except Exception as exc:  # noqa: BLE001 - reported for that document
                yield d, exc
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
