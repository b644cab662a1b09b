"""The side-by-side comparison of two to four frameworks, and the prompt to pick more."""

from __future__ import annotations

from collections.abc import Callable

import reflex as rx

from blog_app.explorer.components.filters import removable_chip
from blog_app.explorer.params import MIN_COMPARE
from blog_app.explorer.view_model import CompareCell, CompareColumn, CompareRow

Handler = Callable[..., rx.event.EventSpec]


def _marked(icon: str, kind: str, label: str, text: rx.Var[str]) -> rx.Component:
    return rx.flex(
        rx.icon(icon, size=16, class_name=f"compare-mark {kind}"),
        rx.text(rx.el.span(label, class_name="visually-hidden"), text, size="2"),
        spacing="2",
        align="start",
    )


def compare_mark(cell: rx.Var[CompareCell]) -> rx.Component:
    """A pro (check), a con (cross) or "not mentioned", with the author's text."""
    return rx.match(
        cell.kind,
        ("pro", _marked("circle-check", "pro", "Pro: ", cell.text)),
        ("con", _marked("circle-x", "con", "Con: ", cell.text)),
        rx.text("—", color_scheme="gray", title="Not mentioned", aria_label="Not mentioned", role="img"),
    )


def column_header(column: rx.Var[CompareColumn], on_remove: Handler) -> rx.Component:
    """A compared framework's name, linked to its review, with a button to drop it."""
    return rx.table.column_header_cell(
        rx.flex(
            rx.link(column.name, href=column.section_href, weight="bold", high_contrast=True),
            rx.icon_button(
                rx.icon("x", size=14),
                on_click=on_remove(column.slug),
                variant="ghost",
                size="1",
                color_scheme="gray",
                aria_label="Stop comparing " + column.name,
            ),
            align="center",
            justify="between",
            spacing="2",
        ),
        min_width="14em",
    )


def compare_cell(cell: rx.Var[CompareCell]) -> rx.Component:
    """One framework's word on one trait, labelled with the framework's name for the stacked phone layout."""
    return rx.table.cell(
        compare_mark(cell),
        class_name=rx.cond(cell.kind == "", "compare-cell unmentioned", "compare-cell"),
        custom_attrs={"data-label": cell.framework},
    )


def compare_row(row: rx.Var[CompareRow]) -> rx.Component:
    """One trait across the compared frameworks."""
    return rx.table.row(
        rx.table.row_header_cell(rx.text(row.title, weight="medium"), class_name="sticky-column"),
        rx.foreach(row.cells, compare_cell),
    )


def comparison_table(
    columns: rx.Var[list[CompareColumn]], rows: rx.Var[list[CompareRow]], on_remove: Handler, on_clear: Handler
) -> rx.Component:
    """Rows of traits, one column per framework."""
    return rx.card(
        rx.el.section(
            rx.flex(
                rx.heading("Side by side", as_="h2", size="5"),
                rx.button("Clear comparison", on_click=on_clear, variant="soft", color_scheme="gray", size="1"),
                justify="between",
                align="center",
                class_name="compare-heading",
            ),
            rx.box(
                rx.table.root(
                    rx.table.header(
                        rx.table.row(
                            rx.table.column_header_cell("Trait", min_width="8em", class_name="sticky-column"),
                            rx.foreach(columns, lambda column: column_header(column, on_remove)),
                        )
                    ),
                    rx.table.body(rx.foreach(rows, compare_row)),
                    variant="ghost",
                    size="2",
                    class_name="compare-table",
                ),
                class_name="compare-scroll",
            ),
        ),
        as_child=True,
        id="compare",
        aria_label="Comparison",
        size="2",
    )


def compare_bar(columns: rx.Var[list[CompareColumn]], on_remove: Handler) -> rx.Component:
    """Stays in view at the bottom while frameworks are chosen: who is chosen, and the way to the table."""
    return rx.card(
        rx.flex(
            rx.icon("columns-2", size=18, class_name="compare-bar-icon"),
            rx.text(
                "Compare",
                rx.el.span(" (", columns.length(), ")", class_name="compare-count"),
                weight="bold",
                size="2",
            ),
            rx.flex(
                rx.foreach(
                    columns,
                    lambda column: removable_chip(
                        column.name, on_remove(column.slug), "Stop comparing " + column.name, variant="surface"
                    ),
                ),
                wrap="wrap",
                spacing="2",
                class_name="compare-names",
            ),
            rx.cond(
                columns.length() >= MIN_COMPARE,
                rx.button("View comparison", rx.icon("arrow-up", size=14), on_click=rx.scroll_to("compare"), size="2"),
                rx.text("Pick one more", size="2", color_scheme="gray"),
            ),
            align="center",
            spacing="3",
            justify="between",
        ),
        id="compare-bar",
        size="2",
        class_name="compare-bar",
    )


def comparison(
    columns: rx.Var[list[CompareColumn]], rows: rx.Var[list[CompareRow]], on_remove: Handler, on_clear: Handler
) -> rx.Component:
    """The comparison table when two or more frameworks are chosen."""
    return rx.cond(columns.length() >= MIN_COMPARE, comparison_table(columns, rows, on_remove, on_clear))
