"""The posts to read next, at the end of a post: two or three, by shared keywords and similar text."""

from __future__ import annotations

import reflex as rx

from blog_app import routes
from blog_app.posts.types import RelatedLink


def related_post(link: rx.Var[RelatedLink]) -> rx.Component:
    """One related post: its title as the link, its description under it."""
    return rx.el.li(
        rx.link(link.title, href=routes.post_url(link.slug), weight="medium", size="3", class_name="related-title"),
        rx.cond(
            link.description != "",
            rx.text(link.description, size="2", class_name="related-description"),
        ),
        class_name="related-post",
    )


def related_posts(links: rx.Var[list[RelatedLink]]) -> rx.Component:
    """A "Related posts" section, or nothing when no post is related enough."""
    return rx.cond(
        links.length() > 0,
        rx.el.section(
            rx.heading("Related posts", as_="h2", size="4", id="related-posts"),
            rx.el.ul(rx.foreach(links, related_post), class_name="related-list"),
            aria_labelledby="related-posts",
            class_name="related-posts",
        ),
    )
