"""The not-found message as the server writes it into the first response (mirrors ui/not_found.py)."""

from __future__ import annotations

from blog_app import routes
from blog_app.html_first.icons import icon
from blog_app.html_first.markup import Html, element

_LINK = "rt-Text rt-reset rt-Link rt-underline-auto"


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
    home = element(
        "button",
        icon("arrow-left", 16),
        "All posts",
        data_accent_color="",
        class_="rt-reset rt-BaseButton rt-r-size-3 rt-variant-solid rt-Button",
    )
    explorer = element(
        "button",
        "Frameworks explorer",
        data_accent_color="",
        class_="rt-reset rt-BaseButton rt-r-size-3 rt-variant-soft rt-Button",
    )
    return element(
        "div",
        element("a", home, data_accent_color="", class_=_LINK, href=routes.INDEX),
        element("a", explorer, data_accent_color="", class_=_LINK, href=routes.FRAMEWORKS),
        class_="rt-Flex rt-r-jc-center rt-r-fw-wrap rt-r-gap-3",
    )
