"""The blog index ``/``: post cards, newest first, with keyword filter and pages; search results best first."""

from __future__ import annotations

import reflex as rx

from blog_app import routes
from blog_app.core import settings
from blog_app.posts.components.index_controls import (
    active_filters,
    empty_state,
    pagination,
    search_feedback,
    search_form,
)
from blog_app.posts.components.post_card import post_card
from blog_app.posts.components.search_result import search_results
from blog_app.posts.index_state import IndexState
from blog_app.ui.layout import site_layout
from blog_app.ui.unavailable import unavailable_message


def index_intro() -> rx.Component:
    """The page heading and the search box."""
    return rx.flex(
        rx.heading(settings.site_name(), as_="h1", size=rx.breakpoints(initial="7", md="8"), class_name="index-title"),
        rx.text(settings.site_tagline(), size="4", color=rx.color("gray", 11), max_width="40rem"),
        search_form(IndexState.search, IndexState.search_as_typed, IndexState.submit_search),
        direction="column",
        spacing="4",
        margin_bottom="var(--space-6)",
    )


def post_grid() -> rx.Component:
    """The cards of this page; for a search, its results best first; or the empty state."""
    return rx.cond(
        IndexState.posts.length() > 0,
        rx.grid(
            rx.foreach(IndexState.posts, post_card),
            columns=rx.breakpoints(initial="1", sm="2", lg="3"),
            spacing="5",
        ),
        rx.cond(
            IndexState.results.length() > 0,
            search_results(IndexState.results),
            rx.cond(IndexState.loaded & (IndexState.message == ""), empty_state(routes.INDEX)),
        ),
    )


def index_page() -> rx.Component:
    """The blog index."""
    return site_layout(
        rx.cond(
            IndexState.unavailable,
            unavailable_message(),
            rx.fragment(
                index_intro(),
                rx.cond(
                    IndexState.is_filtered,
                    rx.flex(
                        active_filters(IndexState.tag_name, IndexState.search, IndexState.total, routes.INDEX),
                        search_feedback(IndexState.message, IndexState.notice),
                        direction="column",
                        spacing="3",
                        margin_bottom="var(--space-5)",
                    ),
                ),
                post_grid(),
                pagination(IndexState.page, IndexState.pages, IndexState.newer_url, IndexState.older_url),
            ),
        )
    )
