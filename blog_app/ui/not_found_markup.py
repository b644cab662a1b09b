"""The not-found message as the server writes it into the first response (mirrors ui/not_found.py)."""

from __future__ import annotations

from blog_app.html_first.markup import Html, element


def not_found_markup(title: str, text: str) -> Html:
    """A friendly dead end with ways back, as React renders :func:`blog_app.ui.not_found.not_found_message`."""
    return element("div", element("h1", title), element("p", text))
