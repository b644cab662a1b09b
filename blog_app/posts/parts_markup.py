"""Pieces of a post shared by its page and the index cards, as the server writes them into the first response.

Each mirrors a component of ``blog_app/posts/components`` (named in its docstring) element for
element, with the same Radix classes; styles those components take from Emotion at run time
live in assets/blog.css classes both use.
"""

from __future__ import annotations

from blog_app import routes
from blog_app.content.segments import TocEntry
from blog_app.html_first.icons import icon
from blog_app.html_first.markup import Html, element, fragment
from blog_app.posts.components.post_card import COVER_HEIGHT, COVER_WIDTH
from blog_app.posts.types import KeywordRef, PostSummary
from blog_app.ui.radix_markup import LINK


def link(*children: str, href: str, class_: str, accent: str = "", **attributes: str) -> Html:
    """An ``rx.link``: Radix's Link, an ``<a>`` with its accent colour (empty: the theme's)."""
    return element("a", *children, data_accent_color=accent, **attributes, class_=f"{LINK} {class_}", href=href)


def post_byline_markup(post: PostSummary) -> Html:
    """Mirrors :func:`blog_app.posts.components.post_card.post_byline`."""
    return element(
        "p",
        element("span", post.author, class_="byline-author"),
        " · ",
        element("time", post.published_label, datetime=post.published),
        " · ",
        f"{post.reading_minutes} min read",
        class_="rt-Text rt-r-size-2 byline muted",
    )


def cover_image_markup(post: PostSummary, first_view: bool) -> Html:
    """Mirrors :func:`blog_app.posts.components.post_card.cover_image`."""
    if post.cover_missing:
        return element(
            "div", icon("image-off", 32), role="img", aria_label="Cover image unavailable", class_="cover cover-missing"
        )
    return element(
        "img",
        alt="",
        class_="cover",
        fetchpriority="high" if first_view else "auto",
        height=post.cover_height or COVER_HEIGHT,
        loading="eager" if first_view else "lazy",
        width=post.cover_width or COVER_WIDTH,
        src=post.cover_image,
    )


def keyword_chips_markup(keywords: list[KeywordRef]) -> Html:
    """Mirrors :func:`blog_app.posts.components.keywords.keyword_chips`."""
    chips = (
        link(
            element("span", keyword.name, data_accent_color="", data_radius="full", class_=_badge("1", "soft")),
            href=routes.tag_url(keyword.slug),
            class_="rt-underline-none keyword-chip",
        )
        for keyword in keywords
    )
    return element("div", fragment(*chips), class_="rt-Flex rt-r-fw-wrap rt-r-gap-2")


def _badge(size: str, variant: str) -> str:
    return f"rt-reset rt-Badge rt-r-size-{size} rt-variant-{variant}"


def status_banner_markup(status: str, label: str) -> Html:
    """Mirrors :func:`blog_app.posts.components.publication.status_banner` (nothing for a published post)."""
    if status == "published":
        return Html("")
    draft = status == "draft"
    if draft:
        note = fragment(
            " · Readers cannot see this draft; you see it because the app runs in development. Delete ",
            element("code", "draft: true", class_="rt-reset rt-Code rt-variant-ghost"),
            " from the front matter to publish it.",
        )
    else:
        note = fragment(
            " · Readers see this post from that day on; you see it early because the app runs in development."
        )
    return element(
        "div",
        element("div", icon("pencil-line" if draft else "calendar-clock", 18), class_="rt-CalloutIcon"),
        element("p", element("strong", label), note, class_="rt-Text rt-r-size-2 rt-CalloutText"),
        data_accent_color="amber" if draft else "cyan",
        role="status",
        class_="rt-CalloutRoot rt-r-size-2 rt-variant-surface rt-high-contrast status-banner",
    )


def toc_list_markup(entries: list[TocEntry]) -> Html:
    """Mirrors :func:`blog_app.posts.components.toc.toc_list`."""
    items = (
        element(
            "li",
            element("a", entry.text, href="#" + entry.anchor),
            class_="toc-sub" if entry.level == 3 else "toc-top",
        )
        for entry in entries
    )
    return element("ul", fragment(*items), class_="toc-list")


def toc_sidebar_markup(entries: list[TocEntry]) -> Html:
    """Mirrors :func:`blog_app.posts.components.toc.toc_sidebar`."""
    return element(
        "nav",
        element("p", "On this page", class_="rt-Text rt-r-size-2 rt-r-weight-bold toc-title"),
        toc_list_markup(entries),
        aria_label="Table of contents",
        class_="toc-sidebar",
    )


def toc_collapsible_markup(entries: list[TocEntry]) -> Html:
    """Mirrors :func:`blog_app.posts.components.toc.toc_collapsible`."""
    return element(
        "details",
        element("summary", "On this page"),
        element("nav", toc_list_markup(entries), aria_label="Table of contents"),
        class_="toc-collapsible",
    )
