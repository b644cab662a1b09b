"""The search indexes ingest writes and pages query, and the schema objects alembic leaves to the migration.

Each index is one row per searchable thing (a post, a framework) holding its text in weighted
columns. On SQLite it is an FTS5 virtual table (``rowid`` is the key); on PostgreSQL a table
with a generated, weighted ``tsvector`` and a GIN index. Neither is expressible as a SQLModel
table, so ``alembic/versions/0004_search.py`` creates them and ``include_in_autogenerate``
keeps autogenerate (``alembic check``) from reporting them as strays.
"""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class SearchIndex:
    """One search index: its table, key column and weighted text columns.

    Attributes:
        table: The table's name (the same on both databases).
        key: The id of the indexed row (``post.id``, ``framework.id``); FTS5's ``rowid`` on SQLite.
        columns: The text columns, in table order.
        weights: How much a match in each column counts (FTS5 ``bm25`` weights; PostgreSQL maps
            them to the classes ``A``-``D`` of ``setweight`` with ``ts_rank`` weights in the same ratio).
        snippet_columns: Where a result's snippet may come from, best first.
    """

    table: str
    key: str
    columns: tuple[str, ...]
    weights: tuple[float, ...]
    snippet_columns: tuple[str, ...] = ()


POSTS = SearchIndex(
    table="post_search",
    key="post_id",
    columns=("title", "headings", "keywords", "description", "body"),
    weights=(10.0, 5.0, 5.0, 3.0, 1.0),
    snippet_columns=("body", "description", "headings"),
)
FRAMEWORKS = SearchIndex(
    table="framework_search",
    key="framework_id",
    columns=("name", "tagline", "traits", "details"),
    weights=(10.0, 5.0, 5.0, 1.0),
)
INDEXES = (POSTS, FRAMEWORKS)
# The trigram index of the vocabulary (``searchterm.term``), which finds the spellings one typo away:
# an FTS5 table with the trigram tokenizer on SQLite, a pg_trgm GIN index on PostgreSQL.
TERM_TRIGRAMS = "searchterm_trigram"
# FTS5 keeps each virtual table's data in shadow tables named after it.
_FTS5_SHADOWS = ("_data", "_idx", "_content", "_docsize", "_config")


def unmanaged_tables() -> frozenset[str]:
    """Every table the search migration creates outside SQLModel's metadata, shadow tables included."""
    names = {index.table for index in INDEXES} | {TERM_TRIGRAMS}
    return frozenset(names | {name + suffix for name in names for suffix in _FTS5_SHADOWS})


def include_in_autogenerate(name: str | None, type_: str, _parent_names: dict) -> bool:
    """Alembic's ``include_name`` hook: compare everything except the search objects the migration owns."""
    if type_ == "table":
        return name not in unmanaged_tables()
    if type_ == "index":
        return name != TERM_TRIGRAMS
    return True
