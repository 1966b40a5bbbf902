"""--workers N: the chunk function, the process pool's ordering, and the commands' output, which must
not change with the number of workers (real model, real fork pool, real SQLite/PostgreSQL)."""
import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from communique.cli import main
from communique.parallel import (WorkerPool, chunks, extract_chunk, extract_stream, resolve_workers,
                                 serial_extractor)
from communique.read import Document, iter_documents

FIXTURES = Path(__file__).parent / "fixtures" / "eval" / "texts"


@pytest.fixture(scope="module")
def fixture_docs():
    docs = list(iter_documents([str(FIXTURES)]))
    assert len(docs) >= 30 and all(isinstance(d, Document) for d in docs)
    return docs


@pytest.fixture(scope="module")
def direct(fixture_docs):
    """The fixtures through the pipeline's own entry point, one process: the reference."""
    from communique.pipeline import extract_documents

    return {doc.doc_id: result.to_dict() for doc, result in extract_documents(fixture_docs)}


def test_chunks_are_consecutive_and_lazy():
    taken = []

    def source():
        for i in range(7):
            taken.append(i)
            yield i

    it = chunks(source(), 3)
    assert next(it) == [0, 1, 2] and taken == [0, 1, 2]  # reads no further than the chunk it returns
    assert list(it) == [[3, 4, 5], [6]]
    with pytest.raises(ValueError):
        next(chunks([1], 0))


def test_worker_count_from_option_or_environment(monkeypatch):
    monkeypatch.delenv("COMMUNIQUE_WORKERS", raising=False)
    assert resolve_workers(None) == 1
    monkeypatch.setenv("COMMUNIQUE_WORKERS", "3")
    assert resolve_workers(None) == 3 and resolve_workers(2) == 2
    assert resolve_workers(0) >= 1
    monkeypatch.setenv("COMMUNIQUE_WORKERS", "many")
    with pytest.raises(ValueError, match="COMMUNIQUE_WORKERS"):
        resolve_workers(None)


def test_chunk_function_gives_the_pipelines_articles_in_input_order(fixture_docs, direct):
    broken = Document(doc_id="broken", text=None)  # the body detector cannot read it
    docs = [fixture_docs[0], broken, *fixture_docs[1:5]]
    results = extract_chunk(docs)
    assert len(results) == len(docs)
    assert isinstance(results[1], Exception)
    got = [r.to_dict() for i, r in enumerate(results) if i != 1]
    assert got == [direct[d.doc_id] for d in docs if d is not broken]


def test_chunk_leaves_the_string_store_as_it_found_it(fixture_docs):
    """memory_zone: a stream of novel articles does not grow the vocabulary without bound."""
    from communique.nlp import get_nlp

    nlp = get_nlp()
    extract_chunk(fixture_docs[:2])  # lazily loaded data settles first
    before = len(nlp.vocab.strings)
    novel = [Document(doc_id=f"novel-{i}", text=(
        f"Foreign Minister Zorvath{i}qel Brannimunt met Ambassador Quelloran{i}vix Tarsh in Ulvenmark{i} on "
        f"Monday. Brannimunt said the Xandr{i}opol accord would be signed in March.")) for i in range(40)]
    extract_chunk(novel)
    assert len(nlp.vocab.strings) <= before + 5


def test_two_workers_give_the_same_results_in_the_same_order(fixture_docs, direct):
    streamed = list(extract_stream(iter(fixture_docs), workers=2, chunk_size=4))
    assert [d.doc_id for d, _ in streamed] == [d.doc_id for d in fixture_docs]
    assert {d.doc_id: r.to_dict() for d, r in streamed} == direct


def test_pool_extractor_hook_spreads_one_batch_and_keeps_order(fixture_docs, direct):
    batch = fixture_docs[:10]
    with WorkerPool(2) as pool:
        got = list(pool.extractor(batch))
    assert [d for d, _ in got] == batch
    assert [r.to_dict() for _, r in got] == [direct[d.doc_id] for d in batch]
    assert [r.to_dict() for _, r in serial_extractor(batch)] == [direct[d.doc_id] for d in batch]


def test_an_exception_that_cannot_be_pickled_still_comes_back_named(fixture_docs):
    from communique.parallel import WorkerError, _portable

    class Odd(Exception):
        def __init__(self, a, b):
            super().__init__(a)
            self.lock = __import__("threading").Lock()

    sent = _portable(Odd("bad thing", 2))
    assert isinstance(sent, WorkerError) and str(sent) == "Odd: bad thing"
    assert _portable(ValueError("plain")).args == ("plain",)


# ------------------------------------------------------------------ commands

@pytest.fixture
def batch_dir(tmp_path):
    """Fixture articles plus two bad inputs: invalid UTF-8 and a JSONL file with a bad line."""
    folder = tmp_path / "batch"
    folder.mkdir()
    for src in sorted(FIXTURES.glob("*.txt"))[:12]:
        (folder / src.name).write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Caf\xe9 talks in Montr\xe9al".encode("latin-1"))
    good = sorted(FIXTURES.glob("*.txt"))[12].read_text(encoding="utf-8")
    (folder / "records.jsonl").write_text(json.dumps({"id": "rec-1", "text": good}) + "\n{not json\n",
                                          encoding="utf-8")
    return folder


def test_extract_with_two_workers_prints_what_one_worker_prints(batch_dir):
    runner = CliRunner()
    one = runner.invoke(main, ["extract", str(batch_dir), "--workers", "1"])
    two = runner.invoke(main, ["extract", str(batch_dir), "--workers", "2"])
    assert one.exit_code == two.exit_code == 1  # two bad inputs
    assert one.stdout == two.stdout
    assert len(one.stdout.splitlines()) == 13
    errors = [line for line in two.stderr.splitlines() if line.strip()]
    assert len(errors) == 2
    assert any(f"{batch_dir / 'latin1.txt'}: invalid UTF-8" in line for line in errors)
    assert any(f"{batch_dir / 'records.jsonl'}:2: invalid JSON" in line for line in errors)
    assert sorted(errors) == sorted(line for line in one.stderr.splitlines() if line.strip())


def test_workers_come_from_the_environment(batch_dir):
    runner = CliRunner()
    one = runner.invoke(main, ["extract", str(batch_dir)])
    env = runner.invoke(main, ["extract", str(batch_dir)], env={"COMMUNIQUE_WORKERS": "2"})
    assert env.stdout == one.stdout
    bad = runner.invoke(main, ["extract", str(batch_dir), "--workers", "-1"])
    assert bad.exit_code == 2 and "--workers" in bad.stderr


def _rows(url: str) -> dict:
    """Every raw row, keyed by what a reader compares (ids included: same input order, same ids)."""
    from communique.store import Store

    with Store.open(url) as store, store.engine.connect() as conn:
        out = {}
        for table, order in (("articles", "id"), ("persons", "article_id, idx"), ("events", "article_id, idx"),
                             ("event_actors", "article_id, event_idx, idx"), ("commitments", "article_id, idx"),
                             ("merged_events", "id"), ("identities", "id")):
            rows = conn.execute(sa.text(f"SELECT * FROM {table} ORDER BY {order}")).mappings().all()
            out[table] = [{k: v for k, v in r.items() if k not in ("ingested_at", "updated_at", "tsv")}
                          for r in rows]
    return out


@pytest.mark.slow
def test_ingest_and_reprocess_with_two_workers_store_the_same_rows(batch_dir, db_url, tmp_path):
    runner = CliRunner()
    other = str(tmp_path / "one-worker.db")
    first = runner.invoke(main, ["ingest", str(batch_dir), "--db", other, "--no-progress"])
    second = runner.invoke(main, ["ingest", str(batch_dir), "--db", db_url, "--workers", "2", "--no-progress"])
    assert first.exit_code == second.exit_code == 1
    assert first.stdout == second.stdout
    assert second.stdout.startswith("15 articles: 13 added, 0 updated, 0 unchanged, 2 failed")
    assert _rows(other) == _rows(db_url)
    again = runner.invoke(main, ["reprocess", "--all", "--db", db_url, "--workers", "2", "--no-progress"])
    assert again.exit_code == 0, again.stderr
    assert again.stdout.startswith("13 articles: 0 added, 13 updated")
    assert _rows(other) == _rows(db_url)

