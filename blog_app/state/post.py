"""State of a post page: the post whose slug is in the URL, and its neighbours."""

from __future__ import annotations

import reflex as rx

from blog_app import database, queries, run_mode
from blog_app.assets import flag_missing_images, image_missing
from blog_app.queries import PostDetail, PostLink
from blog_app.state.live import FollowsContent


class PostState(FollowsContent, rx.State):
    """The post shown on ``/blog/[slug]``."""

    post: PostDetail = PostDetail()
    newer: PostLink = PostLink()
    older: PostLink = PostLink()
    loaded: bool = False
    found: bool = False

    @rx.event
    def on_load(self):
        """Load the post named by the route's ``slug`` from the database; in development, keep following it."""
        return self._load_and_follow()

    def _load(self) -> None:
        slug = str(self.slug)  # the [slug] route argument
        audience = run_mode.current_audience()
        with database.session() as db:
            detail = queries.get_post(db, slug, audience)
            newer, older = queries.adjacent_posts(db, slug, audience) if detail else (None, None)
        if detail is not None:
            detail.segments = flag_missing_images(detail.segments)
            detail.cover_missing = image_missing(detail.cover_image)
        self.found = detail is not None
        self.post = detail or PostDetail()
        self.newer = newer or PostLink()
        self.older = older or PostLink()
        self.loaded = True
