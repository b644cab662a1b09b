"""The frameworks explorer ``/frameworks``: filter by pros and cons, search, compare side by side."""

from __future__ import annotations

import reflex as rx

from blog_app.explorer.components.comparison import compare_bar, comparison
from blog_app.explorer.components.filters import CHIP_STYLE, active_filters, facet_group, search_box
from blog_app.explorer.components.framework_card import framework_card
from blog_app.explorer.state import ExplorerState
from blog_app.ui.layout import site_layout
from blog_app.ui.unavailable import unavailable_message

TITLE = "Frameworks explorer"
DESCRIPTION = "Filter and compare Python web frameworks by the pros you need and the cons you refuse."
DESKTOP = "@media screen and (min-width: 48em)"
PHONE = "@media screen and (max-width: 47.99em)"
# On phones the comparison stacks: one block per trait, each framework's line labelled with its
# name, frameworks that do not mention the trait left out; the header row keeps the remove buttons.
STACKED_COMPARISON = {
    ".compare-table thead tr": {"display": "flex", "flex_wrap": "wrap", "gap": "var(--space-2)"},
    ".compare-table thead th": {
        "min_width": "0 !important",
        "height": "auto",
        "box_shadow": "none",
        "padding": "0 0 0.5em",
    },
    ".compare-table thead th:first-of-type": {"display": "none"},
    ".compare-table tbody tr": {
        "display": "block",
        "padding": "var(--space-3) 0",
        "border_top": "1px solid var(--gray-a5)",
    },
    ".compare-table tbody th, .compare-table tbody td": {
        "display": "block",
        "height": "auto",
        "box_shadow": "none",
        "padding": "0.25em 0",
    },
    ".compare-table tbody th p": {"font_weight": "bold"},
    ".compare-table .sticky-column": {"position": "static"},
    ".compare-table td.unmentioned": {"display": "none"},
    ".compare-table td::before": {
        "content": "attr(data-label)",
        "display": "block",
        "font_size": "var(--font-size-1)",
        "font_weight": "600",
        "color": "var(--gray-11)",
    },
}

PAGE_STYLE = {
    **CHIP_STYLE,
    ".visually-hidden": {
        "position": "absolute",
        "width": "1px",
        "height": "1px",
        "overflow": "hidden",
        "clip": "rect(0 0 0 0)",
        "white_space": "nowrap",
    },
    ".clamp-3": {
        "display": "-webkit-box",
        "-webkit-line-clamp": "3",
        "-webkit-box-orient": "vertical",
        "overflow": "hidden",
        "color": "var(--gray-11)",
    },
    ".eyebrow": {"letter_spacing": "0.06em"},
    ".framework-card.focused": {"box-shadow": "0 0 0 2px var(--accent-9)"},
    ".sticky-column": {"position": "sticky", "left": "0", "z_index": "1", "background": "var(--color-panel-solid)"},
    ".compare-names": {"display": "none"},
    ".facet-panel": {"display": "none"},
    ".facet-panel.open": {"display": "flex"},
    PHONE: STACKED_COMPARISON,
    DESKTOP: {
        ".facet-panel": {"display": "flex"},
        ".filters-toggle": {"display": "none"},
        ".compare-names": {"display": "flex"},
        ".compare-count": {"display": "none"},
    },
}


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
            width="100%",
            class_name="filters-toggle",
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
            margin_top=["1em", "1em", "0"],
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
            rx.icon("search-x", size=32, color="var(--gray-9)"),
            rx.heading("No framework fits all of that", as_="h2", size="5"),
            rx.text(
                "Each framework here either lacks a pro you ticked, has a con you refused, or does not "
                "mention your search. Remove a filter above, or start over.",
                size="2",
                color_scheme="gray",
                align="center",
                max_width="32em",
            ),
            rx.button(rx.icon("rotate-ccw", size=16), "Clear all filters", on_click=ExplorerState.clear_filters),
            direction="column",
            align="center",
            spacing="3",
            padding="2em 1em",
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
        min_width="0",
    )


def frameworks_page() -> rx.Component:
    """Filters beside the results; everything on the page follows the URL's query string."""
    return site_layout(rx.cond(ExplorerState.unavailable, unavailable_message(), explorer()))


def explorer() -> rx.Component:
    """The explorer itself: heading, search, filters and results."""
    return rx.flex(
        rx.flex(
            rx.heading(TITLE, as_="h1", size=rx.breakpoints(initial="7", md="8"), letter_spacing="-0.02em"),
            rx.text(
                "Tick the pros you need and the cons you won't live with to see which Python web "
                "frameworks fit. Pick two to four to compare them side by side.",
                size="4",
                color=rx.color("gray", 11),
                max_width="40rem",
            ),
            rx.box(search_box(ExplorerState.view.text, ExplorerState.search), width="100%", max_width="32rem"),
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
        style=PAGE_STYLE,
    )
