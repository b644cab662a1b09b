"""Radix Themes elements as React renders them, for the pages the server writes (the classes are literal, so PurgeCSS sees them)."""

from __future__ import annotations

from blog_app.html_first.markup import Html, element

LINK = "rt-Text rt-reset rt-Link"
BUTTON = "rt-reset rt-BaseButton"


def button_link_markup(*children: str, href: str, look: str) -> Html:
    """Mirrors :func:`blog_app.ui.anchors.button_link`.

    Args:
        children: The content.
        href: Where it leads.
        look: The Radix size and variant classes, e.g. ``"rt-r-size-2 rt-variant-soft"``.
    """
    return element("a", *children, data_accent_color="", class_=f"{BUTTON} {look} rt-Button", href=href)
