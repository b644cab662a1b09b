"""Which database's search functions a session uses: FTS5 on SQLite, tsvector on PostgreSQL."""

from __future__ import annotations

from types import ModuleType

from sqlmodel import Session

from blog_app.core.search import fts5, tsvector

KEY_COLUMN = {"sqlite": fts5.KEY}


def for_session(db: Session) -> ModuleType:
    """The backend module (``fts5`` or ``tsvector``) for the database ``db`` is bound to."""
    return fts5 if dialect(db) == "sqlite" else tsvector


def dialect(db: Session) -> str:
    """``sqlite`` or ``postgresql``."""
    return db.get_bind().dialect.name
