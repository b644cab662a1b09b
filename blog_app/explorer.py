"""The frameworks explorer's query: URL parsing and formatting, filtering and facet counts (pure)."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import parse_qsl, urlencode

from blog_app.content.frameworks import trait_key
from blog_app.framework_queries import FrameworkRecord, FrameworkSection

PATH = "/frameworks"
KINDS = ("pro", "con")
MIN_COMPARE = 2
MAX_COMPARE = 4
MAX_VALUES = 40
MAX_TEXT = 100
MAX_QUERY_STRING = 4000
KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclasses.dataclass(frozen=True)
class ExplorerQuery:
    """What the reader asked for; the URL query string holds exactly this.

    Attributes:
        pros: Trait keys a framework must all have as pros.
        cons: Trait keys a framework must have none of as cons.
        text: Words that must all occur in the name, tagline or a trait.
        compare: Framework slugs to show side by side, in the order chosen.
        focus: The slug of the framework a post linked to (shown first).
    """

    pros: tuple[str, ...] = ()
    cons: tuple[str, ...] = ()
    text: str = ""
    compare: tuple[str, ...] = ()
    focus: str = ""

    def selected(self, kind: str) -> tuple[str, ...]:
        """The selected keys of one facet (``pro`` or ``con``)."""
        return self.pros if kind == "pro" else self.cons

    def toggled(self, kind: str, key: str) -> ExplorerQuery:
        """This query with ``key`` added to or removed from the ``kind`` facet."""
        chosen = self.selected(kind)
        values = tuple(v for v in chosen if v != key) if key in chosen else (*chosen, key)
        return dataclasses.replace(self, **{"pros" if kind == "pro" else "cons": values})

    def toggled_compare(self, slug: str) -> ExplorerQuery:
        """This query with ``slug`` added to (at most ``MAX_COMPARE``) or removed from the comparison."""
        if slug in self.compare:
            return dataclasses.replace(self, compare=tuple(s for s in self.compare if s != slug))
        return dataclasses.replace(self, compare=(*self.compare, slug)[:MAX_COMPARE])

    def with_text(self, text: str) -> ExplorerQuery:
        """This query searching for ``text`` (whitespace collapsed, length capped)."""
        return dataclasses.replace(self, text=clean_text(text))

    def without_compare(self) -> ExplorerQuery:
        """This query comparing nothing."""
        return dataclasses.replace(self, compare=())

    def without_filters(self) -> ExplorerQuery:
        """Pros, cons and text cleared; the comparison stays."""
        return ExplorerQuery(compare=self.compare)

    def restricted(self, frameworks: Sequence[FrameworkRecord]) -> ExplorerQuery:
        """This query without trait keys or framework slugs ``frameworks`` does not know."""
        known = {kind: {k for f in frameworks for k in f.keys(kind)} for kind in KINDS}
        slugs = {framework.slug for framework in frameworks}
        return dataclasses.replace(
            self,
            pros=tuple(k for k in self.pros if k in known["pro"]),
            cons=tuple(k for k in self.cons if k in known["con"]),
            compare=tuple(s for s in self.compare if s in slugs),
            focus=self.focus if self.focus in slugs else "",
        )


def clean_text(text: str) -> str:
    """Search text as stored in a query: printable, single spaces, at most ``MAX_TEXT`` characters."""
    printable = "".join(char if unicodedata.category(char)[0] != "C" else " " for char in str(text))
    return " ".join(printable.split())[:MAX_TEXT].strip()


def parse_query(query_string: str) -> ExplorerQuery:
    """Read a query from a URL query string, ignoring whatever it cannot use.

    Both ``pro=a&pro=b`` and ``pro=a,b`` are understood; values are normalised
    like trait keys (``Performance`` → ``performance``); unknown parameters and
    malformed values are dropped, never raised.

    Args:
        query_string: The part of the URL after ``?`` (a leading ``?`` is allowed).

    Returns:
        The query.
    """
    pairs = parse_qsl(query_string[:MAX_QUERY_STRING].lstrip("?"), errors="replace")
    values: dict[str, list[str]] = {}
    for name, value in pairs:
        values.setdefault(name, []).append(value)
    texts = values.get("q", [])
    focus = _keys(values.get("focus", []))
    return ExplorerQuery(
        pros=_keys(values.get("pro", []))[:MAX_VALUES],
        cons=_keys(values.get("con", []))[:MAX_VALUES],
        text=clean_text(texts[-1]) if texts else "",
        compare=_keys(values.get("compare", []))[:MAX_COMPARE],
        focus=focus[0] if focus else "",
    )


def _keys(raw: Iterable[str]) -> tuple[str, ...]:
    """Distinct normalised keys from repeated and comma-separated values, in order."""
    keys: dict[str, None] = {}
    for value in raw:
        for part in value.split(","):
            key = trait_key(part[:200])
            if KEY.match(key):
                keys.setdefault(key, None)
    return tuple(keys)


def format_query(query: ExplorerQuery) -> str:
    """The canonical query string: ``pro=a,b&con=c&q=text&compare=x,y&focus=z`` (empty parts left out).

    Pros and cons are sorted, so the same filter always has the same URL;
    the comparison keeps the order the reader chose its columns in.
    """
    parts = [
        ("pro", ",".join(sorted(query.pros))),
        ("con", ",".join(sorted(query.cons))),
        ("q", query.text),
        ("compare", ",".join(query.compare)),
        ("focus", query.focus),
    ]
    return urlencode([(name, value) for name, value in parts if value], safe=",")


def explorer_url(query: ExplorerQuery) -> str:
    """The path of the explorer showing ``query``."""
    query_string = format_query(query)
    return f"{PATH}?{query_string}" if query_string else PATH


def matches(framework: FrameworkRecord, query: ExplorerQuery) -> bool:
    """Whether ``framework`` has every selected pro, none of the selected cons, and every search word."""
    if not set(query.pros) <= framework.keys("pro") or set(query.cons) & framework.keys("con"):
        return False
    words = query.text.casefold().split()
    if not words:
        return True
    haystack = " ".join(
        [framework.name, framework.tagline, *(f"{t.title} {t.description}" for t in framework.traits)]
    ).casefold()
    return all(word in haystack for word in words)


def filter_frameworks(frameworks: Sequence[FrameworkRecord], query: ExplorerQuery) -> list[FrameworkRecord]:
    """The frameworks that match ``query``, in their original order."""
    return [framework for framework in frameworks if matches(framework, query)]


def facet_titles(frameworks: Sequence[FrameworkRecord], kind: str) -> dict[str, str]:
    """Every trait key of one kind with its display title (the first spelling met), sorted by title."""
    titles: dict[str, str] = {}
    for framework in frameworks:
        for trait in framework.of_kind(kind):
            titles.setdefault(trait.key, trait.title)
    return dict(sorted(titles.items(), key=lambda item: item[1].casefold()))


def facet_counts(frameworks: Sequence[FrameworkRecord], query: ExplorerQuery, kind: str) -> dict[str, int]:
    """For each value of one facet, how many frameworks would be left with it selected.

    The other active filters (the rest of both facets and the text) apply; for a
    value already selected that is simply the current number of results.

    Args:
        frameworks: Every framework.
        query: The active query.
        kind: ``pro`` or ``con``.

    Returns:
        ``{key: count}`` for every key of that kind, in facet order.
    """
    counts = {}
    for key in facet_titles(frameworks, kind):
        with_key = query if key in query.selected(kind) else query.toggled(kind, key)
        counts[key] = len(filter_frameworks(frameworks, with_key))
    return counts


def link_framework_headings(
    segments: list[dict[str, Any]], sections: dict[str, FrameworkSection]
) -> list[dict[str, Any]]:
    """Give every heading segment an ``explorer`` URL: the explorer focused on the framework it introduces.

    Args:
        segments: A post's stored segments.
        sections: The post's framework sections by anchor.

    Returns:
        The segments; headings carry ``explorer`` and ``framework`` (both empty for other headings).
    """
    linked = []
    for segment in segments:
        section = sections.get(segment.get("anchor", "")) if segment.get("kind") == "heading" else None
        if segment.get("kind") == "heading":
            url = explorer_url(ExplorerQuery(focus=section.slug)) if section else ""
            segment = {**segment, "explorer": url, "framework": section.name if section else ""}
        linked.append(segment)
    return linked
