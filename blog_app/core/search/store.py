"""Write and read the rows of a search index, in the caller's transaction (ingest's)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session

from blog_app.core.search import backends
from blog_app.core.search.indexes import SearchIndex
from blog_app.core.search.snippets import without_marks

# A column's text is cut here: PostgreSQL refuses a tsvector over 1 MB, and no reader searches past it.
MAX_INDEXED_CHARS = 200_000


def write_rows(db: Session, index: SearchIndex, rows: dict[int, dict[str, str]]) -> None:
    """Insert one row per key (keys must have no row yet): ``{key: {column: text}}``."""
    if not rows:
        return
    key = _key_column(db, index)
    names = ", ".join(index.columns)
    values = ", ".join(f":{name}" for name in index.columns)
    statement = sa.text(f"INSERT INTO {index.table} ({key}, {names}) VALUES (:key, {values})")
    params = [
        {"key": row_key, **{name: without_marks(texts.get(name, ""))[:MAX_INDEXED_CHARS] for name in index.columns}}
        for row_key, texts in rows.items()
    ]
    db.execute(statement, params)


def delete_rows(db: Session, index: SearchIndex, keys: list[int]) -> None:
    """Delete the rows of ``keys`` (missing ones are fine)."""
    if keys:
        statement = sa.text(f"DELETE FROM {index.table} WHERE {_key_column(db, index)} IN :keys")
        db.execute(statement.bindparams(sa.bindparam("keys", expanding=True)), {"keys": keys})


def read_rows(db: Session, index: SearchIndex, keys: list[int]) -> dict[int, dict[str, str]]:
    """The stored text of ``keys`` that have a row: ``{key: {column: text}}``."""
    if not keys:
        return {}
    key = _key_column(db, index)
    statement = sa.text(f"SELECT {key}, {', '.join(index.columns)} FROM {index.table} WHERE {key} IN :keys")
    rows = db.execute(statement.bindparams(sa.bindparam("keys", expanding=True)), {"keys": keys})
    return {row[0]: dict(zip(index.columns, row[1:], strict=True)) for row in rows}


def _key_column(db: Session, index: SearchIndex) -> str:
    return backends.KEY_COLUMN.get(backends.dialect(db), index.key)
