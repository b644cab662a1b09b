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
from blog_app.ui.location import current_query
from blog_app.ui.unavailable import unavailable_message


def index_intro() -> rx.Component:
    """The page heading and the search box; ``data-query`` is the address React renders the page for."""
    return rx.flex(
        rx.heading(settings.site_name(), as_="h1", size=rx.breakpoints(initial="7", md="8"), class_name="index-title"),
        rx.text(settings.site_tagline(), size="4", class_name="index-tagline"),
        search_form(IndexState.search, IndexState.search_as_typed, IndexState.submit_search),
        direction="column",
        spacing="4",
        class_name="index-intro",
        custom_attrs={"data-query": current_query()},
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


def index_view() -> rx.Component:
    """What narrows the list, its cards and its pages: the view the state was loaded for."""
    return rx.fragment(
        rx.cond(
            IndexState.is_filtered,
            rx.flex(
                active_filters(IndexState.tag_name, IndexState.search, IndexState.total, routes.INDEX),
                search_feedback(IndexState.message, IndexState.notice),
                direction="column",
                spacing="3",
                class_name="index-filters",
            ),
        ),
        post_grid(),
        pagination(IndexState.page, IndexState.pages, IndexState.newer_url, IndexState.older_url),
    )


def index_page() -> rx.Component:
    """The blog index; after an in-app navigation, the previous view's cards never show under the new address."""
    return site_layout(
        rx.cond(
            IndexState.unavailable,
            unavailable_message(),
            rx.fragment(
                # Outside the condition: the search box keeps its focus and text while the view changes.
                index_intro(),
                rx.cond(IndexState.loaded_query == current_query(), index_view()),
            ),
        )
    )
