"""A framework in the explorer's results: name, tagline, pros, cons and a link to its review."""

from __future__ import annotations

from collections.abc import Callable

import reflex as rx
from reflex_components_radix.themes.components.checkbox import Checkbox

from blog_app.explorer.view_model import ResultCard, TraitBadge

Handler = Callable[..., rx.event.EventSpec]


def pro_badge(trait: rx.Var[TraitBadge]) -> rx.Component:
    """A pro; one the reader selected is solid and marked for screen readers."""
    return rx.badge(
        rx.icon("check", size=12),
        trait.title,
        rx.cond(trait.highlighted, rx.el.span(" (selected)", class_name="visually-hidden")),
        color_scheme="grass",
        variant=rx.cond(trait.highlighted, "solid", "soft"),
        size="2",
        title=trait.description,
        custom_attrs={"data-selected": rx.cond(trait.highlighted, "true", "false")},
    )


def con_badge(trait: rx.Var[TraitBadge]) -> rx.Component:
    """A con."""
    return rx.badge(
        rx.icon("x", size=12), trait.title, color_scheme="tomato", variant="soft", size="2", title=trait.description
    )


def trait_list(label: str, traits: rx.Var[list[TraitBadge]], badge: Callable) -> rx.Component:
    """A labelled group of badges (nothing when the framework has none of that kind)."""
    return rx.cond(
        traits.length() > 0,
        rx.box(
            rx.text(label, size="1", weight="bold", color_scheme="gray", as_="p", class_name="eyebrow"),
            rx.flex(rx.foreach(traits, badge), wrap="wrap", spacing="1", class_name="trait-badges"),
        ),
    )


def compare_toggle(card: rx.Var[ResultCard], on_compare: Handler) -> rx.Component:
    """The "Compare" checkbox of a card; disabled when four frameworks are already chosen."""
    return rx.text(
        # A span, not rx.flex's div: a label holds only phrasing content.
        rx.el.span(
            Checkbox.create(
                checked=card.compared,
                disabled=card.compare_disabled,
                on_change=lambda _checked: on_compare(card.slug),
            ),
            rx.text("Compare", as_="span", color_scheme="gray"),
            class_name="rt-Flex rt-r-ai-center rt-r-gap-2",
        ),
        as_="label",
        size="2",
        class_name=rx.cond(card.compare_disabled, "compare-toggle disabled", "compare-toggle"),
        title=rx.cond(card.compare_disabled, "You can compare up to four frameworks", ""),
    )


def framework_card(card: rx.Var[ResultCard], on_compare: Handler) -> rx.Component:
    """One result."""
    return rx.card(
        rx.el.article(
            rx.flex(
                rx.box(
                    rx.heading(card.name, as_="h2", size="5"),
                    rx.text(card.tagline, size="2", color_scheme="gray", as_="p"),
                    class_name="card-heading",
                ),
                compare_toggle(card, on_compare),
                justify="between",
                align="start",
                spacing="3",
            ),
            rx.text(card.summary, size="2", as_="p", class_name="clamp-3"),
            trait_list("PROS", card.pros, pro_badge),
            trait_list("CONS", card.cons, con_badge),
            rx.link(
                rx.flex("Read the review", rx.icon("arrow-right", size=14), align="center", spacing="1"),
                href=card.section_href,
                size="2",
                weight="medium",
                class_name="review-link",
            ),
        ),
        as_child=True,
        id="framework-" + card.slug,
        size="2",
        class_name=rx.cond(card.focused, "framework-card focused", "framework-card"),
        custom_attrs={"data-framework": card.slug},
    )
