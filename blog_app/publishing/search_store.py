"""Write what search needs as ingest stores the posts: index rows, vocabulary, profiles, related posts.

Everything runs in ingest's transaction, so a failed or killed ingest leaves the search exactly
as it left the posts: as they were.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import sqlalchemy as sa
from sqlmodel import Session, col, delete, select

from blog_app.core import search
from blog_app.core.models import PostKeyword, PostProfile, RelatedPost
from blog_app.publishing.post_rows import PostRows
from blog_app.publishing.related import related_posts


class SearchWriter:
    """Brings search in line with the posts one ingest run writes and removes, batch by batch.

    Index rows and profiles are written with their posts; the vocabulary's counts and the
    related posts depend on every post, so ``finish`` writes them once the posts are all stored.
    """

    def __init__(self, db: Session) -> None:
        """Write through ``db``, ingest's session."""
        self._db = db
        self._added: list[frozenset[str]] = []  # the words of each post written
        self._removed: list[set[str]] = []  # the words of each post's previous index row
        self._changed = False

    def remove(self, post_ids: list[int]) -> None:
        """Drop the index rows and profiles of posts about to be deleted or rewritten."""
        if not post_ids:
            return
        self._changed = True
        old = search.read_rows(self._db, search.POSTS, post_ids)
        self._removed += [_words(columns.values()) for columns in old.values()]
        search.delete_rows(self._db, search.POSTS, post_ids)
        self._db.exec(delete(PostProfile).where(col(PostProfile.post_id).in_(post_ids)))

    def write(self, posts: Mapping[int, PostRows]) -> None:
        """Index posts just written (they have ids and no index rows: new, or ``remove``-d first)."""
        if not posts:
            return
        self._changed = True
        search.write_rows(self._db, search.POSTS, {post_id: rows.search for post_id, rows in posts.items()})
        self._added += [rows.words for rows in posts.values()]
        self._db.execute(
            sa.insert(PostProfile.__table__),
            [{"post_id": post_id, "stems": rows.profile} for post_id, rows in posts.items()],
        )

    def finish(self) -> None:
        """Count the words every post uses and relate the posts, once all of them are stored."""
        if self._changed:
            search.count_words(self._db, added=self._added, removed=self._removed)
            _relate_posts(self._db)


def _words(texts: Iterable[str]) -> set[str]:
    return {word for text in texts for word in search.tokens(text)}


def _relate_posts(db: Session) -> None:
    """Recompute every post's related posts from the stored profiles and keywords (all of them: one new post may relate to any)."""
    profiles = dict(db.exec(select(PostProfile.post_id, PostProfile.stems)).all())
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
        db.execute(sa.insert(RelatedPost.__table__), rows)
