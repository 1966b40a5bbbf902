"""Ingest speed and database size: articles/s into SQLite and PostgreSQL, bytes per 1,000 articles.

Generates N short articles (invented people, varied countries and dates), extracts them once
with the real pipeline (timed), then stores the same extractions into each backend (timed
separately, so storage cost is visible apart from extraction), and a second time to time the
"unchanged" path. PostgreSQL is measured when $COMMUNIQUE_TEST_PG (or 127.0.0.1:5432/test)
answers, in a scratch schema that is dropped afterwards.

    .venv/bin/python benchmarks/ingest_speed.py [--n 500] [--pg URL] [--no-pg]
    .venv/bin/python benchmarks/ingest_speed.py --incremental [--sizes 1000,10000,50000] [--rounds 2]

--incremental measures what growing a corpus costs: the CPU time of ingesting the same 100 new
articles (extracted by the real pipeline, through Store.ingest) into stored corpora of each size,
interleaved over rounds, each in a fresh process on a fresh copy of the corpus. The corpora are
built once (cached under --cache) through the store's bulk path: pre-extracted articles of the
same generator, so no text is extracted for them. The last line is
`incremental_ratio_50k_1k=X peak_rss_mib=Y` (X: median CPU at the largest size over the median at
the smallest; Y: the peak RSS of the process ingesting into the largest corpus).
"""
import argparse
import os
import random
import sys
import tempfile
import time
import uuid
from urllib.parse import quote

import sqlalchemy as sa

from communique.store import Store, StoreError

FIRST = ["Anna", "Marek", "Sofia", "Tomas", "Elena", "Jonas", "Ines", "Karim", "Leila", "Pavel", "Nadia", "Oskar",
         "Hiro", "Amara", "Diego", "Freya"]
LAST = ["Varga", "Lindqvist", "Moreau", "Okafor", "Haddad", "Petrov", "Silva", "Kowalski", "Brandt", "Rossi",
        "Novak", "Dumont", "Achebe", "Moreno", "Larsen", "Ito"]
COUNTRIES = [("Hungarian", "Budapest"), ("Swedish", "Stockholm"), ("French", "Paris"), ("Nigerian", "Abuja"),
             ("Lebanese", "Beirut"), ("Bulgarian", "Sofia"), ("Brazilian", "Brasilia"), ("Japanese", "Tokyo"),
             ("Kenyan", "Nairobi"), ("Chilean", "Santiago"), ("Indonesian", "Jakarta"), ("Canadian", "Ottawa")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
TOPICS = ["trade and investment", "energy security", "maritime cooperation", "climate finance",
          "education exchanges", "public health", "digital infrastructure"]


def article(i: int) -> str:
    """One generated report of a ministerial meeting, about 120 words."""
    rnd = random.Random(i)
    (d1, c1), (d2, c2) = rnd.sample(COUNTRIES, 2)
    p1, p2 = (f"{rnd.choice(FIRST)} {rnd.choice(LAST)}" for _ in range(2))
    month, day, year = rnd.choice(MONTHS), rnd.randint(1, 28), rnd.choice([2023, 2024, 2025])
    t1, t2 = rnd.sample(TOPICS, 2)
    return (f"{d1} and {d2} ministers hold talks in {c1}\n\n"
            f"{c1.upper()}, {month} {day}, {year} - {d1} Foreign Minister {p1} met {d2} Foreign Minister {p2} "
            f"in {c1} on {month} {day}, {year}. The two ministers discussed {t1} and {t2}, and agreed to "
            f"meet again in {c2} next year.\n\n{p1.split()[1]} said the partnership had grown steadily and "
            f"that both governments would open new consulates. {p2.split()[1]} welcomed the proposal and "
            f"invited business delegations to take part in a forum on {t1}.\n")


DEMONYM_CODES = {"Hungarian": "HUN", "Swedish": "SWE", "French": "FRA", "Nigerian": "NGA", "Lebanese": "LBN",
                 "Bulgarian": "BGR", "Brazilian": "BRA", "Japanese": "JPN", "Kenyan": "KEN", "Chilean": "CHL",
                 "Indonesian": "IDN", "Canadian": "CAN"}


def pre_extracted(i: int):
    """What extraction makes of article(i), built directly (the bulk path for large corpora)."""
    from communique.model import Actor, Article, Event, Location, Person

    rnd = random.Random(i)
    (d1, c1), (d2, c2) = rnd.sample(COUNTRIES, 2)
    p1, p2 = (f"{rnd.choice(FIRST)} {rnd.choice(LAST)}" for _ in range(2))
    month, day, year = rnd.choice(MONTHS), rnd.randint(1, 28), rnd.choice([2023, 2024, 2025])
    text = article(i)
    persons = []
    for name, demonym in ((p1, d1), (p2, d2)):
        start = text.find(name)
        persons.append(Person(name=name, country=DEMONYM_CODES[demonym], titles=["Foreign Minister"],
                              mentions=[(start, start + len(name))]))
    date = f"{year}-{MONTHS.index(month) + 1:02d}-{day:02d}"
    sentence = text.find(f"{d1} Foreign Minister")
    ev = Event(type="CONSULT", cameo="040", mode="meeting", date=date,
               actors=[Actor(name=p1, kind="person", country=persons[0].country),
                       Actor(name=p2, kind="person", country=persons[1].country)],
               location=Location(c1, DEMONYM_CODES[d1]), evidence=[(sentence, text.find(".", sentence) + 1)])
    return Article(doc_id=f"bulk-{i:06d}", text=text, title=text.splitlines()[0], persons=persons, events=[ev])


def _corpus_path(cache: str, n: int) -> str:
    import hashlib
    from pathlib import Path

    src = Path(__file__).resolve().parents[1] / "src" / "communique"
    digest = hashlib.sha1()
    for f in (src / "store" / "schema.py", src / "store" / "migrations.py"):  # the stored shape
        digest.update(f.read_bytes())
    os.makedirs(cache, exist_ok=True)
    return os.path.join(cache, f"corpus-{n}-{digest.hexdigest()[:10]}.db")


def corpora(cache: str, sizes: list[int]) -> dict[int, str]:
    """SQLite corpora of each size (pre-extracted articles 0..n-1), built once per code version:
    each size is the next smaller one grown through Store.ingest."""
    import shutil

    out, have, prev = {}, 0, None
    for n in sorted(sizes):
        path = _corpus_path(cache, n)
        if not os.path.exists(path):
            start = time.perf_counter()
            tmp = path + ".tmp"
            for ext in ("", "-wal", "-shm"):
                if os.path.exists(tmp + ext):
                    os.remove(tmp + ext)
            if prev:
                shutil.copyfile(prev, tmp)
            with Store.open(tmp) as store:
                for first in range(have, n, 5000):
                    store.ingest([pre_extracted(i) for i in range(first, min(n, first + 5000))], progress=False,
                                 batch_size=500)
                with store.engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            os.replace(tmp, path)
            print(f"built corpus of {n} articles in {time.perf_counter() - start:.0f} s: {path}", flush=True)
        out[n], have, prev = path, n, path
    return out


def measure_one(db: str) -> None:
    """(child process) ingest the 100 new articles into db; print CPU seconds and peak RSS."""
    import json
    import resource

    from communique.pipeline import extract_documents
    from communique.read import document_from_text

    list(extract_documents([document_from_text(article(10 ** 6 - 1), doc_id="warm-up")]))  # load the model
    docs = [document_from_text(article(10 ** 6 + k), doc_id=f"new-{k:03d}") for k in range(100)]
    with Store.open(db) as store:
        cpu, wall = time.process_time(), time.perf_counter()
        report = store.ingest(docs, progress=False)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    print(json.dumps({"cpu": cpu, "wall": wall, "added": report.added,
                      "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def incremental(sizes: list[int], rounds: int, cache: str) -> int:
    import json
    import shutil
    import statistics
    import subprocess

    built = corpora(cache, sizes)
    results: dict[int, list[dict]] = {n: [] for n in sizes}
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(rounds):
            for n in sizes:  # interleaved: machine load falls on every size alike
                db = os.path.join(tmp, f"run-{n}.db")
                shutil.copyfile(built[n], db)
                out = subprocess.run([sys.executable, __file__, "--measure-one", db], capture_output=True, text=True,
                                     check=True)
                res = json.loads(out.stdout.strip().splitlines()[-1])
                results[n].append(res)
                print(f"round {r + 1}: {n:>6} stored + 100 new: cpu {res['cpu']:.2f} s, wall {res['wall']:.2f} s, "
                      f"peak RSS {res['rss_mib']:.0f} MiB, added {res['added']}", flush=True)
                os.remove(db)
    med = {n: statistics.median(x["cpu"] for x in results[n]) for n in sizes}
    for n in sizes:
        print(f"{n:>6} stored: median cpu {med[n]:.2f} s for 100 new articles ({med[n] / med[sizes[0]]:.2f}x)")
    big, small = max(sizes), min(sizes)
    rss = max(x["rss_mib"] for x in results[big])
    label = f"{big // 1000}k_{small // 1000}k" if small >= 1000 else f"{big}_{small}"
    print(f"incremental_ratio_{label}={med[big] / med[small]:.2f} peak_rss_mib={rss:.0f}")
    return 0


def extract_all(n: int):
    from communique.pipeline import extract_documents
    from communique.read import document_from_text

    docs = [document_from_text(article(i), doc_id=f"bench-{i:05d}") for i in range(n)]
    start = time.perf_counter()
    results = list(extract_documents(docs))
    elapsed = time.perf_counter() - start
    arts = [a for _, a in results if not isinstance(a, Exception)]
    for doc, art in results:
        if not isinstance(art, Exception):
            art.text = art.text or doc.text
    return arts, elapsed


def pg_size(engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(sa.text(
            "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'm')")).scalar_one())


def measure(label: str, url: str, arts, size_of) -> float:
    """Store the extracted articles twice (new, then unchanged); print rates and size; return seconds."""
    with Store.open(url) as store:
        start = time.perf_counter()
        report = store.ingest(arts, progress=False)
        first = time.perf_counter() - start
        start = time.perf_counter()
        store.ingest(arts, progress=False)
        again = time.perf_counter() - start
        size = size_of(store)
    n = report.added
    print(f"{label:<11} store {n} articles: {n / first:8.1f} articles/s  ({first:.2f} s, incl. resolution of "
          f"{report.raw_events} raw -> {report.merged_events} events)")
    print(f"{label:<11} re-ingest unchanged: {n / again:8.1f} articles/s")
    print(f"{label:<11} size: {size / n * 1000 / 1e6:8.2f} MB per 1,000 articles ({size / 1e6:.2f} MB total)")
    return first


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500, help="articles to generate (default 500)")
    parser.add_argument("--pg", default=os.environ.get("COMMUNIQUE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test"))
    parser.add_argument("--no-pg", action="store_true", help="measure SQLite only")
    parser.add_argument("--incremental", action="store_true", help="CPU of 100 new articles into corpora of --sizes")
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "communique-bench"))
    parser.add_argument("--measure-one", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--build-only", action="store_true", help="only build (cache) the corpora of --sizes")
    args = parser.parse_args()
    if args.measure_one:
        measure_one(args.measure_one)
        return 0
    if args.build_only:
        corpora(args.cache, [int(x) for x in args.sizes.split(",")])
        return 0
    if args.incremental:
        return incremental([int(x) for x in args.sizes.split(",")], args.rounds, args.cache)

    arts, seconds = extract_all(args.n)
    print(f"extraction  {len(arts)} articles: {len(arts) / seconds:8.1f} articles/s  ({seconds:.2f} s, real pipeline)")

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bench.db")

        def sqlite_size(store):
            with store.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            return os.path.getsize(path)

        stored = measure("sqlite", path, arts, sqlite_size)
        print(f"{'sqlite':<11} end to end (extract + store): {len(arts) / (seconds + stored):8.1f} articles/s")

    if args.no_pg:
        return 0
    schema = "bench_" + uuid.uuid4().hex[:10]
    base = args.pg.replace("postgresql://", "postgresql+psycopg://", 1)
    try:
        admin = sa.create_engine(base, connect_args={"connect_timeout": 3})
        with admin.begin() as conn:
            conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    except sa.exc.DBAPIError as exc:
        print(f"postgresql  skipped: {args.pg} does not answer ({' '.join(str(exc.orig).split())[:120]})")
        return 0
    sep = "&" if "?" in args.pg else "?"
    try:
        stored = measure("postgresql", f"{args.pg}{sep}options={quote('-csearch_path=' + schema)}", arts,
                         lambda store: pg_size(store.engine))
        print(f"{'postgresql':<11} end to end (extract + store): {len(arts) / (seconds + stored):8.1f} articles/s")
    except StoreError as exc:
        print(f"postgresql  failed: {exc}")
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        admin.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
