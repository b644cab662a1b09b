"""A browser tab's conversation with a Reflex backend, spoken over real Socket.IO.

It sends what the frontend's ``state.js`` sends: a websocket to ``/_event`` carrying the tab's
token in the query string and the first event in the CONNECT packet (``auth.event``), events
with ``router_data`` (path, query). It merges the ``delta`` of every update into one dict,
``{state name: {var: value}}``, so a test reads the state a page would render.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

import socketio

NAMESPACE = "/_event"
VAR_SUFFIX = "_rx_state_"
# The names the backend gives states in deltas and event names (``State.get_full_name()``). Spelled
# out rather than imported: importing the app's states into the test process would register them
# beside the ones the end-to-end harness loads.
ROOT_STATE = "reflex___state____state"
INDEX_STATE = f"{ROOT_STATE}.blog_app___posts___index_state____index_state"
POST_STATE = f"{ROOT_STATE}.blog_app___posts___post_state____post_state"
EXPLORER_STATE = f"{ROOT_STATE}.blog_app___explorer___state____explorer_state"
# What the frontend sends after every client-side navigation: runs the new page's on_load handlers.
ON_LOAD_INTERNAL = f"{ROOT_STATE}.reflex___state____on_load_internal_state.on_load_internal"


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
        # Frontend events the backend asked for (``_redirect``, ``_call_script``, toasts...), in order.
        self.events: list[dict[str, Any]] = []
        self.disconnected = False
        self._updated = threading.Condition()
        self._client = socketio.Client(reconnection=False)
        self._client.on("event", self._on_update, namespace=NAMESPACE)
        self._client.on("new_token", self.new_tokens.append, namespace=NAMESPACE)
        self._client.on("disconnect", self._on_disconnect, namespace=NAMESPACE)

    def _on_disconnect(self, *_reason: Any) -> None:
        with self._updated:
            self.disconnected = True
            self._updated.notify_all()

    def _on_update(self, update: dict[str, Any]) -> None:
        with self._updated:
            self.events += update.get("events") or []
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

    def send(self, handler: str, payload: dict[str, Any], url: str, route: dict[str, str] | None = None) -> None:
        """Send the event ``handler`` (a full name) from the page at ``url`` (path and query string).

        Args:
            handler: The event handler's full name.
            payload: Its arguments by name.
            url: The address bar's path and query string, e.g. ``/frameworks?pro=async``.
            route: The dynamic route's arguments, e.g. ``{"slug": "hello"}`` on ``/blog/hello``.
        """
        path, _, search = url.partition("?")
        router_data = {"pathname": path, "asPath": url, "query": dict(parse_qsl(search)) | (route or {})}
        self._client.emit(
            "event", {"name": handler, "payload": payload, "router_data": router_data}, namespace=NAMESPACE
        )

    def navigate(self, url: str, route: dict[str, str] | None = None) -> None:
        """Go to ``url`` as the frontend's router does: not hydrated, then the page's on_load handlers."""
        with self._updated:
            self.state.setdefault(ROOT_STATE, {})["is_hydrated"] = False
        self.send(ON_LOAD_INTERNAL, {}, url, route)

    def wait_until(self, condition: Callable[[], bool], timeout: float = 30) -> bool:
        """Whether ``condition`` (reading ``state`` / ``events``) held within ``timeout`` seconds."""
        with self._updated:
            return self._updated.wait_for(lambda: condition() or self.disconnected, timeout) and condition()

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
