"""Merge quality and speed: pairwise precision/recall of event merging on the fixture corpus.

    .venv/bin/python benchmarks/merge_quality.py [--corpus tests/fixtures/corpus] [--scale 100000]
        [--real ../shared/eval/real] [--real-jsonl extracted.jsonl]

Extracts the corpus with the real pipeline, resolves persons and merges events in memory,
then scores the merge against expected.json: each raw event is labelled with the expected
event it reports (same article, type, mode and every expected person among its actors);
raw events that report nothing expected keep a label of their own. Precision = share of
predicted same-event pairs that are truly the same event; recall = share of true pairs found.
--scale N also times merge_events on N synthetic raw events (no NLP).
--real DIR scores the same resolution on real coverage: DIR/groups.json lists groups of articles
reporting one real-world event (a group is merged when one merged event has a report from every
article of the group) and apart pairs (joined when one merged event has reports from both);
pairwise P/R count article pairs sharing a merged event against pairs within a group. DIR/texts
are extracted with the real pipeline unless --real-jsonl gives that extraction already made (its
articles take their text, which evidence offsets point into, from DIR/texts/<doc_id>.txt).
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from collections import Counter
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def pairs(labels: dict) -> set:
    groups: dict = {}
    for key, label in labels.items():
        groups.setdefault(label, []).append(key)
    return {frozenset(p) for members in groups.values() for p in combinations(sorted(members), 2)}


def score_corpus(corpus: Path) -> None:
    from communique.pipeline import extract_documents
    from communique.read import iter_documents
    from communique.resolve.corpus import resolve_articles
    from communique.resolve.names import fold

    expected = json.loads((corpus / "expected.json").read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    docs = [d for d in iter_documents([str(corpus)]) if not isinstance(d, Exception)]
    articles = [a for _, a in extract_documents(docs) if not isinstance(a, Exception)]
    t1 = time.perf_counter()
    res = resolve_articles(articles)
    t2 = time.perf_counter()
    names = {i.id: {fold(n) for n in [i.name, *i.aliases]} for i in res.identities}

    gold, unmatched = {}, []
    for rec in res.event_records:
        ids = {a["identity"] for a in rec["actors"] if a.get("identity")}
        label = None
        for n, exp in enumerate(expected["events"]):
            if (rec["doc_id"] in exp["articles"] + exp["may_include"] and rec["type"] == exp["type"]
                    and rec["mode"] == exp["mode"]
                    and all(any(fold(p) in names[i] for i in ids) for p in exp["persons"])):
                label = n
                break
        if label is None:
            unmatched.append(rec["key"])
            label = ("raw", rec["key"])
        gold[rec["key"]] = label
    predicted = {k: m.id for m in res.events for k in m.members}
    gp, pp = pairs(gold), pairs(predicted)
    tp = len(gp & pp)
    found = {gold[k] for k in gold if not isinstance(gold[k], tuple)}
    print(f"corpus: {len(docs)} articles, extraction {t1 - t0:.1f} s, resolution {1000 * (t2 - t1):.0f} ms")
    print(f"raw events: {len(res.event_records)} -> merged events: {len(res.events)} "
          f"(expected events: {len(expected['events'])}, found in extraction: {len(found)})")
    print(f"raw events reporting nothing expected (extraction noise): {len(unmatched)}")
    print(f"pairwise precision: {tp}/{len(pp)} = {tp / len(pp) if pp else 1.0:.3f}")
    print(f"pairwise recall:    {tp}/{len(gp)} = {tp / len(gp) if gp else 1.0:.3f}")
    print(f"person identities: {len(res.identities)} from {len(res.person_records)} person records")


def score_real(real: Path, jsonl: Path | None = None) -> dict:
    """Groups merged, apart pairs joined and article-pair P/R on a real set with groups.json."""
    from communique.model import Article
    from communique.resolve.corpus import resolve_articles

    groups = json.loads((real / "groups.json").read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    if jsonl:
        articles = [Article.from_dict(json.loads(line)) for line in jsonl.read_text(encoding="utf-8").splitlines()
                    if line.strip()]
        for art in articles:  # contract JSONL carries offsets, not the text: the evidence comes from DIR/texts
            source = real / "texts" / f"{art.doc_id}.txt"
            if not art.text and source.is_file():
                art.text = source.read_text(encoding="utf-8")
    else:
        from communique.pipeline import extract_documents
        from communique.read import iter_documents

        docs = [d for d in iter_documents([str(real / "texts")]) if not isinstance(d, Exception)]
        articles = [a for _, a in extract_documents(docs) if not isinstance(a, Exception)]
    t1 = time.perf_counter()
    res = resolve_articles(articles)
    t2 = time.perf_counter()
    spans = [frozenset(res.articles[k[0]].doc_id for k in m.members) for m in res.events]
    spans = [s for s in spans if len(s) > 1]
    merged = sorted(g for g, docs in groups["groups"].items() if any(set(docs) <= s for s in spans))
    split = sorted(set(groups["groups"]) - set(merged), key=lambda g: int(g[1:]))
    joined = [p for p in groups["apart"] if any(set(p) <= s for s in spans)]
    truth = {frozenset(p) for docs in groups["groups"].values() for p in combinations(sorted(docs), 2)}
    predicted = {frozenset(p) for s in spans for p in combinations(sorted(s), 2)}
    tp = len(truth & predicted)
    print(f"real: {len(articles)} articles ({'given extraction' if jsonl else f'extraction {t1 - t0:.1f} s'}), "
          f"resolution {1000 * (t2 - t1):.0f} ms")
    print(f"real groups merged: {len(merged)} of {len(groups['groups'])}; still split: {', '.join(split) or '-'}")
    print(f"real apart pairs joined: {len(joined)} of {len(groups['apart'])}"
          + (f" ({', '.join('/'.join(p) for p in joined)})" if joined else ""))
    print(f"real article-pair precision: {tp}/{len(predicted)} = {tp / len(predicted) if predicted else 1.0:.3f}")
    print(f"real article-pair recall:    {tp}/{len(truth)} = {tp / len(truth) if truth else 1.0:.3f}")
    return {"merged": merged, "split": split, "joined": joined, "resolution": res}


def synthetic(n: int, seed: int = 7) -> list[dict]:
    """n raw events: meetings of 2,000 people, each real meeting told by 1-4 reports."""
    rng = random.Random(seed)
    recs, i = [], 0
    while len(recs) < n:
        a, b = rng.sample(range(2000), 2)
        day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        mode = rng.choice(["meeting", "meeting", "call", "visit"])
        for _ in range(rng.randint(1, 4)):
            date = rng.choice([day, day, day[:7], None])
            recs.append({"key": (len(recs), 0), "article_id": len(recs), "type": "CONSULT", "mode": mode,
                         "cameo": "040", "date": date, "location": None, "published": day,
                         "actors": [{"name": f"P{a}", "kind": "person", "country": "VNM", "role": None,
                                     "identity": f"p{a}"},
                                    {"name": f"P{b}", "kind": "person", "country": "USA", "role": None,
                                     "identity": f"p{b}"}],
                         "evidence_text": [], "source": None, "mechanism": None, "_truth": i})
        i += 1
    return recs[:n]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(ROOT / "tests" / "fixtures" / "corpus"))
    ap.add_argument("--scale", type=int, default=0, help="also time merge_events on N synthetic raw events")
    ap.add_argument("--real", default=None, help="a real set with groups.json and texts/ (e.g. ../shared/eval/real)")
    ap.add_argument("--real-jsonl", default=None, help="that set's extraction as JSONL (skips extracting)")
    ap.add_argument("--no-fixtures", action="store_true", help="skip the fixture corpus")
    args = ap.parse_args(argv)
    if not args.no_fixtures:
        score_corpus(Path(args.corpus))
    if args.real:
        score_real(Path(args.real), Path(args.real_jsonl) if args.real_jsonl else None)
    if args.scale:
        from communique.resolve import merge_events

        recs = synthetic(args.scale)
        t0 = time.perf_counter()
        merged = merge_events(recs)
        dt = time.perf_counter() - t0
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        sizes = Counter(len(m.members) for m in merged)
        truth = {r["key"]: r["_truth"] for r in recs}
        gp, pp = pairs(truth), pairs({k: m.id for m in merged for k in m.members})
        print(f"synthetic pairwise precision {len(gp & pp) / len(pp):.4f}, recall {len(gp & pp) / len(gp):.4f} "
              f"(true events {len(set(truth.values()))}; undated reports carry only a publication date)")
        print(f"synthetic: {len(recs)} raw -> {len(merged)} merged in {dt:.1f} s "
              f"({len(recs) / dt:,.0f} raw events/s), peak RSS {peak:.0f} MiB; cluster sizes {dict(sorted(sizes.items()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
