"""PostgreSQL: a weighted ``tsvector`` column (``simple`` configuration) with a GIN index, ``ts_rank`` and ``ts_headline``.

Words reach PostgreSQL already expanded (stems, typos) by the vocabulary, so the ``simple``
configuration (lowercase, no stemming, no stop words) matches exactly what SQLite's
``unicode61`` tokenizer matches.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session

from blog_app.core.search.indexes import SearchIndex
from blog_app.core.search.query import Alternatives
from blog_app.core.search.snippets import END_MARK, SNIPPET_WORDS, START_MARK

CLASSES = "ABCD"
HEADLINE = (
    f"StartSel={START_MARK}, StopSel={END_MARK}, MaxWords={SNIPPET_WORDS}, MinWords={SNIPPET_WORDS // 2}, "
    "ShortWord=1, MaxFragments=1"
)


def expression(groups: list[Alternatives]) -> str:
    """A ``to_tsquery`` text requiring every group; every word is a quoted lexeme of letters and digits."""

    def option_list(group: Alternatives) -> list[str]:
        options = [_lexeme(word) for word in group.words]
        options += [_lexeme(group.prefix) + ":*"] if group.prefix else []
        phrases = [words for words in (group.phrase, group.together) if words]
        return options + ["(" + " <-> ".join(_lexeme(word) for word in words) + ")" for words in phrases]

    return " & ".join("(" + " | ".join(option_list(group)) + ")" for group in groups)


def weight_classes(index: SearchIndex) -> tuple[str, ...]:
    """The ``setweight`` class of each column: ``A`` for the heaviest weight, then ``B``, ``C``, ``D``."""
    distinct = sorted(set(index.weights), reverse=True)
    return tuple(CLASSES[min(distinct.index(weight), 3)] for weight in index.weights)


def rank_weights(index: SearchIndex) -> str:
    """``ts_rank``'s weight array ``{D, C, B, A}``, in the ratio of the index's column weights."""
    heaviest = max(index.weights)
    by_class = {cls: weight / heaviest for cls, weight in zip(weight_classes(index), index.weights, strict=True)}
    return "{" + ",".join(f"{by_class.get(cls, 0.0):g}" for cls in reversed(CLASSES)) + "}"


def matches(index: SearchIndex, groups: list[Alternatives]) -> sa.Subquery:
    """``(key, score)`` of every row matching all groups (the GIN index finds them); higher is better."""
    statement = sa.text(
        f"SELECT {index.key} AS key, ts_rank('{rank_weights(index)}', document, query, 1) AS score "
        f"FROM {index.table}, to_tsquery('simple', :expression) AS query WHERE document @@ query"
    )
    return statement.bindparams(expression=expression(groups)).columns(key=sa.Integer, score=sa.Float).subquery()


def snippets(db: Session, index: SearchIndex, groups: list[Alternatives], keys: list[int]) -> dict[int, list[str]]:
    """For each key, a short passage of every snippet column around the matches, matches between marks."""
    calls = ", ".join(f"ts_headline('simple', {name}, query, '{HEADLINE}')" for name in index.snippet_columns)
    statement = sa.text(
        f"SELECT {index.key}, {calls} FROM {index.table}, to_tsquery('simple', :expression) AS query "
        f"WHERE {index.key} IN :keys"
    ).bindparams(sa.bindparam("keys", expanding=True))
    rows = db.execute(statement, {"expression": expression(groups), "keys": keys})
    return {row[0]: list(row[1:]) for row in rows}


def terms_like(db: Session, patterns: list[str], limit: int = 0) -> set[str]:
    """The vocabulary's words matching any ``LIKE`` pattern: one bitmap scan of the pg_trgm GIN index."""
    conditions = " OR ".join(f"term LIKE :p{i}" for i in range(len(patterns)))
    statement = sa.text(f"SELECT term FROM searchterm WHERE {conditions}" + (f" LIMIT {int(limit)}" if limit else ""))
    return set(db.execute(statement, {f"p{i}": pattern for i, pattern in enumerate(patterns)}).scalars())


def learn_terms(_db: Session, _rows: list[tuple[int, str]]) -> None:
    """Nothing to do: the pg_trgm index follows ``searchterm`` by itself."""


def forget_terms(_db: Session, _rows: list[tuple[int, str]]) -> None:
    """Nothing to do: the pg_trgm index follows ``searchterm`` by itself."""


def _lexeme(word: str) -> str:
    return "'" + word.replace("'", "''").replace("\\", "\\\\") + "'"
