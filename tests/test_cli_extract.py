"""`communique extract` in process (click's CliRunner) and as a real subprocess: output, one-line errors, exit codes."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from communique.cli import main

COMMUNIQUE = Path(sys.executable).parent / "communique"

STORY_A = ("Fiji and Samoa agree on joint fisheries patrols\n\n"
           "SUVA, April 2 (PWS) - Fiji's Minister of Fisheries Jone Waqa met Samoa's Minister of Agriculture and "
           "Fisheries Tui Leota in Suva on Wednesday and the two signed an agreement on joint patrols.\n\n"
           "Waqa said the patrols would start next year.\n")
STORY_B = ("Foreign Minister Kadri Tamm received Ghana's Minister for Foreign Affairs Kwame Mensah in Tallinn "
           "on Monday for talks on digital governance and maritime security.\n")


@pytest.fixture
def batch(tmp_path):
    """A folder with two good articles and one of each kind of bad input."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "a-good.txt").write_text(STORY_A, encoding="utf-8")
    (d / "b-empty.txt").write_text("")
    (d / "c-binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 20)
    (d / "d-latin1.txt").write_bytes("Réunion des ministres".encode("latin-1"))
    (d / "e-broken.html").write_text("<html><body><script>var a;</script></body></html>")
    (d / "f-records.jsonl").write_text("\n".join([
        json.dumps({"id": "rec-ok", "text": STORY_B, "published": "2026-02-16"}),
        '{"id": "rec-bad", "text": ',
        json.dumps({"id": "rec-empty", "url": "https://example.org/x"}),
    ]) + "\n")
    (d / "g-dir.txt").mkdir()
    os.symlink(d / "nowhere.txt", d / "h-dangling.txt")
    with open(d / "i-huge.txt", "wb") as fh:
        fh.truncate(50_000_000)
    (d / "notes.md").write_text("skipped: unknown extension inside a folder")
    return d


EXPECTED_ERRORS = {
    "b-empty.txt": "empty file",
    "c-binary.txt": "binary file",
    "d-latin1.txt": "invalid UTF-8 at byte 1",
    "e-broken.html": "no extractable article text",
    "f-records.jsonl:2": "invalid JSON",
    "f-records.jsonl:3": 'record has neither "text" nor "html"',
    "g-dir.txt": "is a directory",
    "h-dangling.txt": "broken symbolic link",
    "i-huge.txt": "over the limit of 5,000,000",
}


def check_errors(stderr: str, folder: Path, missing: Path | None = None):
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert all(ln.startswith("communique: ") for ln in lines), stderr
    assert "Traceback" not in stderr
    for where, message in EXPECTED_ERRORS.items():
        prefix = f"communique: {folder / where}: "
        hits = [ln for ln in lines if ln.startswith(prefix)]
        assert len(hits) == 1 and message in hits[0], (where, lines)
    expected = len(EXPECTED_ERRORS) + (1 if missing else 0)
    if missing is not None:
        assert f"communique: {missing}: no such file or directory" in lines
    assert len(lines) == expected, lines


def test_cli_batch_reports_each_bad_input_and_still_extracts_the_good_ones(batch, tmp_path):
    missing = tmp_path / "missing.txt"
    result = CliRunner().invoke(main, ["extract", str(batch), str(missing)])
    assert result.exit_code == 1
    check_errors(result.stderr, batch, missing)
    articles = [json.loads(ln) for ln in result.stdout.splitlines()]
    assert [a["doc_id"] for a in articles] == ["a-good", "rec-ok"]
    assert articles[1]["published"] == "2026-02-16"
    assert all(set(a) >= {"doc_id", "title", "published", "body", "persons", "events", "commitments"}
               for a in articles)
    names = {p["name"] for p in articles[0]["persons"]}
    assert "Jone Waqa" in names


def test_good_input_exits_zero_and_published_fills_only_missing_dates(tmp_path):
    (tmp_path / "a.txt").write_text(STORY_A)
    rec = tmp_path / "r.jsonl"
    rec.write_text(json.dumps({"id": "dated", "text": STORY_B, "published": "2025-01-05"}) + "\n")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "a.txt"), str(rec), "--published", "2026-04-02",
                                       "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    articles = json.loads(result.stdout)
    assert [(a["doc_id"], a["published"]) for a in articles] == [("a", "2026-04-02"), ("dated", "2025-01-05")]


def test_json_of_an_all_bad_batch_is_an_empty_list(tmp_path):
    (tmp_path / "e.txt").write_text("")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "e.txt"), "--format", "json"])
    assert result.exit_code == 1 and json.loads(result.stdout) == []
    assert result.stderr.strip() == f"communique: {tmp_path / 'e.txt'}: empty file"


def test_table_format_shows_title_persons_and_events(tmp_path):
    (tmp_path / "a.txt").write_text(STORY_A)
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "a.txt"), "--format", "table"])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("a  Fiji and Samoa agree on joint fisheries patrols\n")
    assert "persons (" in out and "Jone Waqa" in out and "events (" in out


def test_table_format_marks_planned_events(tmp_path):
    (tmp_path / "p.txt").write_text("Plans\n\nForeign Minister Ana Lima of Brazil met Chancellor Karl Berg of Germany "
                                    "in Berlin on Monday. Brazil will provide $5 million to Germany's flood relief fund.\n")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "p.txt"), "--format", "table"])
    lines = [ln for ln in result.stdout.splitlines() if "CONSULT" in ln or "AGREE" in ln]
    assert any("(planned)" in ln for ln in lines if "AGREE" in ln)
    assert not any("(planned)" in ln for ln in lines if "CONSULT/meeting" in ln)


def test_output_file_and_max_bytes(tmp_path):
    (tmp_path / "a.txt").write_text(STORY_A)
    (tmp_path / "b.txt").write_text(STORY_B)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                                       "--max-bytes", "200", "-o", str(out)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert [json.loads(ln)["doc_id"] for ln in out.read_text().splitlines()] == ["b"]
    assert "a.txt: file is" in result.stderr and "over the limit of 200" in result.stderr
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_bad_published_option_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text(STORY_A)
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "a.txt"), "--published", "someday"])
    assert result.exit_code == 2 and "not a date" in result.stderr


def test_extract_is_listed_with_help():
    result = CliRunner().invoke(main, ["extract", "--help"])
    assert result.exit_code == 0 and "--max-bytes" in result.stdout and "--published" in result.stdout


# ---------------------------------------------------------------------------- the installed command

@pytest.mark.skipif(not COMMUNIQUE.exists(), reason="console script not installed in this environment")
def test_subprocess_batch_one_line_per_bad_input_and_stdin(batch, tmp_path):
    missing = tmp_path / "missing.txt"
    proc = subprocess.run([str(COMMUNIQUE), "extract", str(batch), str(missing), "-"], input=STORY_B,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1
    check_errors(proc.stderr, batch, missing)  # and no progress bar: stderr is not a terminal
    articles = [json.loads(ln) for ln in proc.stdout.splitlines()]
    assert [a["doc_id"] for a in articles] == ["a-good", "rec-ok", "stdin"]
    assert articles[0]["title"] == "Fiji and Samoa agree on joint fisheries patrols"


@pytest.mark.skipif(not COMMUNIQUE.exists(), reason="console script not installed in this environment")
def test_subprocess_good_input_exits_zero(tmp_path):
    (tmp_path / "a.txt").write_text(STORY_A)
    proc = subprocess.run([str(COMMUNIQUE), "extract", str(tmp_path / "a.txt"), "--format", "table"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    assert proc.stdout.startswith("a  Fiji and Samoa agree on joint fisheries patrols\n")
