"""Extraction speed on one core: articles/s, chars/s, peak RSS, and the ratio to bare spaCy.

The articles are the project's own fixture articles (tests/fixtures/eval/texts), each
varied by reordering its body paragraphs so no two inputs are identical. BLAS/OpenMP
pools are held to one thread and torch is not used, so the run uses one core; the
per-CPU-second rate is the number to compare on a busy machine.

The ratio to bare spaCy is CPU time of the whole extraction (body detection, parse, rules)
over CPU time of `nlp.pipe` alone on the very texts the extraction parses (the article
bodies), both in this process, interleaved in rounds so that machine load hits both alike:
what the rules add to communique's own spaCy pass. A second ratio is to the model as spaCy
ships it (`spacy.load`, its Matcher-based attribute ruler, which communique swaps for an
index that gives the same annotations faster: communique.attribute_rules), timed in the
same rounds: what a run costs against parsing with stock spaCy alone.
by default one round per parser batch (16 articles), since on a shared machine the load
changes within seconds and longer rounds let it fall on one side more than the other.
Like the model load, the rules' one-time start-up (word lists, gazetteer, compiled
patterns, dateparser's locale tables: one pass over the distinct fixture articles, so that
every lazily loaded table is in) is timed apart, before the rounds.

    .venv/bin/python benchmarks/extract_speed.py --n 3000
"""
import os

for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"  # before numpy/spaCy load: one thread everywhere

import argparse  # noqa: E402
import random  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "eval" / "texts"


def base_documents():
    """The fixture articles as Documents (text, HTML and JSONL alike)."""
    from communique.read import Document, iter_documents

    docs = [d for d in iter_documents([FIXTURES]) if isinstance(d, Document)]
    if not docs:
        sys.exit(f"no fixture articles under {FIXTURES}")
    return docs


def varied(docs, n, seed=7):
    """n documents: each base article with its paragraphs after the second shuffled."""
    from communique.read import Document

    rng = random.Random(seed)
    out = []
    for i in range(n):
        base = docs[i % len(docs)]
        paras = base.text.split("\n\n")
        head, rest = paras[:2], paras[2:]
        if i >= len(docs):
            rng.shuffle(rest)
        out.append(Document(doc_id=f"{base.doc_id}-{i}", text="\n\n".join(head + rest), published=base.published,
                            source=base.source, title=base.title, is_html=base.is_html))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="number of articles (default 2000)")
    parser.add_argument("--rounds", type=int, default=0,
                        help="interleaved rounds of bare spaCy and extraction (default 0: one per parser batch)")
    args = parser.parse_args()

    t0 = time.perf_counter()
    from communique.body import detect_body
    from communique.nlp import get_nlp
    from communique.pipeline import extract_documents

    get_nlp()
    load_s = time.perf_counter() - t0
    import spacy

    from communique.nlp import MODEL

    stock = spacy.load(MODEL)

    base = base_documents()
    docs = varied(base, args.n)
    chars = sum(len(d.text) for d in docs)

    t0 = time.perf_counter()
    for d in docs:
        detect_body(d.text)
    body_s = time.perf_counter() - t0

    from communique.pipeline import BATCH_SIZE, _prepare

    nlp = get_nlp()
    bodies = [_prepare(d)[1] for d in docs]  # what extract_documents hands to the parser
    c0 = time.process_time()
    list(extract_documents(base))  # the rules' lexicons, gazetteer and date tables load on first use
    startup_s = time.process_time() - c0
    ok = failed = events = persons = 0
    run_s = cpu_s = bare_cpu_s = stock_cpu_s = 0.0
    round_ratios = []
    size = -(-len(docs) // args.rounds) if args.rounds > 0 else BATCH_SIZE
    for r, lo in enumerate(range(0, len(docs), size)):
        def bare(model=nlp):
            c0 = time.process_time()
            for _ in model.pipe(bodies[lo:lo + size], batch_size=BATCH_SIZE):
                pass
            return time.process_time() - c0

        def full():
            nonlocal ok, failed, events, persons
            c0, t0 = time.process_time(), time.perf_counter()
            for _, result in extract_documents(docs[lo:lo + size]):
                if isinstance(result, Exception):
                    failed += 1
                else:
                    ok += 1
                    events += len(result.events)
                    persons += len(result.persons)
            return time.process_time() - c0, time.perf_counter() - t0

        if r % 2:  # alternate which goes first, so neither always runs on a warmer machine
            b = bare()
            c, w = full()
            stock_cpu_s += bare(stock)
        else:
            stock_cpu_s += bare(stock)
            c, w = full()
            b = bare()
        bare_cpu_s += b
        round_ratios.append(c / b)
        cpu_s += c
        run_s += w
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux

    print(f"articles        {args.n} ({ok} ok, {failed} failed), {chars:,} chars, "
          f"{chars / args.n:,.0f} chars/article")
    print(f"model load      {load_s:.2f} s; rules start-up {startup_s:.2f} CPU s (the {len(base)} distinct articles once, before the rounds)")
    print(f"body detection  {args.n / body_s:,.0f} articles/s  ({chars / body_s:,.0f} chars/s)")
    print(f"extraction      {args.n / run_s:,.1f} articles/s  ({chars / run_s:,.0f} chars/s) wall, {run_s:.1f} s; "
          f"{args.n / cpu_s:,.1f} articles/s per CPU second (one thread)")
    print(f"bare spaCy      {args.n / bare_cpu_s:,.1f} articles/s per CPU second (nlp.pipe on the same bodies)")
    print(f"ratio           {cpu_s / bare_cpu_s:.3f}x bare spaCy (CPU time, {len(round_ratios)} interleaved rounds; "
          f"median of rounds {statistics.median(round_ratios):.3f}, range {min(round_ratios):.3f}-{max(round_ratios):.3f})")
    print(f"stock spaCy     {args.n / stock_cpu_s:,.1f} articles/s per CPU second (spacy.load of the model as shipped); "
          f"extraction {cpu_s / stock_cpu_s:.3f}x, communique's spaCy pass {bare_cpu_s / stock_cpu_s:.3f}x of it")
    print(f"found           {persons / max(ok, 1):.1f} persons, {events / max(ok, 1):.1f} events per article")
    print(f"peak RSS        {peak_mb:,.0f} MiB (torch loaded: {'yes' if 'torch' in sys.modules else 'no'})")


if __name__ == "__main__":
    main()
