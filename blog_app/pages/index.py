"""The blog index ``/``: every post, newest first."""

from __future__ import annotations

import reflex as rx

from blog_app.queries import PostSummary
from blog_app.state.index import IndexState


def post_item(post: rx.Var[PostSummary]) -> rx.Component:
    """One post in the list: linked title, date and description."""
    return rx.box(
        rx.link(rx.heading(post.title, size="5"), href="/blog/" + post.slug),
        rx.text(post.published, " · ", post.author, color_scheme="gray", size="2"),
        rx.text(post.description),
        as_="article",
        padding_y="1em",
    )


def index_page() -> rx.Component:
    """The post list."""
    return rx.container(
        rx.heading("Blog", as_="h1", size="8"),
        rx.foreach(IndexState.posts, post_item),
        padding_y="2em",
    )
