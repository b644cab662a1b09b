"""A post ``/blog/[slug]``, rendered from the database."""

from __future__ import annotations

import reflex as rx

from blog_app import routes
from blog_app.core import settings
from blog_app.posts.components.keywords import keyword_chips
from blog_app.posts.components.post_body import post_body
from blog_app.posts.components.post_card import cover_image, post_byline
from blog_app.posts.components.publication import status_banner
from blog_app.posts.components.related_posts import related_posts
from blog_app.posts.components.toc import toc_collapsible, toc_sidebar
from blog_app.posts.post_state import PostState
from blog_app.posts.types import PostLink
from blog_app.ui.anchors import jump_to_address_anchor
from blog_app.ui.layout import site_layout
from blog_app.ui.location import route_param
from blog_app.ui.not_found import not_found_message
from blog_app.ui.unavailable import unavailable_message


def post_header() -> rx.Component:
    """Title, byline, keywords and cover."""
    post = PostState.post
    return rx.el.header(
        rx.link(
            rx.flex(rx.icon("arrow-left", size=14), "All posts", align="center", spacing="1"),
            href=routes.INDEX,
            size="2",
        ),
        status_banner(post.status, post.status_label),
        rx.heading(post.title, as_="h1", size=rx.breakpoints(initial="8", lg="9"), class_name="post-title"),
        rx.cond(post.description != "", rx.text(post.description, size="5", class_name="post-lede")),
        post_byline(post),
        keyword_chips(post.keywords),
        rx.cond(post.cover_image != "", cover_image(post, first_view=True)),
        class_name="post-header",
    )


def neighbour_link(link: rx.Var[PostLink], label: str, side: str) -> rx.Component:
    """A link to the newer or older post (``side``: its class, ``neighbour-newer`` or ``-older``), or an empty box."""
    return rx.cond(
        link.slug != "",
        rx.link(
            rx.text(label, size="1", as_="div", class_name="neighbour-label"),
            rx.text(link.title, size="3", weight="medium", as_="div"),
            href=routes.post_url(link.slug),
            class_name="neighbour-link " + side,
            underline="none",
        ),
        rx.box(),
    )


def post_footer() -> rx.Component:
    """Related posts, previous / next posts and the way back."""
    return rx.el.footer(
        related_posts(PostState.related),
        rx.el.nav(
            rx.grid(
                neighbour_link(PostState.newer, "← Newer post", "neighbour-newer"),
                neighbour_link(PostState.older, "Older post →", "neighbour-older"),
                columns=rx.breakpoints(initial="1", sm="2"),
                spacing="4",
            ),
            rx.link("Back to all posts", href=routes.INDEX, size="2", class_name="back-link"),
            aria_label="More posts",
        ),
        class_name="post-footer",
    )


def post_article() -> rx.Component:
    """The post with its table of contents beside (wide) or above (narrow) the text."""
    toc = PostState.post.toc
    return rx.box(
        rx.el.article(
            post_header(),
            rx.cond(toc.length() > 0, toc_collapsible(toc)),
            post_body(PostState.post.segments),
            post_footer(),
            class_name="post-article",
        ),
        rx.cond(toc.length() > 0, rx.el.aside(toc_sidebar(toc), class_name="post-aside")),
        # The post arrives after the page renders, too late for the browser's own jump to #section.
        jump_to_address_anchor(PostState.loaded_slug),
        class_name="post-layout",
    )


def post_page() -> rx.Component:
    """The post, or a not-found page for an unknown slug."""
    return site_layout(
        # After an in-app navigation the state still holds the previous post until the new one
        # loads: show nothing rather than the wrong post under the new address.
        rx.cond(
            PostState.unavailable,
            unavailable_message(),
            rx.cond(
                PostState.loaded_slug == route_param("slug"),
                rx.cond(
                    PostState.found,
                    post_article(),
                    not_found_message(
                        "Post not found", "No post lives at this address. It may have been renamed or removed."
                    ),
                ),
            ),
        )
    )


def post_title() -> rx.Var[str]:
    """The post page's tab title: the post's, "Post not found", or the site's while the post loads."""
    # Like the page, it trusts the state only once it holds the slug in the address.
    current = PostState.loaded_slug == route_param("slug")
    site = settings.site_name()
    return rx.cond(
        current & PostState.found,
        PostState.post.title + " · " + site,
        rx.cond(current, "Post not found · " + site, site),
    )
