"""store each post's cover size

A post page shows its cover above the fold, and a browser reserves the image's box before
the file arrives only when the ``<img>`` carries its intrinsic ``width`` and ``height``. Ingest
reads both from the file's header under assets/ (0 when unknown: no cover, a remote or
missing file); the pages pass them to the ``<img>``.

Posts stored before this revision were ingested without sizes, and ingest skips files whose
hash has not changed: the upgrade clears the stored hashes so the next ingest reads every
post, and its cover, again.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the two size columns (0 for every stored post) and make the next ingest fill them."""
    # Plain ALTER TABLE on both databases (no table copy: other tables' foreign keys point at post).
    op.add_column("post", sa.Column("cover_width", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("post", sa.Column("cover_height", sa.Integer(), nullable=False, server_default="0"))
    op.execute("UPDATE post SET content_hash = ''")


def downgrade() -> None:
    """Drop the columns (pages fall back to the covers' usual 1200×630)."""
    # SQLite drops a column in place since 3.35 (Python 3.11 ships a newer one).
    op.drop_column("post", "cover_height")
    op.drop_column("post", "cover_width")
