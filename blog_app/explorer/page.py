"""The frameworks explorer ``/frameworks``: filter by pros and cons, search, compare side by side."""

from __future__ import annotations

import reflex as rx

from blog_app.explorer.components.comparison import compare_bar, comparison
from blog_app.explorer.components.filters import active_filters, facet_group, search_box
from blog_app.explorer.components.framework_card import framework_card
from blog_app.explorer.state import ExplorerState
from blog_app.ui.layout import site_layout
from blog_app.ui.location import current_query
from blog_app.ui.unavailable import unavailable_message

TITLE = "Frameworks explorer"
DESCRIPTION = "Filter and compare Python web frameworks by the pros you need and the cons you refuse."
INTRO = (
    "Tick the pros you need and the cons you won't live with to see which Python web "
    "frameworks fit. Pick two to four to compare them side by side."
)


def filters_panel() -> rx.Component:
    """The Pros and Cons facets; on phones behind a "Filters" button."""
    view = ExplorerState.view
    return rx.el.aside(
        rx.button(
            rx.icon("sliders-horizontal", size=16),
            "Filters",
            rx.cond(
                view.chips.length() > 0,
                rx.badge(view.chips.length(), variant="solid", radius="full"),
            ),
            rx.icon(rx.cond(ExplorerState.filters_open, "chevron-up", "chevron-down"), size=16),
            on_click=ExplorerState.toggle_filters,
            variant="surface",
            color_scheme="gray",
            class_name="filters-toggle full-width",
            aria_expanded=rx.cond(ExplorerState.filters_open, "true", "false"),
            aria_controls="facets",
        ),
        rx.flex(
            facet_group("Pros", "A framework must have all you tick.", view.pro_facets, ExplorerState.toggle_trait),
            rx.separator(size="4"),
            facet_group("Cons", "A framework must have none you tick.", view.con_facets, ExplorerState.toggle_trait),
            id="facets",
            direction="column",
            spacing="5",
            class_name=rx.cond(ExplorerState.filters_open, "facet-panel open", "facet-panel"),
        ),
        aria_label="Filters",
    )


def result_summary() -> rx.Component:
    """How many frameworks fit, announced to screen readers when it changes."""
    view = ExplorerState.view
    return rx.text(
        rx.text(view.result_count, weight="bold", as_="span"),
        " of ",
        view.total,
        rx.cond(view.total == 1, " framework fits", " frameworks fit"),
        size="2",
        color_scheme="gray",
        aria_live="polite",
        id="result-count",
    )


def empty_results() -> rx.Component:
    """No framework matches: say why and offer the way out."""
    return rx.card(
        rx.flex(
            rx.icon("search-x", size=32, class_name="empty-results-icon"),
            rx.heading("No framework fits all of that", as_="h2", size="5"),
            rx.text(
                "Each framework here either lacks a pro you ticked, has a con you refused, or does not "
                "mention your search. Remove a filter above, or start over.",
                size="2",
                color_scheme="gray",
                align="center",
                class_name="empty-results-text",
            ),
            rx.button(rx.icon("rotate-ccw", size=16), "Clear all filters", on_click=ExplorerState.clear_filters),
            direction="column",
            align="center",
            spacing="3",
            class_name="empty-results",
        ),
        id="empty-state",
        variant="surface",
    )


def results() -> rx.Component:
    """The comparison, then the matching frameworks as cards (or the empty state)."""
    view = ExplorerState.view
    return rx.flex(
        rx.flex(
            result_summary(),
            active_filters(view.chips, ExplorerState.remove_chip, ExplorerState.clear_filters),
            direction="column",
            spacing="2",
        ),
        comparison(view.compare_columns, view.compare_rows, ExplorerState.toggle_compare, ExplorerState.clear_compare),
        rx.cond(
            view.result_count > 0,
            rx.grid(
                rx.foreach(view.cards, lambda card: framework_card(card, ExplorerState.toggle_compare)),
                columns=rx.breakpoints(initial="1", sm="2"),
                spacing="4",
                id="results",
            ),
            rx.cond(ExplorerState.loaded, empty_results()),
        ),
        rx.cond(view.compare_columns.length() > 0, compare_bar(view.compare_columns, ExplorerState.toggle_compare)),
        direction="column",
        spacing="4",
        class_name="explorer-results",
    )


def frameworks_page() -> rx.Component:
    """Filters beside the results; everything on the page follows the URL's query string."""
    return site_layout(rx.cond(ExplorerState.unavailable, unavailable_message(), explorer()))


def explorer() -> rx.Component:
    """The explorer itself: heading, search, filters and results."""
    return rx.flex(
        rx.flex(
            rx.heading(TITLE, as_="h1", size=rx.breakpoints(initial="7", md="8"), class_name="explorer-title"),
            rx.text(
                INTRO,
                size="4",
                class_name="explorer-intro",
            ),
            rx.box(search_box(ExplorerState.view.text, ExplorerState.search), class_name="explorer-search"),
            direction="column",
            spacing="4",
        ),
        rx.grid(
            filters_panel(),
            results(),
            columns=rx.breakpoints(initial="1fr", md="15rem minmax(0, 1fr)", lg="16rem minmax(0, 1fr)"),
            spacing="6",
            align="start",
        ),
        direction="column",
        spacing="6",
        # The view shows once it is the one for the address (never the previous one after a navigation).
        class_name=rx.cond(showing_address_view(), "explorer", "explorer stale"),
    )


def showing_address_view() -> rx.Var[bool]:
    """Whether the state holds the view for the query string in the address bar (false while the next one loads)."""
    return ExplorerState.loaded & (ExplorerState.loaded_query == current_query())
