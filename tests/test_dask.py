"""The Dask job: a real 2-worker LocalCluster on loopback extracts to Parquet; the dataset, ingested,
equals a direct ingest row for row (SQLite and PostgreSQL); a worker killed mid-job changes nothing."""
import json
import os
import random
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

pytest.importorskip("distributed", reason="the dask extra is not installed")

from communique.cli import main  # noqa: E402
from communique.read import Document, InputError, iter_documents  # noqa: E402
from communique.scale import parts  # noqa: E402
from communique.scale.job import local_cluster, run_job, run_task  # noqa: E402
from communique.scale.plan import plan_tasks, read_task  # noqa: E402
from communique.store import Store  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures" / "eval" / "texts"

pytestmark = pytest.mark.slow


def n_fixtures() -> int:
    return sum(1 for _ in iter_documents([str(FIXTURES)]))

# Invented people and ordinary capitals for generated reports (kill test).
FIRST = ["Anna", "Marek", "Sofia", "Tomas", "Elena", "Jonas", "Ines", "Karim", "Leila", "Pavel"]
LAST = ["Varga", "Lindqvist", "Moreau", "Okafor", "Haddad", "Petrov", "Silva", "Kowalski", "Brandt", "Rossi"]
PLACES = [("Hungarian", "Budapest"), ("Swedish", "Stockholm"), ("French", "Paris"), ("Nigerian", "Abuja"),
          ("Lebanese", "Beirut"), ("Brazilian", "Brasilia"), ("Japanese", "Tokyo")]
MONTHS = ["January", "February", "March", "April", "May", "June"]


def report_text(i: int) -> dict:
    rnd = random.Random(i)
    (d1, c1), (d2, _) = rnd.sample(PLACES, 2)
    p1, p2 = (f"{rnd.choice(FIRST)} {rnd.choice(LAST)}" for _ in range(2))
    month = rnd.randrange(len(MONTHS))
    day = rnd.randint(1, 28)
    text = (f"{d1} and {d2} ministers hold talks in {c1}\n\n{c1.upper()}, {MONTHS[month]} {day} - {d1} Foreign "
            f"Minister {p1} met {d2} Foreign Minister {p2} in {c1} on {MONTHS[month]} {day}. The two ministers "
            f"discussed trade and energy.\n")
    return {"id": f"gen-{i:03d}", "text": text, "published": f"2025-{month + 1:02d}-{day:02d}"}


@pytest.fixture(scope="module")
def cluster():
    with local_cluster(2) as c:
        yield c


@pytest.fixture(scope="module")
def client(cluster):
    from distributed import Client

    with Client(cluster, set_as_default=False) as c:
        yield c


@pytest.fixture(scope="module")
def dataset(client, tmp_path_factory):
    out = tmp_path_factory.mktemp("ds") / "dataset"
    report = run_job([str(FIXTURES)], str(out), client=client, task_size=8)
    return out, report


def _snapshot(url: str) -> dict:
    """All raw and resolved rows as a reader compares them (timestamps aside; ids included)."""
    with Store.open(url) as store, store.engine.connect() as conn:
        out = {}
        for table, order in (("articles", "id"), ("persons", "article_id, idx"), ("events", "article_id, idx"),
                             ("event_actors", "article_id, event_idx, idx"), ("commitments", "article_id, idx"),
                             ("identities", "id"), ("merged_events", "id"), ("merged_event_members", "1, 2")):
            rows = conn.execute(sa.text(f"SELECT * FROM {table} ORDER BY {order}")).mappings().all()
            out[table] = [{k: v for k, v in r.items() if k not in ("ingested_at", "updated_at", "tsv")} for r in rows]
    return out


@pytest.fixture(scope="module")
def direct_snapshot(tmp_path_factory):
    url = str(tmp_path_factory.mktemp("direct") / "direct.db")
    with Store.open(url) as store:
        report = store.ingest(iter_documents([str(FIXTURES)]), progress=False)
    assert report.failed == []
    return _snapshot(url)


def test_plan_cuts_jsonl_by_line_and_reads_what_iter_documents_reads(tmp_path):
    path = tmp_path / "records.jsonl"
    lines = [json.dumps(report_text(i)) for i in range(9)]
    lines[3] = "{broken"
    lines.insert(5, "")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tasks, errors = plan_tasks([str(path), str(tmp_path / "missing.txt")], 4)
    assert [t.size for t in tasks] == [4, 4, 2] and len(errors) == 1
    assert str(errors[0]).endswith("missing.txt: no such file or directory")

    def key(item):
        return (str(item),) if isinstance(item, InputError) else (item.doc_id, item.text, item.line, item.published)

    from_tasks = [key(d) for t in tasks for d in read_task(t)]
    assert from_tasks == [key(d) for d in iter_documents([str(path)])]
    assert f"{path}:4: invalid JSON" in from_tasks[3][0]


def test_plan_reads_a_parquet_listing_like_jsonl(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    records = [report_text(i) for i in range(7)]
    pq.write_table(pa.Table.from_pylist(records), tmp_path / "listing.parquet", row_group_size=3)
    (tmp_path / "listing.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    tasks, errors = plan_tasks([str(tmp_path / "listing.parquet")], 2)
    assert not errors and [t.size for t in tasks] == [2, 2, 2, 1]
    got = [(d.doc_id, d.text, d.published) for t in tasks for d in read_task(t)]
    assert got == [(d.doc_id, d.text, d.published) for d in iter_documents([str(tmp_path / "listing.jsonl")])]


def test_task_parts_are_per_month_and_a_rerun_replaces_them(tmp_path):
    tasks, _ = plan_tasks([str(FIXTURES)], 6)
    first = run_task(tasks[0], str(tmp_path))
    assert first["written"] == 6 and first["failed"] == []
    assert all(p.startswith("month=") and p.endswith(f"part-{tasks[0].id}.parquet") for p in first["parts"])
    again = run_task(tasks[0], str(tmp_path))  # a retried or duplicated task
    assert again["parts"] == first["parts"]
    files = [p for p in Path(tmp_path).rglob("*") if p.is_file()]
    assert sorted(str(p.relative_to(tmp_path)) for p in files) == sorted(first["parts"])


def test_local_cluster_extracts_the_fixtures_to_parquet(dataset):
    import pyarrow.dataset as pads
    from communique.pipeline import extract_documents

    out, report = dataset
    assert report.failed == [] and report.written == report.documents == n_fixtures()
    manifest = json.loads((out / parts.MANIFEST).read_text())
    assert manifest["articles"] == report.written and len(manifest["tasks"]) == report.tasks >= 4
    table = pads.dataset(str(out), format="parquet", partitioning="hive").to_table()  # what an analyst reads
    assert table.num_rows == report.written
    assert set(table.column("month").to_pylist()) >= {"2025-07", "2025-11"}
    rows = {r["doc_id"]: r for r in table.to_pylist()}
    direct = {d.doc_id: a.to_dict() for d, a in extract_documents(list(iter_documents([str(FIXTURES)])))}
    assert {k: parts.contract_dict(r) for k, r in rows.items()} == \
           {k: {**v, "text": rows[k]["text"]} for k, v in direct.items()}
    assert not [p for p in out.rglob(".*")]  # no temp file left


def test_parquet_then_ingest_equals_direct_ingest_row_for_row(dataset, direct_snapshot, db_url, tmp_path):
    out, _ = dataset
    runner = CliRunner()
    loaded = runner.invoke(main, ["ingest", str(out), "--db", db_url, "--no-progress"])
    assert loaded.exit_code == 0, loaded.stderr
    n = len(direct_snapshot["articles"])
    events = len(direct_snapshot["events"])
    assert loaded.stdout.startswith(f"{n} articles: {n} added, 0 updated, 0 unchanged, 0 failed; {events} raw events")
    assert _snapshot(db_url) == direct_snapshot
    # the fingerprint is raw ingest's: the raw articles offered later, or the dataset again, change nothing
    raw = runner.invoke(main, ["ingest", str(FIXTURES), "--db", db_url, "--no-progress"])
    assert raw.stdout.startswith(f"{n} articles: 0 added, 0 updated, {n} unchanged"), raw.stdout
    again = runner.invoke(main, ["ingest", str(out), "--db", db_url, "--no-progress"])
    assert again.stdout.startswith(f"{n} articles: 0 added, 0 updated, {n} unchanged"), again.stdout
    assert _snapshot(db_url) == direct_snapshot


def test_dataset_after_raw_ingest_is_unchanged_and_a_changed_article_is_replaced(dataset, db_url, tmp_path):
    out, _ = dataset
    runner = CliRunner()
    raw = runner.invoke(main, ["ingest", str(FIXTURES), "--db", db_url, "--no-progress"])
    assert raw.exit_code == 0
    loaded = runner.invoke(main, ["ingest", str(out), "--db", db_url, "--no-progress"])
    n = n_fixtures()
    assert loaded.stdout.startswith(f"{n} articles: 0 added, 0 updated, {n} unchanged"), loaded.stdout
    # an article edited since: the dataset's version replaces it, as raw ingest would
    edited = tmp_path / "edited"
    edited.mkdir()
    name = sorted(FIXTURES.glob("*.txt"))[0]
    (edited / name.name).write_text(name.read_text(encoding="utf-8") + "\nA closing line.\n", encoding="utf-8")
    db2 = str(tmp_path / "edited.db")
    runner.invoke(main, ["ingest", str(edited), "--db", db2, "--no-progress"])
    replaced = runner.invoke(main, ["ingest", str(out), "--db", db2, "--no-progress"])
    assert replaced.stdout.startswith(f"{n} articles: {n - 1} added, 1 updated, 0 unchanged"), replaced.stdout
    with Store.open(db2) as store:
        assert store.article(name.stem)["text"] == name.read_text(encoding="utf-8")


def test_loading_into_a_store_with_articles_resolves_only_what_it_added(dataset, db_url, tmp_path, monkeypatch):
    from communique.store import incremental, resolution

    out, _ = dataset
    runner = CliRunner()
    # the store already holds other articles and some of the dataset's own
    listing = tmp_path / "earlier.jsonl"
    listing.write_text("".join(json.dumps(report_text(i)) + "\n" for i in range(12)), encoding="utf-8")
    earlier = tmp_path / "earlier"
    earlier.mkdir()
    for src in sorted(FIXTURES.glob("*.txt"))[:10]:
        (earlier / src.name).write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    first = runner.invoke(main, ["ingest", str(listing), str(earlier), "--db", db_url, "--no-progress"])
    assert first.exit_code == 0, first.stderr
    with Store.open(db_url) as store, store.engine.connect() as conn:
        before = {r[0] for r in conn.execute(sa.text("SELECT id FROM articles"))}

    runs = []
    real_run = incremental.Run.run

    def recording_run(self, article_ids):
        runs.append((self.full, sorted(article_ids)))
        return real_run(self, article_ids)

    def no_rebuild(*args, **kwargs):
        raise AssertionError("a bulk load rebuilt the whole resolution")

    monkeypatch.setattr(incremental.Run, "run", recording_run)
    monkeypatch.setattr(resolution, "rebuild", no_rebuild)
    n = n_fixtures()
    loaded = runner.invoke(main, ["ingest", str(out), "--db", db_url, "--no-progress"])
    assert loaded.exit_code == 0, loaded.stderr
    assert loaded.stdout.startswith(f"{n} articles: {n - 10} added, 0 updated, 10 unchanged, 0 failed"), loaded.stdout
    with Store.open(db_url) as store, store.engine.connect() as conn:
        added = sorted({r[0] for r in conn.execute(sa.text("SELECT id FROM articles"))} - before)
        assert conn.execute(sa.text("SELECT count(*) FROM resolve_queue")).scalar_one() == 0
    assert runs == [(False, added)]  # one incremental run over the new articles, not a rebuild
    monkeypatch.undo()
    check = runner.invoke(main, ["resolve", "--check", "--db", db_url])
    assert check.exit_code == 0 and "equals a full rebuild" in check.stdout, check.stdout


def _scale_check():
    """benchmarks/scale_check.py as a module: the test runs the script's own job, checks and comparison."""
    import importlib.util
    import sys

    path = Path(__file__).parent.parent / "benchmarks" / "scale_check.py"
    spec = importlib.util.spec_from_file_location("scale_check", path)
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(path.parent))
    environ = dict(os.environ)  # the script pins BLAS threads for its own runs; not for the rest of the tests
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(path.parent))
        os.environ.clear()
        os.environ.update(environ)
    return module


def test_a_killed_worker_is_replaced_and_nothing_is_stored_twice(tmp_path):
    """The small version of benchmarks/scale_check.py: 60 varied fixture articles, a worker
    SIGKILLed after a task has finished; the dataset, loaded, equals a direct ingest table by table."""
    check = _scale_check()
    n_docs = 60
    listing = tmp_path / "corpus.jsonl"
    listing.write_text("".join(json.dumps(r) + "\n" for r in check.corpus(n_docs)), encoding="utf-8")
    out = tmp_path / "dataset"
    job = check.run_dask(str(listing), str(out), task_size=6, kill_after=1, say=lambda *a, **k: None)
    assert job["killed"], "the job ended before a worker could be killed"
    report = job["report"]
    assert report.failed == [] and report.written == n_docs
    assert check.check_dataset(str(out), n_docs) == []  # each part once, no temp file, each document once

    direct_url, loaded_url = str(tmp_path / "direct.db"), str(tmp_path / "loaded.db")
    with Store.open(direct_url) as store:
        store.ingest(iter_documents([str(listing)]), progress=False)
    result = CliRunner().invoke(main, ["ingest", str(out), "--db", loaded_url, "--no-progress"])
    assert result.stdout.startswith(f"{n_docs} articles: {n_docs} added, 0 updated, 0 unchanged, 0 failed")
    direct = check.table_rows(direct_url)
    assert {"articles", "events", "identities", "merged_events", "person_forms"} <= set(direct)
    assert check.compare(direct, check.table_rows(loaded_url)) == []
    assert _snapshot(loaded_url) == _snapshot(direct_url)


def test_cli_engine_dask_writes_a_dataset_and_reports_bad_inputs(tmp_path):
    folder = tmp_path / "inputs"
    folder.mkdir()
    for src in sorted(FIXTURES.glob("*.txt"))[:3]:
        (folder / src.name).write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "bad.jsonl").write_text('{"id": "x", "text": "Talks."}\n[1, 2]\n', encoding="utf-8")
    out = tmp_path / "dataset"
    result = CliRunner().invoke(main, ["extract", str(folder), "--engine", "dask", "--workers", "2", "-o", str(out)])
    assert result.exit_code == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("communique: ")]
    assert errors == [f"communique: {folder / 'bad.jsonl'}:2: record is not a JSON object"]
    assert "5 documents in 1 tasks: 4 articles written, 1 failed" in result.stderr
    assert (out / parts.MANIFEST).is_file()
    usage = CliRunner().invoke(main, ["extract", str(folder), "--engine", "dask"])
    assert usage.exit_code == 2 and "-o DATASET" in usage.stderr


def test_a_dataset_whose_job_did_not_finish_is_refused(dataset, tmp_path):
    import shutil

    out, _ = dataset
    partial = tmp_path / "partial"
    shutil.copytree(out, partial)
    (partial / parts.MANIFEST).unlink()
    result = CliRunner().invoke(main, ["ingest", str(partial), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2 and "did not finish" in result.stderr
