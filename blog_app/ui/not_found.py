"""The 404 page, and its message for a page or post that does not exist."""

from __future__ import annotations

import reflex as rx

from blog_app import routes
from blog_app.ui.anchors import button_link
from blog_app.ui.layout import site_layout


def not_found_message(title: str, text: str) -> rx.Component:
    """A friendly dead end with ways back (its styles in assets/blog.css, shared with ui/not_found_markup.py)."""
    return rx.flex(
        rx.flex(
            rx.text("404", size="9", weight="bold", class_name="not-found-code"),
            rx.heading(title, as_="h1", size="7"),
            rx.text(text, size="3", class_name="not-found-text"),
            rx.flex(
                button_link(rx.icon("arrow-left", size=16), "All posts", href=routes.INDEX, size="3"),
                button_link("Frameworks explorer", href=routes.FRAMEWORKS, size="3", variant="soft"),
                spacing="3",
                wrap="wrap",
                justify="center",
            ),
            direction="column",
            align="center",
            spacing="4",
            class_name="not-found-body",
        ),
        align="center",
        justify="center",
        class_name="not-found",
    )


def not_found_page() -> rx.Component:
    """Page not found."""
    return site_layout(
        not_found_message(
            "Page not found", "There is nothing at this address. It may have moved, or the link may be mistyped."
        )
    )
