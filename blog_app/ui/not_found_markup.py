"""The not-found message as the server writes it into the first response (mirrors ui/not_found.py)."""

from __future__ import annotations

from blog_app import routes
from blog_app.html_first.icons import icon
from blog_app.html_first.markup import Html, element
from blog_app.ui.radix_markup import button_link_markup


def not_found_markup(title: str, text: str) -> Html:
    """A friendly dead end with ways back, as React renders :func:`blog_app.ui.not_found.not_found_message`."""
    body = element(
        "div",
        element("p", "404", class_="rt-Text rt-r-size-9 rt-r-weight-bold not-found-code"),
        element("h1", title, class_="rt-Heading rt-r-size-7"),
        element("p", text, class_="rt-Text rt-r-size-3 not-found-text"),
        _ways_back(),
        class_="rt-Flex rt-r-fd-column rt-r-ai-center rt-r-gap-4 not-found-body",
    )
    return element("div", body, class_="rt-Flex rt-r-ai-center rt-r-jc-center not-found")


def _ways_back() -> Html:
    return element(
        "div",
        button_link_markup(icon("arrow-left", 16), "All posts", href=routes.INDEX, look="rt-r-size-3 rt-variant-solid"),
        button_link_markup("Frameworks explorer", href=routes.FRAMEWORKS, look="rt-r-size-3 rt-variant-soft"),
        class_="rt-Flex rt-r-jc-center rt-r-fw-wrap rt-r-gap-3",
    )
