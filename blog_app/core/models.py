"""Every database table, as SQLModel classes (the schema alembic/ migrates)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

# Named constraints keep migrations reviewable and let SQLite batch mode alter tables.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> dt.datetime:
    """The current time, timezone-aware in UTC."""
    return dt.datetime.now(dt.UTC)


class Post(SQLModel, table=True):
    """A published post, derived from one Markdown file in ``content/``."""

    # Covers ``content_version`` (asked on every post page, feed and sitemap request): without
    # it SQLite reads every row, past its large segments, to count the visible posts.
    __table_args__ = (sa.Index(None, "draft", "published", "updated_at"),)

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=200, unique=True, index=True)
    title: str = Field(max_length=500)
    description: str = Field(default="", sa_type=sa.Text)
    author: str = Field(max_length=200)
    published: dt.date = Field(index=True)
    updated: dt.date | None = None
    cover_image: str = Field(default="", max_length=1000)
    # The cover's intrinsic size in pixels, read from its file at ingest; 0 when unknown.
    cover_width: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    cover_height: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    source_path: str = Field(max_length=1000, unique=True)
    content_hash: str = Field(max_length=64)
    segments: list[dict[str, Any]] = Field(default_factory=list, sa_type=sa.JSON)
    toc: list[dict[str, Any]] = Field(default_factory=list, sa_type=sa.JSON)
    body_text: str = Field(default="", sa_type=sa.Text)
    excerpt: str = Field(default="", sa_type=sa.Text)
    word_count: int = 0
    reading_minutes: int = 1
    draft: bool = False
    created_at: dt.datetime = Field(default_factory=utc_now, sa_type=sa.DateTime(timezone=True))
    updated_at: dt.datetime = Field(default_factory=utc_now, sa_type=sa.DateTime(timezone=True))


class Keyword(SQLModel, table=True):
    """A keyword (tag) that posts share."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200, unique=True)
    slug: str = Field(max_length=200, unique=True, index=True)


class PostKeyword(SQLModel, table=True):
    """Links a post to its keywords, in the order the author listed them."""

    post_id: int = Field(foreign_key="post.id", primary_key=True, ondelete="CASCADE")
    keyword_id: int = Field(foreign_key="keyword.id", primary_key=True, index=True, ondelete="CASCADE")
    position: int = 0


class Framework(SQLModel, table=True):
    """A framework a post compares: one ``##`` section with pros and cons, linked to that section."""

    __table_args__ = (sa.UniqueConstraint("post_id", "slug"),)

    id: int | None = Field(default=None, primary_key=True)
    post_id: int = Field(foreign_key="post.id", index=True, ondelete="CASCADE")
    slug: str = Field(max_length=200)
    name: str = Field(max_length=200)
    tagline: str = Field(default="", max_length=500)
    summary: str = Field(default="", sa_type=sa.Text)
    anchor: str = Field(default="", max_length=300)
    position: int = 0


class Trait(SQLModel, table=True):
    """One pro or con of a framework; ``key`` groups equal titles across frameworks."""

    __table_args__ = (sa.CheckConstraint("kind IN ('pro', 'con')", name="kind"),)

    id: int | None = Field(default=None, primary_key=True)
    framework_id: int = Field(foreign_key="framework.id", index=True, ondelete="CASCADE")
    kind: str = Field(max_length=3)
    title: str = Field(max_length=200)
    key: str = Field(max_length=200)
    description: str = Field(default="", sa_type=sa.Text)
    position: int = 0


class SearchTerm(SQLModel, table=True):
    """A word the posts contain, as indexed (lowercased), with its stem and how many posts use it.

    The vocabulary search expands a reader's word from: every indexed word with the same stem
    ("deploying" finds "deployment"), or the words one typo away when the word itself is unknown.
    """

    id: int | None = Field(default=None, primary_key=True)
    term: str = Field(max_length=64, unique=True)
    stem: str = Field(max_length=64, index=True)
    posts: int = 0


class PostProfile(SQLModel, table=True):
    """The stems that characterise a post and how often it uses each: what related posts are computed from."""

    post_id: int = Field(foreign_key="post.id", primary_key=True, ondelete="CASCADE")
    stems: dict[str, int] = Field(default_factory=dict, sa_type=sa.JSON)


class RelatedPost(SQLModel, table=True):
    """A post worth reading after another one, with its score; ingest computes them, readers' pages filter them."""

    post_id: int = Field(foreign_key="post.id", primary_key=True, ondelete="CASCADE")
    related_id: int = Field(foreign_key="post.id", primary_key=True, index=True, ondelete="CASCADE")
    position: int = 0
    score: float = 0.0
