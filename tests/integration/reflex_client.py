"""A browser tab's conversation with a Reflex backend, spoken over real Socket.IO.

It sends what the frontend's ``state.js`` sends: a websocket to ``/_event`` carrying the tab's
token in the query string and the first event in the CONNECT packet (``auth.event``), events
with ``router_data`` (path, query). It merges the ``delta`` of every update into one dict,
``{state name: {var: value}}``, so a test reads the state a page would render.
"""

from __future__ import annotations

import threading
import uuid
from typing import Any

import socketio

NAMESPACE = "/_event"
VAR_SUFFIX = "_rx_state_"
# The names the backend gives states in deltas and event names (``State.get_full_name()``). Spelled
# out rather than imported: importing the app's states into the test process would register them
# beside the ones the end-to-end harness loads.
ROOT_STATE = "reflex___state____state"
INDEX_STATE = f"{ROOT_STATE}.blog_app___state___index____index_state"
POST_STATE = f"{ROOT_STATE}.blog_app___state___post____post_state"


def new_token() -> str:
    """A fresh tab token (what ``state.js`` keeps in sessionStorage)."""
    return str(uuid.uuid4())


class Tab:
    """One connection of a tab (identified by ``token``) to the backend at ``base_url``."""

    def __init__(self, base_url: str, token: str):
        self.base_url = base_url
        self.token = token
        self.state: dict[str, dict[str, Any]] = {}
        self.new_tokens: list[str] = []
        self._updated = threading.Condition()
        self._client = socketio.Client(reconnection=False)
        self._client.on("event", self._on_update, namespace=NAMESPACE)
        self._client.on("new_token", self.new_tokens.append, namespace=NAMESPACE)

    def _on_update(self, update: dict[str, Any]) -> None:
        with self._updated:
            for name, changes in update.get("delta", {}).items():
                self.state.setdefault(name, {}).update({k.removesuffix(VAR_SUFFIX): v for k, v in changes.items()})
            self._updated.notify_all()

    def open(self, path: str, params: dict[str, str] | None = None, load: bool = True) -> Tab:
        """Connect on ``path`` as the frontend does: hydrate, and run the page's on_load when ``load``.

        ``load=False`` sends the bare ``hydrate`` event instead: the backend answers with the state
        it holds for the token and runs no handler, so what comes back is what was stored.
        """
        handler = "hydrate_and_load" if load else "hydrate"
        boot = {"name": f"{ROOT_STATE}.{handler}", "payload": {}, "router_data": _router_data(path, params)}
        self._client.connect(
            f"{self.base_url}?token={self.token}",
            socketio_path=NAMESPACE,
            namespaces=[NAMESPACE],
            transports=["websocket"],
            auth={"event": boot},
            wait_timeout=30,
        )
        return self

    def wait_for(self, name: str, var: str, timeout: float = 30) -> Any:
        """The value of ``var`` of the state called ``name`` once the backend has sent it."""
        with self._updated:
            if not self._updated.wait_for(lambda: var in self.state.get(name, {}), timeout):
                raise AssertionError(f"{self.base_url} sent no {name}.{var} within {timeout} s: {self.state}")
            return self.state[name][var]

    def wait_until_hydrated(self, timeout: float = 30) -> None:
        """Wait until the page's on_load handlers have run (``is_hydrated`` turns true)."""
        with self._updated:
            if not self._updated.wait_for(lambda: self.state.get(ROOT_STATE, {}).get("is_hydrated"), timeout):
                raise AssertionError(f"{self.base_url} never finished loading the page: {self.state}")

    def close(self) -> None:
        """Disconnect, as closing the tab or losing the connection does."""
        self._client.disconnect()

    def __enter__(self) -> Tab:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def _router_data(path: str, params: dict[str, str] | None) -> dict[str, Any]:
    router_data: dict[str, Any] = {"pathname": path, "asPath": path}
    if params:
        router_data["query"] = dict(params)
    return router_data


def load_page(base_url: str, path: str, params: dict[str, str] | None = None, token: str | None = None) -> Tab:
    """Open ``path`` on ``base_url`` and wait until its on_load handlers have run (then disconnect)."""
    with Tab(base_url, token or new_token()) as tab:
        tab.open(path, params)
        tab.wait_until_hydrated()
    return tab
