"""Read functions over the post tables; each takes a session and returns plain data.

Every function that finds posts for a page takes an ``Audience`` (default: readers of the
published site) and only returns the posts ``blog_app.core.visibility`` lets that audience see.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections import defaultdict

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from blog_app.content.segments import Segment, TocEntry
from blog_app.core import visibility
from blog_app.core.models import Keyword, Post, PostKeyword, RelatedPost
from blog_app.core.visibility import Audience
from blog_app.core.visibility_sql import visible_condition
from blog_app.posts import search
from blog_app.posts.index_params import PAGE_SIZE, IndexParams
from blog_app.posts.types import KeywordRef, PostDetail, PostLink, PostPage, PostSummary, RelatedLink, SearchResult


def format_date(day: dt.date) -> str:
    """A reader-friendly date: ``November 4, 2024``."""
    return f"{day:%B} {day.day}, {day.year}"


def visible_posts(db: Session, audience: Audience | None = None, limit: int | None = None) -> list[PostDetail]:
    """Every post ``audience`` may see (default: readers), or the ``limit`` newest, newest first, in full (feeds, sitemap)."""
    audience = audience or visibility.readers()
    newest = select(Post).where(visible_condition(audience)).order_by(*_NEWEST_FIRST).limit(limit)
    return _details(db, db.exec(newest).all(), audience.today)


def search_posts(db: Session, query: IndexParams, audience: Audience | None = None) -> PostPage:
    """The posts of one index page: filtered by keyword, newest first, or for a search, best match first.

    A search (``query.q``) ranks by relevance (``blog_app.posts.search``); its results carry
    snippets. Only posts ``audience`` may see (default: readers) are counted, listed and quoted.
    """
    audience = audience or visibility.readers()
    conditions = [visible_condition(audience), *_tag_filter(query)]
    if query.q:
        return _search_page(db, query, conditions, audience)
    offset = (query.page - 1) * PAGE_SIZE
    total = db.exec(select(func.count()).select_from(Post).where(*conditions)).one()
    posts = db.exec(select(Post).where(*conditions).order_by(*_NEWEST_FIRST).offset(offset).limit(PAGE_SIZE)).all()
    return PostPage(posts=_summaries(db, posts, audience.today), total=total, page=query.page, pages=_pages(total))


def _search_page(
    db: Session, query: IndexParams, conditions: list[sa.ColumnElement[bool]], audience: Audience
) -> PostPage:
    offset = (query.page - 1) * PAGE_SIZE
    found = search.find_posts(db, query.q, conditions, offset, PAGE_SIZE, tiebreak=_NEWEST_FIRST)
    results = [
        SearchResult(**_fields(summary), snippet=found.snippets.get(post.id, []))
        for post, summary in zip(found.posts, _summaries(db, found.posts, audience.today), strict=True)
    ]
    return PostPage(
        posts=[],
        total=found.total,
        page=query.page,
        pages=_pages(found.total),
        results=results,
        message=found.message,
        notice=found.notice,
    )


def _fields(summary: PostSummary) -> dict:
    return {field.name: getattr(summary, field.name) for field in dataclasses.fields(summary)}


def _pages(total: int) -> int:
    return max(1, math.ceil(total / PAGE_SIZE))


def related_posts(db: Session, slug: str, audience: Audience | None = None, limit: int = 3) -> list[RelatedLink]:
    """Up to ``limit`` posts to read after ``slug``, best first, among those ``audience`` (default: readers) may see.

    Ingest stores each post's best related posts whatever their status; visibility is checked
    here, at read time, so a draft that gets published joins the lists without a re-ingest.
    """
    audience = audience or visibility.readers()
    source = select(Post.id).where(Post.slug == slug).scalar_subquery()
    rows = db.exec(
        select(Post.slug, Post.title, Post.description)
        .join(RelatedPost, col(RelatedPost.related_id) == col(Post.id))
        .where(col(RelatedPost.post_id) == source, visible_condition(audience))
        .order_by(col(RelatedPost.position))
        .limit(limit)
    ).all()
    return [RelatedLink(*row) for row in rows]


def keyword_name(db: Session, slug: str) -> str | None:
    """The display name of the keyword with ``slug``, or None."""
    return db.exec(select(Keyword.name).where(Keyword.slug == slug)).first()


def get_post(db: Session, slug: str, audience: Audience | None = None) -> PostDetail | None:
    """The post with ``slug``, or None when there is none ``audience`` (default: readers) may see."""
    audience = audience or visibility.readers()
    post = db.exec(select(Post).where(Post.slug == slug, visible_condition(audience))).first()
    return _details(db, [post], audience.today)[0] if post else None


def adjacent_posts(db: Session, slug: str, audience: Audience | None = None) -> tuple[PostLink | None, PostLink | None]:
    """The next newer and next older post around ``slug`` in index order, among those ``audience`` may see."""
    audience = audience or visibility.readers()
    order = db.exec(select(Post.slug, Post.title).where(visible_condition(audience)).order_by(*_NEWEST_FIRST)).all()
    slugs = [row[0] for row in order]
    if slug not in slugs:
        return None, None
    index = slugs.index(slug)
    newer = PostLink(*order[index - 1]) if index > 0 else None
    older = PostLink(*order[index + 1]) if index + 1 < len(order) else None
    return newer, older


def keywords_by_post(db: Session, post_ids: list[int | None]) -> dict[int, list[KeywordRef]]:
    """Keywords per post id, in the order the author listed them."""
    if not post_ids:
        return {}
    rows = db.exec(
        select(PostKeyword.post_id, Keyword.name, Keyword.slug)
        .join(Keyword, col(Keyword.id) == col(PostKeyword.keyword_id))
        .where(col(PostKeyword.post_id).in_(post_ids))
        .order_by(col(PostKeyword.post_id), col(PostKeyword.position))
    ).all()
    grouped: dict[int, list[KeywordRef]] = defaultdict(list)
    for post_id, name, slug in rows:
        grouped[post_id].append(KeywordRef(name=name, slug=slug))
    return dict(grouped)


_NEWEST_FIRST = (col(Post.published).desc(), col(Post.title))


def _tag_filter(query: IndexParams) -> list[sa.ColumnElement[bool]]:
    if not query.tag:
        return []
    tagged = select(PostKeyword.post_id).join(Keyword, col(Keyword.id) == col(PostKeyword.keyword_id))
    return [col(Post.id).in_(tagged.where(Keyword.slug == query.tag))]


def status_label(status: str, published: dt.date) -> str:
    """What the dev banner and card badge say: ``Draft``, ``Scheduled for May 1, 2030`` or nothing."""
    if status == "draft":
        return "Draft"
    return f"Scheduled for {format_date(published)}" if status == "scheduled" else ""


def _summaries(db: Session, posts: list[Post], today: dt.date) -> list[PostSummary]:
    keywords = keywords_by_post(db, [post.id for post in posts])
    statuses = [visibility.publication_status(post, today) for post in posts]
    return [
        PostSummary(
            slug=post.slug,
            title=post.title,
            description=post.description,
            author=post.author,
            published=post.published.isoformat(),
            published_label=format_date(post.published),
            cover_image=post.cover_image,
            cover_width=post.cover_width,
            cover_height=post.cover_height,
            reading_minutes=post.reading_minutes,
            keywords=keywords.get(post.id, []),
            status=status,
            status_label=status_label(status, post.published),
        )
        for post, status in zip(posts, statuses, strict=True)
    ]


def _details(db: Session, posts: list[Post], today: dt.date) -> list[PostDetail]:
    summaries = _summaries(db, posts, today)
    return [
        PostDetail(
            **_fields(summary),
            segments=[Segment.from_dict(segment) for segment in post.segments],
            toc=[TocEntry.from_dict(entry) for entry in post.toc],
            word_count=post.word_count,
            excerpt=post.excerpt,
            updated=(post.updated or post.published).isoformat(),
        )
        for post, summary in zip(posts, summaries, strict=True)
    ]
