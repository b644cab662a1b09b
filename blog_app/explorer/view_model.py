"""What the explorer page shows for a selection: facets, cards, chips and the comparison (pure data)."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence

from blog_app import routes
from blog_app.explorer.filtering import TextMatches, facet_counts, facet_titles, filter_frameworks
from blog_app.explorer.params import KINDS, MAX_COMPARE, ExplorerParams
from blog_app.explorer.types import FrameworkRecord


@dataclasses.dataclass
class FacetOption:
    """One checkbox of the Pros or Cons facet."""

    kind: str = ""
    key: str = ""
    title: str = ""
    count: int = 0
    checked: bool = False


@dataclasses.dataclass
class TraitBadge:
    """A pro or con on a result card."""

    title: str = ""
    description: str = ""
    highlighted: bool = False


@dataclasses.dataclass
class ResultCard:
    """One framework in the results."""

    slug: str = ""
    name: str = ""
    tagline: str = ""
    summary: str = ""
    section_href: str = ""
    pros: list[TraitBadge] = dataclasses.field(default_factory=list)
    cons: list[TraitBadge] = dataclasses.field(default_factory=list)
    compared: bool = False
    compare_disabled: bool = False
    focused: bool = False


@dataclasses.dataclass
class Chip:
    """An active filter the reader can remove: a pro, a refused con or the search text."""

    kind: str = ""
    value: str = ""
    label: str = ""


@dataclasses.dataclass
class CompareCell:
    """What one framework says about one trait: ``pro``, ``con`` or nothing (``kind`` empty)."""

    framework: str = ""
    kind: str = ""
    text: str = ""


@dataclasses.dataclass
class CompareRow:
    """One trait across the compared frameworks."""

    title: str = ""
    cells: list[CompareCell] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class CompareColumn:
    """A compared framework."""

    slug: str = ""
    name: str = ""
    section_href: str = ""


@dataclasses.dataclass
class ExplorerView:
    """Everything the explorer page renders."""

    text: str = ""
    total: int = 0
    result_count: int = 0
    pro_facets: list[FacetOption] = dataclasses.field(default_factory=list)
    con_facets: list[FacetOption] = dataclasses.field(default_factory=list)
    cards: list[ResultCard] = dataclasses.field(default_factory=list)
    chips: list[Chip] = dataclasses.field(default_factory=list)
    compare_columns: list[CompareColumn] = dataclasses.field(default_factory=list)
    compare_rows: list[CompareRow] = dataclasses.field(default_factory=list)


def section_href(framework: FrameworkRecord) -> str:
    """The link to the framework's section in its post."""
    return routes.post_section_url(framework.post_slug, framework.anchor)


def build_view(
    frameworks: Sequence[FrameworkRecord], params: ExplorerParams, text_matches: TextMatches = None
) -> ExplorerView:
    """The page for ``params`` (already restricted to what ``frameworks`` knows).

    Args:
        frameworks: Every framework, in display order.
        params: The reader's params.
        text_matches: What the search for ``params.text`` found (None: no text to match).

    Returns:
        The view; a focused framework's card comes first, then the best text matches.
    """
    results = filter_frameworks(frameworks, params, text_matches)
    results.sort(key=lambda framework: framework.slug != params.focus)
    by_slug = {framework.slug: framework for framework in frameworks}
    compared = [by_slug[slug] for slug in params.compare]
    return ExplorerView(
        text=params.text,
        total=len(frameworks),
        result_count=len(results),
        pro_facets=_facet(frameworks, params, "pro", text_matches),
        con_facets=_facet(frameworks, params, "con", text_matches),
        cards=[_card(framework, params) for framework in results],
        chips=_chips(frameworks, params),
        compare_columns=[CompareColumn(f.slug, f.name, section_href(f)) for f in compared],
        compare_rows=compare_rows(compared),
    )


def _facet(
    frameworks: Sequence[FrameworkRecord], params: ExplorerParams, kind: str, text_matches: TextMatches
) -> list[FacetOption]:
    counts = facet_counts(frameworks, params, kind, text_matches)
    selected = params.selected(kind)
    return [
        FacetOption(kind, key, title, counts[key], key in selected)
        for key, title in facet_titles(frameworks, kind).items()
    ]


def _card(framework: FrameworkRecord, params: ExplorerParams) -> ResultCard:
    compared = framework.slug in params.compare
    return ResultCard(
        slug=framework.slug,
        name=framework.name,
        tagline=framework.tagline,
        summary=framework.summary,
        section_href=section_href(framework),
        pros=[TraitBadge(t.title, t.description, t.key in params.pros) for t in framework.of_kind("pro")],
        cons=[TraitBadge(t.title, t.description, False) for t in framework.of_kind("con")],
        compared=compared,
        compare_disabled=not compared and len(params.compare) >= MAX_COMPARE,
        focused=framework.slug == params.focus,
    )


def _chips(frameworks: Sequence[FrameworkRecord], params: ExplorerParams) -> list[Chip]:
    chips = []
    for kind in KINDS:
        titles = facet_titles(frameworks, kind)
        prefix = "Has" if kind == "pro" else "Avoids"
        chips += [Chip(kind, key, f"{prefix}: {titles[key]}") for key in params.selected(kind) if key in titles]
    if params.text:
        chips.append(Chip("text", params.text, f"Search: “{params.text}”"))
    return chips


def compare_rows(compared: Sequence[FrameworkRecord]) -> list[CompareRow]:
    """Every trait key of any compared framework, with each framework's mark and text.

    Rows that several frameworks share come first; otherwise the order is the
    order the traits appear in (pros before cons, framework by framework).

    Args:
        compared: The frameworks, one column each.

    Returns:
        The rows of the comparison table.
    """
    titles: dict[str, str] = {}
    for framework in compared:
        for kind in KINDS:
            for trait in framework.of_kind(kind):
                titles.setdefault(trait.key, trait.title)
    shared = Counter(key for framework in compared for key in {t.key for t in framework.traits})
    ordered = sorted(titles, key=lambda key: -shared[key])
    return [CompareRow(titles[key], [_cell(framework, key) for framework in compared]) for key in ordered]


def _cell(framework: FrameworkRecord, key: str) -> CompareCell:
    trait = next((t for t in framework.traits if t.key == key), None)
    return CompareCell(framework.name, trait.kind, trait.description) if trait else CompareCell(framework.name)
