"""A post among search results: its title, the passage that matched with the matched words marked, its byline."""

from __future__ import annotations

import reflex as rx

from blog_app import routes
from blog_app.core.search import SnippetPart
from blog_app.posts.components.keywords import keyword_chips
from blog_app.posts.components.post_card import post_byline
from blog_app.posts.components.publication import status_badge
from blog_app.posts.types import SearchResult


def snippet_part(part: rx.Var[SnippetPart]) -> rx.Component:
    """A matched word as ``<mark>``, other text as text (React escapes both: a post's text is never markup)."""
    return rx.cond(part.hit, rx.el.mark(part.text), rx.fragment(part.text))


def snippet(parts: rx.Var[list[SnippetPart]], fallback: rx.Var[str]) -> rx.Component:
    """The matched passage between ellipses, or ``fallback`` (the description) when only the title or keywords matched."""
    return rx.text(
        rx.cond(parts.length() > 0, rx.fragment("…", rx.foreach(parts, snippet_part), "…"), fallback),
        size="3",
        class_name="search-snippet muted",
    )


def search_result(result: rx.Var[SearchResult]) -> rx.Component:
    """One result: the whole title links to the post."""
    return rx.el.article(
        status_badge(result.status, result.status_label),
        rx.heading(
            rx.link(result.title, href=routes.post_url(result.slug), color_scheme="gray", high_contrast=True),
            as_="h2",
            size="5",
        ),
        snippet(result.snippet, result.description),
        post_byline(result),
        keyword_chips(result.keywords),
        class_name="search-result",
    )


def search_results(results: rx.Var[list[SearchResult]]) -> rx.Component:
    """The results, best match first, as a list."""
    return rx.el.div(rx.foreach(results, search_result), class_name="search-results")
