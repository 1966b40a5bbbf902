"""Resolve a list of extracted Articles in memory (no database): records, identities, merged events.

Builds the same PersonRecord / EventRecord dicts the store builds from its tables, so tests,
benchmarks and `communique export` on plain JSONL can use the corpus layer without a Store.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from communique.model import Article
from communique.resolve.events import MergedEvent, merge_events
from communique.resolve.names import fold
from communique.resolve.overrides import Overrides
from communique.resolve.persons import Identity, resolve_persons


@dataclass
class CorpusResolution:
    """Identities and merged events of a list of articles; keys use the article's list index."""

    articles: list[Article]
    identities: list[Identity]
    events: list[MergedEvent]
    person_records: list[dict] = field(default_factory=list)
    event_records: list[dict] = field(default_factory=list)
    doc_of: dict[tuple[int, int], str] = field(default_factory=dict)  # event key -> doc_id

    def event_dicts(self) -> list[dict]:
        """Merged events in the store's dict shape (see STORE_API.md)."""
        records = {r["key"]: r for r in self.event_records}
        out = []
        for m in self.events:
            arts = sorted({k[0] for k in m.members})
            out.append({
                "id": m.id, "type": m.type, "mode": m.mode, "cameo": m.cameo, "date": m.date,
                "location": m.location,
                "actors": [{"name": a["name"], "kind": a["kind"], "country": a["country"], "role": a["role"],
                            "person_id": a.get("identity")} for a in m.actors],
                "n_sources": len(arts),
                "sources": [{"doc_id": self.articles[i].doc_id, "title": self.articles[i].title,
                             "source": self.articles[i].source, "url": self.articles[i].url,
                             "published": self.articles[i].published} for i in arts],
                "evidence": [{"doc_id": self.articles[k[0]].doc_id, "start": s, "end": e,
                              "text": self.articles[k[0]].text[s:e]}
                             for k in m.members for s, e in records[k]["spans"]],
                "merge_reason": m.merge_reason, "mechanism": m.mechanism})
        return out

    def person_dicts(self) -> list[dict]:
        """Identities in the store's dict shape, with the number of merged events each is in."""
        n_events: dict[str, int] = {}
        for m in self.events:
            for pid in {a.get("identity") for a in m.actors if a.get("identity")}:
                n_events[pid] = n_events.get(pid, 0) + 1
        return [{"id": i.id, "name": i.name, "country": i.country, "aliases": list(i.aliases),
                 "roles": [{"title": r.title, "org": r.org, "country": r.country, "level": r.level,
                            "first_seen": r.first_seen, "last_seen": r.last_seen,
                            "article_ids": list(r.article_ids)} for r in i.roles],
                 "n_events": n_events.get(i.id, 0)} for i in self.identities]


def _match_person(actor_name: str, persons: list[dict]) -> int | None:
    """Index of the article's person an event actor names: same name, a mention form, or a unique part."""
    key = fold(actor_name)
    for p in persons:
        if p["key"] == key or key in p["forms"]:
            return p["idx"]
    parts = [p["idx"] for p in persons if key and (key in p["key"] or p["key"] in key)]
    return parts[0] if len(parts) == 1 else None


def build_records(articles: list[Article]) -> tuple[list[dict], list[dict]]:
    """PersonRecords and EventRecords for articles (article_id = position in the list)."""
    person_records, event_records = [], []
    for aid, art in enumerate(articles):
        first_date = min((e.date[:10] for e in art.events if e.date and e.date[:1].isdigit()), default=None)
        when = (art.published or "")[:10] or first_date
        plist = []
        for idx, p in enumerate(art.persons):
            forms = sorted({art.text[s:e] for s, e in p.mentions if art.text[s:e].strip()} | {p.name})
            person_records.append({"key": (aid, idx), "article_id": aid, "name": p.name, "titles": list(p.titles),
                                   "country": p.country, "org": p.org, "date": when, "mentions_text": forms})
            plist.append({"idx": idx, "key": fold(p.name), "forms": {fold(f) for f in forms}})
        for idx, ev in enumerate(art.events):
            actors = []
            for a in ev.actors:
                pidx = None
                if a.kind == "person":  # the contract's Actor.person when the extractor gives it, else by name
                    given = getattr(a, "person", None)
                    pidx = given if isinstance(given, int) and 0 <= given < len(plist) else _match_person(a.name, plist)
                actors.append({"name": a.name, "kind": a.kind, "country": a.country, "role": a.role,
                               "person_idx": pidx, "identity": None})
            event_records.append({
                "key": (aid, idx), "article_id": aid, "doc_id": art.doc_id, "type": ev.type, "mode": ev.mode,
                "cameo": ev.cameo, "date": ev.date, "location": ev.location.to_dict() if ev.location else None,
                "actors": actors, "evidence_text": [art.text[s:e] for s, e in ev.evidence],
                "spans": [(s, e) for s, e in ev.evidence], "published": art.published, "source": art.source,
                "mechanism": ev.mechanism, "status": ev.status, "background": ev.background})
    return person_records, event_records


def resolve_articles(articles, overrides: Overrides | None = None) -> CorpusResolution:
    """Identities and merged events for Articles (or contract dicts), all in memory."""
    articles = [a if isinstance(a, Article) else Article.from_dict(a) for a in articles]
    person_records, event_records = build_records(articles)
    identities = resolve_persons(person_records, overrides)
    identity_of = {k: i.id for i in identities for k in i.members}
    for rec in event_records:
        for a in rec["actors"]:
            if a["person_idx"] is not None:
                a["identity"] = identity_of.get((rec["article_id"], a["person_idx"]))
    events = merge_events(event_records)
    doc_of = {rec["key"]: rec["doc_id"] for rec in event_records}
    return CorpusResolution(articles, identities, events, person_records, event_records, doc_of)
