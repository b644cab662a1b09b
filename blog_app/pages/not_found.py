"""The 404 page for any route the site does not have."""

from __future__ import annotations

import reflex as rx

from blog_app.components.layout import site_layout
from blog_app.components.not_found import not_found_message


def not_found_page() -> rx.Component:
    """Page not found."""
    return site_layout(
        not_found_message(
            "Page not found", "There is nothing at this address. It may have moved, or the link may be mistyped."
        )
    )
