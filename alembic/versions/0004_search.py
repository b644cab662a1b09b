"""search: full-text indexes of posts and frameworks, the vocabulary, related posts

Search ranks posts by relevance with snippets, forgives one typo and lists related posts
under each post. Ingest writes everything here in the transaction that writes the posts.

- ``searchterm``: every word the posts contain, its Snowball stem and how many posts use it;
  a trigram index over it finds the spellings one typo away.
- ``postprofile``: each post's stems and their counts; ``relatedpost``: the best related
  posts of each post with a score (ingest recomputes them; pages filter by visibility).
- ``post_search`` and ``framework_search``: one row of weighted text columns per post and per
  framework. SQLite: FTS5 virtual tables (``unicode61`` tokenizer, accents folded, prefix
  indexes) and an FTS5 trigram table over ``searchterm``. PostgreSQL: tables whose generated
  ``document`` column is a weighted ``tsvector`` (``simple`` configuration) under a GIN index,
  and a pg_trgm GIN index on ``searchterm.term``.

The FTS5 tables and the PostgreSQL search tables are not SQLModel tables: alembic's
autogenerate skips them (``blog_app.core.search.include_in_autogenerate``), so ``alembic
check`` compares only what the models describe.

PostgreSQL needs the pg_trgm extension (shipped with PostgreSQL's contrib package). It is a
trusted extension: a role with CREATE on the database may install it, or the database owner
runs ``CREATE EXTENSION pg_trgm`` once beforehand.

Posts stored before this revision have no search rows, and ingest skips files whose hash has
not changed: the upgrade clears the stored hashes so the next ingest indexes every post.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FTS5_OPTIONS = "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'"
# Letters and digits only, as SQLite's unicode61 tokenizer splits text: "3.11" is "3" and "11".
WORDS = "regexp_replace({column}, '[^[:alnum:]]+', ' ', 'g')"
# Each index's text columns with their setweight class (blog_app.core.search.indexes: weights 10/5/5/3/1, 10/5/5/1).
INDEXES = {
    "post_search": (
        "post_id",
        "post",
        {"title": "A", "headings": "B", "keywords": "B", "description": "C", "body": "D"},
    ),
    "framework_search": ("framework_id", "framework", {"name": "A", "tagline": "B", "traits": "B", "details": "C"}),
}


def upgrade() -> None:
    """Create the vocabulary, profiles, related posts and each database's search indexes; re-index every post."""
    op.create_table(
        "searchterm",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("term", sa.String(length=64), nullable=False),
        sa.Column("stem", sa.String(length=64), nullable=False),
        sa.Column("posts", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_searchterm")),
        sa.UniqueConstraint("term", name=op.f("uq_searchterm_term")),
    )
    op.create_index(op.f("ix_searchterm_stem"), "searchterm", ["stem"], unique=False)
    op.create_table(
        "postprofile",
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("stems", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["post_id"], ["post.id"], name=op.f("fk_postprofile_post_id_post"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("post_id", name=op.f("pk_postprofile")),
    )
    op.create_table(
        "relatedpost",
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("related_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["post_id"], ["post.id"], name=op.f("fk_relatedpost_post_id_post"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["related_id"], ["post.id"], name=op.f("fk_relatedpost_related_id_post"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("post_id", "related_id", name=op.f("pk_relatedpost")),
    )
    op.create_index(op.f("ix_relatedpost_related_id"), "relatedpost", ["related_id"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        _create_postgres_indexes()
    else:
        _create_sqlite_indexes()
    op.execute("UPDATE post SET content_hash = ''")


def _create_sqlite_indexes() -> None:
    for table, (_key, _owner, columns) in INDEXES.items():
        op.execute(f"CREATE VIRTUAL TABLE {table} USING fts5({', '.join(columns)}, {FTS5_OPTIONS})")
    op.execute(
        "CREATE VIRTUAL TABLE searchterm_trigram USING fts5("
        "term, content = 'searchterm', content_rowid = 'id', tokenize = 'trigram')"
    )


def _create_postgres_indexes() -> None:
    _require_pg_trgm()
    for table, (key, owner, columns) in INDEXES.items():
        weighted = " || ".join(
            f"setweight(to_tsvector('simple', {WORDS.format(column=column)}), '{weight}')"
            for column, weight in columns.items()
        )
        texts = ", ".join(f"{column} text NOT NULL" for column in columns)
        op.execute(
            f"CREATE TABLE {table} ({key} integer NOT NULL, {texts}, "
            f"document tsvector GENERATED ALWAYS AS ({weighted}) STORED, "
            f"CONSTRAINT pk_{table} PRIMARY KEY ({key}), "
            f"CONSTRAINT fk_{table}_{key}_{owner} FOREIGN KEY ({key}) REFERENCES {owner} (id) ON DELETE CASCADE)"
        )
        op.execute(f"CREATE INDEX ix_{table}_document ON {table} USING gin (document)")
    op.execute("CREATE INDEX searchterm_trigram ON searchterm USING gin (term gin_trgm_ops)")


def _require_pg_trgm() -> None:
    """Install pg_trgm, or stop with what the operator must do when this role may not."""
    bind = op.get_bind()
    available, installed = bind.execute(
        sa.text("SELECT count(*), max(installed_version) FROM pg_available_extensions WHERE name = 'pg_trgm'")
    ).one()
    if installed:
        return
    if not available:
        raise RuntimeError(
            "search needs PostgreSQL's pg_trgm extension, which this server lacks: install PostgreSQL's contrib "
            "package (Debian: postgresql-contrib), then migrate again"
        )
    may_create = bind.execute(sa.text("SELECT has_database_privilege(current_database(), 'CREATE')")).scalar()
    if not may_create:
        raise RuntimeError(
            "search needs PostgreSQL's pg_trgm extension and this role may not install it: have the database "
            "owner run `CREATE EXTENSION pg_trgm;` in this database (or GRANT CREATE ON DATABASE to this role), "
            "then migrate again"
        )
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")


def downgrade() -> None:
    """Drop the search indexes, related posts, profiles and vocabulary (pg_trgm stays: others may use it)."""
    for table in INDEXES:
        op.execute(f"DROP TABLE {table}")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE searchterm_trigram")
    else:
        op.execute("DROP INDEX searchterm_trigram")
    op.drop_table("relatedpost")
    op.drop_table("postprofile")
    op.drop_index(op.f("ix_searchterm_stem"), table_name="searchterm")
    op.drop_table("searchterm")
