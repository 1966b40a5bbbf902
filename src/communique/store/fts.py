"""Full-text search over article titles and texts: SQLite FTS5 or a PostgreSQL tsvector + GIN index.

The user's query is reduced to words and "quoted phrases" (all must match) before it reaches
either engine, so no query syntax of FTS5 or tsquery can be injected or cause a syntax error.
"""
import re

from sqlalchemy import text

# Private-use characters mark the match inside snippets; `mark()` turns them into the
# caller's markers (plain text or HTML) afterwards, so article text can never forge them.
START, STOP = "\ue000", "\ue001"

SQLITE_DDL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
    "title, text, content='articles', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_ai AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_ad AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
]

# PostgreSQL refuses a tsvector over 1 MB, and with it the whole insert. A tsvector costs at
# most about 5 bytes per character of text (a distinct two-letter word and its space: lexeme,
# 4-byte entry, position), so the index reads the first 100,000 characters of the text (some
# 30 pages; news articles are a few thousand) and 1,000 of the title: at most ~0.5 MB.
# SQLite's FTS5 has no such limit and indexes everything.
INDEX_TEXT_CHARS, INDEX_TITLE_CHARS = 100_000, 1_000

POSTGRES_DDL = [
    "ALTER TABLE articles ADD COLUMN IF NOT EXISTS tsv tsvector GENERATED ALWAYS AS ("
    f"setweight(to_tsvector('english', left(coalesce(title, ''), {INDEX_TITLE_CHARS})), 'A') || "
    f"setweight(to_tsvector('english', left(coalesce(text, ''), {INDEX_TEXT_CHARS})), 'B')) STORED",
    "CREATE INDEX IF NOT EXISTS ix_articles_tsv ON articles USING GIN (tsv)",
]

_TERM = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"[^\W_]+")


def create(conn) -> None:
    """Create the dialect's full-text index on `articles` (called by a migration)."""
    ddl = SQLITE_DDL if conn.dialect.name == "sqlite" else POSTGRES_DDL
    for statement in ddl:
        conn.exec_driver_sql(statement)


def cap_postgres_index(conn) -> None:
    """Rebuild PostgreSQL's tsvector column with the capped text (a migration: databases made
    before the cap index the whole text, and one long article aborted its ingest batch)."""
    if conn.dialect.name != "postgresql":
        return
    conn.exec_driver_sql("ALTER TABLE articles DROP COLUMN IF EXISTS tsv")  # drops its index too
    for statement in POSTGRES_DDL:
        conn.exec_driver_sql(statement)


def terms(query: str) -> list[str]:
    """The query as a list of words and phrases (each phrase a space-joined run of words)."""
    out = []
    for phrase, word in _TERM.findall(query or ""):
        words = _WORD.findall(phrase if phrase else word)
        if words:
            out.append(" ".join(words))
    return out


def search(conn, query: str, limit: int) -> list[dict]:
    """Articles matching every term of `query`, best first, with a snippet around the match."""
    parts = terms(query)
    if not parts:
        return []
    if conn.dialect.name == "sqlite":
        match = " AND ".join('"' + p + '"' for p in parts)
        rows = conn.execute(text(
            "SELECT a.doc_id, a.title, a.published, "
            "snippet(articles_fts, -1, :start, :stop, '…', 24) AS snippet "
            "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
            "WHERE articles_fts MATCH :match ORDER BY bm25(articles_fts, 5.0, 1.0), a.doc_id LIMIT :limit"),
            {"start": START, "stop": STOP, "match": match, "limit": limit})
    else:
        websearch = " ".join('"' + p + '"' if " " in p else p for p in parts)
        rows = conn.execute(text(
            "WITH q AS (SELECT websearch_to_tsquery('english', :q) AS q), "
            "hits AS (SELECT a.id, a.doc_id, a.title, a.published, a.text, ts_rank(a.tsv, q.q) AS rank "
            "FROM articles a, q WHERE a.tsv @@ q.q ORDER BY rank DESC, a.doc_id LIMIT :limit) "
            "SELECT h.doc_id, h.title, h.published, "
            "ts_headline('english', h.text, q.q, :opts) AS snippet FROM hits h, q ORDER BY h.rank DESC, h.doc_id"),
            {"q": websearch, "limit": limit,
             "opts": f"StartSel={START}, StopSel={STOP}, MaxWords=35, MinWords=15, MaxFragments=2, "
                     f"FragmentDelimiter=\" … \""})
    return [{"doc_id": r.doc_id, "title": r.title, "published": r.published,
             "snippet": " ".join((r.snippet or "").split())} for r in rows]


def mark(snippet: str, start: str = "[", stop: str = "]", escape=None) -> str:
    """Replace the internal match markers by `start`/`stop`, escaping the rest with `escape` if given."""
    if escape is not None:
        snippet = escape(snippet)
    return snippet.replace(START, start).replace(STOP, stop)
