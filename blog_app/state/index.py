"""State of the blog index: the list of posts."""

from __future__ import annotations

import reflex as rx

from blog_app import database, queries
from blog_app.queries import PostSummary


class IndexState(rx.State):
    """The posts shown on ``/``, newest first."""

    posts: list[PostSummary] = []

    @rx.event
    def load_posts(self):
        """Read the post list from the database when the page loads."""
        with database.session() as db:
            self.posts = queries.list_posts(db)
