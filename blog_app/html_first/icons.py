"""Lucide icons as inline SVG, drawn from the same lucide-react package the built pages use.

React renders ``rx.icon("rss")`` as lucide-react's ``<svg>``; the server writes the identical
element, reading the icon's shapes from the build's own copy of the package, so the two cannot drift.
Without that package (no frontend installed) an icon is an empty ``<svg>`` of the same size: the
page keeps its layout and React draws the icon when it takes over.
"""

from __future__ import annotations

import functools
import json
import re

from reflex.utils.prerequisites import get_web_dir

from blog_app.html_first.markup import Html, element

_ICON_NODE = re.compile(r"const __iconNode = (\[.*?\]);\s*const ", re.DOTALL)
_KEY = re.compile(r"([{,]\s*)([A-Za-z][\w-]*)\s*:")


def icon(name: str, size: int, class_name: str = "") -> Html:
    """The ``<svg>`` lucide-react renders for icon ``name`` (kebab-case) at ``size`` pixels (``rx.icon(class_name=)``)."""
    classes = f"lucide lucide-{name} {class_name}".strip()
    shapes = "".join(element(tag, **attributes) for tag, attributes in _shapes(name))
    return Html(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 24 24" fill="none"'
        ' stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"'
        f' class="{classes}" aria-hidden="true">{shapes}</svg>'
    )


@functools.cache
def _shapes(name: str) -> tuple[tuple[str, dict[str, str]], ...]:
    try:
        source = (
            get_web_dir() / "node_modules" / "lucide-react" / "dist" / "esm" / "icons" / f"{name}.mjs"
        ).read_text()
    except OSError:
        return ()
    match = _ICON_NODE.search(source)
    if match is None:
        raise ValueError(f"lucide-react icon {name!r}: no shapes found")
    nodes = json.loads(_KEY.sub(r'\1"\2":', match.group(1)))
    return tuple((tag, {key: value for key, value in attributes.items() if key != "key"}) for tag, attributes in nodes)
