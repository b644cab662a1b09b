"""Plain in-page anchors (``#section``): ``rx.el.a`` is a router link, which would leave the page."""

from __future__ import annotations

import reflex as rx
from reflex_components_core.el.elements.inline import A


def in_page_link(*children: rx.Component | rx.Var | str, anchor: rx.Var[str] | str, **props) -> rx.Component:
    """An ``<a href="#anchor">`` the browser itself follows (scrolls, updates the hash, keeps focus order)."""
    return A.create(*children, href="#" + anchor, **props)
