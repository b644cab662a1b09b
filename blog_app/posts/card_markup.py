"""Post cards and search results as the server writes them into the first response.

Mirrors :mod:`blog_app.posts.components.post_card` and :mod:`blog_app.posts.components.search_result`:
the same elements, Radix classes and text React renders, so the page does not move when React
takes over (tests/e2e/test_html_first_index.py compares the two on screen). Cards of unpublished
posts are never written here: only a development server shows them, and it writes no first response.
"""

from __future__ import annotations

from blog_app import routes
from blog_app.html_first.markup import Html, element, fragment
from blog_app.posts.parts_markup import cover_image_markup, keyword_chips_markup, post_byline_markup
from blog_app.posts.types import PostSummary, SearchResult
from blog_app.ui.radix_markup import LINK

TITLE_LINK = {"data_accent_color": "gray"}


def post_card_markup(post: PostSummary, position: int) -> Html:
    """A card linking to the post, as React renders :func:`blog_app.posts.components.post_card.post_card`."""
    href = routes.post_url(post.slug)
    cover = (
        element(
            "a",
            cover_image_markup(post, first_view=position == 0),
            tabindex="-1",
            data_accent_color="",
            aria_hidden="true",
            class_=f"{LINK} rt-underline-auto",
            href=href,
        )
        if post.cover_image
        else ""
    )
    body = element(
        "div",
        _title(post, "rt-underline-hover"),
        element("p", post.description, class_="rt-Text rt-r-size-3 muted"),
        post_byline_markup(post),
        keyword_chips_markup(post.keywords),
        class_="rt-Flex rt-r-fd-column rt-r-gap-3 post-card-body",
    )
    return element("article", Html(cover), body, class_="post-card")


def search_result_markup(result: SearchResult) -> Html:
    """One search result, as React renders :func:`blog_app.posts.components.search_result.search_result`."""
    return element(
        "article",
        _title(result, "rt-underline-auto"),
        element("p", _snippet(result), class_="rt-Text rt-r-size-3 search-snippet muted"),
        post_byline_markup(result),
        keyword_chips_markup(result.keywords),
        class_="search-result",
    )


def _title(post: PostSummary, underline: str) -> Html:
    link = element(
        "a", post.title, **TITLE_LINK, class_=f"{LINK} {underline} rt-high-contrast", href=routes.post_url(post.slug)
    )
    return element("h2", link, class_="rt-Heading rt-r-size-5")


def _snippet(result: SearchResult) -> Html:
    if not result.snippet:
        return fragment(result.description)
    parts = [element("mark", part.text) if part.hit else part.text for part in result.snippet]
    return fragment("…", *parts, "…")
