"""create frameworks and traits

A post that compares frameworks yields one framework row per ``##`` section
(name, tagline, summary, anchor of the section) and one trait row per pro and
con (kind, title, normalised key, description). Both are derived from the post
and deleted with it.

Posts stored before this revision were ingested without their frameworks, and
ingest skips files whose hash has not changed: the upgrade clears the stored
hashes so the next ingest parses every post again and fills the new tables.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create framework and trait, and make the next ingest re-read every post."""
    op.create_table(
        "framework",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("tagline", sa.String(length=500), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("anchor", sa.String(length=300), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["post_id"], ["post.id"], name=op.f("fk_framework_post_id_post"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_framework")),
        sa.UniqueConstraint("post_id", "slug", name=op.f("uq_framework_post_id_slug")),
    )
    op.create_index(op.f("ix_framework_post_id"), "framework", ["post_id"], unique=False)

    op.create_table(
        "trait",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("framework_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=3), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint("kind IN ('pro', 'con')", name=op.f("ck_trait_kind")),
        sa.ForeignKeyConstraint(
            ["framework_id"], ["framework.id"], name=op.f("fk_trait_framework_id_framework"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trait")),
    )
    op.create_index(op.f("ix_trait_framework_id"), "trait", ["framework_id"], unique=False)

    op.execute("UPDATE post SET content_hash = ''")


def downgrade() -> None:
    """Drop trait and framework (posts keep their content)."""
    op.drop_table("trait")
    op.drop_table("framework")
