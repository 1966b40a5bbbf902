"""Scale-out figures: documents per CPU-second for one process, `--workers 2` and a 2-worker Dask
LocalCluster on one corpus, in one interleaved run; per-worker start-up; a projection for 10^7
articles; (--memory) a worker's memory over a long stream of novel documents; and (--release-cost)
what letting go of the caches after each chunk costs in CPU time.

Each configuration runs as the real command in a child process; its CPU time (user + system, the
pool's or cluster's processes included, as they are reaped) comes from getrusage. On a shared
machine wall-clock time is noise: the CPU figures and their ratios are the numbers to compare.

    .venv/bin/python benchmarks/scale_out.py --n 400 --rounds 2
    .venv/bin/python benchmarks/scale_out.py --memory --stream 20000
    .venv/bin/python benchmarks/scale_out.py --release-cost --n 320 --rounds 3
"""
import os

for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"  # one thread per process everywhere, so N processes use N cores

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import resource  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "eval" / "texts"
CLI = [sys.executable, "-c", "import sys; from communique.cli import main; sys.exit(main())"]


def corpus(n: int, seed: int = 7) -> list[dict]:
    """n records: the fixture articles, each copy with its paragraphs after the second shuffled."""
    from communique.read import Document, iter_documents

    base = [d for d in iter_documents([FIXTURES]) if isinstance(d, Document)]
    rng = random.Random(seed)
    out = []
    for i in range(n):
        doc = base[i % len(base)]
        paras = doc.text.split("\n\n")
        head, rest = paras[:2], paras[2:]
        if i >= len(base):
            rng.shuffle(rest)
        out.append({"id": f"{doc.doc_id}-{i}", "text": "\n\n".join(head + rest), "published": doc.published,
                    "source": doc.source, "title": doc.title})
    return out


def run(cmd: list[str]) -> dict:
    """Run a command to its end; its wall time and the CPU time of it and every process it reaped."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd[2:])[:200]} failed ({proc.returncode}): {proc.stderr[-1500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu}


def startup() -> dict:
    """One process loading the model, lexicons and gazetteer (what each worker pays once)."""
    code = ("from communique.parallel import extract_chunk; from communique.read import Document; "
            "extract_chunk([Document(doc_id='w', text='The minister met his counterpart in Paris on Monday.')])")
    return run([sys.executable, "-c", code])


def throughput(args) -> None:
    work = Path(tempfile.mkdtemp(prefix="communique-scale-"))
    try:
        listing = work / "corpus.jsonl"
        listing.write_text("".join(json.dumps(r) + "\n" for r in corpus(args.n)), encoding="utf-8")
        configs = {
            "one process": lambda out: CLI + ["extract", str(listing), "-o", str(out / "w1.jsonl"), "--workers", "1"],
            "--workers 2": lambda out: CLI + ["extract", str(listing), "-o", str(out / "w2.jsonl"), "--workers", "2"],
            # the job's own entry point, with tasks of n/4 documents so both workers have work at this size
            "dask 2 workers": lambda out: [sys.executable, "-c", (
                "from communique.scale.job import run_job; "
                f"r = run_job([{str(listing)!r}], {str(out / 'dataset')!r}, workers=2, task_size={max(1, args.n // 4)}); "
                "assert not r.failed, r.failed")],
        }
        results = {name: [] for name in configs}
        starts = []
        for r in range(args.rounds):  # interleaved: each round runs every configuration once
            starts.append(startup())
            for name, make in configs.items():
                out = work / f"round{r}"
                out.mkdir(exist_ok=True)
                if name == "dask 2 workers" and args.no_dask:
                    continue
                results[name].append(run(make(out)))
            same = (work / f"round{r}" / "w1.jsonl").read_bytes() == (work / f"round{r}" / "w2.jsonl").read_bytes()
            print(f"round {r + 1}: --workers 2 output identical to one process: {same}", flush=True)
            if not same:
                sys.exit("outputs differ")
        start_cpu = statistics.median(s["cpu"] for s in starts)
        start_wall = statistics.median(s["wall"] for s in starts)
        print(f"\n{args.n} documents, {args.rounds} interleaved rounds, medians; machine: {os.cpu_count()} cores, "
              f"load average {os.getloadavg()[0]:.1f} at the end")
        print(f"per-worker start-up (model, lexicons, gazetteer): {start_cpu:.1f} CPU-s, {start_wall:.1f} s wall")
        base = None
        rows = []
        for name, runs in results.items():
            if not runs:
                continue
            cpu = statistics.median(x["cpu"] for x in runs)
            wall = statistics.median(x["wall"] for x in runs)
            base = base or (cpu, wall)
            rows.append((name, cpu, wall))
            print(f"{name:<16} {cpu:7.1f} CPU-s  {args.n / cpu:6.1f} docs/CPU-s  CPU x{cpu / base[0]:.3f}  "
                  f"wall {wall:6.1f} s  ({args.n / wall:5.1f} docs/s, speed-up x{base[1] / wall:.2f})")
        rate = args.n / max(rows[0][1] - start_cpu, 1e-9)  # one process, start-up taken out
        print(f"\nsteady rate, one process: {rate:.1f} docs/CPU-s")
        for name, cpu, _ in rows:
            overhead = cpu / rows[0][1]
            core_hours = 1e7 / rate / 3600 * overhead
            line = ", ".join(f"{n} workers {core_hours / n:,.1f} h" for n in (16, 64, 256, 1024))
            print(f"projection, 10^7 articles, {name}: {core_hours:,.0f} core-hours; wall on {line}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


# --------------------------------------------------------------------------- memory

SYLLABLES = ["ka", "lo", "vi", "ren", "dar", "mu", "tes", "qua", "shi", "bor", "el", "nax", "pim", "zu", "gor", "tal"]


def novel_document(i: int):
    """A short report whose persons, places and accord are named with words no earlier document used."""
    from communique.read import Document

    rng = random.Random(i)

    def word():
        return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize() + str(i)

    a, b, place, accord = f"{word()} {word()}", f"{word()} {word()}", word(), word()
    text = (f"Ministers meet in {place}\n\n{place.upper()}, March 3 - Foreign Minister {a} met Ambassador {b} "
            f"in {place} on Monday. {a.split()[1]} said the {accord} accord would be signed in April. "
            f"The two sides discussed trade, energy and the {accord} corridor.\n")
    return Document(doc_id=f"novel-{i}", text=text, published="2025-03-04")


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def memory(args) -> None:
    """A worker's RSS and string-store size over a stream of novel documents, chunk by chunk."""
    import gc

    from communique.nlp import get_nlp
    from communique.parallel import CHUNK_SIZE, chunks, extract_chunk
    from communique.pipeline import extract_documents

    nlp = get_nlp()
    step = max(1000, args.stream // 10)
    marks = iter(sorted({min(1000, args.stream), args.stream, *range(step, args.stream, step)}))
    target = next(marks)
    seen, t0, cpu0 = 0, time.perf_counter(), time.process_time()
    at = {}
    mode = "without memory_zone" if args.no_zone else "with memory_zone"
    if args.keep_caches:  # what the stream did before the caches were let go after each chunk
        from communique import caches

        caches.release_chunk_memory = lambda nlp: None
        mode += ", caches kept"
    print(f"stream of {args.stream} novel documents, chunks of {CHUNK_SIZE}, {mode}", flush=True)
    for chunk in chunks((novel_document(i) for i in range(args.stream)), CHUNK_SIZE):
        if args.no_zone:
            list(extract_documents(chunk))
        else:
            extract_chunk(chunk)
        seen += len(chunk)
        if seen >= target:
            gc.collect()
            at[seen] = rss_mb()
            table = getattr(nlp.vocab.strings, "_map", None)  # the string store's hash table
            print(f"  document {seen:>6}: RSS {at[seen]:7.1f} MB, strings {len(nlp.vocab.strings):>8} "
                  f"(table of {table.capacity if table is not None else '?'}), "
                  f"{seen / (time.process_time() - cpu0):.1f} docs/CPU-s", flush=True)
            target = next(marks, float("inf"))
    first, last = at[min(at)], at[max(at)]
    growth = (last - first) / first * 100
    print(f"RSS from document {min(at)} to {max(at)}: {first:.1f} -> {last:.1f} MB "
          f"({growth:+.1f} %); {time.perf_counter() - t0:.0f} s wall")
    print(f"flat within 5 %: {'yes' if abs(growth) <= 5 else 'NO'}")


# --------------------------------------------------------------------------- release cost

def release_cost(args) -> None:
    """CPU time of one process extracting the same corpus in chunks, with caches.release_chunk_memory
    after each chunk (as shipped) and without it (patched out), in interleaved child processes;
    the model load is left out of the figure."""
    work = Path(tempfile.mkdtemp(prefix="communique-release-"))
    try:
        listing = work / "corpus.jsonl"
        listing.write_text("".join(json.dumps(r) + "\n" for r in corpus(args.n)), encoding="utf-8")

        def child(keep: bool) -> float:
            code = ("import time; from communique import caches; from communique.nlp import get_nlp; "
                    "from communique.parallel import extract_stream; from communique.read import iter_documents; "
                    + ("caches.release_chunk_memory = lambda nlp: None; " if keep else "") +
                    f"get_nlp(); docs = list(iter_documents([{str(listing)!r}])); t = time.process_time(); "
                    "n = sum(1 for _ in extract_stream(docs)); print(n, time.process_time() - t)")
            proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
            if proc.returncode != 0:
                sys.exit(f"child failed: {proc.stderr[-1500:]}")
            return float(proc.stdout.split()[-1])

        times = {"released after each chunk": [], "kept": []}
        for r in range(args.rounds):
            order = list(times) if r % 2 == 0 else list(reversed(times))
            for name in order:
                times[name].append(child(keep=name == "kept"))
            print(f"round {r + 1}: " + ", ".join(f"{k} {v[-1]:.1f} CPU-s" for k, v in times.items()), flush=True)
        ratios = [a / b for a, b in zip(times["released after each chunk"], times["kept"])]
        print(f"{args.n} documents, chunks of 32, {args.rounds} interleaved rounds: CPU with release / without: "
              + ", ".join(f"{x:.3f}" for x in ratios) + f"; median {statistics.median(ratios):.3f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=400, help="corpus size for the throughput run (default 400)")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds (default 2)")
    parser.add_argument("--no-dask", action="store_true", help="leave out the Dask configuration")
    parser.add_argument("--memory", action="store_true", help="measure memory over a long stream instead")
    parser.add_argument("--stream", type=int, default=20000, help="documents in the memory stream (default 20000)")
    parser.add_argument("--no-zone", action="store_true", help="memory stream without memory_zone, to compare")
    parser.add_argument("--keep-caches", action="store_true",
                        help="memory stream with the caches kept between chunks, to compare")
    parser.add_argument("--release-cost", action="store_true",
                        help="CPU cost of releasing the caches after each chunk, against keeping them")
    args = parser.parse_args()
    if args.release_cost:
        release_cost(args)
    else:
        memory(args) if args.memory else throughput(args)


if __name__ == "__main__":
    main()
