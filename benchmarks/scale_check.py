"""Check the Dask path end to end: a job on a 2-worker LocalCluster, bulk-loaded, equals a direct
ingest row for row, and so does the same job with one worker SIGKILLed mid-job.

The corpus is N documents varied from the project's own fixture articles (tests/fixtures/eval/
texts, paragraphs after the second reordered, as benchmarks/scale_out.py does). Three stores:

  A  `communique ingest corpus.jsonl --workers 2`                       (direct)
  B  the Dask job to dataset-B/, then `communique ingest dataset-B/`    (bulk)
  C  the same job, one worker process killed (SIGKILL of its pid, found with client.run) once
     some tasks have written their parts; the job must still finish, then `ingest dataset-C/`

Every table of B and of C is compared with A's, row for row, surrogate ids included. Left out,
because they legitimately differ: the timestamps (`ingested_at`, `updated_at`,
`schema_migrations.applied_at`), `meta.revision` (a random token for caches, new on each write),
PostgreSQL's `tsv` (derived from the text) and SQLite FTS5's shadow tables (`articles_fts_data`,
`_idx`, `_docsize`, `_config`: index segments laid out by how many transactions wrote; the
indexed rows, `articles_fts`, are compared). The datasets are checked too: each task's parts
once, no temporary file left, each document once. Exit status 0 when everything holds.

    .venv/bin/python benchmarks/scale_check.py --n 2000
    .venv/bin/python benchmarks/scale_check.py --n 80 --task-size 8
    .venv/bin/python benchmarks/scale_check.py --n 2000 --only-killed --db A.db B.db C.db   # A already ingested
"""
import os

for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"  # one thread per process everywhere, so N processes use N cores

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import shutil  # noqa: E402
import signal  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale_out import corpus  # noqa: E402  (the fixture articles, varied)

CLI = [sys.executable, "-c", "import sys; from communique.cli import main; sys.exit(main())"]
TIMESTAMPS = {"ingested_at", "updated_at", "applied_at"}
DERIVED = {"tsv"}
FTS_SHADOW = ("_data", "_idx", "_docsize", "_config")


def cpu_now() -> float:
    """CPU seconds of this process and of every child it has reaped (CLI runs, cluster workers)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def cli(*args: str) -> str:
    proc = subprocess.run(CLI + list(args), capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"communique {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return proc.stdout.strip()


# --------------------------------------------------------------------------- the job

def run_dask(listing: str, dataset: str, *, task_size: int, kill_after: int = 0, say=print) -> dict:
    """The Dask job on a fresh 2-worker LocalCluster; with kill_after=K, one busy worker is
    SIGKILLed once K tasks have finished. Returns the job report and what was killed."""
    from distributed import Client

    from communique.scale.job import _quiet_close, local_cluster, run_job

    cluster = local_cluster(2)
    client = Client(cluster, set_as_default=False)
    done, killed, finished = {}, {}, []
    try:
        def job():
            try:
                done["report"] = run_job([listing], dataset, client=client, task_size=task_size,
                                         on_task=finished.append)
            except BaseException as exc:  # noqa: BLE001 - reported by the caller
                done["error"] = exc

        thread = threading.Thread(target=job, daemon=True)
        thread.start()
        while kill_after and not killed and thread.is_alive():
            busy = {w: keys for w, keys in client.processing().items() if keys}
            if busy and len(finished) >= kill_after:  # mid-job: some tasks done, others running
                worker, keys = next(iter(busy.items()))
                pid = client.run(os.getpid, workers=[worker])[worker]
                os.kill(pid, signal.SIGKILL)
                killed = {"pid": pid, "worker": worker, "assigned": sorted(keys), "finished": len(finished)}
                say(f"  killed worker pid {pid} ({worker}) after {len(finished)} tasks had finished; "
                    f"its tasks: {', '.join(k.removeprefix('communique-extract-') for k in sorted(keys))}",
                    flush=True)
            time.sleep(0.05)
        thread.join()
    finally:
        client.close()
        _quiet_close(cluster)
    if "error" in done:
        raise done["error"]
    return {"report": done["report"], "killed": killed}


def check_dataset(dataset: str, n: int) -> list[str]:
    """Problems with a finished dataset: parts not in the manifest or missing, temporary files,
    documents missing or present twice."""
    import pyarrow.parquet as pq

    from communique.scale.parts import MANIFEST

    root = Path(dataset)
    manifest = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    on_disk = sorted(str(p.relative_to(root)) for p in root.glob("month=*/part-*.parquet"))
    problems = []
    if sorted(manifest["parts"]) != on_disk or len(set(on_disk)) != len(manifest["parts"]):
        problems.append(f"parts on disk {len(on_disk)} != parts in the manifest {len(manifest['parts'])}")
    temps = [str(p) for p in root.rglob(".*")]
    if temps:
        problems.append(f"temporary files left: {temps[:3]}")
    ids = [d for part in on_disk for d in pq.read_table(root / part, columns=["doc_id"]).column(0).to_pylist()]
    if len(ids) != n or len(set(ids)) != n:
        problems.append(f"{len(ids)} rows, {len(set(ids))} distinct documents, {n} expected")
    return problems


# --------------------------------------------------------------------------- comparing stores

def table_rows(url: str) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, with the legitimately differing columns and rows left out."""
    import sqlalchemy as sa

    from communique.store.database import make_engine

    engine = make_engine(url)
    out = {}
    try:
        inspector = sa.inspect(engine)
        with engine.connect() as conn:
            for table in sorted(inspector.get_table_names()):
                if table.startswith("articles_fts") and table.endswith(FTS_SHADOW):
                    continue
                columns = [c["name"] for c in inspector.get_columns(table)
                           if c["name"] not in TIMESTAMPS | DERIVED]
                query = f"SELECT {', '.join(columns)} FROM {table}"
                if table == "articles_fts":
                    query = f"SELECT rowid, {', '.join(columns)} FROM {table}"
                if table == "meta":
                    query += " WHERE key <> 'revision'"
                rows = [tuple(r) for r in conn.execute(sa.text(query))]
                out[table] = sorted(rows, key=lambda r: tuple((v is None, str(type(v)), v) for v in r))
    finally:
        engine.dispose()
    return out


def compare(a: dict, b: dict) -> list[str]:
    """Differences between two stores' tables, one line each (at most a few per table)."""
    problems = []
    for table in sorted(set(a) | set(b)):
        ra, rb = a.get(table), b.get(table)
        if ra is None or rb is None:
            problems.append(f"{table}: only in one store")
        elif ra != rb:
            first = next((i for i, (x, y) in enumerate(zip(ra, rb)) if x != y), min(len(ra), len(rb)))
            problems.append(f"{table}: {len(ra)} rows against {len(rb)}; first difference at row {first}")
    return problems


# --------------------------------------------------------------------------- main

def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="documents (default 2000)")
    parser.add_argument("--task-size", type=int, default=None,
                        help="documents per Dask task (default n/20, so a killed worker leaves finished tasks)")
    parser.add_argument("--db", nargs=3, metavar=("A", "B", "C"), default=None,
                        help="three empty store URLs (default: SQLite files in a temporary folder)")
    parser.add_argument("--kill-after", type=int, default=2,
                        help="kill a worker once this many tasks have finished (default 2; 0: no killed run)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (printed)")
    parser.add_argument("--work", default=None, help="folder for the corpus and datasets, kept (default: a "
                        "temporary one); runs that share a store (--only-killed) must share it, as the "
                        "store records each input's path")
    parser.add_argument("--only-killed", action="store_true",
                        help="leave out the job without a kill (B); with --db, A may be a store already ingested")
    args = parser.parse_args(argv)
    task_size = args.task_size or max(1, args.n // 20)
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="communique-scale-check-"))
    work.mkdir(parents=True, exist_ok=True)
    keep = args.keep or args.work
    urls = args.db or [str(work / f"{name}.db") for name in "ABC"]
    failures = []
    try:
        listing = work / "corpus.jsonl"
        listing.write_text("".join(json.dumps(r) + "\n" for r in corpus(args.n)), encoding="utf-8")
        print(f"{args.n} documents (fixture articles, varied); Dask tasks of {task_size}; "
              f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}", flush=True)

        t0, c0 = time.perf_counter(), cpu_now()
        line = cli("ingest", str(listing), "--db", urls[0], "--workers", "2", "--no-progress")
        print(f"A direct ingest --workers 2: {line}  [{cpu_now() - c0:.0f} CPU-s, "
              f"{time.perf_counter() - t0:.0f} s]", flush=True)
        rows_a = table_rows(urls[0])

        runs = [("B", 0, urls[1])] * (not args.only_killed) + \
            ([("C", args.kill_after, urls[2])] if args.kill_after else [])
        for name, kill, url in runs:
            dataset = str(work / f"dataset-{name}")
            shutil.rmtree(dataset, ignore_errors=True)  # a previous run's parts
            label = "Dask job, one worker killed" if kill else "Dask job"
            t0, c0 = time.perf_counter(), cpu_now()
            job = run_dask(str(listing), dataset, task_size=task_size, kill_after=kill)
            report = job["report"]
            print(f"{name} {label}: {report.summary()}  [{cpu_now() - c0:.0f} CPU-s, "
                  f"{time.perf_counter() - t0:.0f} s]", flush=True)
            if kill and not job["killed"]:
                failures.append(f"{name}: the job ended before a worker could be killed (use a smaller --task-size)")
            elif kill:
                print(f"{name}: the job completed after the kill; tasks the dead worker held were run again",
                      flush=True)
            if report.failed:
                failures.append(f"{name}: {len(report.failed)} failed: {report.failed[:3]}")
            for problem in check_dataset(dataset, args.n):
                failures.append(f"{name} dataset: {problem}")
            t0, c0 = time.perf_counter(), cpu_now()
            line = cli("ingest", dataset, "--db", url, "--no-progress")
            print(f"{name} bulk ingest: {line}  [{cpu_now() - c0:.0f} CPU-s, {time.perf_counter() - t0:.0f} s]",
                  flush=True)
            differences = compare(rows_a, table_rows(url))
            failures += [f"{name} against A: {d}" for d in differences]
            if not differences:
                compared = sum(len(r) for r in rows_a.values())
                print(f"{name} equals A row for row: {len(rows_a)} tables, {compared:,} rows", flush=True)
        counts = ", ".join(f"{t} {len(r):,}" for t, r in rows_a.items() if r)
        print(f"tables of A: {counts}")
    finally:
        if keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    for failure in failures:
        print(f"FAIL {failure}")
    print("OK: every store equals the direct ingest row for row" if not failures else f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
