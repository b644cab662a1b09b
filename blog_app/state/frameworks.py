"""State of the frameworks explorer: the URL is the source of truth, every change navigates."""

from __future__ import annotations

import reflex as rx

from blog_app import run_mode
from blog_app.explorer import ExplorerQuery, explorer_url, parse_query
from blog_app.explorer_source import current_frameworks
from blog_app.explorer_view import ExplorerView, build_view
from blog_app.state.outage import ReadsDatabase, tolerates_outage


class ExplorerState(ReadsDatabase, rx.State):
    """The view of ``/frameworks`` for the query string in the address bar."""

    view: ExplorerView = ExplorerView()
    loaded: bool = False
    filters_open: bool = False
    # The query the page shows, restricted to known keys: what the handlers edit.
    _query: ExplorerQuery = ExplorerQuery()

    @rx.event
    @tolerates_outage
    def on_load(self):
        """Read the frameworks and build the view for the URL's query string."""
        frameworks = current_frameworks(run_mode.current_audience())
        self._query = parse_query(self.router.url.query).restricted(frameworks)
        self.view = build_view(frameworks, self._query)
        self.loaded = True

    def _go(self, query: ExplorerQuery, replace: bool = False):
        # Client-side navigation: the router changes the URL and on_load rebuilds the view.
        return rx.redirect(explorer_url(query), replace=replace)

    @rx.event
    def toggle_trait(self, kind: str, key: str):
        """Select or unselect a pro (``kind`` ``pro``) or a refused con (``con``)."""
        return self._go(self._query.toggled(kind, key))

    @rx.event
    def remove_chip(self, kind: str, value: str):
        """Remove one active filter."""
        if kind == "text":
            return self._go(self._query.with_text(""))
        return self._go(self._query.toggled(kind, value))

    @rx.event
    def search(self, text: str):
        """Search names, taglines and traits; refining a search replaces its history entry."""
        query = self._query.with_text(text)
        if query.text == self._query.text:
            return None
        return self._go(query, replace=bool(query.text and self._query.text))

    @rx.event
    def clear_filters(self):
        """Remove every pro, con and the search (the comparison stays)."""
        return self._go(self._query.without_filters())

    @rx.event
    def toggle_compare(self, slug: str):
        """Add a framework to the comparison, or take it out."""
        return self._go(self._query.toggled_compare(slug))

    @rx.event
    def clear_compare(self):
        """Empty the comparison."""
        return self._go(self._query.without_compare())

    @rx.event
    def toggle_filters(self):
        """Show or hide the filters on narrow screens."""
        self.filters_open = not self.filters_open
