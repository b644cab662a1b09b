"""The index's search box, active-filter line, search feedback, pagination and empty state."""

from __future__ import annotations

import reflex as rx

from blog_app.ui.anchors import button_link


def search_form(value: rx.Var[str], on_type: rx.EventHandler, on_submit: rx.EventHandler) -> rx.Component:
    """The search box: results follow the text as it is typed (after a short pause), Enter shows them at once."""
    return rx.form(
        rx.input(
            rx.input.slot(rx.icon("search", size=16)),
            name="q",
            value=value,
            on_change=on_type,
            debounce_timeout=300,
            placeholder='Search posts…  ("a phrase", prefix*)',
            type="search",
            size="3",
            aria_label="Search posts",
            auto_complete="off",
            class_name="search-field",
        ),
        on_submit=on_submit,
        role="search",
        class_name="search-form",
    )


def search_feedback(message: rx.Var[str], notice: rx.Var[str]) -> rx.Component:
    """Why a search looked for nothing (only punctuation, only words like "the"), or a forgiven typo."""
    return rx.fragment(
        rx.cond(
            message != "",
            rx.callout(
                message, icon="info", color_scheme="gray", variant="surface", role="status", class_name="search-message"
            ),
        ),
        rx.cond(notice != "", rx.text(notice, size="2", class_name="search-notice muted")),
    )


def active_filters(
    tag_name: rx.Var[str], search: rx.Var[str], total: rx.Var[int], clear_url: rx.Var[str]
) -> rx.Component:
    """What narrows the list ("3 posts tagged X matching Y") with a way to clear it."""
    return rx.flex(
        rx.text(
            total.to_string(),
            rx.cond(total == 1, " post", " posts"),
            rx.cond(tag_name != "", rx.fragment(" tagged ", rx.el.strong(tag_name))),
            rx.cond(search != "", rx.fragment(" matching ", rx.el.strong("“", search, "”"))),
            size="3",
            role="status",
        ),
        rx.link(rx.flex(rx.icon("x", size=14), "Clear filters", align="center", spacing="1"), href=clear_url, size="2"),
        spacing="4",
        align="center",
        wrap="wrap",
    )


def empty_state(clear_url: rx.Var[str]) -> rx.Component:
    """Shown when nothing matches: says so and offers to clear the filters."""
    return rx.flex(
        rx.flex(
            rx.icon("search-x", size=36, class_name="empty-state-icon"),
            rx.heading("No posts match", as_="h2", size="5"),
            rx.text("Try another word, or clear the filters to see every post.", class_name="muted"),
            button_link("Clear filters", href=clear_url, variant="soft"),
            direction="column",
            align="center",
            spacing="3",
            class_name="empty-state-body",
        ),
        align="center",
        justify="center",
        class_name="empty-state",
    )


def pagination(page: rx.Var[int], pages: rx.Var[int], newer_url: rx.Var[str], older_url: rx.Var[str]) -> rx.Component:
    """Newer / older page links and "Page 2 of 3" (links, so pages are shareable)."""

    def step(label: str, icon: str, url: rx.Var[str], icon_first: bool) -> rx.Component:
        content = [rx.icon(icon, size=16), label] if icon_first else [label, rx.icon(icon, size=16)]
        return rx.cond(
            url != "",
            button_link(*content, href=url, variant="soft", size="2"),
            rx.button(*content, variant="soft", size="2", disabled=True),
        )

    return rx.cond(
        pages > 1,
        rx.el.nav(
            rx.flex(
                step("Newer", "arrow-left", newer_url, True),
                rx.text("Page ", page.to_string(), " of ", pages.to_string(), size="2", class_name="muted"),
                step("Older", "arrow-right", older_url, False),
                justify="between",
                align="center",
            ),
            aria_label="Pagination",
            class_name="pagination",
        ),
    )
