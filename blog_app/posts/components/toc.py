"""The table of contents of a post: beside the text on wide screens, collapsed above it on narrow ones."""

from __future__ import annotations

import reflex as rx

from blog_app.content.segments import TocEntry
from blog_app.ui.anchors import in_page_link


def toc_entry(entry: rx.Var[TocEntry]) -> rx.Component:
    """One heading link; h3 entries are indented under their h2."""
    return rx.el.li(
        in_page_link(entry.text, anchor=entry.anchor),
        class_name=rx.cond(entry.level == 3, "toc-sub", "toc-top"),
    )


def toc_list(entries: rx.Var[list[TocEntry]]) -> rx.Component:
    """The headings as a list of in-page links."""
    return rx.el.ul(rx.foreach(entries, toc_entry), class_name="toc-list")


def toc_sidebar(entries: rx.Var[list[TocEntry]]) -> rx.Component:
    """The sticky table of contents of wide screens."""
    return rx.el.nav(
        rx.text("On this page", size="2", weight="bold", class_name="toc-title"),
        toc_list(entries),
        aria_label="Table of contents",
        class_name="toc-sidebar",
    )


def toc_collapsible(entries: rx.Var[list[TocEntry]]) -> rx.Component:
    """The table of contents of narrow screens: a closed disclosure above the text."""
    return rx.el.details(
        rx.el.summary("On this page"),
        rx.el.nav(toc_list(entries), aria_label="Table of contents"),
        class_name="toc-collapsible",
    )
