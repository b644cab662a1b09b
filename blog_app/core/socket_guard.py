"""A guard in front of Reflex's event websocket: what one client may send, and how much of it.

ASGI middleware for ``/_event`` (given to ``rx.App(api_transformer=...)``). Reflex takes any
frame a socket sends: a malformed Engine.IO frame ended in an unhandled ``ValueError`` from
engineio, an event naming no handler (or a private method) in a ``KeyError`` traceback from the
event queue, a payload that does not fit the handler's parameters in a ``TypeError`` traceback, and
a client could hold as many sockets and send as many events as it liked, each event holding the
event loop every other reader waits on (``tests/integration/test_hostile_client.py``,
``python -m bench.hostile``). The guard:

- refuses a websocket beyond ``BLOG_MAX_SOCKETS_PER_CLIENT`` open ones from the same client
  (default 100; the client's address as Reflex reports it, see ``client_address``);
- closes a socket that sends a frame larger than ``MAX_FRAME`` characters, a binary frame, a frame
  that is not Engine.IO, or events faster than ``BLOG_EVENTS_PER_SECOND`` (default 20, after a
  burst of ``BURST``);
- drops, with one warning line, an event whose name is not a registered handler or whose payload
  does not fit its parameters, and closes the socket after ``MAX_REFUSED`` of them.

Every frame a browser tab of this app sends passes unchanged.
"""

from __future__ import annotations

import collections
import functools
import inspect
import json
import logging
import os
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from reflex_base.config import get_config

logger = logging.getLogger(__name__)

Message = MutableMapping[str, Any]
ASGIApp = Callable[[Message, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]

EVENT_PATH = "/_event"
MAX_FRAME = 64_000  # characters; the app's largest frame is a hydrate of a few kB
EVENTS_PER_SECOND, BURST = 20.0, 60  # a tab sends one or two per click
MAX_SOCKETS_PER_CLIENT = 100
MAX_REFUSED = 10
POLICY_VIOLATION, TOO_BIG = 1008, 1009
ENGINE_IO_TYPES = frozenset("0123456")
SOCKET_IO_EVENT, SOCKET_IO_CONNECT = "42", "40"


def max_sockets_per_client() -> int:
    """Open websockets one client address may hold (``BLOG_MAX_SOCKETS_PER_CLIENT``, default 100)."""
    return int(os.environ.get("BLOG_MAX_SOCKETS_PER_CLIENT", str(MAX_SOCKETS_PER_CLIENT)))


def events_per_second() -> float:
    """Events one socket may send a second, after a burst of ``BURST`` (``BLOG_EVENTS_PER_SECOND``, default 20)."""
    return float(os.environ.get("BLOG_EVENTS_PER_SECOND", str(EVENTS_PER_SECOND)))


class Refused(Exception):
    """A frame the app must not see; ``code`` closes the socket, None only drops the frame."""

    def __init__(self, reason: str, code: int | None = POLICY_VIOLATION):
        super().__init__(reason)
        self.code = code


@functools.lru_cache(maxsize=1024)
def _parameters(handler_name: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]] | None:
    """The handler's required and allowed argument names and those that must be strings; None if unknown."""
    from reflex_base.registry import RegistrationContext

    registered = RegistrationContext.get().event_handlers.get(handler_name)
    if registered is None:
        return None
    parameters = list(inspect.signature(registered.handler.fn).parameters.values())[1:]  # after self
    required = frozenset(p.name for p in parameters if p.default is inspect.Parameter.empty)
    strings = frozenset(p.name for p in parameters if p.annotation in (str, "str"))
    return required, frozenset(p.name for p in parameters), strings


def check_event(event: Any) -> None:
    """Raise ``Refused`` (drop) unless ``event`` names a registered handler with a payload that fits it."""
    if not isinstance(event, dict) or not isinstance(event.get("name"), str):
        raise Refused("an event that is not an object with a name", code=None)
    parameters = _parameters(event["name"])
    if parameters is None:
        raise Refused(f"an event for no handler: {event['name'][:200]!r}", code=None)
    payload = event.get("payload", {})
    required, allowed, strings = parameters
    if not isinstance(payload, dict) or not required <= payload.keys() <= allowed:
        raise Refused(f"a payload that does not fit {event['name'][:200]}", code=None)
    if any(not isinstance(payload[name], str) for name in strings & payload.keys()):
        raise Refused(f"a payload of the wrong type for {event['name'][:200]}", code=None)


def check_frame(frame: str) -> bool:
    """Raise ``Refused`` for a frame the app must not see; whether it carries an event (rate-limited)."""
    if len(frame) > MAX_FRAME:
        raise Refused(f"a frame of {len(frame)} characters", TOO_BIG)
    if not frame or frame[0] not in ENGINE_IO_TYPES:
        raise Refused("a frame that is not Engine.IO")
    if frame.startswith(("45", "46")):
        raise Refused("a binary Socket.IO packet")
    if not frame.startswith((SOCKET_IO_EVENT, SOCKET_IO_CONNECT)):
        return False
    _, comma, body = frame[2:].partition(",")
    if not comma:
        return frame.startswith(SOCKET_IO_EVENT)  # no namespace: Socket.IO refuses it itself
    try:
        data = json.loads(body.lstrip("0123456789"))  # an acknowledgement id may precede the data
    except ValueError as error:
        raise Refused("a frame whose data is not JSON") from error
    if frame.startswith(SOCKET_IO_CONNECT):
        if isinstance(data, dict) and "event" in data:
            check_event(data["event"])
        return False
    if not isinstance(data, list) or not data or data[0] not in ("event", "ping", "client_error"):
        raise Refused("a Socket.IO event the app does not handle", code=None)
    if data[0] == "event":
        check_event(data[1] if len(data) > 1 else None)
    return True


class _Socket:
    """One websocket's allowance: a bucket of events refilled at ``rate`` a second, and refusals."""

    def __init__(self, client: str, rate: float = EVENTS_PER_SECOND):
        self.client, self.rate, self.tokens, self.filled, self.refused = client, rate, float(BURST), time.monotonic(), 0

    def take_event(self) -> None:
        now = time.monotonic()
        self.tokens = min(BURST, self.tokens + (now - self.filled) * self.rate)
        self.filled = now
        if self.tokens < 1:
            raise Refused(f"events faster than {self.rate:.0f} a second")
        self.tokens -= 1

    def admit(self, message: Message) -> None:
        """Raise ``Refused`` for a received message the app must not see."""
        if message.get("bytes") is not None:
            raise Refused("a binary frame")
        try:
            if check_frame(message.get("text") or ""):
                self.take_event()
        except Refused as refusal:
            self.refused += 1
            if refusal.code is None and self.refused >= MAX_REFUSED:
                raise Refused(f"{self.refused} refused frames ({refusal})") from refusal
            raise


class SocketGuard:
    """The middleware: counts sockets per client, and filters what each sends before Reflex reads it."""

    def __init__(self, app: ASGIApp):
        self.app = app
        self.open: collections.Counter[str] = collections.Counter()
        # Read once, when the app is built.
        self.max_sockets, self.rate = max_sockets_per_client(), events_per_second()
        self.trusted_proxy_hops = get_config().trusted_proxy_hops

    async def __call__(self, scope: Message, receive, send) -> None:
        """Pass everything through; watch the event websocket."""
        if scope["type"] != "websocket" or not scope["path"].startswith(EVENT_PATH):
            return await self.app(scope, receive, send)
        client = client_address(scope, self.trusted_proxy_hops)
        if self.open[client] >= self.max_sockets:
            logger.warning("socket guard: refused a websocket from %s, which has %d open", client, self.open[client])
            await receive()  # websocket.connect
            return await send({"type": "websocket.close", "code": POLICY_VIOLATION})
        self.open[client] += 1
        try:
            await self.app(scope, _guarded_receive(receive, send, _Socket(client, self.rate)), send)
        finally:
            self.open[client] -= 1
            if not self.open[client]:
                del self.open[client]


def _guarded_receive(receive, send, socket: _Socket):
    closed = False

    async def guarded() -> Message:
        nonlocal closed
        while not closed:
            message = await receive()
            if message["type"] != "websocket.receive":
                return message
            try:
                socket.admit(message)
                return message
            except Refused as refusal:
                if refusal.code is None:
                    logger.warning("socket guard: dropped %s from %s", refusal, socket.client)
                    continue
                logger.warning("socket guard: closed a websocket from %s: %s", socket.client, refusal)
                closed = True
                await send({"type": "websocket.close", "code": refusal.code})
        # What the app sees of a socket the guard closed: the client went away.
        return {"type": "websocket.disconnect", "code": POLICY_VIOLATION}

    return guarded


def client_address(scope: Message, trusted_proxy_hops: int) -> str:
    """Whom a websocket's count goes to: the address Reflex reports for the client.

    The socket's peer, or behind ``trusted_proxy_hops`` trusted proxies the address they recorded in
    X-Forwarded-For. A request that carries X-Forwarded-For without trusted proxies most likely came
    through a proxy nobody told Reflex about: every reader would share the proxy's address, so the
    header's value is kept beside it and readers stay apart (a client that forges the header only
    escapes the count of sockets, never the limits on each one).
    """
    address = (scope.get("client") or ("unknown",))[0]
    headers = {name.decode("latin-1").lower(): value.decode("latin-1") for name, value in scope.get("headers", [])}
    forwarded = headers.get("x-forwarded-for", "")
    if not trusted_proxy_hops:
        return f"{address} for {forwarded.strip()}" if forwarded.strip() else address
    hops = [ip.strip() for ip in forwarded.split(",") if ip.strip()]
    return hops[-trusted_proxy_hops] if len(hops) >= trusted_proxy_hops else address
