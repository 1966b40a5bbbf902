"""One writer at a time: ingest, reprocess and rebuild hold the corpus's writer lock, so a
second run waits for the first (saying so) instead of failing on "database is locked" or on
a UNIQUE constraint while both rebuild the resolution tables.

PostgreSQL: a session-level advisory lock keyed by the schema (released by the server if the
process dies). SQLite: an exclusive `flock` on "<database>.lock" next to the file (released
by the kernel when the process exits); the standard library does this in a few lines, so no
lock-file package is added. An in-memory database has only one connection: no lock.
"""
from __future__ import annotations

import contextlib
import os
import sys
from typing import Callable, Iterator

from sqlalchemy import text

WAIT_MESSAGE = "waiting for another ingest to finish"
# The advisory-lock namespace of communique's writer (the second key is the schema's hash).
PG_LOCK_CLASS = 7402612


def _say(message: str) -> None:
    print(f"communique: {message}", file=sys.stderr, flush=True)


@contextlib.contextmanager
def writer_lock(engine, *, wait: bool = True, on_wait: Callable[[str], None] | None = None) -> Iterator[bool]:
    """Hold the writer lock for the block; yields True when held. With wait=False it does not
    wait: it yields False at once when another process holds the lock."""
    on_wait = on_wait or _say
    if engine.dialect.name == "postgresql":
        with _pg_lock(engine, wait, on_wait) as held:
            yield held
        return
    database = engine.url.database
    if engine.dialect.name != "sqlite" or database in (None, "", ":memory:"):
        yield True
        return
    with _file_lock(database + ".lock", wait, on_wait, engine) as held:
        yield held


@contextlib.contextmanager
def _pg_lock(engine, wait: bool, on_wait) -> Iterator[bool]:
    args = {"c": PG_LOCK_CLASS}
    key = "hashtext(current_schema())"
    with engine.connect() as conn:
        held = conn.execute(text(f"SELECT pg_try_advisory_lock(:c, {key})"), args).scalar()
        conn.commit()
        if not held and wait:
            on_wait(f"{WAIT_MESSAGE} ({_where(engine)})")
            conn.execute(text(f"SELECT pg_advisory_lock(:c, {key})"), args)
            conn.commit()
            held = True
        try:
            yield bool(held)
        finally:
            if held:
                try:
                    conn.rollback()  # a failed statement leaves the session needing a rollback first
                    conn.execute(text(f"SELECT pg_advisory_unlock(:c, {key})"), args)
                    conn.commit()
                except Exception:  # noqa: BLE001 - the session ends with the connection, and the lock with it
                    conn.invalidate()


@contextlib.contextmanager
def _file_lock(path: str, wait: bool, on_wait, engine) -> Iterator[bool]:
    try:
        import fcntl
    except ImportError:  # not a POSIX system: SQLite's own busy timeout is the only guard
        yield True
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            held = True
        except BlockingIOError:
            held = False
            if wait:
                on_wait(f"{WAIT_MESSAGE} ({_where(engine)})")
                fcntl.flock(fd, fcntl.LOCK_EX)
                held = True
        try:
            yield held
        finally:
            if held:
                fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _where(engine) -> str:
    from communique.store.database import describe

    return describe(engine.url)
