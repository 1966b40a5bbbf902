"""Read files, folders, JSONL records and HTML pages into `Document`s.

Bad input never stops a batch: `iter_documents` yields an `InputError` naming the file
(and JSONL line) in place of the document, and goes on with the next input.
"""
from __future__ import annotations

import datetime as _dt
import errno
import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

# Largest input (a file, or one JSONL line) read into the pipeline. 5 MB is about a
# hundred times the longest news article seen in practice, so anything larger is a dump
# or a mistake; it is refused from its size alone, before reading.
MAX_BYTES = 5_000_000

TEXT_EXTENSIONS = frozenset({".txt", ".text"})
HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml"})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})
KNOWN_EXTENSIONS = TEXT_EXTENSIONS | HTML_EXTENSIONS | JSONL_EXTENSIONS

# Binary sniffing: how much of the start is inspected, and the share of control bytes
# (other than tab/newline/carriage return/form feed) above which it is not text. Text in
# any language has almost none; 10% leaves room for a stray escape code.
SNIFF_BYTES = 8192
MAX_CONTROL_SHARE = 0.10
# Folders deeper than this under a path named on the command line are not walked: reading
# recurses once per level, and no archive of articles is sorted a hundred folders deep.
MAX_FOLDER_DEPTH = 100

_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"
_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.I | re.S)
_HTML_TAG = re.compile(r"</?(?:p|div|span|a|br|h[1-6]|article|section|li|ul|ol|table|tr|td|img|meta|script|"
                       r"title|header|footer|nav|main|figure|figcaption)\b[^>]*>", re.I)
_HAS_WORD = re.compile(r"[^\W\d_]{2,}")
# Plain text starting with '<' and carrying this many HTML tags in its first part is a page.
_MIN_SNIFF_TAGS = 3
# A lone UTF-16 surrogate (JSON's "\ud800" escape can make one) is not a character: it
# cannot be written as UTF-8, so a text or field holding one is refused with a message.
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL_CHARS = re.compile("[\x00-\x1f\x7f]")


@dataclass
class Document:
    """One raw input: the text every offset points into, plus what is known about it."""

    doc_id: str
    text: str
    path: str | None = None
    line: int | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    title: str | None = None
    is_html: bool = False


class InputError(ValueError):
    """An input that cannot be read; `str(e)` is "PATH:LINE: message" (no ":LINE" when None)."""

    def __init__(self, path, line: int | None, message: str):
        self.path = _printable(os.fsdecode(path) if isinstance(path, bytes) else str(path)) \
            if path is not None else "<text>"
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


# ---------------------------------------------------------------------------- public API

def iter_documents(paths, *, published=None, max_bytes: int = MAX_BYTES) -> Iterator[Document | InputError]:
    """Yield a `Document` (or an `InputError`) for each file, folder entry or JSONL line.

    `published` (ISO date or `datetime.date`) is given to documents that carry no date of
    their own. Folders are walked recursively in sorted order, reading only known extensions.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    fallback = normalize_date(published)
    walk = _Walk()
    for path in paths:
        path = os.fspath(path)
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        items = _iter_stdin(max_bytes) if path == "-" else _iter_path(path, max_bytes=max_bytes, explicit=True,
                                                                      walk=walk)
        for item in items:
            if isinstance(item, Document) and not item.published:
                item.published = fallback
            yield item


def document_from_text(text, *, doc_id=None, published=None, url=None, source=None, title=None) -> Document:
    """Make a `Document` from a string, sniffing HTML (extracted with trafilatura) vs plain text.

    Raises `InputError` for empty text or HTML with no extractable article text.
    """
    if isinstance(text, bytes):
        text = _decode(text, doc_id or "<text>", None)
    if text.startswith("\ufeff"):
        text = text[1:]
    bad = _bad_characters(text)
    if bad:
        raise InputError("<text>" if doc_id is None else _printable(str(doc_id)), None, f"text {bad}")
    if doc_id is None:
        doc_id = "doc-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    if not text.strip():
        raise InputError(doc_id, None, "empty text")
    published = normalize_date(published)
    if looks_like_html(text):
        return _html_document(text, doc_id=doc_id, path=None, line=None, published=published, url=url,
                              source=source, title=title)
    return Document(doc_id=str(doc_id), text=text, url=url, published=published, source=source, title=title)


def looks_like_html(text: str) -> bool:
    """True when a string is an HTML page (a doctype/<html> start, or '<' and several tags)."""
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    return head.lstrip().startswith("<") and len(_HTML_TAG.findall(head)) >= _MIN_SNIFF_TAGS


# ---------------------------------------------------------------------------- paths

class _Walk:
    """What one call of `iter_documents` has read: folders (to stop symbolic-link loops) and
    files (so a file reached twice, through a link or a repeated argument, is read once)."""

    def __init__(self):
        self.files: set[tuple[int, int]] = set()
        self.folders: set[tuple[int, int]] = set()

    def first_time(self, st: os.stat_result) -> bool:
        key = (st.st_dev, st.st_ino)
        if key in self.files:
            return False
        self.files.add(key)
        return True


def _printable(path: str) -> str:
    """A path or id as valid text on one line: bytes of a name that are not UTF-8 (which Python
    keeps as surrogates) are shown as \\xNN, any other lone surrogate as \\udNNN, and control
    characters (a newline or an escape code in a file name) as \\n, \\x1b."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        try:
            path = os.fsencode(path).decode("utf-8", "backslashreplace")
        except UnicodeError:
            path = path.encode("utf-8", "backslashreplace").decode("utf-8")
    if _CONTROL_CHARS.search(path):
        path = _CONTROL_CHARS.sub(lambda m: repr(m.group())[1:-1], path)
    return path


def _iter_path(path: str, *, max_bytes: int, explicit: bool, walk: _Walk,
               ancestors: frozenset = frozenset()) -> Iterator[Document | InputError]:
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:  # a name in another encoding: the id and the output would not be valid text
        yield InputError(path, None, "file name is not valid UTF-8; rename it (e.g. with convmv)")
        return
    try:
        exists = os.path.lexists(path)
    except ValueError:  # an embedded NUL character
        exists = False
    if not exists:
        yield InputError(path, None, "no such file or directory")
        return
    try:
        st = os.stat(path)
    except OSError as exc:
        yield InputError(path, None, _os_message(exc, path))
        return
    if stat.S_ISDIR(st.st_mode):
        if explicit or Path(path).suffix.lower() not in KNOWN_EXTENSIONS:
            yield from _iter_folder(path, st, max_bytes=max_bytes, walk=walk, ancestors=ancestors)
        else:  # a folder entry named like an input file: say so rather than guess
            yield InputError(path, None, "is a directory, not a file")
        return
    if stat.S_ISREG(st.st_mode) and not walk.first_time(st):
        return  # the same file again (a link to it, or named twice): read once
    suffix = Path(path).suffix.lower()
    if suffix in JSONL_EXTENSIONS:
        yield from _iter_jsonl(path, st, max_bytes=max_bytes)
        return
    try:
        raw = _read_file(path, st, max_bytes)
        text = _decode(raw, path, None)
        stem = Path(path).stem
        if suffix in HTML_EXTENSIONS:
            yield _html_document(text, doc_id=stem, path=path, line=None)
        else:  # .txt, and any other file named explicitly, is plain text
            yield Document(doc_id=stem, text=text, path=path)
    except InputError as exc:
        yield exc


def _iter_stdin(max_bytes: int) -> Iterator[Document | InputError]:
    """"-" reads one document (plain text or HTML, sniffed) from standard input."""
    import sys

    raw = sys.stdin.buffer.read(max_bytes + 1)
    if len(raw) > max_bytes:
        yield InputError("-", None, f"input is over the limit of {max_bytes:,} bytes (--max-bytes)")
        return
    if not raw:
        yield InputError("-", None, "empty input")
        return
    try:
        text = _decode(raw, "-", None)
        if looks_like_html(text):
            yield _html_document(text, doc_id="stdin", path="-", line=None)
        else:
            yield Document(doc_id="stdin", text=text, path="-")
    except InputError as exc:
        yield exc


def _iter_folder(folder: str, st: os.stat_result, *, max_bytes: int, walk: _Walk,
                 ancestors: frozenset) -> Iterator[Document | InputError]:
    key = (st.st_dev, st.st_ino)
    if key in ancestors:  # a link back to a folder being read: following it would never end
        yield InputError(folder, None, "symbolic link loop (links back to a folder above it); skipped")
        return
    if key in walk.folders:  # reached before through another link: its files are read already
        return
    if len(ancestors) >= MAX_FOLDER_DEPTH:
        yield InputError(folder, None, f"folders nested more than {MAX_FOLDER_DEPTH} deep; skipped")
        return
    walk.folders.add(key)
    ancestors = ancestors | {key}
    try:
        names = sorted(os.listdir(folder))
    except OSError as exc:
        yield InputError(folder, None, _os_message(exc, folder))
        return
    for name in names:
        child = os.path.join(folder, name)
        suffix = Path(name).suffix.lower()
        is_dir = os.path.isdir(child)
        if is_dir and suffix not in KNOWN_EXTENSIONS or suffix in KNOWN_EXTENSIONS:
            yield from _iter_path(child, max_bytes=max_bytes, explicit=False, walk=walk, ancestors=ancestors)
        # anything else inside a folder (images, .json, notes) is not an input: skipped


def _read_file(path: str, st: os.stat_result, max_bytes: int) -> bytes:
    if not stat.S_ISREG(st.st_mode):
        raise InputError(path, None, "not a regular file")
    if st.st_size > max_bytes:
        raise InputError(path, None, f"file is {st.st_size:,} bytes, over the limit of {max_bytes:,} (--max-bytes)")
    try:
        with open(path, "rb") as fh:
            raw = fh.read(max_bytes + 1)  # never more than the limit, whatever stat said
    except OSError as exc:
        raise InputError(path, None, _os_message(exc, path)) from None
    if len(raw) > max_bytes:
        raise InputError(path, None, f"file is over the limit of {max_bytes:,} bytes (--max-bytes)")
    if not raw:
        raise InputError(path, None, "empty file")
    return raw


def _os_message(exc: OSError, path: str) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop (too many levels of symbolic links)"
    if os.path.islink(path) and not os.path.exists(path):
        return "broken symbolic link"
    if isinstance(exc, IsADirectoryError):
        return "is a directory, not a file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror.lower() if exc.strerror else str(exc)


def _decode(raw: bytes, path, line: int | None, *, offset: int = 0) -> str:
    """UTF-8 text from bytes (a BOM is dropped); binary data and bad UTF-8 raise `InputError`."""
    head = raw[:SNIFF_BYTES]
    if b"\x00" in head:
        raise InputError(path, line, "binary file (contains NUL bytes), not text")
    if head and sum(head.count(b) for b in _CONTROL_BYTES) > MAX_CONTROL_SHARE * len(head):
        raise InputError(path, line, "binary file (mostly control bytes), not text")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw, offset = raw[3:], offset + 3
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(path, line, f"invalid UTF-8 at byte {offset + exc.start} "
                                     f"(0x{raw[exc.start]:02x}); save the file as UTF-8") from None
    if not text.strip():
        raise InputError(path, line, "empty file" if line is None else "empty text")
    nul = text.find("\x00", len(head))
    if nul >= 0:  # past the sniffed start: still binary data, and PostgreSQL cannot store it
        raise InputError(path, line, f"binary data (a NUL byte at byte {offset + len(text[:nul].encode())}), not text")
    return text


def _bad_characters(value: str) -> str | None:
    """Why a decoded string cannot be stored or printed (a NUL or a lone surrogate), or None."""
    nul = value.find("\x00")
    if nul >= 0:
        return f"contains a NUL character (\\u0000) at character {nul}"
    m = _SURROGATE.search(value)
    if m:
        return f"contains a lone surrogate (\\u{ord(m.group()):04x}) at character {m.start()}; not valid Unicode"
    return None


# ---------------------------------------------------------------------------- HTML

def _html_document(html: str, *, doc_id, path, line, published=None, url=None, source=None,
                   title=None) -> Document:
    """Extract the article text and metadata of a page with trafilatura.

    The text starts with the page's title line (added when trafilatura's text does not
    already begin with it), so offsets point into what a person reads as the article.
    """
    from trafilatura import bare_extraction

    try:
        doc = bare_extraction(html, with_metadata=True, include_comments=False, include_tables=True,
                              include_images=False, deduplicate=False)
    except Exception as exc:  # trafilatura/lxml failures on broken markup
        raise InputError(path or doc_id, line, f"HTML could not be parsed ({type(exc).__name__})") from None
    body = (doc.text or "").strip() if doc is not None else ""
    if not _HAS_WORD.search(body):  # nothing, or only stray markup characters
        raise InputError(path or doc_id, line, "HTML has no extractable article text")
    page_title = title or (doc.title or "").strip() or None
    text = body
    if page_title and not body.startswith(page_title):
        text = f"{page_title}\n{body}"
    return Document(doc_id=str(doc_id), text=text, path=path, line=line,
                    url=url or doc.url or None,
                    published=published or normalize_date(doc.date),
                    source=source or doc.sitename or None,
                    title=page_title, is_html=True)


# ---------------------------------------------------------------------------- JSONL

def _iter_jsonl(path: str, st: os.stat_result, *, max_bytes: int) -> Iterator[Document | InputError]:
    """One document per JSONL line; the size limit applies to each line, not the whole file."""
    if not stat.S_ISREG(st.st_mode):
        yield InputError(path, None, "not a regular file")
        return
    if st.st_size == 0:
        yield InputError(path, None, "empty file")
        return
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield InputError(path, None, _os_message(exc, path))
        return
    with fh:
        seen = yield from jsonl_records(fh, path, max_bytes=max_bytes)
        if not seen:
            yield InputError(path, None, "empty file (no JSON records)")


def jsonl_records(fh, path: str, *, max_bytes: int, offset: int = 0, lineno: int = 0,
                  limit: int | None = None):
    """The records of an open JSONL file from byte `offset` (after line `lineno`), at most
    `limit` lines: a Document or an InputError naming the line for each one that is not blank.
    Returns the number of records read (blank and over-long lines aside). One reader for
    `iter_documents` and for the Dask job's line ranges, so both give the same ids and errors."""
    stem = Path(path).stem
    seen = read = 0
    while limit is None or read < limit:
        try:
            raw = fh.readline(max_bytes + 1)
        except OSError as exc:
            yield InputError(path, lineno + 1, _os_message(exc, path))
            return seen
        if not raw:
            break
        read += 1
        lineno += 1
        start = offset
        offset += len(raw)
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the long line
                raw = fh.readline(1 << 20)
                offset += len(raw)
            yield InputError(path, lineno, f"record is over the limit of {max_bytes:,} bytes (--max-bytes)")
            continue
        if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw, start = raw[3:], start + 3
        if not raw.strip():
            continue
        seen += 1
        try:
            yield record_document(raw, path, lineno, stem, start)
        except InputError as exc:
            yield exc
    return seen


def record_document(raw: bytes, path: str, lineno: int, stem: str, offset: int = 0) -> Document:
    """The Document one JSONL record (the line's bytes) gives, or an InputError naming path:lineno;
    `stem` names documents without an id (stem-lineno), `offset` places decoding errors. Public
    so that other listings (the Dask job's Parquet rows) read a record exactly as a JSONL line."""
    line_text = _decode(raw, path, lineno, offset=offset)
    try:
        rec = json.loads(line_text)
    except json.JSONDecodeError as exc:
        raise InputError(path, lineno, f"invalid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:  # the C decoder recurses once per level of [ or {
        raise InputError(path, lineno, "invalid JSON (nested too deeply)") from None
    if not isinstance(rec, dict):
        raise InputError(path, lineno, "record is not a JSON object")
    for key in ("id", "text", "html", "url", "published", "source", "title"):
        value = rec.get(key)
        bad = _bad_characters(value) if isinstance(value, str) else None
        if bad:
            raise InputError(path, lineno, f'"{key}" {bad}')
    doc_id = rec.get("id")
    doc_id = f"{stem}-{lineno}" if doc_id in (None, "") else str(doc_id)
    meta = {k: (str(rec[k]).strip() or None) if rec.get(k) not in (None, "") else None
            for k in ("url", "source", "title")}
    published = normalize_date(rec.get("published"))
    text, html = rec.get("text"), rec.get("html")
    if isinstance(text, str) and text.strip():
        if text.startswith("\ufeff"):
            text = text[1:]
        return Document(doc_id=doc_id, text=text, path=path, line=lineno, published=published, **meta)
    if isinstance(html, str) and html.strip():
        return _html_document(html, doc_id=doc_id, path=path, line=lineno, published=published, **meta)
    raise InputError(path, lineno, 'record has neither "text" nor "html"')


# ---------------------------------------------------------------------------- dates

_ISO_DAY = re.compile(r"\A(\d{4})-(\d{2})-(\d{2})")


def normalize_date(value) -> str | None:
    """An ISO day ("2026-02-13") from a date, datetime, ISO string or a date a person wrote; None if not a date."""
    if value in (None, ""):
        return None
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()[:10]
    value = str(value).strip()
    m = _ISO_DAY.match(value)
    if m:
        return m.group(0)
    try:
        from communique.dates import parse_date
    except ImportError:  # the dates module is optional here; dateparser does the same job
        parse_date = None
    if parse_date is not None:
        try:
            return parse_date(value)
        except Exception:
            return None
    import dateparser

    parsed = dateparser.parse(value, settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date().isoformat() if parsed else None
