"""State of a post page: the post whose slug is in the URL."""

from __future__ import annotations

import reflex as rx

from blog_app import database, queries
from blog_app.queries import PostDetail


class PostState(rx.State):
    """The post shown on ``/blog/[slug]``."""

    post: PostDetail = PostDetail()
    loaded: bool = False
    found: bool = False

    @rx.event
    def on_load(self):
        """Load the post named by the route's ``slug`` from the database."""
        slug = str(self.router.page.params.get("slug", ""))
        with database.session() as db:
            detail = queries.get_post(db, slug)
        self.found = detail is not None
        self.post = detail or PostDetail()
        self.loaded = True
