"""Ingest speed and database size: articles/s into SQLite and PostgreSQL, bytes per 1,000 articles.

Generates N short articles (invented people, varied countries and dates), extracts them once
with the real pipeline (timed), then stores the same extractions into each backend (timed
separately, so storage cost is visible apart from extraction), and a second time to time the
"unchanged" path. PostgreSQL is measured when $COMMUNIQUE_TEST_PG (or 127.0.0.1:5432/test)
answers, in a scratch schema that is dropped afterwards.

    .venv/bin/python benchmarks/ingest_speed.py [--n 500] [--pg URL] [--no-pg]
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
    args = parser.parse_args()

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
