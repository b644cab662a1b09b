"""Marks on posts readers cannot see yet (drafts, scheduled): only a development server ever shows them."""

from __future__ import annotations

import reflex as rx


def _color(status: rx.Var[str]) -> rx.Var[str]:
    return rx.cond(status == "draft", "amber", "cyan")


def _icon(status: rx.Var[str], size: int) -> rx.Component:
    return rx.cond(status == "draft", rx.icon("pencil-line", size=size), rx.icon("calendar-clock", size=size))


def status_badge(status: rx.Var[str], label: rx.Var[str]) -> rx.Component:
    """``Draft`` / ``Scheduled for <date>`` on an index card; nothing for a published post."""
    return rx.cond(
        status != "published",
        rx.badge(
            _icon(status, 12),
            label,
            color_scheme=_color(status),
            variant="surface",
            high_contrast=True,  # amber text on amber fails WCAG AA contrast otherwise
            radius="full",
            size="2",
            class_name="status-badge",
        ),
    )


def status_banner(status: rx.Var[str], label: rx.Var[str]) -> rx.Component:
    """A banner above an unpublished post saying who can see it and how it gets published."""
    return rx.cond(
        status != "published",
        rx.callout.root(
            rx.callout.icon(_icon(status, 18)),
            rx.callout.text(
                rx.el.strong(label),
                rx.cond(
                    status == "draft",
                    rx.fragment(
                        " · Readers cannot see this draft; you see it because the app runs in development. Delete ",
                        rx.code("draft: true", variant="ghost"),
                        " from the front matter to publish it.",
                    ),
                    " · Readers see this post from that day on; you see it early because the app runs in development.",
                ),
            ),
            color_scheme=_color(status),
            variant="surface",
            high_contrast=True,
            role="status",
            class_name="status-banner",
        ),
    )
