"""The hydrate fallback the server writes a page into, and the app wrap that starts the state store from the page's seed.

React Router shows ``rx.App(hydrate_fallback=...)`` while a page's code is still loading; the
shell the server fills is prerendered with it. Its inner HTML is set with
``dangerouslySetInnerHTML`` to an empty string and its hydration mismatch suppressed, so
React keeps whatever the server wrote inside until the page itself renders in its place.

The page's state arrives in a ``<script type="application/json">`` beside it (a data block: never
run, so the Content-Security-Policy needs no hash for it). Code at module level of the app root
(``root.jsx``) runs before the state store is created and copies those values into the store's
initial state, so the page's first render shows what the server wrote, before any websocket.
"""

from __future__ import annotations

import reflex as rx
from reflex_base.components.component import Component

SLOT_ID = "first-response"
SEED_ID = "first-response-state"


def first_response_slot() -> rx.Component:
    """An empty element the server fills; React hydrates it without touching its content."""
    return rx.el.div(
        id=SLOT_ID,
        custom_attrs={"dangerouslySetInnerHTML": {"__html": ""}, "suppressHydrationWarning": True},
    )


# Runs once, when root.jsx is first evaluated in the browser (never on the server: Reflex
# prerenders in Node, where ``document`` is undefined).
_SEED_CODE = f"""
if (typeof document !== "undefined") {{
  const seedNode = document.getElementById("{SEED_ID}");
  if (seedNode) {{
    try {{
      for (const [name, values] of Object.entries(JSON.parse(seedNode.textContent))) {{
        if (name in initialState) Object.assign(initialState[name], values);
      }}
    }} catch (error) {{
      console.warn("first response: unreadable state seed", error);
    }}
  }}
}}
"""


class StateSeed(Component):
    """Renders nothing; its module-level code seeds the client's initial state from the first response."""

    tag = "Fragment"
    library = "react"

    def add_imports(self) -> dict:
        """``initialState``, which the seed code writes into."""
        return {"$/utils/context": ["initialState"]}

    def add_custom_code(self) -> list[str]:
        """The seeding code, at module level of the app root."""
        return [_SEED_CODE]


def state_seed_wrap(_stateful: bool) -> rx.Component:
    """For ``rx.App(extra_app_wraps=...)``: the app root with the seeding code."""
    return StateSeed.create()
