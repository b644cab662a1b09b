"""Radix Themes elements as React renders them, for the pages the server writes (the classes are literal, so PurgeCSS sees them)."""

from __future__ import annotations

from blog_app.html_first.icons import icon
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


def search_field_markup(value: str, *, label: str, placeholder: str, root_class: str, **input_attributes: str) -> Html:
    """A size-3 Radix text field of type search with a magnifier after it, as ``rx.input`` renders it.

    Args:
        value: The text in it.
        label: Its accessible name.
        placeholder: The hint shown while it is empty.
        root_class: The app's class on its root, beside Radix's.
        input_attributes: More attributes of the ``<input>`` (``name``, ``autocomplete``).
    """
    field = element(
        "input",
        spellcheck="false",
        aria_label=label,
        placeholder=placeholder,
        type="search",
        class_="rt-reset rt-TextFieldInput",
        value=value,
        **input_attributes,
    )
    return element(
        "div",
        field,
        element("div", icon("search", 16), class_="rt-TextFieldSlot"),
        class_=f"rt-TextFieldRoot rt-r-size-3 rt-variant-surface {root_class}",
    )
