"""Where the post page reads a post: the database, once per post and change of the posts."""

from __future__ import annotations

import dataclasses

from blog_app import database, framework_queries, queries
from blog_app.content_cache import per_content_version
from blog_app.explorer import link_framework_headings
from blog_app.queries import PostDetail, PostLink
from blog_app.visibility import Audience


@dataclasses.dataclass(frozen=True)
class StoredPost:
    """A post as the page shows it, before the per-visit check of its image files."""

    detail: PostDetail
    newer: PostLink | None
    older: PostLink | None


@per_content_version(maxsize=256)
def current_post(slug: str, audience: Audience) -> StoredPost | None:
    """The post ``slug`` that ``audience`` may see (None if none), read anew only when the posts have changed.

    Opening a post reads the post, its neighbours among every visible post and its framework
    sections (three queries, the second growing with the site); readers open the same posts
    over and over (``scripts/bench --only interaction``).
    """
    with database.session() as db:
        detail = queries.get_post(db, slug, audience)
        if detail is None:
            return None
        newer, older = queries.adjacent_posts(db, slug, audience)
        sections = framework_queries.framework_sections(db, slug)
    detail.segments = link_framework_headings(detail.segments, sections)
    return StoredPost(detail, newer, older)
