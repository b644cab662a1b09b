"""A framework's result card as the server writes it (mirrors components/framework_card.py)."""

from __future__ import annotations

from collections.abc import Sequence

from blog_app.explorer.filters_markup import checkbox
from blog_app.explorer.view_model import ResultCard, TraitBadge
from blog_app.html_first.icons import icon
from blog_app.html_first.markup import Html, element

COMPARE_LIMIT_TITLE = "You can compare up to four frameworks"


def pro_badge_markup(trait: TraitBadge) -> Html:
    """A pro; one the reader selected is solid and marked for screen readers."""
    return element(
        "span",
        icon("check", 12),
        trait.title,
        element("span", " (selected)", class_="visually-hidden") if trait.highlighted else "",
        data_accent_color="grass",
        data_selected="true" if trait.highlighted else "false",
        title=trait.description,
        class_="rt-reset rt-Badge rt-r-size-2 " + ("rt-variant-solid" if trait.highlighted else "rt-variant-soft"),
    )


def con_badge_markup(trait: TraitBadge) -> Html:
    """A con."""
    return element(
        "span",
        icon("x", 12),
        trait.title,
        data_accent_color="tomato",
        title=trait.description,
        class_="rt-reset rt-Badge rt-r-size-2 rt-variant-soft",
    )


def trait_list_markup(label: str, badges: Sequence[Html]) -> Html:
    """A labelled group of badges (nothing when the framework has none of that kind)."""
    if not badges:
        return Html("")
    return element(
        "div",
        element("p", label, data_accent_color="gray", class_="rt-Text rt-r-size-1 rt-r-weight-bold eyebrow"),
        element("div", *badges, class_="rt-Flex rt-r-fw-wrap rt-r-gap-1 trait-badges"),
        class_="rt-Box",
    )


def compare_toggle_markup(card: ResultCard) -> Html:
    """The "Compare" checkbox of a card; disabled when four frameworks are already chosen."""
    return element(
        "label",
        element(
            "span",
            checkbox(card.compared, disabled=card.compare_disabled),
            element("span", "Compare", data_accent_color="gray", class_="rt-Text"),
            class_="rt-Flex rt-r-ai-center rt-r-gap-2",
        ),
        title=COMPARE_LIMIT_TITLE if card.compare_disabled else "",
        class_="rt-Text rt-r-size-2 compare-toggle" + (" disabled" if card.compare_disabled else ""),
    )


def framework_card_markup(card: ResultCard) -> Html:
    """One result."""
    heading = element(
        "div",
        element("h2", card.name, class_="rt-Heading rt-r-size-5"),
        element("p", card.tagline, data_accent_color="gray", class_="rt-Text rt-r-size-2"),
        class_="rt-Box card-heading",
    )
    review = element(
        "a",
        element("div", "Read the review", icon("arrow-right", 14), class_="rt-Flex rt-r-ai-center rt-r-gap-1"),
        data_accent_color="",
        class_="rt-Text rt-reset rt-Link rt-r-size-2 rt-r-weight-medium rt-underline-auto review-link",
        href=card.section_href,
    )
    return element(
        "article",
        element(
            "div",
            heading,
            compare_toggle_markup(card),
            class_="rt-Flex rt-r-ai-start rt-r-jc-space-between rt-r-gap-3",
        ),
        element("p", card.summary, class_="rt-Text rt-r-size-2 clamp-3"),
        trait_list_markup("PROS", [pro_badge_markup(trait) for trait in card.pros]),
        trait_list_markup("CONS", [con_badge_markup(trait) for trait in card.cons]),
        review,
        data_framework=card.slug,
        id=f"framework-{card.slug}",
        class_="rt-reset rt-BaseCard rt-Card rt-r-size-2 rt-variant-surface framework-card"
        + (" focused" if card.focused else ""),
    )


def cards_markup(cards: Sequence[ResultCard]) -> Html:
    """The matching frameworks, one or two columns of cards."""
    return element(
        "div",
        *(framework_card_markup(card) for card in cards),
        id="results",
        class_="rt-Grid rt-r-gtc-1 sm:rt-r-gtc-2 rt-r-gap-4",
    )
