"""The blog index as the server writes it into the first response, in every view (page, keyword, search).

Mirrors :func:`blog_app.posts.index_page.index_page` with the state :meth:`IndexState.show` leaves:
the same elements, Radix classes and text React renders, its sizes in assets/blog.css classes
both share (tests/e2e/test_html_first_index.py compares the two on screen).
"""

from __future__ import annotations

from blog_app import routes
from blog_app.core import settings
from blog_app.html_first.icons import icon
from blog_app.html_first.markup import Html, element, fragment
from blog_app.posts.card_markup import LINK, post_card_markup, search_result_markup
from blog_app.posts.index_params import IndexParams, parse_index_params
from blog_app.posts.source import ShownIndex
from blog_app.ui.radix_markup import button_link_markup, search_field_markup

BUTTON = "rt-reset rt-BaseButton rt-r-size-2 rt-variant-soft rt-Button"
SEARCH_PLACEHOLDER = 'Search posts…  ("a phrase", prefix*)'


def index_page_markup(query: str, shown: ShownIndex) -> Html:
    """The index's content inside ``<main>`` for the query string ``query``: heading, search box, filters, cards, pages."""
    page, params = shown.page, parse_index_params(query)
    return fragment(
        _intro(query, params.q),
        _filters(params, shown) if params.is_filtered else "",
        _cards(shown),
        _pagination(params, page.page, page.pages),
    )


def _intro(query: str, search: str) -> Html:
    return element(
        "div",
        element("h1", settings.site_name(), class_="rt-Heading rt-r-size-7 md:rt-r-size-8 index-title"),
        element("p", settings.site_tagline(), class_="rt-Text rt-r-size-4 index-tagline"),
        _search_form(search),
        class_="rt-Flex rt-r-fd-column rt-r-gap-4 index-intro",
        data_query=query,
    )


def _search_form(search: str) -> Html:
    # Without JavaScript the form still works: Enter sends ``?q=`` to the index.
    field = search_field_markup(
        search,
        label="Search posts",
        placeholder=SEARCH_PLACEHOLDER,
        root_class="search-field",
        name="q",
        autocomplete="off",
    )
    return element("form", field, class_="Root search-form", role="search")


def _filters(params: IndexParams, shown: ShownIndex) -> Html:
    total = shown.page.total
    summary = element(
        "p",
        f"{total} post" if total == 1 else f"{total} posts",
        fragment(" tagged ", element("strong", shown.tag_name)) if shown.tag_name else "",
        fragment(" matching ", element("strong", f"“{params.q}”")) if params.q else "",
        role="status",
        class_="rt-Text rt-r-size-3",
    )
    clear = element(
        "a",
        element("div", icon("x", 14), "Clear filters", class_="rt-Flex rt-r-ai-center rt-r-gap-1"),
        data_accent_color="",
        class_=f"{LINK} rt-r-size-2 rt-underline-auto",
        href=routes.INDEX,
    )
    return element(
        "div",
        element("div", summary, clear, class_="rt-Flex rt-r-ai-center rt-r-fw-wrap rt-r-gap-4"),
        _search_feedback(shown.page.message, shown.page.notice),
        class_="rt-Flex rt-r-fd-column rt-r-gap-3 index-filters",
    )


def _search_feedback(message: str, notice: str) -> Html:
    callout = element(
        "div",
        element("div", icon("info", 24), class_="rt-CalloutIcon"),
        element("p", message, class_="rt-Text rt-r-size-2 rt-CalloutText"),
        data_accent_color="gray",
        role="status",
        class_="rt-CalloutRoot rt-r-size-2 rt-variant-surface search-message",
    )
    return fragment(
        callout if message else "",
        element("p", notice, class_="rt-Text rt-r-size-2 search-notice muted") if notice else "",
    )


def _cards(shown: ShownIndex) -> Html:
    page = shown.page
    if page.posts:
        cards = [post_card_markup(post, position) for position, post in enumerate(page.posts)]
        return element("div", *cards, class_="rt-Grid rt-r-gtc-1 sm:rt-r-gtc-2 lg:rt-r-gtc-3 rt-r-gap-5")
    if page.results:
        return element("div", *(search_result_markup(result) for result in page.results), class_="search-results")
    return _empty_state() if not page.message else Html("")


def _empty_state() -> Html:
    body = element(
        "div",
        icon("search-x", 36, class_name="empty-state-icon"),
        element("h2", "No posts match", class_="rt-Heading rt-r-size-5"),
        element("p", "Try another word, or clear the filters to see every post.", class_="rt-Text muted"),
        button_link_markup("Clear filters", href=routes.INDEX, look="rt-r-size-2 rt-variant-soft"),
        class_="rt-Flex rt-r-fd-column rt-r-ai-center rt-r-gap-3 empty-state-body",
    )
    return element("div", body, class_="rt-Flex rt-r-ai-center rt-r-jc-center empty-state")


def _pagination(params: IndexParams, page: int, pages: int) -> Html:
    if pages <= 1:
        return Html("")
    newer = routes.index_url(tag=params.tag, q=params.q, page=page - 1) if page > 1 else ""
    older = routes.index_url(tag=params.tag, q=params.q, page=page + 1) if page < pages else ""
    row = element(
        "div",
        _step(fragment(icon("arrow-left", 16), "Newer"), newer),
        element("p", f"Page {page} of {pages}", class_="rt-Text rt-r-size-2 muted"),
        _step(fragment("Older", icon("arrow-right", 16)), older),
        class_="rt-Flex rt-r-ai-center rt-r-jc-space-between",
    )
    return element("nav", row, aria_label="Pagination", class_="pagination")


def _step(content: Html, url: str) -> Html:
    if not url:
        return element("button", content, data_accent_color="", class_=BUTTON, disabled=True, data_disabled="true")
    return button_link_markup(content, href=url, look="rt-r-size-2 rt-variant-soft")
