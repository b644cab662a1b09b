"""index the columns that decide which posts are visible and when they changed

``queries.content_version`` counts the visible posts and finds the newest change on every
post page, feed and sitemap request. The index covers that query, so the database reads
the index instead of every post row (rows that carry each post's rendered segments).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "ix_post_draft_published_updated_at"


def upgrade() -> None:
    """Create the covering index of the visibility columns."""
    op.create_index(INDEX, "post", ["draft", "published", "updated_at"])


def downgrade() -> None:
    """Drop it (queries still work, reading every row)."""
    op.drop_index(INDEX, table_name="post")
