"""The corpus commands as a user runs them: ingest with bad files among good ones, the query
commands in every format, and one-line errors with exit status 2 for what a user can get wrong."""
import csv
import io
import json
from pathlib import Path

import pytest

from conftest import corpus_articles, ingested_db, run_cli

DOCS = Path(__file__).resolve().parents[1] / "docs" / "corpus.md"
COMMANDS = ["ingest", "reprocess", "events", "persons", "person", "article", "stats", "search"]


run = run_cli


@pytest.fixture
def db(tmp_path):
    return ingested_db(tmp_path / "cli.db", corpus_articles())


def test_ingest_reports_bad_inputs_and_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "talks.txt").write_text(
        "Swedish and Nigerian ministers meet\n\nSTOCKHOLM, March 3, 2025 - Swedish Foreign Minister Elena Brandt "
        "met Nigerian Foreign Minister Karim Okafor in Stockholm on March 3, 2025. They discussed trade.\n",
        encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02\x03" * 500)
    (folder / "feed.jsonl").write_text(
        json.dumps({"id": "feed-1", "text": "Japanese Prime Minister Kenji Mori visited Paris on May 2, 2025.",
                    "published": "2025-05-03"}) + "\n{not json\n", encoding="utf-8")
    db = tmp_path / "c.db"
    result = run("ingest", folder, "--db", db)
    assert result.exit_code == 1
    summary = result.stdout.strip().splitlines()[-1]
    assert summary.startswith("4 articles: 2 added, 0 updated, 0 unchanged, 2 failed; ")
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert any(line.startswith(f"communique: {folder / 'broken.txt'}: ") for line in errors)
    assert any(line.startswith(f"communique: {folder / 'feed.jsonl'}:2: ") for line in errors)
    again = run("ingest", folder, "--db", db)
    assert again.stdout.strip().splitlines()[-1].startswith("4 articles: 0 added, 0 updated, 2 unchanged, 2 failed")
    assert json.loads(run("article", "talks", "--db", db, "--format", "json").stdout)["doc_id"] == "talks"


def test_events_formats(db):
    table = run("events", "--db", db, "--country", "VNM", "--with", "USA")
    assert table.exit_code == 0
    lines = table.stdout.splitlines()
    assert lines[0].split()[:3] == ["date", "type", "mode"]
    assert len(lines) == 3 and "Le Van Hoa (VNM); Karen Whitfield (USA)" in table.stdout
    as_json = json.loads(run("events", "--db", db, "--mode", "call", "--format", "json").stdout)
    assert [e["actors"][0]["name"] for e in as_json] == ["Tran Quoc Binh"]
    rows = list(csv.DictReader(io.StringIO(run("events", "--db", db, "--format", "csv", "--since", "2026").stdout)))
    assert {r["mode"] for r in rows} == {"visit", "signing"}
    assert run("events", "--db", db, "--min-level", "head-of-state", "--format", "json").stdout.count('"id": "ev-') == 1
    assert run("events", "--db", db, "--actor", "Nobody").stdout.strip() == "(none)"


def test_events_to_file(db, tmp_path):
    out = tmp_path / "events.json"
    assert run("events", "--db", db, "--format", "json", "-o", out).exit_code == 0
    assert len(json.loads(out.read_text())) == 5


def test_persons_person_article(db):
    listing = run("persons", "--db", db, "--country", "USA")
    assert "Karen Whitfield" in listing.stdout and "Deputy Secretary of State" in listing.stdout
    assert "Le Van Hoa" not in listing.stdout
    one = run("person", "Whitfield", "--db", db)
    assert one.stdout.startswith("Karen Whitfield (USA)")
    assert "counterparts: Le Van Hoa (1)" in one.stdout
    art = run("article", "corp-004", "--db", db)
    assert "Pham Thu Lan" in art.stdout and "CONSULT/dialogue" in art.stdout
    assert json.loads(run("article", "corp-004", "--db", db, "--format", "json").stdout)["source"] == "River Post"


def test_stats_and_search(db):
    st = run("stats", "--pair", "VNM", "USA", "--db", db)
    assert st.stdout.startswith("VNM-USA: 2 events")
    assert "dialogue" in st.stdout and "deputy-minister" in st.stdout
    data = json.loads(run("stats", "--pair", "vnm", "usa", "--db", db, "--format", "json").stdout)
    assert data["total"] == 2
    found = run("search", "dioxin", "--db", db)
    assert found.stdout.splitlines()[0].startswith("corp-001")
    assert "«dioxin»" in found.stdout
    assert run("search", "zeppelin", "--db", db).stdout.strip() == "(no matches)"


@pytest.mark.parametrize("args, message", [
    (["events", "--country", "XYZ"], "Error: unknown ISO3 country code for --country: 'XYZ'"),
    (["events", "--since", "2025-02-30"], "Error: malformed date for --since: '2025-02-30'"),
    (["events", "--min-level", "king"], "Error: unknown value for --min-level: 'king'"),
    (["stats", "--pair", "VNM", "ABC"], "Error: unknown ISO3 country code for --pair: 'ABC'"),
    (["person", "Nobody Known"], "Error: no person matching 'Nobody Known'"),
    (["article", "missing-id"], "Error: no article with id 'missing-id'"),
    (["ingest", "nothing-here", "--published", "2025-13-45"], "Error: malformed date for --published"),
])
def test_user_errors_are_one_line_exit_2(db, args, message):
    result = run(*args, "--db", db)
    assert result.exit_code == 2
    assert result.stderr.strip() == message or result.stderr.startswith(message)
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_unreachable_and_corrupt_databases(tmp_path):
    down = run("events", "--db", "postgresql://postgres@127.0.0.1:1/none")
    assert down.exit_code == 2 and down.stderr.startswith("Error: cannot connect to postgresql://postgres@127.0.0.1:1/none")
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"garbage bytes, not sqlite" * 100)
    corrupt = run("persons", "--db", bad)
    assert corrupt.exit_code == 2
    assert corrupt.stderr.startswith(f"Error: {bad}: not a SQLite database, or the file is corrupt")
    assert len(corrupt.stderr.strip().splitlines()) == 1


def test_query_on_missing_sqlite_file_does_not_create_it(tmp_path):
    missing = tmp_path / "typo.db"
    result = run("events", "--db", missing)
    assert result.exit_code == 2 and "no corpus database at" in result.stderr
    assert not missing.exists()


def test_default_database_comes_from_env(db, monkeypatch):
    monkeypatch.setenv("COMMUNIQUE_DB", db)
    assert "Karen Whitfield" in run("persons").stdout


def test_every_command_has_help_and_is_documented():
    docs = DOCS.read_text(encoding="utf-8")
    for name in COMMANDS:
        result = run(name, "--help")
        assert result.exit_code == 0 and len(result.stdout) > 100, name
        assert f"communique {name}" in docs, name
