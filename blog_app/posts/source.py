"""Where the index and post pages read their data: the database, once per view and change of the posts.

Both pages read through here, so both are cached the same way (``per_content_version``); the
check that image files exist runs on every visit, so adding a missing file fixes a page
without an ingest.
"""

from __future__ import annotations

import dataclasses

from blog_app import explorer
from blog_app.content.segments import Segment
from blog_app.core import database
from blog_app.core.assets import image_missing
from blog_app.core.content_version import per_content_version
from blog_app.core.visibility import Audience
from blog_app.posts import queries
from blog_app.posts.index_params import IndexParams
from blog_app.posts.types import PostDetail, PostLink, PostPage, RelatedLink


@dataclasses.dataclass(frozen=True)
class ShownPost:
    """A post as its page shows it, with its neighbours and the posts related to it."""

    detail: PostDetail
    newer: PostLink | None
    older: PostLink | None
    related: list[RelatedLink] = dataclasses.field(default_factory=list)


@dataclasses.dataclass(frozen=True)
class ShownIndex:
    """A view of the index as the page shows it: its page of posts and the keyword's display name."""

    page: PostPage
    tag_name: str


def post_to_show(slug: str, audience: Audience) -> ShownPost | None:
    """The post ``slug`` that ``audience`` may see (None if none), its image files checked now."""
    stored = stored_post(slug, audience)
    if stored is None:
        return None
    detail = stored.detail
    checked = dataclasses.replace(
        detail, segments=_check_image_files(detail.segments), cover_missing=image_missing(detail.cover_image)
    )
    return dataclasses.replace(stored, detail=checked)


def index_to_show(params: IndexParams, audience: Audience) -> ShownIndex:
    """The view ``params`` of the index for ``audience``, each card's cover checked now."""
    stored = stored_index(params, audience)
    posts = [dataclasses.replace(post, cover_missing=image_missing(post.cover_image)) for post in stored.page.posts]
    return dataclasses.replace(stored, page=dataclasses.replace(stored.page, posts=posts))


@per_content_version(maxsize=256)
def stored_post(slug: str, audience: Audience) -> ShownPost | None:
    """The post, read anew only when the posts have changed.

    Opening a post reads the post, its neighbours among every visible post, its related posts
    and its framework sections (four queries, the second growing with the site); readers open the same posts
    over and over (``scripts/bench --only interaction``).
    """
    with database.session() as db:
        detail = queries.get_post(db, slug, audience)
        if detail is None:
            return None
        newer, older = queries.adjacent_posts(db, slug, audience)
        related = queries.related_posts(db, slug, audience)
        sections = explorer.queries.framework_sections(db, slug)
    detail.segments = explorer.link_framework_headings(detail.segments, sections)
    return ShownPost(detail, newer, older, related)


@per_content_version(maxsize=256)
def stored_index(params: IndexParams, audience: Audience) -> ShownIndex:
    """The view of the index, read anew only when the posts have changed."""
    with database.session() as db:
        page = queries.search_posts(db, params, audience)
        tag_name = queries.keyword_name(db, params.tag) if params.tag else None
    return ShownIndex(page=page, tag_name=tag_name or params.tag)


def _check_image_files(segments: list[Segment]) -> list[Segment]:
    """Copies of ``segments`` where each image segment says whether its file is missing."""
    return [
        dataclasses.replace(segment, missing=image_missing(segment.src)) if segment.kind == "image" else segment
        for segment in segments
    ]
