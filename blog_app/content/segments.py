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

    The parser fills the fields above; the post page fills the last three when it shows the post:
    ``explorer`` and ``framework`` under a heading that introduces a framework the explorer knows,
    ``missing`` on an image whose file is not under assets/ (checked on every visit).
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
    explorer: str = ""
    framework: str = ""
    missing: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form stored in the database: what the parser fills (every field is a scalar)."""
        return {name: getattr(self, name) for name in _STORED_FIELDS}

    @classmethod
    def from_dict(cls, stored: dict[str, Any]) -> Segment:
        """A segment as :meth:`to_dict` stored it (fields a later parser dropped are ignored)."""
        return cls(**{name: stored[name] for name in _STORED_FIELDS if name in stored})


_SHOWN_FIELDS = ("explorer", "framework", "missing")
_STORED_FIELDS = tuple(field.name for field in dataclasses.fields(Segment) if field.name not in _SHOWN_FIELDS)


@dataclasses.dataclass(frozen=True)
class TocEntry:
    """A table-of-contents line: an h2 or h3 heading and its anchor."""

    level: int
    text: str
    anchor: str

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form stored in the database."""
        return {"level": self.level, "text": self.text, "anchor": self.anchor}

    @classmethod
    def from_dict(cls, stored: dict[str, Any]) -> TocEntry:
        """An entry as :meth:`to_dict` stored it."""
        return cls(level=stored["level"], text=stored["text"], anchor=stored["anchor"])
