"""The explorer's filters as the server writes them: search box, Pros / Cons facets, chips (mirrors components/filters.py)."""

from __future__ import annotations

from collections.abc import Sequence

from blog_app.explorer.view_model import Chip, FacetOption
from blog_app.html_first.icons import icon
from blog_app.html_first.markup import Html, element, trusted
from blog_app.ui.radix_markup import BUTTON, search_field_markup

_CHECK = trusted(
    '<svg width="9" height="9" viewBox="0 0 9 9" fill="currentcolor" xmlns="http://www.w3.org/2000/svg"'
    ' data-state="checked" class="rt-BaseCheckboxIndicator rt-CheckboxIndicator" style="pointer-events: none;">'
    '<path fill-rule="evenodd" clip-rule="evenodd" d="M8.53547 0.62293C8.88226 0.849446 8.97976 1.3142 8.75325 '
    "1.66099L4.5083 8.1599C4.38833 8.34356 4.19397 8.4655 3.9764 8.49358C3.75883 8.52167 3.53987 8.45309 3.3772 "
    "8.30591L0.616113 5.80777C0.308959 5.52987 0.285246 5.05559 0.563148 4.74844C0.84105 4.44128 1.31533 4.41757 "
    '1.62249 4.69547L3.73256 6.60459L7.49741 0.840706C7.72393 0.493916 8.18868 0.396414 8.53547 0.62293Z"></path></svg>'
)
_CHIP_COLOURS = {"pro": "grass", "con": "tomato"}


def checkbox(checked: bool, accent: str | None = None, disabled: bool = False) -> Html:
    """A Radix Themes checkbox as React renders it: a ``<button role="checkbox">``, its tick when checked."""
    state = "checked" if checked else "unchecked"
    return element(
        "button",
        _CHECK if checked else "",
        type="button",
        role="checkbox",
        aria_checked="true" if checked else "false",
        data_state=state,
        disabled=disabled,
        data_disabled="" if disabled else None,
        value="on",
        data_accent_color=accent,
        class_="rt-reset rt-BaseCheckboxRoot rt-CheckboxRoot rt-r-size-2 rt-variant-surface",
    )


def search_box_markup(text: str) -> Html:
    """The search field holding the current search text."""
    return search_field_markup(
        text, label="Search frameworks", placeholder="Search frameworks, pros and cons…", root_class="full-width"
    )


def facet_option_markup(option: FacetOption) -> Html:
    """A labelled checkbox with the number of frameworks it would leave."""
    dimmed = option.count == 0 and not option.checked
    weight = "medium" if option.checked else "regular"
    return element(
        "label",
        element(
            "span",
            checkbox(option.checked, "grass" if option.kind == "pro" else "tomato"),
            element(
                "span", option.title, class_=f"rt-Text rt-r-weight-{weight} facet-title" + (" dimmed" if dimmed else "")
            ),
            element("span", str(option.count), data_accent_color="gray", class_="rt-Text rt-r-size-1 facet-count"),
            class_="rt-Flex rt-r-ai-center rt-r-gap-2",
        ),
        data_key=option.key,
        class_="rt-Text rt-r-size-2 facet-option",
    )


def facet_group_markup(legend: str, hint: str, options: Sequence[FacetOption]) -> Html:
    """A fieldset of facet checkboxes under a legend."""
    return element(
        "fieldset",
        element("legend", element("span", legend, class_="rt-Text rt-r-size-3 rt-r-weight-bold")),
        element("p", hint, data_accent_color="gray", class_="rt-Text rt-r-size-1 facet-hint"),
        element("div", *(facet_option_markup(option) for option in options), class_="rt-Flex rt-r-fd-column"),
        aria_label=legend,
        class_="facet-group",
    )


def removable_chip_markup(label: str, remove_label: str, classes: str, accent: str = "") -> Html:
    """A rounded badge with the small button that removes what it stands for."""
    return element(
        "span",
        label,
        element("button", icon("x", 12), aria_label=remove_label, class_="chip-remove", title="Remove"),
        data_accent_color=accent,
        data_radius="full",
        class_=f"rt-reset rt-Badge rt-r-size-2 {classes} removable-chip",
    )


def active_filters_markup(chips: Sequence[Chip]) -> Html:
    """The chips of every active filter and a "Clear all" button (nothing when no filter is on)."""
    if not chips:
        return Html("")
    return element(
        "div",
        *(
            removable_chip_markup(
                chip.label,
                "Remove " + chip.label,
                "rt-variant-soft rt-high-contrast filter-chip",
                _CHIP_COLOURS.get(chip.kind, "gray"),
            )
            for chip in chips
        ),
        element(
            "button", "Clear all", data_accent_color="gray", class_=f"{BUTTON} rt-r-size-1 rt-variant-ghost rt-Button"
        ),
        aria_label="Active filters",
        role="group",
        class_="rt-Flex rt-r-ai-center rt-r-fw-wrap rt-r-gap-2",
    )
