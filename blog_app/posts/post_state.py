"""State of a post page: the post whose slug is in the URL, its neighbours and related posts."""

from __future__ import annotations

import reflex as rx

from blog_app.core import run_mode
from blog_app.posts.source import ShownPost, post_to_show
from blog_app.posts.types import PostDetail, PostLink, RelatedLink
from blog_app.ui.follows_content import FollowsContent
from blog_app.ui.tolerates_outage import ReadsDatabase, tolerates_outage


class PostState(FollowsContent, ReadsDatabase, rx.State):
    """The post shown on ``/blog/[slug]``."""

    post: PostDetail = PostDetail()
    newer: PostLink = PostLink()
    older: PostLink = PostLink()
    related: list[RelatedLink] = []
    loaded: bool = False
    found: bool = False
    # The slug ``post`` / ``found`` were loaded for; the page compares it with the address.
    loaded_slug: str = ""

    @rx.event
    @tolerates_outage
    def on_load(self):
        """Load the post named by the route's ``slug``; in development, keep following it."""
        return self._load_and_follow()

    def _load(self) -> None:
        slug = str(self.slug)  # the [slug] route argument
        self.show(slug, post_to_show(slug, run_mode.current_audience()))

    def show(self, slug: str, shown: ShownPost | None) -> None:
        """Show ``shown``, the post at ``slug`` (None: there is none); the server seeds first responses with it."""
        self.found = shown is not None
        self.post = shown.detail if shown else PostDetail()
        self.newer = (shown and shown.newer) or PostLink()
        self.older = (shown and shown.older) or PostLink()
        self.related = shown.related if shown else []
        self.loaded = True
        self.loaded_slug = slug
