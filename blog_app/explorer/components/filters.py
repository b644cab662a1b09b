"""The explorer's filters: search box, Pros / Cons facets and the removable chips of active filters."""

from __future__ import annotations

from collections.abc import Callable

import reflex as rx
from reflex_components_radix.themes.components.checkbox import Checkbox

from blog_app.explorer.view_model import Chip, FacetOption

Handler = Callable[..., rx.event.EventSpec]


def search_box(text: rx.Var[str], on_search: Handler) -> rx.Component:
    """The text query; typing pauses briefly before the URL changes."""
    return rx.input(
        rx.input.slot(rx.icon("search", size=16)),
        value=text,
        on_change=on_search,
        debounce_timeout=350,
        type="search",
        placeholder="Search frameworks, pros and cons…",
        aria_label="Search frameworks",
        size="3",
        class_name="full-width",
    )


def facet_option(option: rx.Var[FacetOption], on_toggle: Handler) -> rx.Component:
    """A labelled checkbox with the number of frameworks it would leave."""
    dimmed = (option.count == 0) & ~option.checked
    return rx.text(
        # A span, not rx.flex's div: a label holds only phrasing content.
        rx.el.span(
            Checkbox.create(
                checked=option.checked,
                on_change=lambda _checked: on_toggle(option.kind, option.key),
                color_scheme=rx.cond(option.kind == "pro", "grass", "tomato"),
            ),
            rx.text(
                option.title,
                as_="span",
                weight=rx.cond(option.checked, "medium", "regular"),
                class_name=rx.cond(dimmed, "facet-title dimmed", "facet-title"),
            ),
            rx.text(option.count, as_="span", size="1", color_scheme="gray", class_name="facet-count"),
            class_name="rt-Flex rt-r-ai-center rt-r-gap-2",
        ),
        as_="label",
        size="2",
        class_name="facet-option",
        custom_attrs={"data-key": option.key},
    )


def facet_group(legend: str, hint: str, options: rx.Var[list[FacetOption]], on_toggle: Handler) -> rx.Component:
    """A fieldset of facet checkboxes under a legend.

    The legend carries no style props of its own: Emotion writes a ``<style>`` element just before
    each styled element it renders on the server, which would make the legend no longer the
    fieldset's first child (invalid HTML); blog.css styles it. Its text is a bold span: Radix's
    heading renders any ``as`` other than h1-h6 as an ``<h1>``.
    """
    return rx.el.fieldset(
        rx.el.legend(rx.text(legend, as_="span", size="3", weight="bold")),
        rx.text(hint, size="1", color_scheme="gray", as_="p", class_name="facet-hint"),
        rx.flex(rx.foreach(options, lambda option: facet_option(option, on_toggle)), direction="column"),
        class_name="facet-group",
        aria_label=legend,
    )


def removable_chip(
    label: rx.Var[str], on_remove: rx.event.EventSpec, remove_label: rx.Var[str], **props
) -> rx.Component:
    """A rounded badge with a small button that removes what it stands for."""
    return rx.badge(
        label,
        rx.el.button(
            rx.icon("x", size=12), on_click=on_remove, aria_label=remove_label, title="Remove", class_name="chip-remove"
        ),
        radius="full",
        size="2",
        class_name=f"removable-chip {props.pop('class_name', '')}".strip(),
        **props,
    )


def filter_chip(chip: rx.Var[Chip], on_remove: Handler) -> rx.Component:
    """An active filter with a button that removes it."""
    return removable_chip(
        chip.label,
        on_remove(chip.kind, chip.value),
        "Remove " + chip.label,
        color_scheme=rx.match(chip.kind, ("pro", "grass"), ("con", "tomato"), "gray"),
        variant="soft",
        high_contrast=True,  # soft tomato text on the page background misses AA contrast (4.36:1)
        class_name="filter-chip",
    )


def active_filters(chips: rx.Var[list[Chip]], on_remove: Handler, on_clear: Handler) -> rx.Component:
    """The chips of every active filter and a "Clear all" button (nothing when no filter is on)."""
    return rx.cond(
        chips.length() > 0,
        rx.flex(
            rx.foreach(chips, lambda chip: filter_chip(chip, on_remove)),
            rx.button("Clear all", on_click=on_clear, variant="ghost", size="1", color_scheme="gray"),
            wrap="wrap",
            spacing="2",
            align="center",
            aria_label="Active filters",
            role="group",
        ),
    )
