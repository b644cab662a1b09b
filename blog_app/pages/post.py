"""A post ``/blog/[slug]``, rendered from the database."""

from __future__ import annotations

import reflex as rx

from blog_app.components.segments import post_body
from blog_app.state.post import PostState


def post_page() -> rx.Component:
    """The post, or a not-found message for an unknown slug."""
    post = PostState.post
    return rx.container(
        rx.cond(
            PostState.found,
            rx.el.article(
                rx.heading(post.title, as_="h1", size="8"),
                rx.text(
                    post.author, " · ", post.published, " · ", post.reading_minutes, " min read", color_scheme="gray"
                ),
                post_body(post.segments),
            ),
            rx.cond(
                PostState.loaded,
                rx.box(rx.heading("Post not found", as_="h1"), rx.link("Back to the blog", href="/")),
            ),
        ),
        rx.link("← All posts", href="/"),
        padding_y="2em",
    )
