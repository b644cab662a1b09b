"""The comparison table and the compare bar as the server writes them (mirrors components/comparison.py)."""

from __future__ import annotations

from collections.abc import Sequence

from blog_app.explorer.filters_markup import BUTTON, removable_chip_markup
from blog_app.explorer.params import MIN_COMPARE
from blog_app.explorer.view_model import CompareCell, CompareColumn, CompareRow
from blog_app.html_first.icons import icon
from blog_app.html_first.markup import Html, element, trusted

_MARKS = {"pro": ("circle-check", "Pro: "), "con": ("circle-x", "Con: ")}
# What Radix's ScrollArea (inside Table.Root) writes: its viewport hides the native scrollbar.
_SCROLL_STYLE = trusted(
    "<style>[data-radix-scroll-area-viewport]{scrollbar-width:none;-ms-overflow-style:none;"
    "-webkit-overflow-scrolling:touch;}[data-radix-scroll-area-viewport]::-webkit-scrollbar{display:none}</style>"
)


def _with_class(svg: Html, extra: str) -> Html:
    """An icon's ``<svg>`` with ``extra`` classes added."""
    return Html(svg.replace('class="lucide ', f'class="{extra} lucide ', 1))


def compare_mark_markup(cell: CompareCell) -> Html:
    """A pro (check), a con (cross) or "not mentioned", with the author's text."""
    if cell.kind not in _MARKS:
        return element(
            "p",
            "—",
            data_accent_color="gray",
            aria_label="Not mentioned",
            role="img",
            title="Not mentioned",
            class_="rt-Text",
        )
    name, label = _MARKS[cell.kind]
    return element(
        "div",
        _with_class(icon(name, 16), f"compare-mark {cell.kind}"),
        element("p", element("span", label, class_="visually-hidden"), cell.text, class_="rt-Text rt-r-size-2"),
        class_="rt-Flex rt-r-ai-start rt-r-gap-2",
    )


def column_header_markup(column: CompareColumn) -> Html:
    """A compared framework's name, linked to its review, with a button to drop it."""
    return element(
        "th",
        element(
            "div",
            element(
                "a",
                column.name,
                data_accent_color="",
                class_="rt-Text rt-reset rt-Link rt-r-weight-bold rt-underline-auto rt-high-contrast",
                href=column.section_href,
            ),
            element(
                "button",
                icon("x", 12),
                data_accent_color="gray",
                aria_label="Stop comparing " + column.name,
                class_=f"{BUTTON} rt-r-size-1 rt-variant-ghost rt-IconButton",
            ),
            class_="rt-Flex rt-r-ai-center rt-r-jc-space-between rt-r-gap-2",
        ),
        class_="rt-TableCell rt-TableColumnHeaderCell rt-r-min-w",
        scope="col",
        style="--min-width: 14em;",
    )


def compare_row_markup(row: CompareRow) -> Html:
    """One trait across the compared frameworks."""
    cells = (
        element(
            "td",
            compare_mark_markup(cell),
            class_="rt-TableCell compare-cell" + ("" if cell.kind else " unmentioned"),
            data_label=cell.framework,
        )
        for cell in row.cells
    )
    return element(
        "tr",
        element(
            "th",
            element("p", row.title, class_="rt-Text rt-r-weight-medium"),
            class_="rt-TableCell rt-TableRowHeaderCell sticky-column",
            scope="row",
        ),
        *cells,
        class_="rt-TableRow",
    )


def _table(columns: Sequence[CompareColumn], rows: Sequence[CompareRow]) -> Html:
    header = element(
        "tr",
        element(
            "th",
            "Trait",
            class_="rt-TableCell rt-TableColumnHeaderCell rt-r-min-w sticky-column",
            scope="col",
            style="--min-width: 8em;",
        ),
        *(column_header_markup(column) for column in columns),
        class_="rt-TableRow",
    )
    table = element(
        "table",
        element("thead", header, class_="rt-TableHeader"),
        element("tbody", *(compare_row_markup(row) for row in rows), class_="rt-TableBody"),
        class_="rt-TableRootTable",
    )
    viewport = element(
        "div",
        element("div", table, style="min-width: 100%; display: table;"),
        data_radix_scroll_area_viewport="",
        class_="rt-ScrollAreaViewport",
        style="overflow: scroll;",
    )
    return element(
        "div",
        element("div", _SCROLL_STYLE, viewport, dir="ltr", class_="rt-ScrollAreaRoot", style="position: relative;"),
        class_="rt-TableRoot rt-r-size-2 rt-variant-ghost compare-table",
    )


def comparison_markup(columns: Sequence[CompareColumn], rows: Sequence[CompareRow]) -> Html:
    """The "Side by side" table when two or more frameworks are chosen (else nothing)."""
    if len(columns) < MIN_COMPARE:
        return Html("")
    heading = element(
        "div",
        element("h2", "Side by side", class_="rt-Heading rt-r-size-5"),
        element(
            "button",
            "Clear comparison",
            data_accent_color="gray",
            class_=f"{BUTTON} rt-r-size-1 rt-variant-soft rt-Button",
        ),
        class_="rt-Flex rt-r-ai-center rt-r-jc-space-between compare-heading",
    )
    return element(
        "section",
        heading,
        element("div", _table(columns, rows), class_="rt-Box compare-scroll"),
        aria_label="Comparison",
        id="compare",
        class_="rt-reset rt-BaseCard rt-Card rt-r-size-2 rt-variant-surface",
    )


def compare_bar_markup(columns: Sequence[CompareColumn]) -> Html:
    """The bar at the bottom while frameworks are chosen: who is chosen, and the way to the table (else nothing)."""
    if not columns:
        return Html("")
    names = element(
        "div",
        *(
            removable_chip_markup(column.name, "Stop comparing " + column.name, "rt-variant-surface")
            for column in columns
        ),
        class_="rt-Flex rt-r-fw-wrap rt-r-gap-2 compare-names",
    )
    if len(columns) >= MIN_COMPARE:
        action = element(
            "button",
            "View comparison",
            icon("arrow-up", 14),
            data_accent_color="",
            class_=f"{BUTTON} rt-r-size-2 rt-variant-solid rt-Button",
        )
    else:
        action = element("p", "Pick one more", data_accent_color="gray", class_="rt-Text rt-r-size-2")
    return element(
        "div",
        element(
            "div",
            _with_class(icon("columns-2", 18), "compare-bar-icon"),
            element(
                "p",
                "Compare",
                element("span", f" ({len(columns)})", class_="compare-count"),
                class_="rt-Text rt-r-size-2 rt-r-weight-bold",
            ),
            names,
            action,
            class_="rt-Flex rt-r-ai-center rt-r-jc-space-between rt-r-gap-3",
        ),
        id="compare-bar",
        class_="rt-reset rt-BaseCard rt-Card rt-r-size-2 rt-variant-surface compare-bar",
    )
