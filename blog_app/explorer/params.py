"""The explorer's URL parameters: what the reader selected, read from and written to the query string (pure)."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable, Sequence
from urllib.parse import parse_qsl

from blog_app import routes
from blog_app.content.frameworks import trait_key
from blog_app.explorer.types import FrameworkRecord

KINDS = ("pro", "con")
MIN_COMPARE = 2
MAX_COMPARE = 4
MAX_VALUES = 40
MAX_TEXT = 100
MAX_QUERY_STRING = 4000
KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclasses.dataclass(frozen=True)
class ExplorerParams:
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

    def toggled(self, kind: str, key: str) -> ExplorerParams:
        """These parameters with ``key`` added to or removed from the ``kind`` facet."""
        chosen = self.selected(kind)
        values = tuple(v for v in chosen if v != key) if key in chosen else (*chosen, key)
        return dataclasses.replace(self, **{"pros" if kind == "pro" else "cons": values})

    def toggled_compare(self, slug: str) -> ExplorerParams:
        """These parameters with ``slug`` added to (at most ``MAX_COMPARE``) or removed from the comparison."""
        if slug in self.compare:
            return dataclasses.replace(self, compare=tuple(s for s in self.compare if s != slug))
        return dataclasses.replace(self, compare=(*self.compare, slug)[:MAX_COMPARE])

    def with_text(self, text: str) -> ExplorerParams:
        """These parameters searching for ``text`` (whitespace collapsed, length capped)."""
        return dataclasses.replace(self, text=clean_text(text))

    def without_compare(self) -> ExplorerParams:
        """These parameters comparing nothing."""
        return dataclasses.replace(self, compare=())

    def without_filters(self) -> ExplorerParams:
        """Pros, cons and text cleared; the comparison stays."""
        return ExplorerParams(compare=self.compare)

    def restricted(self, frameworks: Sequence[FrameworkRecord]) -> ExplorerParams:
        """These parameters without trait keys or framework slugs ``frameworks`` does not know."""
        known = {kind: {k for f in frameworks for k in f.keys(kind)} for kind in KINDS}
        slugs = {framework.slug for framework in frameworks}
        return dataclasses.replace(
            self,
            pros=tuple(k for k in self.pros if k in known["pro"]),
            cons=tuple(k for k in self.cons if k in known["con"]),
            compare=tuple(s for s in self.compare if s in slugs),
            focus=self.focus if self.focus in slugs else "",
        )

    def url(self) -> str:
        """The canonical address of the explorer showing this selection."""
        return routes.explorer_url(self.pros, self.cons, self.text, self.compare, self.focus)


def address_query(query: str) -> str:
    """``query`` (with or without its ``?``) as the browser's ``location.search`` shows it: ``?…``, or empty."""
    query = query.lstrip("?")
    return f"?{query}" if query else ""


def clean_text(text: str) -> str:
    """Search text as stored in a params: printable, single spaces, at most ``MAX_TEXT`` characters."""
    printable = "".join(char if unicodedata.category(char)[0] != "C" else " " for char in str(text))
    return " ".join(printable.split())[:MAX_TEXT].strip()


def parse_explorer_params(query_string: str) -> ExplorerParams:
    """Read the parameters from a URL query string, ignoring whatever it cannot use.

    Both ``pro=a&pro=b`` and ``pro=a,b`` are understood; values are normalised
    like trait keys (``Performance`` → ``performance``); unknown parameters and
    malformed values are dropped, never raised.

    Args:
        query_string: The part of the URL after ``?`` (a leading ``?`` is allowed).

    Returns:
        The parameters.
    """
    pairs = parse_qsl(query_string[:MAX_QUERY_STRING].lstrip("?"), errors="replace")
    values: dict[str, list[str]] = {}
    for name, value in pairs:
        values.setdefault(name, []).append(value)
    texts = values.get("q", [])
    focus = _keys(values.get("focus", []))
    return ExplorerParams(
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
