"""The post page as the server writes it into the first response: mirrors blog_app/posts/post_page.py ``post_article``.

A browser test compares the two on screen (tests/e2e/test_html_first.py), so a change to one
must be made to the other.
"""

from __future__ import annotations

from blog_app import routes
from blog_app.html_first.icons import icon
from blog_app.html_first.markup import Html, element, fragment
from blog_app.posts.body_markup import post_body_markup
from blog_app.posts.parts_markup import (
    cover_image_markup,
    keyword_chips_markup,
    link,
    post_byline_markup,
    status_banner_markup,
    toc_collapsible_markup,
    toc_sidebar_markup,
)
from blog_app.posts.source import ShownPost
from blog_app.posts.types import PostDetail, PostLink, RelatedLink


def post_page_markup(shown: ShownPost) -> Html:
    """The post page's content, as React renders it inside ``<main>``: the article and its sidebar TOC."""
    post = shown.detail
    toc = post.toc
    article = element(
        "article",
        post_header_markup(post),
        toc_collapsible_markup(toc) if toc else "",
        post_body_markup(post.segments),
        post_footer_markup(shown),
        class_="post-article",
    )
    aside = element("aside", toc_sidebar_markup(toc), class_="post-aside") if toc else ""
    return element("div", article, aside, class_="rt-Box post-layout")


def post_header_markup(post: PostDetail) -> Html:
    """Mirrors ``post_header``: the way back, status, title, lede, byline, keywords and cover."""
    back = element("div", icon("arrow-left", 14), "All posts", class_="rt-Flex rt-r-ai-center rt-r-gap-1")
    return element(
        "header",
        link(back, href=routes.INDEX, class_="rt-r-size-2 rt-underline-auto"),
        status_banner_markup(post.status, post.status_label),
        element("h1", post.title, class_="rt-Heading rt-r-size-8 lg:rt-r-size-9 post-title"),
        element("p", post.description, class_="rt-Text rt-r-size-5 post-lede") if post.description else "",
        post_byline_markup(post),
        keyword_chips_markup(post.keywords),
        cover_image_markup(post, first_view=True) if post.cover_image else "",
        class_="post-header",
    )


def post_footer_markup(shown: ShownPost) -> Html:
    """Mirrors ``post_footer``: related posts, the newer and older posts, the way back."""
    neighbours = element(
        "div",
        neighbour_link_markup(shown.newer, "← Newer post", "neighbour-newer"),
        neighbour_link_markup(shown.older, "Older post →", "neighbour-older"),
        class_="rt-Grid rt-r-gtc-1 sm:rt-r-gtc-2 rt-r-gap-4",
    )
    back = link("Back to all posts", href=routes.INDEX, class_="rt-r-size-2 rt-underline-auto back-link")
    return element(
        "footer",
        related_posts_markup(shown.related),
        element("nav", neighbours, back, aria_label="More posts"),
        class_="post-footer",
    )


def neighbour_link_markup(post: PostLink | None, label: str, side: str) -> Html:
    """Mirrors ``neighbour_link``: a link to the newer or older post, or an empty box at the end of the list."""
    if post is None or not post.slug:
        return element("div", class_="rt-Box")
    return link(
        element("div", label, class_="rt-Text rt-r-size-1 neighbour-label"),
        element("div", post.title, class_="rt-Text rt-r-size-3 rt-r-weight-medium"),
        href=routes.post_url(post.slug),
        class_=f"rt-underline-none neighbour-link {side}",
    )


def related_posts_markup(related: list[RelatedLink]) -> Html:
    """Mirrors :func:`blog_app.posts.components.related_posts.related_posts` (nothing when none is related)."""
    if not related:
        return Html("")
    items = (
        element(
            "li",
            link(
                item.title,
                href=routes.post_url(item.slug),
                class_="rt-r-size-3 rt-r-weight-medium rt-underline-auto related-title",
            ),
            element("p", item.description, class_="rt-Text rt-r-size-2 related-description")
            if item.description
            else "",
            class_="related-post",
        )
        for item in related
    )
    return element(
        "section",
        element("h2", "Related posts", id="related-posts", class_="rt-Heading rt-r-size-4"),
        element("ul", fragment(*items), class_="related-list"),
        aria_labelledby="related-posts",
        class_="related-posts",
    )
