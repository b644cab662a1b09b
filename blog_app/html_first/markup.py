"""A small HTML writer for the pages the server writes into the first response.

Each function returns a string of HTML; text and attribute values are escaped here, so the
page mirrors (``*_markup.py`` in each feature) only ever pass plain text, or HTML that was
sanitised at ingest through :func:`trusted`.
"""

from __future__ import annotations

import html

VOID_ELEMENTS = frozenset({"img", "br", "hr", "input", "meta", "link", "source", "wbr", "col"})
Attribute = str | int | bool | None


class Html(str):
    """A string that is already HTML (escaped or sanitised): written as it is."""


def trusted(markup: str) -> Html:
    """``markup`` written as it is: only for HTML sanitised at ingest or written by this module."""
    return Html(markup)


def element(tag: str, *children: str, **attributes: Attribute) -> Html:
    """``<tag attributes>children</tag>``.

    Args:
        tag: The element's name.
        children: Its content: :class:`Html` as it is, any other string as escaped text.
        attributes: Its attributes, ``class_`` for ``class`` and ``_`` for ``-`` in names
            (``aria_label``, ``data_key``); True writes the bare name, False or None leaves it out.
    """
    opening = tag + _attributes(attributes)
    if tag in VOID_ELEMENTS:
        return Html(f"<{opening}>")
    return Html(f"<{opening}>{fragment(*children)}</{tag}>")


def fragment(*children: str) -> Html:
    """Several pieces of HTML (or text) one after the other: :class:`Html` as it is, other strings escaped."""
    return Html("".join(child if isinstance(child, Html) else html.escape(child, quote=False) for child in children))


def _attributes(attributes: dict[str, Attribute]) -> str:
    written = []
    for name, value in attributes.items():
        if value is None or value is False:
            continue
        name = name.rstrip("_").replace("_", "-")
        written.append(f" {name}" if value is True else f' {name}="{html.escape(str(value))}"')
    return "".join(written)
