"""Write what search needs as ingest stores the posts: index rows, vocabulary, profiles, related posts.

Everything runs in ingest's transaction, so a failed or killed ingest leaves the search exactly
as it left the posts: as they were.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session, col, delete, select

from blog_app.content import Document
from blog_app.core import search
from blog_app.core.models import PostKeyword, PostProfile, RelatedPost
from blog_app.publishing.related import profile, related_posts


def post_columns(document: Document) -> dict[str, str]:
    """The text of each column of the posts' search index, from a parsed post."""
    headings = [segment.text for segment in document.segments if segment.kind == "heading"]
    return {
        "title": document.meta.title,
        "headings": "\n".join(headings),
        "keywords": "\n".join(document.meta.keywords),
        "description": document.meta.description,
        "body": document.text,
    }


def index_posts(db: Session, written: dict[int, Document], removed: list[int]) -> None:
    """Bring search in line with the posts ingest just wrote and is about to remove.

    Call after the posts are flushed (they have ids) and before the removed ones are deleted.

    Args:
        db: Ingest's session.
        written: The posts inserted or updated in this run, by id.
        removed: The ids of posts this run deletes.
    """
    if not written and not removed:
        return
    replaced = [*written, *removed]
    old = search.read_rows(db, search.POSTS, replaced)
    search.delete_rows(db, search.POSTS, replaced)
    columns = {post_id: post_columns(document) for post_id, document in written.items()}
    search.write_rows(db, search.POSTS, columns)
    search.count_words(db, added=map(_words, columns.values()), removed=map(_words, old.values()))
    db.exec(delete(PostProfile).where(col(PostProfile.post_id).in_(replaced)))
    if columns:
        db.execute(
            sa.insert(PostProfile),
            [{"post_id": post_id, "stems": profile(texts)} for post_id, texts in columns.items()],
        )
    _relate_posts(db, excluded=set(removed))


def _words(columns: dict[str, str]) -> set[str]:
    return {word for text in columns.values() for word in search.tokens(text)}


def _relate_posts(db: Session, excluded: set[int]) -> None:
    """Recompute every post's related posts from the stored profiles and keywords (all of them: one new post may relate to any)."""
    profiles = {
        post_id: stems
        for post_id, stems in db.exec(select(PostProfile.post_id, PostProfile.stems))
        if post_id not in excluded
    }
    keywords: dict[int, set[int]] = {}
    for post_id, keyword_id in db.exec(select(PostKeyword.post_id, PostKeyword.keyword_id)):
        keywords.setdefault(post_id, set()).add(keyword_id)
    relations = related_posts(profiles, keywords)
    db.exec(delete(RelatedPost))
    rows = [
        {"post_id": post_id, "related_id": relation.related_id, "position": position, "score": relation.score}
        for post_id, listed in relations.items()
        for position, relation in enumerate(listed)
    ]
    if rows:
        db.execute(sa.insert(RelatedPost), rows)
