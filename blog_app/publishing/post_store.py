"""Write posts as ingest parses them, in batches, inside its transaction: posts, keywords, frameworks, search."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

import sqlalchemy as sa
from sqlmodel import Session, col, delete, select

from blog_app.core.models import Keyword, Post, PostKeyword, utc_now
from blog_app.publishing.framework_store import delete_frameworks, replace_frameworks
from blog_app.publishing.post_rows import PostRows
from blog_app.publishing.search_store import SearchWriter


@dataclasses.dataclass(frozen=True)
class StoredPost:
    """The columns of an existing post that ingest compares against."""

    id: int
    slug: str
    source_path: str
    content_hash: str


def stored_posts(db: Session) -> dict[str, StoredPost]:
    """Every stored post, by its key (``source_path``, relative to the content folder)."""
    rows = db.exec(select(Post.id, Post.slug, Post.source_path, Post.content_hash)).all()
    return {row.source_path: row for row in (StoredPost(*row) for row in rows)}


class PostWriter:
    """Writes one ingest run's posts, a batch at a time (core statements: ORM objects cost more than the rows).

    Call ``remove`` before ``write`` (a new file may take the slug of a removed one), and
    ``finish`` once every post is written.
    """

    def __init__(self, db: Session, stored: dict[str, StoredPost]) -> None:
        """Write through ``db``; ``stored`` are the posts there before this run, by key."""
        self.db = db  # ingest's session: everything is written in its one transaction
        self._stored = stored
        self._now = utc_now()  # every post this run writes is stamped with its start
        self._keyword_ids: dict[str, int] | None = None
        self._search = SearchWriter(db)

    def remove(self, posts: list[StoredPost]) -> None:
        """Delete posts whose files are gone, with their frameworks, keywords links and search rows."""
        ids = [post.id for post in posts]
        if not ids:
            return
        self._search.remove(ids)
        delete_frameworks(self.db, ids)
        self.db.exec(delete(PostKeyword).where(col(PostKeyword.post_id).in_(ids)))
        self.db.exec(delete(Post).where(col(Post.id).in_(ids)))

    def write(self, batch: list[tuple[str, PostRows]]) -> None:
        """Insert new posts and update changed ones (``batch``: each post's key and rows, in file order)."""
        if not batch:
            return
        updated = self._update_posts([(key, rows) for key, rows in batch if key in self._stored])
        inserted = self._insert_posts({key: rows for key, rows in batch if key not in self._stored})
        ids = {key: inserted.get(key) or self._stored[key].id for key, _rows in batch}
        written = {ids[key]: rows for key, rows in batch}  # in file order, as keywords are created
        self._link_keywords(written)
        replace_frameworks(self.db, {post_id: rows.frameworks for post_id, rows in written.items()}, updated)
        self._search.write(written)

    def finish(self) -> None:
        """Write what depends on every post (vocabulary, related posts), then drop keywords no post uses."""
        self._search.finish()
        self.db.exec(delete(Keyword).where(col(Keyword.id).not_in(select(PostKeyword.keyword_id))))

    def _update_posts(self, changed: list[tuple[str, PostRows]]) -> list[int]:
        """Rewrite posts whose files changed and drop what is written again (keyword links, search rows); their ids."""
        if not changed:
            return []
        ids = [self._stored[key].id for key, _rows in changed]
        moved = [self._stored[key].id for key, rows in changed if self._stored[key].slug != rows.slug]
        if moved:  # a placeholder first, so that two posts may swap slugs ("~" is in no slug)
            self.db.execute(sa.update(Post), [{"id": post_id, "slug": f"~{post_id}"} for post_id in moved])
        stamp = {"updated_at": self._now}
        values = [{"id": post_id, **rows.post, **stamp} for post_id, (_key, rows) in zip(ids, changed, strict=True)]
        self.db.execute(sa.update(Post), values)  # an ORM bulk UPDATE by primary key: one executemany
        self.db.exec(delete(PostKeyword).where(col(PostKeyword.post_id).in_(ids)))
        self._search.remove(ids)
        return ids

    def _insert_posts(self, new: dict[str, PostRows]) -> dict[str, int]:
        """Insert posts; their new ids by key (which the database returns with each id, in any order)."""
        if not new:
            return {}
        stamps = {"created_at": self._now, "updated_at": self._now}
        values = [{**rows.post, "source_path": key, **stamps} for key, rows in new.items()]
        table = Post.__table__
        inserted = self.db.execute(sa.insert(table).returning(table.c.source_path, table.c.id), values)
        return dict(inserted.all())

    def _link_keywords(self, written: dict[int, PostRows]) -> None:
        links = [
            {"post_id": post_id, "keyword_id": keyword_id, "position": position}
            for post_id, rows in written.items()
            for position, keyword_id in enumerate(self._keyword_id_of(rows.keywords))
        ]
        if links:
            self.db.execute(sa.insert(PostKeyword.__table__), links)

    def _keyword_id_of(self, keywords: Iterable[tuple[str, str]]) -> list[int]:
        """The ids of keywords by ``(name, slug)``, each created when its slug is new (the first name seen names it)."""
        if self._keyword_ids is None:  # one query per run instead of one per keyword
            self._keyword_ids = dict(self.db.exec(select(Keyword.slug, Keyword.id)).all())
        ids = []
        for name, slug in keywords:
            if slug not in self._keyword_ids:
                table = Keyword.__table__
                inserted = self.db.execute(sa.insert(table).returning(table.c.id), {"name": name, "slug": slug})
                self._keyword_ids[slug] = inserted.scalar_one()
            ids.append(self._keyword_ids[slug])
        return ids
