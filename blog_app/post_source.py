"""Where the post page reads a post: the database, once per post and change of the posts."""

from __future__ import annotations

import dataclasses
import functools

from blog_app import database, framework_queries, queries, settings
from blog_app.explorer import link_framework_headings
from blog_app.queries import PostDetail, PostLink
from blog_app.visibility import Audience


@dataclasses.dataclass(frozen=True)
class StoredPost:
    """A post as the page shows it, before the per-visit check of its image files."""

    detail: PostDetail
    newer: PostLink | None
    older: PostLink | None


def current_post(slug: str, audience: Audience) -> StoredPost | None:
    """The post ``slug`` that ``audience`` may see (None if none), read anew only when the posts have changed.

    Opening a post reads the post, its neighbours among every visible post and its framework
    sections (three queries, the second growing with the site); readers open the same posts
    over and over (``scripts/bench --only interaction``), while ``queries.content_version`` is one
    small query. Callers must not mutate what they get: it is shared by every visit.
    """
    with database.session() as db:
        version = queries.content_version(db, audience)
    return _post_at(settings.database_url(), version, audience, slug)


@functools.lru_cache(maxsize=256)
def _post_at(_url: str, _version: tuple[int, str], audience: Audience, slug: str) -> StoredPost | None:
    # The database's URL and version are only the cache key: another database or a change reads anew.
    with database.session() as db:
        detail = queries.get_post(db, slug, audience)
        if detail is None:
            return None
        newer, older = queries.adjacent_posts(db, slug, audience)
        sections = framework_queries.framework_sections(db, slug)
    detail.segments = link_framework_headings(detail.segments, sections)
    return StoredPost(detail, newer, older)
