"""State of the blog index: the posts of the page, keyword and search in the URL."""

from __future__ import annotations

import dataclasses

import reflex as rx

from blog_app.core import run_mode
from blog_app.posts.index_params import IndexParams, clean_search, parse_index_params
from blog_app.posts.source import ShownIndex, index_to_show
from blog_app.posts.types import PostSummary, SearchResult
from blog_app.ui.follows_content import FollowsContent
from blog_app.ui.tolerates_outage import ReadsDatabase, tolerates_outage


class IndexState(FollowsContent, ReadsDatabase, rx.State):
    """The index view; the URL (``?page=&tag=&q=``) is its source of truth."""

    posts: list[PostSummary] = []
    results: list[SearchResult] = []
    message: str = ""
    notice: str = ""
    total: int = 0
    page: int = 1
    pages: int = 1
    tag: str = ""
    tag_name: str = ""
    search: str = ""
    loaded: bool = False
    # The query string (no "?") the view was loaded for; the page compares it with the address.
    loaded_query: str = ""

    @rx.event
    @tolerates_outage
    def load_posts(self):
        """Read the view from the URL and its posts from the database; in development, keep following them."""
        return self._load_and_follow()

    def _load(self) -> None:
        query = self.router.url.query
        self.show(query, index_to_show(parse_index_params(query), run_mode.current_audience()))

    def show(self, query: str, shown: ShownIndex) -> None:
        """Show ``shown``, the view the query string ``query`` asks for; the server seeds first responses with it."""
        params = parse_index_params(query)
        self.posts, self.results = shown.page.posts, shown.page.results
        self.message, self.notice = shown.page.message, shown.page.notice
        self.total, self.page, self.pages = shown.page.total, shown.page.page, shown.page.pages
        self.tag, self.tag_name, self.search = params.tag, shown.tag_name, params.q
        self.loaded = True
        self.loaded_query = query

    @rx.event
    def submit_search(self, form_data: dict):
        """Search at once (Enter), from the first page, keeping the keyword filter."""
        return self._show_search(str(form_data.get("q", "")), replace=False)

    @rx.event
    def search_as_typed(self, text: str):
        """Show the results as the reader types (debounced); refining a search replaces its history entry."""
        return self._show_search(str(text), replace=bool(self.search))

    def _show_search(self, text: str, replace: bool):
        # Client-side navigation: the URL stays the shareable truth, and on_load reads the new view.
        params = IndexParams(tag=self.tag, q=clean_search(text))
        if params.q == self.search and self.page == 1:
            return None
        return rx.redirect(params.url(), replace=replace and bool(params.q))

    def _url(self, **changes) -> str:
        return dataclasses.replace(IndexParams(page=self.page, tag=self.tag, q=self.search), **changes).url()

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
