"""What a test reads back from a database ingest wrote: titles by slug, framework and trait counts."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session, func, select

from blog_app.core.models import Framework, Post, Trait


def stored_titles(engine: sa.Engine) -> dict[str, str]:
    """Every stored post's title, by slug (drafts and scheduled posts included)."""
    with Session(engine) as db:
        return {post.slug: post.title for post in db.exec(select(Post))}


def framework_counts(engine: sa.Engine) -> tuple[int, int]:
    """How many frameworks and traits are stored."""
    with Session(engine) as db:
        frameworks = db.exec(select(func.count()).select_from(Framework)).one()
        return frameworks, db.exec(select(func.count()).select_from(Trait)).one()
