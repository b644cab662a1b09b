"""A page state's values as the browser's state store holds them, for the first response to carry.

The server builds the state the page's ``on_load`` would build (a fresh instance of the page's
state class, filled by the same method the event calls) and writes its values, computed vars
included, in the client's own format. React's first render of the page then reads them, and
the ``on_load`` answer that follows over the websocket changes nothing on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import reflex as rx
from reflex.state import State
from reflex.utils import format

PageState = TypeVar("PageState", bound=rx.State)


def state_values(state_class: type[PageState], show: Callable[[PageState], None]) -> dict[str, dict]:
    """``{state name: {var: value}}`` of ``state_class`` after ``show`` filled a fresh instance.

    Args:
        state_class: A page's state (a direct substate of Reflex's root state).
        show: Fills the instance the way the page's ``on_load`` does.

    Returns:
        The substate's values, keyed as the client's ``initialState`` keys them.
    """
    root = State(_reflex_internal_init=True)
    state = root.get_substate(state_class.get_full_name().split(".")[1:])
    show(state)  # type: ignore[arg-type]
    return state.dict()


def seed_json(values: dict[str, dict]) -> str:
    """``values`` as JSON that is safe inside a ``<script type="application/json">`` element."""
    # "</script" would close the element and "<!--" change how it is parsed: with every "<" written
    # as its JSON escape (valid only inside strings, where JSON can hold one), neither can occur.
    return format.json_dumps(values).replace("<", "\\u003c")
