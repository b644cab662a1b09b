"""SQLite: FTS5 tables (``unicode61`` tokenizer), ranked by ``bm25`` with column weights, snippets by ``snippet()``."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session

from blog_app.core.search.indexes import TERM_TRIGRAMS, SearchIndex
from blog_app.core.search.query import Alternatives
from blog_app.core.search.snippets import END_MARK, SNIPPET_WORDS, START_MARK

KEY = "rowid"


def expression(groups: list[Alternatives]) -> str:
    """An FTS5 query requiring every group: each option a quoted string, so nothing typed is syntax."""

    def option_list(group: Alternatives) -> list[str]:
        options = [_string(word) for word in group.words]
        options += [_string(group.prefix) + " *"] if group.prefix else []
        phrases = [words for words in (group.phrase, group.together) if words]
        return options + [_string(" ".join(words)) for words in phrases]

    return " AND ".join("(" + " OR ".join(option_list(group)) + ")" for group in groups)


def matches(index: SearchIndex, groups: list[Alternatives]) -> sa.Subquery:
    """``(key, score)`` of every row matching all groups; a higher score is a better match."""
    weights = ", ".join(f"{weight:g}" for weight in index.weights)
    statement = sa.text(
        f"SELECT rowid AS key, -bm25({index.table}, {weights}) AS score FROM {index.table} "
        f"WHERE {index.table} MATCH :expression"
    )
    return statement.bindparams(expression=expression(groups)).columns(key=sa.Integer, score=sa.Float).subquery()


def snippets(db: Session, index: SearchIndex, groups: list[Alternatives], keys: list[int]) -> dict[int, list[str]]:
    """For each key, a short passage of every snippet column around the matches, matches between marks."""
    calls = ", ".join(
        f"snippet({index.table}, {index.columns.index(name)}, '{START_MARK}', '{END_MARK}', '', {SNIPPET_WORDS})"
        for name in index.snippet_columns
    )
    statement = sa.text(
        f"SELECT rowid, {calls} FROM {index.table} WHERE {index.table} MATCH :expression AND rowid IN :keys"
    ).bindparams(sa.bindparam("keys", expanding=True))
    rows = db.execute(statement, {"expression": expression(groups), "keys": keys})
    return {row[0]: list(row[1:]) for row in rows}


def terms_like(db: Session, patterns: list[str], limit: int = 0) -> set[str]:
    """The vocabulary's words matching any ``LIKE`` pattern, found through its FTS5 trigram table.

    One ``SELECT`` per pattern: FTS5 serves a ``LIKE`` from its trigram index only when it is
    the query's sole constraint on the table (three literal characters in a row, else it scans).
    """
    selects = " UNION ".join(f"SELECT term FROM {TERM_TRIGRAMS} WHERE term LIKE :p{i}" for i in range(len(patterns)))
    statement = sa.text(selects + (f" LIMIT {int(limit)}" if limit else ""))
    return set(db.execute(statement, {f"p{i}": pattern for i, pattern in enumerate(patterns)}).scalars())


def learn_terms(db: Session, rows: list[tuple[int, str]]) -> None:
    """Add new vocabulary rows to the trigram index (an external-content FTS5 table over ``searchterm``)."""
    if rows:
        statement = sa.text(f"INSERT INTO {TERM_TRIGRAMS}(rowid, term) VALUES (:id, :term)")
        db.execute(statement, [{"id": term_id, "term": term} for term_id, term in rows])


def forget_terms(db: Session, rows: list[tuple[int, str]]) -> None:
    """Remove vocabulary rows from the trigram index (FTS5's ``delete`` command, given the old values)."""
    if rows:
        statement = sa.text(f"INSERT INTO {TERM_TRIGRAMS}({TERM_TRIGRAMS}, rowid, term) VALUES ('delete', :id, :term)")
        db.execute(statement, [{"id": term_id, "term": term} for term_id, term in rows])


def _string(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'
