"""How extraction time grows with the input: CPU-s per stage for 50 KB to 1 MB of prose and of
pathological text, and the ratio 1 MB / 100 KB (linear is ~10; the target is <= 12).

Prose is the project's fixture articles (tests/fixtures/eval/texts) laid end to end, one
long article. Pathological text is the same prose with a long run (16 KB) after every few
paragraphs: "'s" repeated, spaces, capitalised words, commas. Stages, each timed in CPU
seconds (time.process_time, so other load on the machine does not count):

- body     communique.body.detect_body on the whole text
- parse    communique.nlp.parse (tokenizer-choking runs neutralised, pieces of at most
           nlp.CHUNK_CHARS through nlp.pipe, joined with Doc.from_docs)
- analyse  the pipeline's stages after the parse (persons, places, events, commitments)
- total    the three together: extraction as it runs once the pipeline calls nlp.parse

A larger size is not tried (printed as "-") when even linear growth from the last one would
take it past --budget CPU-s: a quadratic stage would otherwise run for hours. --no-analyse
times body and parse only (the stages this benchmark was written for reach 1 MB quickly). --profile KIND SIZE
prints the 25 functions with the most cumulative time (cProfile) for one case, to find
what still grows faster than the input.

    .venv/bin/python benchmarks/scaling.py
    .venv/bin/python benchmarks/scaling.py --kinds prose --sizes 100 1000
    .venv/bin/python benchmarks/scaling.py --profile prose 200
"""
import os

for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"  # before numpy/spaCy load: one thread everywhere

import argparse  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "eval" / "texts"
SIZES_KB = [50, 100, 200, 400, 1000]
RUN_CHARS = 16_000  # one pathological run (16 KB of "'s" took 42.7 s before neutralising)
PARAGRAPHS_PER_RUN = 6
RUNS = {
    "apostrophe-s": lambda n: ("'s" * n)[:n],
    "spaces": lambda n: "Officials said" + " " * (n - 20) + " more.",
    "capitalised": lambda n: ("Minister " * n)[:n],
    "commas": lambda n: ("," * n),
}
KINDS = ["prose"] + list(RUNS)
STAGES = ["body", "parse", "analyse", "total"]


def paragraphs() -> list[str]:
    """Body paragraphs (whole sentences) of the fixture articles, in a fixed order."""
    from communique.body import detect_body
    from communique.read import Document, iter_documents

    out = []
    for d in iter_documents([FIXTURES]):
        if isinstance(d, Document):
            b = detect_body(d.text)
            out += [p.strip() for p in d.text[b.start:b.end].split("\n") if len(p.split()) >= 12
                    and p.strip().endswith((".", '"', "”"))]
    if not out:
        sys.exit(f"no fixture articles under {FIXTURES}")
    return out


def make_text(kind: str, size: int, paras: list[str]) -> str:
    """About `size` characters of prose, with a RUN_CHARS run after every few paragraphs."""
    parts, n, i = [], 0, 0
    while n < size:
        p = paras[i % len(paras)]
        parts.append(p)
        n += len(p) + 2
        i += 1
        if kind != "prose" and i % PARAGRAPHS_PER_RUN == 0 and n < size:
            run = RUNS[kind](min(RUN_CHARS, size - n))
            parts.append(run)
            n += len(run) + 2
    return "\n\n".join(parts)[:size]


def run_case(text: str, analyse: bool = True) -> dict:
    """CPU-s of each stage for one text."""
    from communique import pipeline
    from communique.nlp import parse
    from communique.read import Document

    doc = Document(doc_id="scaling", text=text, published="2026-02-13")
    t0 = time.process_time()
    body, analysis = pipeline._prepare(doc)
    t1 = time.process_time()
    parsed = parse(analysis)
    t2 = time.process_time()
    if analyse:
        pipeline._analyse(doc, body, parsed)
    t3 = time.process_time()
    return {"body": t1 - t0, "parse": t2 - t1, "analyse": t3 - t2, "total": t3 - t0}


def profile(kind: str, size_kb: int, paras) -> None:
    import cProfile
    import pstats

    text = make_text(kind, size_kb * 1000, paras)
    prof = cProfile.Profile()
    prof.enable()
    times = run_case(text)
    prof.disable()
    print(f"{kind} {size_kb} KB: " + "  ".join(f"{k} {v:.2f}" for k, v in times.items()))
    pstats.Stats(prof).sort_stats("cumulative").print_stats(25)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kinds", nargs="+", choices=KINDS, default=KINDS)
    parser.add_argument("--sizes", nargs="+", type=int, default=SIZES_KB, help="sizes in KB (default 50 .. 1000)")
    parser.add_argument("--budget", type=float, default=120.0,
                        help="CPU-s a stage may take before larger sizes of it are skipped (default 120)")
    parser.add_argument("--no-analyse", action="store_true", help="time body and parse only")
    parser.add_argument("--profile", nargs=2, metavar=("KIND", "SIZE_KB"))
    args = parser.parse_args()

    from communique.nlp import get_nlp

    get_nlp()  # loading the model is not part of any case
    paras = paragraphs()
    if args.profile:
        profile(args.profile[0], int(args.profile[1]), paras)
        return

    print(f"{'kind':<13} {'KB':>5}  " + "  ".join(f"{s:>8}" for s in STAGES) + "   (CPU-s)")
    results: dict[tuple[str, int], dict] = {}
    for kind in args.kinds:
        last = None
        for size in sorted(args.sizes):
            if last is not None and last[1] * size / last[0] > args.budget:
                print(f"{kind:<13} {size:>5}  " + "  ".join(f"{'-':>8}" for _ in STAGES) + "   (over budget)")
                continue
            times = run_case(make_text(kind, size * 1000, paras), analyse=not args.no_analyse)
            results[(kind, size)] = times
            last = (size, times["total"])
            print(f"{kind:<13} {size:>5}  " + "  ".join(f"{times[s]:8.2f}" for s in STAGES), flush=True)
    print("\nratio 1000 KB / 100 KB (linear ~10, target <= 12):")
    for kind in args.kinds:
        big, small = results.get((kind, 1000)), results.get((kind, 100))
        if not big or not small:
            print(f"  {kind:<13} (needs both sizes)")
            continue
        print(f"  {kind:<13} " + "  ".join(f"{s} {big[s] / max(small[s], 1e-3):6.1f}" for s in STAGES))


if __name__ == "__main__":
    main()
