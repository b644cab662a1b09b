"""State of the blog index: the posts of the page, keyword and search in the URL."""

from __future__ import annotations

import dataclasses

import reflex as rx

from blog_app import database, queries, run_mode
from blog_app.assets import image_missing
from blog_app.index_query import IndexQuery, clean_search, index_url, parse_index_query
from blog_app.queries import PostSummary
from blog_app.state.live import FollowsContent
from blog_app.state.outage import ReadsDatabase, tolerates_outage


class IndexState(FollowsContent, ReadsDatabase, rx.State):
    """The index view; the URL (``?page=&tag=&q=``) is its source of truth."""

    posts: list[PostSummary] = []
    total: int = 0
    page: int = 1
    pages: int = 1
    tag: str = ""
    tag_name: str = ""
    search: str = ""
    loaded: bool = False

    @rx.event
    @tolerates_outage
    def load_posts(self):
        """Read the view from the URL and its posts from the database; in development, keep following them."""
        return self._load_and_follow()

    def _load(self) -> None:
        query = parse_index_query(self.router.url.query)
        with database.session() as db:
            result = queries.search_posts(db, query, run_mode.current_audience())
            tag_name = queries.keyword_name(db, query.tag) if query.tag else None
        for post in result.posts:
            post.cover_missing = image_missing(post.cover_image)
        self.posts = result.posts
        self.total, self.page, self.pages = result.total, result.page, result.pages
        self.tag, self.tag_name, self.search = query.tag, tag_name or query.tag, query.q
        self.loaded = True

    @rx.event
    def submit_search(self, form_data: dict):
        """Search from the first page, keeping the keyword filter."""
        query = IndexQuery(tag=self.tag, q=clean_search(str(form_data.get("q", ""))))
        return rx.redirect(index_url(query))

    def _url(self, **changes) -> str:
        return index_url(dataclasses.replace(IndexQuery(page=self.page, tag=self.tag, q=self.search), **changes))

    @rx.var
    def newer_url(self) -> str:
        """The previous (newer) page, or '' on the first page."""
        return self._url(page=self.page - 1) if self.page > 1 else ""

    @rx.var
    def older_url(self) -> str:
        """The next (older) page, or '' on the last page."""
        return self._url(page=self.page + 1) if self.page < self.pages else ""

    @rx.var
    def is_filtered(self) -> bool:
        """Whether a keyword or search narrows the list."""
        return bool(self.tag or self.search)
