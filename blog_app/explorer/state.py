"""State of the frameworks explorer: the URL is the source of truth, every change navigates."""

from __future__ import annotations

import reflex as rx

from blog_app.core import run_mode
from blog_app.explorer.params import ExplorerParams
from blog_app.explorer.source import view_to_show
from blog_app.explorer.view_model import ExplorerView
from blog_app.ui.follows_content import FollowsContent
from blog_app.ui.tolerates_outage import ReadsDatabase, tolerates_outage


class ExplorerState(FollowsContent, ReadsDatabase, rx.State):
    """The view of ``/frameworks`` for the query string in the address bar."""

    view: ExplorerView = ExplorerView()
    loaded: bool = False
    filters_open: bool = False
    # The query string (``?…`` or empty) ``view`` was built for; the page compares it with the address.
    loaded_query: str = ""
    # The parameters the page shows, restricted to known keys: what the handlers edit.
    _params: ExplorerParams = ExplorerParams()

    @rx.event
    @tolerates_outage
    def on_load(self):
        """Read the frameworks and build the view for the URL's query string; in development, keep following them."""
        return self._load_and_follow()

    def _load(self) -> None:
        query = self.router.url.query
        self.show(query, *view_to_show(query, run_mode.current_audience()))

    def show(self, query: str, params: ExplorerParams, view: ExplorerView) -> None:
        """Show ``view``, built for ``params``: what the address's ``query`` asks for (the server seeds first responses with it)."""
        self._params = params
        self.view = view
        self.loaded = True
        self.loaded_query = query

    def _go(self, params: ExplorerParams, replace: bool = False):
        # Client-side navigation: the router changes the URL and on_load rebuilds the view.
        return rx.redirect(params.url(), replace=replace)

    @rx.event
    def toggle_trait(self, kind: str, key: str):
        """Select or unselect a pro (``kind`` ``pro``) or a refused con (``con``)."""
        return self._go(self._params.toggled(kind, key))

    @rx.event
    def remove_chip(self, kind: str, value: str):
        """Remove one active filter."""
        if kind == "text":
            return self._go(self._params.with_text(""))
        return self._go(self._params.toggled(kind, value))

    @rx.event
    def search(self, text: str):
        """Search names, taglines and traits; refining a search replaces its history entry."""
        params = self._params.with_text(text)
        if params.text == self._params.text:
            return None
        return self._go(params, replace=bool(params.text and self._params.text))

    @rx.event
    def clear_filters(self):
        """Remove every pro, con and the search (the comparison stays)."""
        return self._go(self._params.without_filters())

    @rx.event
    def toggle_compare(self, slug: str):
        """Add a framework to the comparison, or take it out."""
        return self._go(self._params.toggled_compare(slug))

    @rx.event
    def clear_compare(self):
        """Empty the comparison."""
        return self._go(self._params.without_compare())

    @rx.event
    def toggle_filters(self):
        """Show or hide the filters on narrow screens."""
        self.filters_open = not self.filters_open
