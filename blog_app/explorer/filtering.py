"""Which frameworks fit the reader's selection, and how many each facet value would leave (pure)."""

from __future__ import annotations

from collections.abc import Sequence

from blog_app.explorer.params import ExplorerParams
from blog_app.explorer.types import FrameworkRecord


def matches(framework: FrameworkRecord, params: ExplorerParams) -> bool:
    """Whether ``framework`` has every selected pro, none of the selected cons, and every search word."""
    if not set(params.pros) <= framework.keys("pro") or set(params.cons) & framework.keys("con"):
        return False
    words = params.text.casefold().split()
    if not words:
        return True
    haystack = " ".join(
        [framework.name, framework.tagline, *(f"{t.title} {t.description}" for t in framework.traits)]
    ).casefold()
    return all(word in haystack for word in words)


def filter_frameworks(frameworks: Sequence[FrameworkRecord], params: ExplorerParams) -> list[FrameworkRecord]:
    """The frameworks that match ``params``, in their original order."""
    return [framework for framework in frameworks if matches(framework, params)]


def facet_titles(frameworks: Sequence[FrameworkRecord], kind: str) -> dict[str, str]:
    """Every trait key of one kind with its display title (the first spelling met), sorted by title."""
    titles: dict[str, str] = {}
    for framework in frameworks:
        for trait in framework.of_kind(kind):
            titles.setdefault(trait.key, trait.title)
    return dict(sorted(titles.items(), key=lambda item: item[1].casefold()))


def facet_counts(frameworks: Sequence[FrameworkRecord], params: ExplorerParams, kind: str) -> dict[str, int]:
    """For each value of one facet, how many frameworks would be left with it selected.

    The other active filters (the rest of both facets and the text) apply; for a
    value already selected that is simply the current number of results.

    Args:
        frameworks: Every framework.
        params: The active params.
        kind: ``pro`` or ``con``.

    Returns:
        ``{key: count}`` for every key of that kind, in facet order.
    """
    counts = {}
    for key in facet_titles(frameworks, kind):
        with_key = params if key in params.selected(kind) else params.toggled(kind, key)
        counts[key] = len(filter_frameworks(frameworks, with_key))
    return counts
