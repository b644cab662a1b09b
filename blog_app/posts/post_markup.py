"""The post page as the server writes it into the first response (placeholder: the helper writes the mirror)."""

from __future__ import annotations

from blog_app.html_first.markup import Html, element
from blog_app.posts.source import ShownPost


def post_page_markup(shown: ShownPost) -> Html:
    """The post page's content, as React renders it inside ``<main>``."""
    return element("h1", shown.detail.title)
