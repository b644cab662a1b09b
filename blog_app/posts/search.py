"""The index's search: posts ranked by relevance for the reader's text, with a snippet each.

One interface for both databases: ``blog_app.core.search`` resolves the text (stems, typos,
phrases, prefixes) and ranks with the database's own full-text index; this module adds what
is the posts' own: which posts the reader may see, the keyword filter, pages and snippets.
"""

from __future__ import annotations

import dataclasses

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from blog_app.core import search
from blog_app.core.models import Post
from blog_app.core.search import SnippetPart

CORRECTED = "No post contains “{words}”: these results have a word one letter away instead."


@dataclasses.dataclass(frozen=True)
class Found:
    """One page of search results.

    Attributes:
        posts: The page's posts, best match first.
        total: How many posts match in all.
        snippets: Each post's snippet by post id (empty when only its title or keywords matched).
        message: Why nothing was searched (the text held no word), else "".
        notice: What the reader should know about the results (a typo forgiven), else "".
    """

    posts: list[Post]
    total: int
    snippets: dict[int, list[SnippetPart]]
    message: str = ""
    notice: str = ""


def find_posts(
    db: Session, text: str, conditions: list[sa.ColumnElement[bool]], offset: int, limit: int, tiebreak: tuple = ()
) -> Found:
    """The posts matching ``text`` and every condition, best first, one page of them with snippets.

    Args:
        db: A session.
        text: What the reader typed (anything: it never fails to parse).
        conditions: Filters on ``Post`` (visibility first: drafts must never reach a snippet).
        offset: How many results to skip (earlier pages).
        limit: The page size.
        tiebreak: ``ORDER BY`` terms after the score (equal scores).
    """
    match = search.resolve(db, text)
    if not match.groups:
        return Found([], 0, {}, message=match.message)
    hits = search.ranked(db, search.POSTS, match)
    matching = sa.and_(sa.true(), *conditions)
    # IN, not a join: SQLite would otherwise run the full-text query once per visible post.
    total = db.exec(select(func.count()).where(col(Post.id).in_(select(hits.c.key)), matching)).one()
    posts = db.exec(
        select(Post)
        .join(hits, hits.c.key == col(Post.id))
        .where(matching)
        .order_by(hits.c.score.desc(), *tiebreak)
        .offset(offset)
        .limit(limit)
    ).all()
    snippets = search.snippets(db, search.POSTS, match, [post.id for post in posts])
    notice = CORRECTED.format(words="”, “".join(match.corrected)) if match.corrected and total else ""
    return Found(list(posts), total, snippets, notice=notice)
