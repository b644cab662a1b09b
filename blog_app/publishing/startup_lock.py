"""The start-up lock: app processes sharing a database migrate and ingest one at a time."""

from __future__ import annotations

import contextlib
import fcntl
import pathlib
from collections.abc import Callable, Iterator

import sqlalchemy as sa

from blog_app.core import database

# Any fixed 64-bit number; names the PostgreSQL advisory lock ingest holds.
STARTUP_LOCK_KEY = 0x626C6F675F617070


@contextlib.contextmanager
def startup_lock(engine: sa.Engine | None = None, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Serialise migrations and ingest across every app process sharing a database.

    PostgreSQL: a session-level advisory lock, taken on a connection of its own
    in autocommit mode so no transaction sits idle while the lock is held (a
    server's ``idle_in_transaction_session_timeout`` would end it and free the
    lock early). SQLite: an exclusive ``flock`` on a file beside the database
    (processes on one machine share it).

    Args:
        engine: The database (default: ``DATABASE_URL``'s).
        on_wait: Called once when another process holds the lock, before waiting for it.
    """
    engine = engine or database.get_engine()
    notify = on_wait or (lambda: None)
    if engine.dialect.name == "postgresql":
        lock = _advisory_lock(engine, notify)
    elif (lock_path := _sqlite_lock_path(engine)) is not None:
        lock = _file_lock(lock_path, notify)
    else:
        lock = contextlib.nullcontext()
    with lock:
        yield


@contextlib.contextmanager
def _advisory_lock(engine: sa.Engine, notify: Callable[[], None]) -> Iterator[None]:
    key = {"key": STARTUP_LOCK_KEY}
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        if not connection.execute(sa.text("SELECT pg_try_advisory_lock(:key)"), key).scalar():
            notify()
            connection.execute(sa.text("SELECT pg_advisory_lock(:key)"), key)
        try:
            yield
        finally:
            connection.execute(sa.text("SELECT pg_advisory_unlock(:key)"), key)


@contextlib.contextmanager
def _file_lock(lock_path: pathlib.Path, notify: Callable[[], None]) -> Iterator[None]:
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            notify()
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _sqlite_lock_path(engine: sa.Engine) -> pathlib.Path | None:
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return None
    return pathlib.Path(database + ".lock")
