"""Read functions over the post tables; each takes a session and returns plain data."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from typing import Any

from sqlmodel import Session, col, select

from blog_app.models import Keyword, Post, PostKeyword


@dataclasses.dataclass
class PostSummary:
    """What a post card on the index shows."""

    slug: str = ""
    title: str = ""
    description: str = ""
    author: str = ""
    published: str = ""
    cover_image: str = ""
    reading_minutes: int = 1
    keywords: list[str] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class PostDetail(PostSummary):
    """Everything the post page renders."""

    segments: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    toc: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    word_count: int = 0


def list_posts(db: Session) -> list[PostSummary]:
    """Every post, newest first (ties broken by title for a stable order)."""
    posts = db.exec(select(Post).order_by(col(Post.published).desc(), col(Post.title))).all()
    keywords = keywords_by_post(db, [post.id for post in posts])
    return [_summary(post, keywords.get(post.id, [])) for post in posts]


def get_post(db: Session, slug: str) -> PostDetail | None:
    """The post with ``slug``, or None."""
    post = db.exec(select(Post).where(Post.slug == slug)).first()
    if post is None:
        return None
    summary = _summary(post, keywords_by_post(db, [post.id]).get(post.id, []))
    return PostDetail(
        **dataclasses.asdict(summary),
        segments=list(post.segments),
        toc=list(post.toc),
        word_count=post.word_count,
    )


def keywords_by_post(db: Session, post_ids: list[int | None]) -> dict[int, list[str]]:
    """Keyword names per post id, in the order the author listed them."""
    if not post_ids:
        return {}
    rows = db.exec(
        select(PostKeyword.post_id, Keyword.name)
        .join(Keyword, col(Keyword.id) == col(PostKeyword.keyword_id))
        .where(col(PostKeyword.post_id).in_(post_ids))
        .order_by(col(PostKeyword.post_id), col(PostKeyword.position))
    ).all()
    grouped: dict[int, list[str]] = defaultdict(list)
    for post_id, name in rows:
        grouped[post_id].append(name)
    return dict(grouped)


def _summary(post: Post, keywords: list[str]) -> PostSummary:
    return PostSummary(
        slug=post.slug,
        title=post.title,
        description=post.description,
        author=post.author,
        published=post.published.isoformat(),
        cover_image=post.cover_image,
        reading_minutes=post.reading_minutes,
        keywords=keywords,
    )
