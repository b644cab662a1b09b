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
        class_name="byline",
    )


def cover_image(src: rx.Var[str], missing: rx.Var[bool]) -> rx.Component:
    """A 1200×630 cover, or a quiet placeholder when the file is missing."""
    return rx.cond(
        missing,
        rx.el.div(
            rx.icon("image-off", size=32),
            class_name="cover cover-missing",
            role="img",
            aria_label="Cover image unavailable",
        ),
        rx.image(src=src, alt="", class_name="cover", loading="lazy", width="1200", height="630"),
    )


def post_card(post: rx.Var[PostSummary]) -> rx.Component:
    """A card linking to the post; the whole title is the link."""
    href = routes.post_url(post.slug)
    return rx.el.article(
        rx.cond(
            post.cover_image != "",
            rx.link(cover_image(post.cover_image, post.cover_missing), href=href, tab_index=-1, aria_hidden="true"),
        ),
        rx.flex(
            status_badge(post.status, post.status_label),
            rx.heading(
                rx.link(post.title, href=href, color_scheme="gray", high_contrast=True, underline="hover"),
                as_="h2",
                size="5",
            ),
            rx.text(post.description, color=rx.color("gray", 11), size="3"),
            post_byline(post),
            keyword_chips(post.keywords),
            direction="column",
            spacing="3",
            padding="var(--space-5)",
        ),
        class_name="post-card",
    )
