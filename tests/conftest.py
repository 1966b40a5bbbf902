"""Shared fixtures: a fresh SQLite file, a fresh PostgreSQL schema, and `db_url` over both.

PostgreSQL comes from $COMMUNIQUE_TEST_PG (default postgresql://postgres@127.0.0.1:5432/test);
each test gets its own schema (search_path set in the URL) that is dropped afterwards. When no
server answers, PostgreSQL tests are skipped, or fail with COMMUNIQUE_REQUIRE_PG=1.
"""
import os
import uuid
from functools import lru_cache
from urllib.parse import quote

import pytest

PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/test"


def _pg_base() -> str:
    return os.environ.get("COMMUNIQUE_TEST_PG") or PG_DEFAULT


def _engine(url: str):
    import sqlalchemy as sa

    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return sa.create_engine(url, connect_args={"connect_timeout": 3}, poolclass=sa.pool.NullPool)


@lru_cache(maxsize=1)
def _pg_problem() -> str | None:
    """None when the test server answers, else why not."""
    try:
        with _engine(_pg_base()).connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except Exception as exc:  # any failure to reach it means: no server for these tests
        return f"no PostgreSQL server at {_pg_base()}: {' '.join(str(exc).split())[:200]}"
    return None


@pytest.fixture
def sqlite_url(tmp_path):
    """A path to a new SQLite database file."""
    return str(tmp_path / "corpus.db")


@pytest.fixture
def pg_url():
    """A URL to a fresh, empty schema on the test PostgreSQL server (dropped after the test)."""
    problem = _pg_problem()
    if problem:
        if os.environ.get("COMMUNIQUE_REQUIRE_PG") == "1":
            pytest.fail(problem + " (COMMUNIQUE_REQUIRE_PG=1)")
        pytest.skip(problem)
    schema = "t_" + uuid.uuid4().hex[:12]
    base = _pg_base()
    admin = _engine(base)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in base else "?"
    yield f"{base}{sep}options={quote('-csearch_path=' + schema)}"
    with admin.begin() as conn:
        conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request):
    """Each test using it runs once on SQLite and once on PostgreSQL."""
    name = "sqlite_url" if request.param == "sqlite" else "pg_url"
    return request.getfixturevalue(name)


# ---------------------------------------------------------------- corpus fixtures
# Short articles written for these tests (people are invented), with the extraction the
# contract expects, built with offsets computed from the text.

def _span(text: str, part: str, start: int = 0) -> list[int]:
    i = text.index(part, start)
    return [i, i + len(part)]


def _mentions(text: str, forms: list[str]) -> list[list[int]]:
    spans = []
    for form in forms:
        i = text.find(form)
        while i >= 0:
            if not any(s <= i < e for s, e in spans):
                spans.append([i, i + len(form)])
            i = text.find(form, i + 1)
    return sorted(spans)


def make_article(doc_id, text, *, published=None, source=None, title=None, persons=(), events=(),
                 commitments=()):
    """An Article from compact specs: persons (name, country, titles, org, short forms), events
    as contract dicts whose "evidence" holds sentences to find in the text."""
    from communique.model import Article

    person_dicts = [{"name": name, "country": country, "titles": list(titles), "org": org,
                     "mentions": _mentions(text, [name, *forms])}
                    for name, country, titles, org, forms in persons]
    event_dicts = []
    for ev in events:
        ev = dict(ev)
        ev["evidence"] = [_span(text, s) for s in ev.get("evidence", [])]
        ev.setdefault("topics", [])
        event_dicts.append(ev)
    commitment_dicts = []
    for c in commitments:
        c = dict(c)
        c["evidence"] = [_span(text, s) for s in c.get("evidence", [])]
        commitment_dicts.append(c)
    return Article.from_dict({"doc_id": doc_id, "text": text, "title": title or text.split("\n", 1)[0],
                              "published": published, "source": source, "url": None, "body": [0, len(text)],
                              "persons": person_dicts, "events": event_dicts, "commitments": commitment_dicts})


def _actor(name, country, role, kind="person"):
    return {"name": name, "kind": kind, "country": country, "role": role}


def corpus_articles():
    """Five articles: two outlets on one meeting (they should merge), a call, a dialogue, a visit."""
    a1 = ("Vietnam and US officials discuss dioxin remediation\n"
          "HANOI, September 9 - Vietnamese Foreign Minister Le Van Hoa received US Deputy Secretary of State "
          "Karen Whitfield in Hanoi on Tuesday. The two sides reviewed dioxin remediation at former air bases. "
          "Hoa thanked Washington for its support. Whitfield said the United States would provide 50 million "
          "dollars for the cleanup.")
    a2 = ("Deputy Secretary Whitfield holds talks in Hanoi\n"
          "Minister Le Van Hoa hosted Karen Whitfield, the US Deputy Secretary of State, on September 9 in "
          "Hanoi. Hoa and Whitfield agreed to speed up remediation of contaminated soil.")
    a3 = ("President Tran Quoc Binh speaks with Japanese Prime Minister by phone\n"
          "Vietnamese President Tran Quoc Binh held a phone call with Japanese Prime Minister Haruto Sato in "
          "early October. Binh and Sato discussed supply chains and port investment.")
    a4 = ("Vietnam and the United States hold Political and Security Dialogue\n"
          "The 14th Political and Security Dialogue took place in Washington from December 2 to 5. "
          "Deputy Foreign Minister Pham Thu Lan and Assistant Secretary of State Daniel Reyes co-chaired the "
          "session. Lan said cooperation on war legacy issues was a priority.")
    a5 = ("Prime Minister Dao Minh Khoa visits Tokyo\n"
          "Prime Minister Dao Minh Khoa arrived in Tokyo on February 13 for an official visit to Japan. "
          "Khoa and Japanese Prime Minister Haruto Sato signed an agreement on rail financing the same day.")
    hoa = ("Le Van Hoa", "VNM", ["Foreign Minister"], None, ["Hoa"])
    whit = ("Karen Whitfield", "USA", ["Deputy Secretary of State"], None, ["Whitfield"])
    sato = ("Haruto Sato", "JPN", ["Prime Minister"], None, ["Sato"])
    return [
        make_article("corp-001", a1, published="2025-09-10", source="Harbor Daily", persons=[hoa, whit], events=[
            {"type": "CONSULT", "mode": "meeting", "cameo": "040", "date": "2025-09-09",
             "location": {"name": "Hanoi", "country": "VNM"},
             "actors": [_actor("Le Van Hoa", "VNM", "host"), _actor("Karen Whitfield", "USA", "guest")],
             "evidence": ["Vietnamese Foreign Minister Le Van Hoa received US Deputy Secretary of State "
                          "Karen Whitfield in Hanoi on Tuesday."]}],
            commitments=[{"donor": "USA", "recipient": "VNM", "amount": 50000000, "currency": "USD",
                          "purpose": "dioxin cleanup", "status": "pledged",
                          "evidence": ["Whitfield said the United States would provide 50 million dollars "
                                       "for the cleanup."]}]),
        make_article("corp-002", a2, published="2025-09-11", source="River Post", persons=[
            ("Le Van Hoa", "VNM", ["Minister"], None, ["Hoa"]), whit], events=[
            {"type": "CONSULT", "mode": "meeting", "cameo": "040", "date": "XXXX-09-09",
             "location": {"name": "Hanoi", "country": "VNM"},
             "actors": [_actor("Le Van Hoa", "VNM", "host"), _actor("Karen Whitfield", "USA", "guest")],
             "evidence": ["Minister Le Van Hoa hosted Karen Whitfield, the US Deputy Secretary of State, on "
                          "September 9 in Hanoi."]}]),
        make_article("corp-003", a3, published="2025-10-06", source="Harbor Daily", persons=[
            ("Tran Quoc Binh", "VNM", ["President"], None, ["Binh"]), sato], events=[
            {"type": "CONSULT", "mode": "call", "cameo": "040", "date": "2025-10",
             "actors": [_actor("Tran Quoc Binh", "VNM", "participant"), _actor("Haruto Sato", "JPN", "participant")],
             "evidence": ["Vietnamese President Tran Quoc Binh held a phone call with Japanese Prime Minister "
                          "Haruto Sato in early October."]}]),
        make_article("corp-004", a4, published="2024-12-06", source="River Post", persons=[
            ("Pham Thu Lan", "VNM", ["Deputy Foreign Minister"], None, ["Lan"]),
            ("Daniel Reyes", "USA", ["Assistant Secretary of State"], None, [])], events=[
            {"type": "CONSULT", "mode": "dialogue", "cameo": "040", "date": "2024-12-02/2024-12-05",
             "location": {"name": "Washington", "country": "USA"},
             "mechanism": {"name": "Political and Security Dialogue", "round": 14},
             "actors": [_actor("Pham Thu Lan", "VNM", "co-chair"), _actor("Daniel Reyes", "USA", "co-chair")],
             "evidence": ["Deputy Foreign Minister Pham Thu Lan and Assistant Secretary of State Daniel Reyes "
                          "co-chaired the session."]}]),
        make_article("corp-005", a5, published="2026-02-14", source="Harbor Daily", persons=[
            ("Dao Minh Khoa", "VNM", ["Prime Minister"], None, ["Khoa"]), sato], events=[
            {"type": "CONSULT", "mode": "visit", "cameo": "042", "date": "2026-02-13",
             "location": {"name": "Tokyo", "country": "JPN"},
             "actors": [_actor("Dao Minh Khoa", "VNM", "visitor"), _actor("Japan", "JPN", "host", "country")],
             "evidence": ["Prime Minister Dao Minh Khoa arrived in Tokyo on February 13 for an official visit "
                          "to Japan."]},
            {"type": "AGREE", "mode": "signing", "cameo": "057", "date": "2026-02-13",
             "location": {"name": "Tokyo", "country": "JPN"},
             "actors": [_actor("Dao Minh Khoa", "VNM", "participant"), _actor("Haruto Sato", "JPN", "participant")],
             "evidence": ["Khoa and Japanese Prime Minister Haruto Sato signed an agreement on rail financing "
                          "the same day."]}]),
    ]


@pytest.fixture
def articles():
    """The five test articles as model.Article objects (a fresh copy per test)."""
    return corpus_articles()


# ---------------------------------------------------------------- CLI helpers

def run_cli(*args):
    """Invoke the `communique` CLI in-process, as a user would type it (arguments as strings)."""
    from click.testing import CliRunner

    from communique.cli import main

    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def ingested_db(path, articles) -> str:
    """A fresh SQLite store at `path` holding `articles`; returns the path for --db."""
    from communique.store import Store

    with Store.open(str(path)) as s:
        s.ingest(articles, progress=False)
    return str(path)


# ---------------------------------------------------------------- sentence coder helpers

def main_coded_event(text):
    """The first event the sentence coder gives `text`, the bare reporting verb (010) aside."""
    from communique.coding import code_text

    events = [e for e in code_text(text) if e.code != "010"]
    assert events, f"nothing coded in {text!r}"
    return events[0]


def coded_countries(actors):
    return [a.country for a in actors]
