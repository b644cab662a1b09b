"""Links from a post's framework sections to the explorer focused on each framework (pure)."""

from __future__ import annotations

import dataclasses

from blog_app.content.segments import Segment
from blog_app.explorer.params import ExplorerParams
from blog_app.explorer.types import FrameworkSection


def link_framework_headings(segments: list[Segment], sections: dict[str, FrameworkSection]) -> list[Segment]:
    """Give every heading that introduces a framework its ``explorer`` URL: the explorer focused on it.

    Args:
        segments: A post's stored segments.
        sections: The post's framework sections by anchor.

    Returns:
        The segments; such headings carry ``explorer`` and ``framework`` (both stay empty elsewhere).
    """
    linked = []
    for segment in segments:
        section = sections.get(segment.anchor) if segment.kind == "heading" else None
        if section is not None:
            segment = dataclasses.replace(
                segment, explorer=ExplorerParams(focus=section.slug).url(), framework=section.name
            )
        linked.append(segment)
    return linked
