"""Which frameworks fit the reader's selection, and how many each facet value would leave (pure)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from blog_app.explorer.params import ExplorerParams
from blog_app.explorer.types import FrameworkRecord

# What the text search found: each matching framework's slug and relevance (higher is better),
# from the frameworks' search index (``queries.text_ranks``); None when there is no text to match.
TextMatches = Mapping[str, float] | None


def matches(framework: FrameworkRecord, params: ExplorerParams, text_matches: TextMatches = None) -> bool:
    """Whether ``framework`` has every selected pro, none of the selected cons, and matches the text search."""
    if not set(params.pros) <= framework.keys("pro") or set(params.cons) & framework.keys("con"):
        return False
    return text_matches is None or framework.slug in text_matches


def filter_frameworks(
    frameworks: Sequence[FrameworkRecord], params: ExplorerParams, text_matches: TextMatches = None
) -> list[FrameworkRecord]:
    """The frameworks that match ``params``: in their original order, or best text match first when searching."""
    kept = [framework for framework in frameworks if matches(framework, params, text_matches)]
    if text_matches is not None:
        kept.sort(key=lambda framework: -text_matches[framework.slug])  # stable: equal scores keep their order
    return kept


def facet_titles(frameworks: Sequence[FrameworkRecord], kind: str) -> dict[str, str]:
    """Every trait key of one kind with its display title (the first spelling met), sorted by title."""
    titles: dict[str, str] = {}
    for framework in frameworks:
        for trait in framework.of_kind(kind):
            titles.setdefault(trait.key, trait.title)
    return dict(sorted(titles.items(), key=lambda item: item[1].casefold()))


def facet_counts(
    frameworks: Sequence[FrameworkRecord], params: ExplorerParams, kind: str, text_matches: TextMatches = None
) -> dict[str, int]:
    """For each value of one facet, how many frameworks would be left with it selected.

    The other active filters (the rest of both facets and the text) apply; for a
    value already selected that is simply the current number of results.

    Args:
        frameworks: Every framework.
        params: The active params.
        kind: ``pro`` or ``con``.
        text_matches: What the text search found (None: no text).

    Returns:
        ``{key: count}`` for every key of that kind, in facet order.
    """
    counts = {}
    for key in facet_titles(frameworks, kind):
        with_key = params if key in params.selected(kind) else params.toggled(kind, key)
        counts[key] = sum(matches(framework, with_key, text_matches) for framework in frameworks)
    return counts
