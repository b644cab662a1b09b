"""The database engine, sessions, schema migrations and the start-up lock."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import pathlib
from collections.abc import Callable, Iterator

import sqlalchemy as sa
from alembic.config import Config
from sqlmodel import Session, create_engine

from alembic import command
from blog_app import settings

# Any fixed 64-bit number; names the PostgreSQL advisory lock ingest holds.
STARTUP_LOCK_KEY = 0x626C6F675F617070


def get_engine(url: str | None = None) -> sa.Engine:
    """The engine for ``url`` (default: ``settings.database_url()``), created once per process and URL."""
    return _engine_for(url or settings.database_url())


@functools.cache
def _engine_for(url: str) -> sa.Engine:
    kwargs: dict = {"pool_pre_ping": True}
    if url.startswith("sqlite"):
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        if engine.url.database and engine.url.database != ":memory:":
            pathlib.Path(engine.url.database).parent.mkdir(parents=True, exist_ok=True)
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """Enforce foreign keys and let readers proceed while ingest writes."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


@contextlib.contextmanager
def session(engine: sa.Engine | None = None) -> Iterator[Session]:
    """A session on the app's database, closed on exit (commit is the caller's)."""
    with Session(engine or get_engine(), expire_on_commit=False) as db:
        yield db


def alembic_config(engine: sa.Engine) -> Config:
    """The project's alembic configuration, pointed at ``engine``'s database."""
    config = Config(str(settings.PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(settings.PROJECT_ROOT / "alembic"))
    config.attributes["engine"] = engine
    return config


def upgrade_schema(engine: sa.Engine | None = None) -> None:
    """Apply every pending alembic migration (``alembic upgrade head``)."""
    command.upgrade(alembic_config(engine or get_engine()), "head")


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
    engine = engine or get_engine()
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
