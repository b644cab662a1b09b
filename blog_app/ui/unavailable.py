"""The message a page shows while the database does not answer."""

from __future__ import annotations

import reflex as rx

from blog_app.core import outage
from blog_app.ui.location import current_address


def unavailable_message() -> rx.Component:
    """A friendly, announced notice with a link that loads the page again."""
    return rx.center(
        rx.flex(
            rx.icon("cloud-off", size=40, color=rx.color("accent", 9), aria_hidden="true"),
            rx.heading(outage.TITLE, as_="h1", size="7"),
            rx.text(outage.MESSAGE, size="3", color=rx.color("gray", 11), max_width="32rem"),
            # A full page load (not client-side navigation): it asks the server afresh.
            rx.button(
                rx.el.a(rx.icon("rotate-cw", size=16), "Try again", href=current_address(), class_name="retry-link"),
                as_child=True,
                size="3",
            ),
            direction="column",
            align="center",
            spacing="4",
            text_align="center",
            role="status",
            aria_live="polite",
            id="unavailable",
        ),
        padding_y="var(--space-9)",
    )
