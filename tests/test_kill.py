"""kill -9 during `communique ingest`, run it again: every article once, each with its whole
extraction, and the same rows as a clean run (SQLite and PostgreSQL)."""
import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest
import sqlalchemy as sa

from communique.store import Store

N_ARTICLES = 60

# Invented people and ordinary capitals: material for short generated reports.
FIRST = ["Anna", "Marek", "Sofia", "Tomas", "Elena", "Jonas", "Ines", "Karim", "Leila", "Pavel", "Nadia", "Oskar"]
LAST = ["Varga", "Lindqvist", "Moreau", "Okafor", "Haddad", "Petrov", "Silva", "Kowalski", "Brandt", "Rossi",
        "Novak", "Dumont"]
COUNTRIES = [("Hungarian", "Budapest"), ("Swedish", "Stockholm"), ("French", "Paris"), ("Nigerian", "Abuja"),
             ("Lebanese", "Beirut"), ("Bulgarian", "Sofia"), ("Brazilian", "Brasilia"), ("Japanese", "Tokyo")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]


def generated_article(i: int) -> str:
    rnd = random.Random(i)
    (d1, c1), (d2, _) = rnd.sample(COUNTRIES, 2)
    p1 = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
    p2 = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
    month, day = rnd.choice(MONTHS), rnd.randint(1, 28)
    return (f"{d1} and {d2} ministers hold talks in {c1}\n\n"
            f"{c1.upper()}, {month} {day}, 2025 - {d1} Foreign Minister {p1} met {d2} Foreign Minister {p2} "
            f"in {c1} on {month} {day}, 2025. The two ministers discussed trade, energy and maritime "
            f"cooperation.\n\n{p1.split()[1]} said both sides would open a new consulate next year.\n")


@pytest.fixture(scope="module")
def article_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("generated")
    for i in range(N_ARTICLES):
        (folder / f"gen-{i:03d}.txt").write_text(generated_article(i), encoding="utf-8")
    return folder


def _engine(url: str):
    return Store.open(url).engine


def _snapshot(url: str) -> dict:
    """What a run leaves: doc ids, each article's extraction, and row counts per table."""
    engine = _engine(url)
    with engine.connect() as conn:
        docs = conn.execute(sa.text("SELECT doc_id FROM articles ORDER BY doc_id")).scalars().all()
        extraction = {r.doc_id: json.loads(r.extraction) for r in conn.execute(
            sa.text("SELECT doc_id, extraction FROM articles"))}
        counts = {t: conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one()
                  for t in ("articles", "persons", "events", "event_actors", "commitments", "identities",
                            "merged_events", "merged_event_members")}
    engine.dispose()
    return {"docs": docs, "extraction": extraction, "counts": counts}


def _assert_complete(url: str) -> None:
    """Every stored article has exactly the persons/events rows its stored extraction lists."""
    engine = _engine(url)
    with engine.connect() as conn:
        rows = conn.execute(sa.text(
            "SELECT a.doc_id, a.extraction, "
            "(SELECT count(*) FROM persons p WHERE p.article_id = a.id) AS n_persons, "
            "(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS n_events FROM articles a")).all()
    engine.dispose()
    for r in rows:
        ex = json.loads(r.extraction)
        assert (r.n_persons, r.n_events) == (len(ex["persons"]), len(ex["events"])), r.doc_id


def _ingest_cmd(folder, url):
    code = "import sys; from communique.cli import main; sys.exit(main())"
    return [sys.executable, "-c", code, "ingest", str(folder), "--db", url, "--batch-size", "2", "--no-progress"]


def _count_articles(url: str) -> int:
    try:
        engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1)
                                  if url.startswith("postgresql://") else f"sqlite:///{url}",
                                  poolclass=sa.pool.NullPool)
        with engine.connect() as conn:
            return conn.execute(sa.text("SELECT count(*) FROM articles")).scalar_one()
    except sa.exc.DBAPIError:  # tables not created yet
        return 0


@pytest.fixture(scope="module")
def clean_run(article_dir, tmp_path_factory):
    """A run that nobody interrupts, for comparison (extraction is the same on either backend)."""
    from communique.read import iter_documents

    url = str(tmp_path_factory.mktemp("clean") / "clean.db")
    with Store.open(url) as clean:
        report = clean.ingest(iter_documents([str(article_dir)]), progress=False)
    assert report.added == N_ARTICLES and report.failed == []
    return _snapshot(url)


@pytest.mark.slow
def test_kill_during_ingest_then_rerun(db_url, article_dir, clean_run):
    proc = subprocess.Popen(_ingest_cmd(article_dir, db_url), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 180
    seen = 0
    while time.monotonic() < deadline and proc.poll() is None:
        seen = _count_articles(db_url)
        if seen > 0:
            break
        time.sleep(0.02)
    if proc.poll() is not None:
        out, err = proc.communicate()
        pytest.fail(f"ingest ended before it could be killed (rc {proc.returncode}): {err.decode()[-500:]}")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    at_kill = _count_articles(db_url)
    assert 0 < at_kill < N_ARTICLES, "the run should have been killed half-way"
    _assert_complete(db_url)

    rerun = subprocess.run(_ingest_cmd(article_dir, db_url), capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr[-800:]
    summary = rerun.stdout.strip().splitlines()[-1]
    assert summary.startswith(f"{N_ARTICLES} articles: {N_ARTICLES - at_kill} added, 0 updated, {at_kill} unchanged, "
                              "0 failed"), summary

    after, expected = _snapshot(db_url), clean_run
    assert after["docs"] == [f"gen-{i:03d}" for i in range(N_ARTICLES)]  # each exactly once
    assert after["counts"] == expected["counts"]
    assert after["extraction"] == expected["extraction"]
    assert expected["counts"]["events"] >= N_ARTICLES  # the real pipeline found the meetings
    _assert_complete(db_url)
    assert summary.endswith(f"{expected['counts']['events']} raw events -> {expected['counts']['merged_events']} events")


# ---------------------------------------------------------------- kill -9 during an incremental resolve

# The child ingests pre-extracted articles into a stored corpus and is held inside the resolve
# transaction (after the identities are written, before the events) so the kill lands there.
_HELD_RESOLVE = r"""
import json, sys, time
from communique.model import Article
from communique.store import Store
from communique.store import incremental

original = incremental.Run._events
def held(self, article_ids):
    print("resolving", flush=True)
    time.sleep(60)
    return original(self, article_ids)
incremental.Run._events = held
articles = [Article.from_dict(json.loads(line)) for line in open(sys.argv[2], encoding="utf-8")]
with Store.open(sys.argv[1]) as store:
    store.ingest(articles, progress=False)
"""


def _pre_extracted(i: int):
    """A generated article with the extraction the pipeline would give it (no NLP needed)."""
    from communique.model import Actor, Article, Event, Location, Person

    rnd = random.Random(i)
    (d1, c1), (d2, _) = rnd.sample(COUNTRIES, 2)
    codes = {"Hungarian": "HUN", "Swedish": "SWE", "French": "FRA", "Nigerian": "NGA", "Lebanese": "LBN",
             "Bulgarian": "BGR", "Brazilian": "BRA", "Japanese": "JPN"}
    p1, p2 = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}", f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
    text = generated_article(i)
    persons = [Person(name=p, country=codes[d], titles=["Foreign Minister"], mentions=[(text.find(p), text.find(p) + len(p))])
               for p, d in ((p1, d1), (p2, d2))]
    month, day = rnd.choice(MONTHS), rnd.randint(1, 28)
    ev = Event(type="CONSULT", cameo="040", mode="meeting", date=f"2025-{MONTHS.index(month) + 1:02d}-{day:02d}",
               actors=[Actor(name=p.name, kind="person", country=p.country) for p in persons],
               location=Location(c1, codes[d1]))
    return Article(doc_id=f"pre-{i:03d}", text=text, persons=persons, events=[ev])


@pytest.mark.slow
def test_kill_during_incremental_resolve_leaves_a_consistent_store(db_url, tmp_path):
    first, second = [_pre_extracted(i) for i in range(40)], [_pre_extracted(i) for i in range(40, 60)]
    with Store.open(db_url) as store:
        store.ingest(first, progress=False)
        before = store.events()
        assert store.check() == []
    batch = tmp_path / "second.jsonl"
    batch.write_text("".join(json.dumps(a.to_dict()) + "\n" for a in second), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", _HELD_RESOLVE, db_url, str(batch)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    if line.strip() != "resolving":
        proc.kill()
        pytest.fail(f"the child never reached the resolve step: {proc.stderr.read()[-800:]}")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    # the new articles are stored and queued; the resolution is still the old one, whole
    engine = sa.create_engine(db_url.replace("postgresql://", "postgresql+psycopg://", 1)
                              if db_url.startswith("postgresql://") else f"sqlite:///{db_url}",
                              poolclass=sa.pool.NullPool)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM articles")).scalar_one() == 60
        assert conn.execute(sa.text("SELECT count(*) FROM resolve_queue")).scalar_one() == 20
        assert conn.execute(sa.text("SELECT count(*) FROM merged_events")).scalar_one() == len(before)
        assert conn.execute(sa.text("SELECT count(*) FROM identity_members")).scalar_one() == 80
    engine.dispose()

    with Store.open(db_url) as store:  # opening resolves what is queued
        assert store.check() == []
        assert len(store.events()) >= len(before)
        members = sum(len(e["sources"]) for e in store.events())
        assert members == 60  # every article's meeting is in exactly one merged event
    clean = tmp_path / "clean.db"
    with Store.open(str(clean)) as store:
        store.ingest(first + second, progress=False)
        expected = sorted((e["id"], e["n_sources"]) for e in store.events())
    with Store.open(db_url) as store:
        assert sorted((e["id"], e["n_sources"]) for e in store.events()) == expected
