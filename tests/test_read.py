"""Reading files, folders, JSONL and HTML into Documents; every bad input becomes one InputError."""
import json
import os
import time

import pytest

from communique.read import MAX_BYTES, Document, InputError, document_from_text, iter_documents, looks_like_html

STORY = ("Foreign Minister Ana Rojas received the Norwegian ambassador on Monday to discuss fisheries "
         "cooperation and a joint research cruise in the South Pacific.\n")

PAGE = """<!DOCTYPE html>
<html><head><title>Chile and Norway plan polar research cruise | The Southern Ledger</title>
<meta property="og:site_name" content="The Southern Ledger">
<meta property="og:title" content="Chile and Norway plan polar research cruise">
<meta name="date" content="2025-03-04">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Chile and Norway plan polar research cruise</h1>
<p>Foreign Minister Ana Rojas received the Norwegian ambassador on Monday to discuss fisheries cooperation
and a joint research cruise in the South Pacific, the ministry said in a statement.</p>
<p>The two sides agreed to set up a working group on ocean science that will meet twice a year.</p>
</article><footer>Copyright 2025</footer></body></html>
"""


def docs_and_errors(items):
    items = list(items)
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, InputError)]


def test_text_file_is_read_as_is(tmp_path):
    p = tmp_path / "rojas-visit.txt"
    p.write_text(STORY, encoding="utf-8")
    (doc,) = list(iter_documents([p]))
    assert doc.doc_id == "rojas-visit" and doc.text == STORY and doc.path == str(p)
    assert doc.is_html is False and doc.published is None


def test_bom_is_accepted_and_dropped(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf" + STORY.encode())
    (doc,) = list(iter_documents([p]))
    assert doc.text == STORY


def test_published_applies_only_to_documents_without_a_date(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.html").write_text(PAGE)
    docs, errors = docs_and_errors(iter_documents([tmp_path], published="2026-01-02"))
    assert not errors
    by_id = {d.doc_id: d for d in docs}
    assert by_id["a"].published == "2026-01-02"
    assert by_id["b"].published == "2025-03-04"


def test_html_page_gives_text_with_title_first_and_metadata(tmp_path):
    p = tmp_path / "ledger.html"
    p.write_text(PAGE, encoding="utf-8")
    (doc,) = list(iter_documents([p]))
    assert doc.is_html and doc.doc_id == "ledger"
    first, rest = doc.text.split("\n", 1)
    assert first == "Chile and Norway plan polar research cruise" == doc.title
    assert "joint research cruise" in rest and "Copyright" not in doc.text and "Home" not in doc.text
    assert doc.published == "2025-03-04" and doc.source == "The Southern Ledger"


def test_jsonl_records(tmp_path):
    p = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "r1", "text": STORY, "url": "https://example.org/r1", "published": "2025-06-01",
                    "source": "Example Wire", "title": "Rojas meets ambassador"}),
        "",
        json.dumps({"text": STORY}),
        json.dumps({"id": 7, "html": PAGE}),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errors = docs_and_errors(iter_documents([p]))
    assert not errors
    assert [d.doc_id for d in docs] == ["r1", "batch-3", "7"]
    r1 = docs[0]
    assert (r1.url, r1.published, r1.source, r1.title, r1.line) == (
        "https://example.org/r1", "2025-06-01", "Example Wire", "Rojas meets ambassador", 1)
    assert docs[2].is_html and docs[2].text.startswith("Chile and Norway plan polar research cruise\n")


def test_folder_is_walked_recursively_in_sorted_order_and_skips_unknown_files(tmp_path):
    (tmp_path / "b.txt").write_text(STORY)
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.htm").write_text(PAGE)
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\x00\x00")
    (tmp_path / "notes.md").write_text("not an input")
    docs, errors = docs_and_errors(iter_documents([tmp_path]))
    assert not errors
    assert [d.doc_id for d in docs] == ["a", "b", "c"]


def test_unknown_extension_named_explicitly_is_read_as_text(tmp_path):
    p = tmp_path / "story.md"
    p.write_text(STORY)
    (doc,) = list(iter_documents([p]))
    assert doc.text == STORY and doc.doc_id == "story"


# ---------------------------------------------------------------------------- bad input

def one_error(items):
    docs, errors = docs_and_errors(items)
    assert not docs and len(errors) == 1, (docs, errors)
    return errors[0]


def test_missing_path(tmp_path):
    e = one_error(iter_documents([tmp_path / "nope.txt"]))
    assert str(e) == f"{tmp_path / 'nope.txt'}: no such file or directory"


def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_text("")
    assert str(one_error(iter_documents([p]))) == f"{p}: empty file"
    (tmp_path / "blank.txt").write_text("  \n\n")
    assert "empty file" in str(one_error(iter_documents([tmp_path / "blank.txt"])))


def test_binary_file(tmp_path):
    p = tmp_path / "image.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    e = one_error(iter_documents([p]))
    assert e.path == str(p) and "binary file" in e.message


def test_mostly_control_bytes_is_binary(tmp_path):
    p = tmp_path / "ctl.txt"
    p.write_bytes(b"\x01\x02\x03\x04abc\x05\x06\x07\x08" * 50)
    assert "binary file" in one_error(iter_documents([p])).message


def test_invalid_utf8_names_the_byte(tmp_path):
    p = tmp_path / "latin1.txt"
    p.write_bytes("Les ministres se sont réunis.".encode("latin-1"))
    e = one_error(iter_documents([p]))
    assert e.message.startswith("invalid UTF-8 at byte 23")


def test_over_size_limit_is_refused_without_reading(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:  # a sparse 50 MB file: refused from its size alone
        fh.truncate(50_000_000)
    t0 = time.perf_counter()
    e = one_error(iter_documents([p]))
    assert "over the limit of 5,000,000" in e.message and MAX_BYTES == 5_000_000
    assert time.perf_counter() - t0 < 5  # generous: reading 50 MB would not fail this, decoding it would be slower
    small = tmp_path / "small.txt"
    small.write_text(STORY)
    assert "over the limit of 10" in one_error(iter_documents([small], max_bytes=10)).message


def test_html_with_no_text(tmp_path):
    p = tmp_path / "broken.html"
    p.write_text("<html><body><div><<<>>></div><script>var x = 1;</script></body></html>")
    e = one_error(iter_documents([p]))
    assert e.path == str(p) and "no extractable article text" in e.message


def test_broken_json_line_and_record_without_text(tmp_path):
    p = tmp_path / "batch.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "ok1", "text": STORY}),
        '{"id": "bad", "text": "unterminated',
        json.dumps({"id": "notext", "url": "https://example.org"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "ok2", "text": STORY}),
    ]) + "\n")
    docs, errors = docs_and_errors(iter_documents([p]))
    assert [d.doc_id for d in docs] == ["ok1", "ok2"]
    assert [(e.line, e.message.split(" (")[0]) for e in errors] == [
        (2, "invalid JSON"), (3, 'record has neither "text" nor "html"'), (4, "record is not a JSON object")]
    assert str(errors[0]).startswith(f"{p}:2: invalid JSON")


def test_jsonl_line_over_limit_is_skipped_and_the_rest_read(tmp_path):
    p = tmp_path / "big.jsonl"
    p.write_text(json.dumps({"id": "big", "text": "x " * 200}) + "\n" + json.dumps({"id": "ok", "text": STORY}) + "\n")
    docs, errors = docs_and_errors(iter_documents([p], max_bytes=300))
    assert [d.doc_id for d in docs] == ["ok"]
    assert errors[0].line == 1 and "over the limit" in errors[0].message


def test_unreadable_folder_entries(tmp_path):
    (tmp_path / "good.txt").write_text(STORY)
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")  # broken symlink
    (tmp_path / "x.txt").mkdir()  # a directory named like a text file
    os.mkfifo(tmp_path / "pipe.txt")  # not a regular file (opening it would block)
    os.symlink(tmp_path / "loop.txt", tmp_path / "loop.txt")  # a symlink to itself
    docs, errors = docs_and_errors(iter_documents([tmp_path]))
    assert [d.doc_id for d in docs] == ["good"]
    msgs = {os.path.basename(e.path): e.message for e in errors}
    assert msgs == {"dangling.txt": "broken symbolic link", "x.txt": "is a directory, not a file",
                    "pipe.txt": "not a regular file", "loop.txt": msgs["loop.txt"]}
    assert "symbolic links" in msgs["loop.txt"] or "broken" in msgs["loop.txt"]


def test_batch_goes_on_after_errors(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe bad")
    items = list(iter_documents([tmp_path / "missing.txt", tmp_path / "b.txt", tmp_path / "a.txt"]))
    assert [type(i).__name__ for i in items] == ["InputError", "InputError", "Document"]


def test_input_error_string_form():
    assert str(InputError("a.jsonl", 3, "invalid JSON")) == "a.jsonl:3: invalid JSON"
    assert str(InputError("a.txt", None, "empty file")) == "a.txt: empty file"


# ---------------------------------------------------------------------------- document_from_text

def test_document_from_text_plain_and_html():
    d = document_from_text(STORY, doc_id="x", published="13 February 2026", source="Wire")
    assert (d.doc_id, d.text, d.published, d.source, d.is_html) == ("x", STORY, "2026-02-13", "Wire", False)
    h = document_from_text(PAGE)
    assert h.is_html and h.title == "Chile and Norway plan polar research cruise"
    assert h.doc_id.startswith("doc-") and h.doc_id == document_from_text(PAGE).doc_id
    assert document_from_text(PAGE, published="2026-01-01").published == "2026-01-01"


def test_document_from_text_rejects_empty_and_textless_html():
    with pytest.raises(InputError):
        document_from_text("   ")
    with pytest.raises(InputError, match="no extractable"):
        document_from_text("<html><body><script>1</script></body></html>")


def test_html_sniffing():
    assert looks_like_html(PAGE)
    assert looks_like_html("<div><p>One</p><p>Two</p></div>")
    assert not looks_like_html(STORY)
    assert not looks_like_html("<Reuters> said the ministers met <today>.")


# ---------------------------------------------------------------- inputs that must not hurt (issue 8)

def test_deeply_nested_jsonl_line_is_one_error(tmp_path):
    p = tmp_path / "deep.jsonl"
    deep = '{"id": "deep", "text": ' + "[" * 100_000 + "]" * 100_000 + "}"
    p.write_text("\n".join([json.dumps({"id": "a", "text": STORY}), deep, json.dumps({"id": "b", "text": STORY})]) + "\n")
    docs, errors = docs_and_errors(iter_documents([p]))
    assert [d.doc_id for d in docs] == ["a", "b"]
    assert [(e.line, e.message) for e in errors] == [(2, "invalid JSON (nested too deeply)")]


def test_lone_surrogates_in_jsonl_are_refused_per_record(tmp_path):
    p = tmp_path / "s.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "a", "text": STORY}),
        '{"id": "t", "text": "Minister \\ud800 met"}',
        '{"id": "\\udc00x", "text": "text"}',
        '{"id": "u", "text": "ok", "title": "\\udbff"}',
        json.dumps({"id": "b", "text": STORY}),
    ]) + "\n")
    docs, errors = docs_and_errors(iter_documents([p]))
    assert [d.doc_id for d in docs] == ["a", "b"]
    assert [e.line for e in errors] == [2, 3, 4]
    assert errors[0].message == '"text" contains a lone surrogate (\\ud800) at character 9; not valid Unicode'
    assert errors[1].message.startswith('"id" contains a lone surrogate (\\udc00)')
    assert errors[2].message.startswith('"title" contains a lone surrogate')
    for e in errors:
        str(e).encode("utf-8")  # the message itself is printable


def test_nul_anywhere_is_refused_with_its_position(tmp_path):
    late = tmp_path / "late.txt"
    late.write_text(STORY + "x" * 9000 + "\x00 rest\n", encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "n", "text": STORY + "\u0000"}) + "\n" + json.dumps({"id": "ok", "text": STORY}) + "\n")
    docs, errors = docs_and_errors(iter_documents([late, feed]))
    assert [d.doc_id for d in docs] == ["ok"]
    assert errors[0].message == f"binary data (a NUL byte at byte {len(STORY.encode()) + 9000}), not text"
    assert errors[1].line == 1 and errors[1].message.startswith('"text" contains a NUL character')
    with pytest.raises(InputError, match="NUL"):
        document_from_text(STORY + "\x00")


def test_file_name_that_is_not_utf8_is_one_printable_error(tmp_path):
    (tmp_path / "good.txt").write_text(STORY)
    bad = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(bad, "wb") as fh:
        fh.write(STORY.encode())
    docs, errors = docs_and_errors(iter_documents([tmp_path]))
    assert [d.doc_id for d in docs] == ["good"]
    assert len(errors) == 1 and errors[0].path == f"{tmp_path}/caf\\xe9.txt"
    assert errors[0].message.startswith("file name is not valid UTF-8")
    str(errors[0]).encode("utf-8")
    # named on the command line (bytes or the str Python makes of them): the same
    docs, errors = docs_and_errors(iter_documents([bad, os.fsdecode(bad)]))
    assert docs == [] and [e.path for e in errors] == [f"{tmp_path}/caf\\xe9.txt"] * 2


def test_symlink_loops_end_and_each_file_is_read_once(tmp_path):
    inner = tmp_path / "a" / "b"
    inner.mkdir(parents=True)
    (inner / "one.txt").write_text(STORY)
    (tmp_path / "a" / "two.txt").write_text(STORY)
    os.symlink("..", inner / "up")          # a loop: b/up -> a
    os.symlink(".", inner / "here")         # a loop: b/here -> b
    os.symlink("b", tmp_path / "a" / "b2")  # the same folder twice: read once, not an error
    os.symlink("one.txt", inner / "same.txt")  # the same file twice
    docs, errors = docs_and_errors(iter_documents([tmp_path, tmp_path / "a" / "two.txt"]))
    assert sorted(d.doc_id for d in docs) == ["one", "two"]
    assert sorted(os.path.relpath(e.path, tmp_path) for e in errors) == ["a/b/here", "a/b/up"]
    assert all(e.message.startswith("symbolic link loop") for e in errors)


def test_folders_nested_too_deep_are_one_error(tmp_path):
    from communique.read import MAX_FOLDER_DEPTH

    deep = tmp_path
    for _ in range(MAX_FOLDER_DEPTH + 20):
        deep = deep / "d"
    deep.mkdir(parents=True)
    (deep / "lost.txt").write_text(STORY)
    (tmp_path / "top.txt").write_text(STORY)
    docs, errors = docs_and_errors(iter_documents([tmp_path]))
    assert [d.doc_id for d in docs] == ["top"]
    assert len(errors) == 1 and "nested more than" in errors[0].message
