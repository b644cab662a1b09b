"""A post as the index shows it: cover, title, description, byline and keywords."""

from __future__ import annotations

import reflex as rx

from blog_app import routes
from blog_app.posts.components.keywords import keyword_chips
from blog_app.posts.components.publication import status_badge
from blog_app.posts.types import PostSummary


def post_byline(post: rx.Var[PostSummary]) -> rx.Component:
    """Author, date and reading time on one line that wraps like text."""
    return rx.text(
        rx.el.span(post.author, class_name="byline-author"),
        " · ",
        rx.el.time(post.published_label, date_time=post.published),
        " · ",
        post.reading_minutes.to_string() + " min read",
        size="2",
        class_name="byline muted",
    )


# The size covers are made at, for a cover whose file gave none (the page's CSS keeps this ratio).
COVER_WIDTH, COVER_HEIGHT = 1200, 630


def cover_image(post: rx.Var[PostSummary], first_view: bool | rx.Var[bool] = False) -> rx.Component:
    """The post's cover with its intrinsic size, or a quiet placeholder when the file is missing.

    Args:
        post: The post whose cover it is.
        first_view: Whether the cover is on screen when the page opens (a post's, the first
            card's): then it loads at once and first, the page's largest paint; otherwise it
            loads only when scrolled near.
    """
    return rx.cond(
        post.cover_missing,
        rx.el.div(
            rx.icon("image-off", size=32),
            class_name="cover cover-missing",
            role="img",
            aria_label="Cover image unavailable",
        ),
        rx.image(
            src=post.cover_image,
            alt="",
            class_name="cover",
            loading=_either(first_view, "eager", "lazy"),
            # Attributes, not props: Reflex would turn an unknown prop of <img> into CSS.
            custom_attrs={
                "width": rx.cond(post.cover_width > 0, post.cover_width, COVER_WIDTH),
                "height": rx.cond(post.cover_height > 0, post.cover_height, COVER_HEIGHT),
                "fetchPriority": _either(first_view, "high", "auto"),
            },
        ),
    )


def _either(condition: bool | rx.Var[bool], yes: str, no: str) -> str | rx.Var[str]:
    # A plain value when the condition is known now: the page's markup then holds no expression.
    return rx.cond(condition, yes, no) if isinstance(condition, rx.Var) else (yes if condition else no)


def post_card(post: rx.Var[PostSummary], position: rx.Var[int]) -> rx.Component:
    """A card linking to the post; the whole title is the link.

    Args:
        post: The post.
        position: The card's place on the page, from 0 (the first card's cover is above the fold on a phone).
    """
    href = routes.post_url(post.slug)
    return rx.el.article(
        rx.cond(
            post.cover_image != "",
            rx.link(cover_image(post, position == 0), href=href, tab_index=-1, aria_hidden="true"),
        ),
        rx.flex(
            status_badge(post.status, post.status_label),
            rx.heading(
                rx.link(post.title, href=href, color_scheme="gray", high_contrast=True, underline="hover"),
                as_="h2",
                size="5",
            ),
            rx.text(post.description, size="3", class_name="muted"),
            post_byline(post),
            keyword_chips(post.keywords),
            direction="column",
            spacing="3",
            class_name="post-card-body",
        ),
        class_name="post-card",
    )
