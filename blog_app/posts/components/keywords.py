"""Keyword chips linking to the index filtered by that keyword."""

from __future__ import annotations

import reflex as rx

from blog_app import routes
from blog_app.posts.types import KeywordRef


def keyword_chip(keyword: rx.Var[KeywordRef]) -> rx.Component:
    """One keyword as a small badge linking to ``/?tag=<slug>``."""
    return rx.link(
        rx.badge(keyword.name, variant="soft", radius="full", size="1"),
        href=routes.tag_url(keyword.slug),
        underline="none",
        class_name="keyword-chip",
    )


def keyword_chips(keywords: rx.Var[list[KeywordRef]]) -> rx.Component:
    """Every keyword of a post, wrapping onto several lines when needed."""
    return rx.flex(rx.foreach(keywords, keyword_chip), wrap="wrap", spacing="2")
