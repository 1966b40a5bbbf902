"""A generated corpus of bad inputs of every kind, mixed with good articles, through the real
`communique extract` and `communique ingest` (SQLite and PostgreSQL): each bad input is one
line "communique: PATH[:LINE]: message", no traceback, every good article is kept, and
pathological text costs no more than ordinary prose of the same length."""
import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

COMMUNIQUE = Path(sys.executable).parent / "communique"
MAX_BYTES = 300_000
LEAD = ("Foreign Minister Ana Rojas of Chile met Foreign Minister Lars Holm of Norway in Oslo on Monday, "
        "3 March 2026. They signed an agreement on fisheries research and agreed to meet again in Santiago.\n\n")
HTML = ("<!doctype html><html><head><title>Ministers meet in Oslo</title></head><body><article>"
        f"<h1>Ministers meet in Oslo</h1><p>{LEAD.strip()}</p></article></body></html>")
RUN = 8_000
# Odd but readable text: each must be extracted, and cost no more than prose of its length.
PATHOLOGICAL = {
    "run-apostrophe-s.txt": LEAD + "'s" * (RUN // 2) + "\n",
    "run-commas.txt": LEAD + "," * RUN + "\n",
    "run-spaces.txt": LEAD + "Officials said" + " " * RUN + "more.\n",
    "run-capitalised.txt": LEAD + "Minister " * (RUN // 9) + "\n",
    "run-initials.txt": LEAD + "A. " * (RUN // 3) + "\n",
    "run-one-long-line.txt": LEAD.replace("\n\n", " ") * (RUN // len(LEAD)) + "\n",
}
LINE = re.compile(r"^communique: (?P<path>.+?)(?::(?P<line>\d+))?: (?P<message>.+)$")


def _record(doc_id, **extra):
    return json.dumps({"id": doc_id, "text": LEAD, **extra})


def make_corpus(root: Path):
    """Write the corpus; returns (good doc ids, {(path relative to root, line): message part})."""
    rnd = random.Random(8)
    d = root / "in"
    (d / "sub").mkdir(parents=True)
    good = {"good-text", "good-page", "rec-1", "rec-2", "rec-3", "café ü", "new\nline", "-dash", "sp ace",
            "nested-good"}
    (d / "good-text.txt").write_text(LEAD, encoding="utf-8")
    (d / "good-page.html").write_text(HTML, encoding="utf-8")
    for name in ("café ü", "new\nline", "-dash", "sp ace"):  # odd but valid names
        (d / f"{name}.txt").write_text(LEAD, encoding="utf-8")
    (d / "sub" / "nested-good.txt").write_text(LEAD, encoding="utf-8")
    for name, text in PATHOLOGICAL.items():
        (d / name).write_text(text, encoding="utf-8")
        good.add(name[:-4])
    bad = {}

    def put(name, data, expect, line=None):
        path = d / name if isinstance(name, str) else None
        if path is None:  # bytes: a name that is not UTF-8
            with open(os.fsencode(d) + b"/" + name, "wb") as fh:
                fh.write(data)
            name = name.decode("utf-8", "backslashreplace")
        else:
            path.write_bytes(data)
        bad[(name, line)] = expect

    # encodings and binary
    put("latin1.txt", "Réunion des ministres à Genève".encode("latin-1"), "invalid UTF-8")
    put("utf16.txt", LEAD.encode("utf-16"), "binary file")
    put("bad-byte-late.txt", LEAD.encode() * 40 + b"\xff\xfe" + LEAD.encode(), "invalid UTF-8 at byte")
    put("random.txt", bytes(rnd.randrange(256) for _ in range(5000)), "binary file")
    put("image.html", b"\x89PNG\r\n\x1a\n" + bytes(rnd.randrange(256) for _ in range(3000)), "binary file")
    put("nul-late.txt", (LEAD * 60).encode() + b"\x00" + LEAD.encode(), "binary data (a NUL byte")
    put("empty.txt", b"", "empty file")
    put("blank.txt", b" \n\t\n", "empty file")
    put("huge.txt", b"word " * (MAX_BYTES // 5 + 10), "over the limit")
    put(b"caf\xe9.txt", LEAD.encode(), "file name is not valid UTF-8")
    # JSONL: bad records among good ones
    records = [
        _record("rec-1"),
        '{"id": "deep", "text": ' + "[" * 50_000 + "]" * 50_000 + "}",
        '{"id": "deep-object", "x": ' + '{"a": ' * 20_000 + "1" + "}" * 20_000 + ', "text": "t"}',
        '{"id": "sur", "text": "Minister \\ud83d met"}',
        '{"id": "\\udfff", "text": "text"}',
        json.dumps({"id": "nul", "text": LEAD + "\u0000"}),
        _record("rec-2"),
        json.dumps({"id": "huge-line", "text": "word " * (MAX_BYTES // 5)}),
        '{"id": "cut", "text": "no end',
        "[1, 2, 3]",
        json.dumps({"id": "no-text", "url": "https://example.org/a"}),
        _record("rec-3"),
    ]
    (d / "records.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    for line, expect in [(2, "nested too deeply"), (3, "nested too deeply"), (4, "lone surrogate"),
                         (5, "lone surrogate"), (6, "NUL character"), (8, "over the limit"),
                         (9, "invalid JSON"), (10, "not a JSON object"), (11, 'neither "text" nor "html"')]:
        bad[("records.jsonl", line)] = expect
    # file-system oddities
    (d / "folder.txt").mkdir()
    bad[("folder.txt", None)] = "is a directory"
    os.mkfifo(d / "pipe.txt")
    bad[("pipe.txt", None)] = "not a regular file"
    os.symlink(d / "gone.txt", d / "dangling.txt")
    bad[("dangling.txt", None)] = "broken symbolic link"
    os.symlink(d / "self.txt", d / "self.txt")
    bad[("self.txt", None)] = "symbolic link loop"
    os.symlink("..", d / "sub" / "up")
    bad[("sub/up", None)] = "symbolic link loop"
    os.symlink(".", d / "sub" / "here")
    bad[("sub/here", None)] = "symbolic link loop"
    os.symlink("good-text.txt", d / "same-file.txt")  # the same file twice: read once, no error
    return d, good, bad


def _run(*args, timeout=600):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([str(COMMUNIQUE), *args], capture_output=True, timeout=timeout, env=env)


def _check_errors(stderr: bytes, folder: Path, bad: dict) -> None:
    text = stderr.decode("utf-8")  # valid UTF-8, whatever the file names
    assert "Traceback" not in text
    lines = [ln for ln in text.splitlines() if ln]
    seen = {}
    for ln in lines:
        m = LINE.match(ln)
        assert m, f"not a one-line error: {ln!r}"
        rel = os.path.relpath(m["path"], folder) if m["path"].startswith(str(folder)) else m["path"]
        key = (rel, int(m["line"]) if m["line"] else None)
        assert key not in seen, f"reported twice: {ln}"
        seen[key] = m["message"]
    assert set(seen) == set(bad), (sorted(set(seen) - set(bad)), sorted(set(bad) - set(seen)))
    for key, part in bad.items():
        assert part in seen[key], (key, seen[key])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("fuzz"))


def test_extract_reports_each_bad_input_once_and_keeps_every_good_article(corpus):
    folder, good, bad = corpus
    result = _run("extract", "--max-bytes", str(MAX_BYTES), str(folder))
    assert result.returncode == 1
    _check_errors(result.stderr, folder, bad)
    out = result.stdout.decode("utf-8")  # the output is valid UTF-8
    ids = [json.loads(line)["doc_id"] for line in out.splitlines()]
    assert sorted(ids) == sorted(good)  # each once: the linked copy and the looped folders add nothing


def test_unreadable_path_on_the_command_line_does_not_stop_the_rest(corpus, tmp_path):
    folder, _, _ = corpus
    missing = tmp_path / "missing.txt"
    result = _run("extract", str(missing), str(folder / "good-text.txt"), str(folder / "pipe.txt"),
                  str(folder / "sub" / "nested-good.txt"))
    assert result.returncode == 1
    errors = result.stderr.decode().splitlines()
    assert errors[0] == f"communique: {missing}: no such file or directory"
    assert errors[1] == f"communique: {folder / 'pipe.txt'}: not a regular file"
    ids = sorted(json.loads(line)["doc_id"] for line in result.stdout.decode().splitlines())
    assert ids == ["good-text", "nested-good"]


def test_unreadable_file_is_not_refused_by_the_command_line_parser(corpus, monkeypatch):
    """click checks readability before the command runs and would refuse the whole batch; the
    reader must be the one to report it (as root every file is readable, so os.access is faked)."""
    from click.testing import CliRunner

    from communique.cli import main

    folder, _, _ = corpus
    real_access = os.access
    locked = str(folder / "sp ace.txt")
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if os.fspath(p) == locked else real_access(p, mode, **kw))
    result = CliRunner().invoke(main, ["extract", locked, str(folder / "good-text.txt")])
    assert "not readable" not in result.output
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 2


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_ingest_stores_every_good_article_and_reports_each_bad_one(corpus, backend, request):
    folder, good, bad = corpus
    db = request.getfixturevalue("sqlite_url" if backend == "sqlite" else "pg_url")
    result = _run("ingest", "--no-progress", "--max-bytes", str(MAX_BYTES), "--db", db, str(folder))
    assert result.returncode == 1, result.stderr.decode()[-2000:]
    _check_errors(result.stderr, folder, bad)
    summary = result.stdout.decode()
    assert summary.startswith(f"{len(good) + len(bad)} articles: {len(good)} added, 0 updated, 0 unchanged, "
                              f"{len(bad)} failed")
    from communique.store import Store

    with Store.open(db) as store:
        stored = {a["doc_id"] for a in store.articles(limit=1000)}
        assert stored == good
        with store.engine.connect() as conn:
            state = conn.exec_driver_sql("SELECT value FROM meta WHERE key = 'resolution'").scalar()
        assert state == "clean"  # resolution rebuilt, not left dirty by a crash
    again = _run("ingest", "--no-progress", "--max-bytes", str(MAX_BYTES), "--db", db, str(folder))
    assert f"{len(good)} unchanged" in again.stdout.decode()  # nothing stored twice


def test_pathological_text_costs_no_more_than_prose_of_its_length():
    """CPU time of each odd document against ordinary prose of the same length (a ratio, so a
    slow or busy machine does not matter): 16 KB of "'s" took 42.7 s before, prose 3 s."""
    from communique.pipeline import extract_documents
    from communique.read import Document

    def cpu(text):
        start = time.process_time()
        [(_, article)] = list(extract_documents([Document(doc_id="x", text=text)]))
        assert not isinstance(article, Exception), article
        return time.process_time() - start

    cpu(LEAD)  # load the model
    for name, text in PATHOLOGICAL.items():
        prose = (LEAD * (len(text) // len(LEAD) + 1))[:len(text)]
        budget = 2 * cpu(prose) + 0.2
        spent = cpu(text)
        assert spent <= budget, (name, spent, budget)
