"""The database engine, sessions and schema migrations."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator

import sqlalchemy as sa
from alembic.config import Config
from sqlmodel import Session, create_engine

from alembic import command
from blog_app.core import database_file, settings


def get_engine(url: str | None = None) -> sa.Engine:
    """The engine for ``url`` (default: ``settings.database_url()``), created once per process and URL."""
    return _engine_for(url or settings.database_url())


@functools.cache
def _engine_for(url: str) -> sa.Engine:
    database_file.prepare_location(url)
    kwargs: dict = {"pool_pre_ping": True}
    if url.startswith("sqlite"):
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
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
