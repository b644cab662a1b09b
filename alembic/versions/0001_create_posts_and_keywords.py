"""create posts and keywords

Posts are derived from content/*.md: metadata, the parsed body as JSON segments
and table of contents, search text and reading stats. Keywords are shared rows
linked to posts in author order.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create post, keyword and postkeyword."""
    op.create_table(
        "keyword",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("slug", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_keyword")),
        sa.UniqueConstraint("name", name=op.f("uq_keyword_name")),
    )
    op.create_index(op.f("ix_keyword_slug"), "keyword", ["slug"], unique=True)

    op.create_table(
        "post",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("published", sa.Date(), nullable=False),
        sa.Column("updated", sa.Date(), nullable=True),
        sa.Column("cover_image", sa.String(length=1000), nullable=False),
        sa.Column("source_path", sa.String(length=1000), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("segments", sa.JSON(), nullable=False),
        sa.Column("toc", sa.JSON(), nullable=False),
        sa.Column("body_text", sa.Text(), nullable=False),
        sa.Column("excerpt", sa.Text(), nullable=False),
        sa.Column("word_count", sa.Integer(), nullable=False),
        sa.Column("reading_minutes", sa.Integer(), nullable=False),
        sa.Column("draft", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post")),
        sa.UniqueConstraint("source_path", name=op.f("uq_post_source_path")),
    )
    op.create_index(op.f("ix_post_published"), "post", ["published"], unique=False)
    op.create_index(op.f("ix_post_slug"), "post", ["slug"], unique=True)

    op.create_table(
        "postkeyword",
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("keyword_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["keyword_id"], ["keyword.id"], name=op.f("fk_postkeyword_keyword_id_keyword"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["post_id"], ["post.id"], name=op.f("fk_postkeyword_post_id_post"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("post_id", "keyword_id", name=op.f("pk_postkeyword")),
    )
    op.create_index(op.f("ix_postkeyword_keyword_id"), "postkeyword", ["keyword_id"], unique=False)


def downgrade() -> None:
    """Drop the three tables."""
    op.drop_table("postkeyword")
    op.drop_table("post")
    op.drop_table("keyword")
