"""The frameworks explorer as the server writes it into the first response: the same elements and classes React renders.

Mirrors :func:`blog_app.explorer.page.explorer` (filters, result count, chips, comparison,
cards or the empty state, compare bar) for one view; a browser test compares the two on
screen (tests/e2e/test_html_first_explorer.py), so a change to one must be made to the other.
"""

from __future__ import annotations

from blog_app.explorer.card_markup import cards_markup
from blog_app.explorer.comparison_markup import compare_bar_markup, comparison_markup
from blog_app.explorer.filters_markup import BUTTON, active_filters_markup, facet_group_markup, search_box_markup
from blog_app.explorer.view_model import ExplorerView
from blog_app.html_first.icons import icon
from blog_app.html_first.markup import Html, element

# The grid's responsive columns, as Radix writes ``columns=rx.breakpoints(...)`` (inline custom properties).
_GRID_STYLE = (
    "--grid-template-columns-lg:16rem minmax(0, 1fr);--grid-template-columns-md:15rem minmax(0, 1fr);"
    "--grid-template-columns:1fr"
)


def explorer_markup(view: ExplorerView, title: str, intro: str) -> Html:
    """The explorer showing ``view``: heading ``title``, the ``intro`` text, search, filters and results."""
    heading = element(
        "div",
        element("h1", title, class_="rt-Heading rt-r-size-7 md:rt-r-size-8 explorer-title"),
        element("p", intro, class_="rt-Text rt-r-size-4 explorer-intro"),
        element("div", search_box_markup(view.text), class_="rt-Box explorer-search"),
        class_="rt-Flex rt-r-fd-column rt-r-gap-4",
    )
    body = element(
        "div",
        filters_panel_markup(view),
        results_markup(view),
        style=_GRID_STYLE,
        class_="rt-Grid rt-r-gtc md:rt-r-gtc lg:rt-r-gtc rt-r-ai-start rt-r-gap-6",
    )
    return element("div", heading, body, class_="rt-Flex rt-r-fd-column rt-r-gap-6 explorer")


def filters_panel_markup(view: ExplorerView) -> Html:
    """The Pros and Cons facets; on phones behind a "Filters" button (closed)."""
    badge = (
        element(
            "span",
            str(len(view.chips)),
            data_accent_color="",
            data_radius="full",
            class_="rt-reset rt-Badge rt-r-size-1 rt-variant-solid",
        )
        if view.chips
        else ""
    )
    toggle = element(
        "button",
        icon("sliders-horizontal", 16),
        "Filters",
        badge,
        icon("chevron-down", 16),
        data_accent_color="gray",
        aria_controls="facets",
        aria_expanded="false",
        class_=f"{BUTTON} rt-r-size-2 rt-variant-surface rt-Button filters-toggle full-width",
    )
    facets = element(
        "div",
        facet_group_markup("Pros", "A framework must have all you tick.", view.pro_facets),
        element("span", data_accent_color="gray", class_="rt-Separator rt-r-orientation-horizontal rt-r-size-4"),
        facet_group_markup("Cons", "A framework must have none you tick.", view.con_facets),
        id="facets",
        class_="rt-Flex rt-r-fd-column rt-r-gap-5 facet-panel",
    )
    return element("aside", toggle, facets, aria_label="Filters")


def result_summary_markup(view: ExplorerView) -> Html:
    """How many frameworks fit."""
    fits = " framework fits" if view.total == 1 else " frameworks fit"
    return element(
        "p",
        element("span", str(view.result_count), class_="rt-Text rt-r-weight-bold"),
        f" of {view.total}{fits}",
        data_accent_color="gray",
        aria_live="polite",
        id="result-count",
        class_="rt-Text rt-r-size-2",
    )


def empty_results_markup() -> Html:
    """No framework matches: why, and the way out."""
    return element(
        "div",
        element(
            "div",
            Html(icon("search-x", 32).replace('class="lucide ', 'class="empty-results-icon lucide ', 1)),
            element("h2", "No framework fits all of that", class_="rt-Heading rt-r-size-5"),
            element(
                "p",
                "Each framework here either lacks a pro you ticked, has a con you refused, or does not "
                "mention your search. Remove a filter above, or start over.",
                data_accent_color="gray",
                class_="rt-Text rt-r-size-2 rt-r-ta-center empty-results-text",
            ),
            element(
                "button",
                icon("rotate-ccw", 16),
                "Clear all filters",
                data_accent_color="",
                class_=f"{BUTTON} rt-r-size-2 rt-variant-solid rt-Button",
            ),
            class_="rt-Flex rt-r-fd-column rt-r-ai-center rt-r-gap-3 empty-results",
        ),
        id="empty-state",
        class_="rt-reset rt-BaseCard rt-Card rt-r-size-1 rt-variant-surface",
    )


def results_markup(view: ExplorerView) -> Html:
    """The count and chips, the comparison, then the matching frameworks as cards (or the empty state)."""
    return element(
        "div",
        element(
            "div",
            result_summary_markup(view),
            active_filters_markup(view.chips),
            class_="rt-Flex rt-r-fd-column rt-r-gap-2",
        ),
        comparison_markup(view.compare_columns, view.compare_rows),
        cards_markup(view.cards) if view.result_count > 0 else empty_results_markup(),
        compare_bar_markup(view.compare_columns),
        class_="rt-Flex rt-r-fd-column rt-r-gap-4 explorer-results",
    )
