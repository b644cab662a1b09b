"""State of a post page: the post whose slug is in the URL, and its neighbours."""

from __future__ import annotations

import reflex as rx

from blog_app import database, queries
from blog_app.assets import flag_missing_images, image_missing
from blog_app.queries import PostDetail, PostLink


class PostState(rx.State):
    """The post shown on ``/blog/[slug]``."""

    post: PostDetail = PostDetail()
    newer: PostLink = PostLink()
    older: PostLink = PostLink()
    loaded: bool = False
    found: bool = False

    @rx.event
    def on_load(self):
        """Load the post named by the route's ``slug`` from the database."""
        slug = str(self.slug)  # the [slug] route argument
        with database.session() as db:
            detail = queries.get_post(db, slug)
            newer, older = queries.adjacent_posts(db, slug) if detail else (None, None)
        if detail is not None:
            detail.segments = flag_missing_images(detail.segments)
            detail.cover_missing = image_missing(detail.cover_image)
        self.found = detail is not None
        self.post = detail or PostDetail()
        self.newer = newer or PostLink()
        self.older = older or PostLink()
        self.loaded = True
