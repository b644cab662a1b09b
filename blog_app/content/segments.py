"""The stored shape of a post body: a flat list of segments the page renders in order."""

from __future__ import annotations

import dataclasses
from typing import Any, Literal

SegmentKind = Literal["html", "heading", "image", "code"]


@dataclasses.dataclass(frozen=True)
class Segment:
    """One renderable piece of a post body.

    Every segment has every field so the page can render a list of them
    with one typed ``rx.foreach``; ``kind`` says which fields matter:

    - ``html``: ``html`` holds sanitised prose.
    - ``heading``: ``level``, ``text``, ``html`` (inline markup) and ``anchor``.
    - ``image``: ``src``, ``alt``, ``caption``; rendered zoomable.
    - ``code``: ``language`` and ``code``.
    """

    kind: SegmentKind
    html: str = ""
    text: str = ""
    level: int = 0
    anchor: str = ""
    src: str = ""
    alt: str = ""
    caption: str = ""
    language: str = ""
    code: str = ""
    line: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form stored in the database (every field is a scalar: no deep copy needed)."""
        return {name: getattr(self, name) for name in _SEGMENT_FIELDS}


_SEGMENT_FIELDS = tuple(field.name for field in dataclasses.fields(Segment))


@dataclasses.dataclass(frozen=True)
class TocEntry:
    """A table-of-contents line: an h2 or h3 heading and its anchor."""

    level: int
    text: str
    anchor: str

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form stored in the database."""
        return dataclasses.asdict(self)
