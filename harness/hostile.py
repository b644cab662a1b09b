"""A hostile client of the event websocket, for the hostile-client test and benchmark.

It speaks raw Engine.IO / Socket.IO frames (``websocket-client``), so it can send what no browser
would: frames that are not Engine.IO, events for handlers that do not exist or are private,
payloads that do not fit, a live tab's token, 1 MB frames, hundreds of sockets at once and events
as fast as the socket takes them. Every attack is bounded in count and time and goes to the
loopback address of the served site only. ``Attack.outcomes`` counts what the server did: sockets
it closed or refused, frames it answered.
"""

from __future__ import annotations

import collections
import contextlib
import json
import threading
import time
import uuid
from collections.abc import Callable

import websocket

from blog_app.core import socket_guard

ROOT = "reflex___state____state"
EXPLORER = f"{ROOT}.blog_app___explorer___state____explorer_state"
BOOT = {
    "name": f"{ROOT}.hydrate_and_load",
    "payload": {},
    "router_data": {"pathname": "/frameworks", "asPath": "/frameworks"},
}
SOCKETS = 300  # opened at once from one address
FLOOD_FRAMES = 3000  # sent as fast as the socket takes them, at most
BIG_FRAME = 1_000_000
TIMEOUT = 10.0
# The guard as shipped (served_site lifts its limits for ordinary load runs, whose readers share one address).
SHIPPED_GUARD = {
    "BLOG_MAX_SOCKETS_PER_CLIENT": str(socket_guard.MAX_SOCKETS_PER_CLIENT),
    "BLOG_EVENTS_PER_SECOND": str(socket_guard.EVENTS_PER_SECOND),
}


def event_frame(name: str, payload: dict) -> str:
    """A Socket.IO EVENT frame carrying a Reflex event, as the frontend sends it."""
    event = {"name": name, "payload": payload, "router_data": {"pathname": "/frameworks", "asPath": "/frameworks"}}
    return "42/_event," + json.dumps(["event", event])


MALFORMED = [
    "xyz",
    "\x00\xff\x00",
    "42/_event,[",
    "42/_event,{}",
    '42/_event,["event"]',
    '42/_event,["event","text"]',
    '42/_event,["event",{"name":5}]',
    '42/_event,["surprise",{}]',
    "45-/_event,[]",
]
UNKNOWN = [
    event_frame("no.such.handler", {}),
    event_frame(f"{EXPLORER}._load", {}),
    event_frame(f"{EXPLORER}._go", {"params": {}}),
    event_frame(f"{EXPLORER}.toggle_trait", {"kind": "pro", "key": "x", "extra": 1}),
    event_frame(f"{EXPLORER}.toggle_trait", {"kind": ["pro"], "key": {"a": 1}}),
    event_frame(f"{EXPLORER}.search", {"text": 5}),
    event_frame(f"{ROOT}.no_such_state.handler", {}),
]


class Attack:
    """The attacks on the site at ``url``; ``victim_token`` is a live reader's tab token to steal."""

    def __init__(self, url: str, victim_token: str):
        self.url = url.replace("http://", "ws://", 1) + "/_event/?EIO=4&transport=websocket&token="
        self.victim_token = victim_token
        self.outcomes: collections.Counter[str] = collections.Counter()

    def connect(self, token: str | None = None) -> websocket.WebSocket | None:
        """An Engine.IO websocket with its namespace connected (the hydrate in the CONNECT frame); None if refused."""
        try:
            socket = websocket.create_connection(self.url + (token or str(uuid.uuid4())), timeout=TIMEOUT)
            socket.recv()  # Engine.IO open
            socket.send("40/_event," + json.dumps({"event": BOOT}))
            return socket
        except (OSError, websocket.WebSocketException):
            return None

    def _closed_by_server(self, socket: websocket.WebSocket, frames: list[str], name: str) -> None:
        with contextlib.closing(socket):
            try:
                for frame in frames:
                    socket.send(frame)
                deadline = time.monotonic() + TIMEOUT
                while time.monotonic() < deadline:
                    socket.recv()
            except (OSError, websocket.WebSocketException):
                self.outcomes[f"{name}: closed by the server"] += 1
                return
        self.outcomes[f"{name}: left open"] += 1

    def malformed_frames(self) -> None:
        """One socket per frame that is not what Reflex speaks."""
        for frame in MALFORMED:
            if socket := self.connect():
                self._closed_by_server(socket, [frame], "malformed frame")

    def unknown_events(self) -> None:
        """Events for no handler, private methods, payloads that do not fit: dropped, then the socket closed."""
        if socket := self.connect():
            self._closed_by_server(socket, UNKNOWN * 2, "unknown or private events")

    def stolen_token(self) -> None:
        """Connect with a live reader's token and act: Reflex must hand this socket a token of its own."""
        socket = self.connect(self.victim_token)
        if socket is None:
            return
        with contextlib.closing(socket):
            socket.send(event_frame(f"{EXPLORER}.toggle_filters", {}))
            socket.settimeout(2)
            with contextlib.suppress(OSError, websocket.WebSocketException):
                while frame := socket.recv():
                    if '"new_token"' in frame:
                        self.outcomes["stolen token: given a new token"] += 1

    def big_frames(self) -> None:
        """1 MB frames, each on its own socket."""
        frame = event_frame(f"{EXPLORER}.search", {"text": "a" * BIG_FRAME})
        for _ in range(3):
            if socket := self.connect():
                self._closed_by_server(socket, [frame], "1 MB frame")

    def many_sockets(self, hold: float = 3.0) -> None:
        """``SOCKETS`` sockets from one address at once, held for ``hold`` seconds."""
        sockets = [self.connect() for _ in range(SOCKETS)]
        opened = [socket for socket in sockets if socket is not None]
        for socket in opened:
            try:
                socket.settimeout(2)
                socket.recv()  # the namespace's CONNECT answer, or the close of a refused socket
                self.outcomes["many sockets: accepted"] += 1
            except (OSError, websocket.WebSocketException):
                self.outcomes["many sockets: refused"] += 1
        self.outcomes["many sockets: refused"] += len(sockets) - len(opened)
        time.sleep(hold)
        for socket in opened:
            socket.close()

    def flood(self) -> None:
        """Events as fast as the socket takes them, at most ``FLOOD_FRAMES``."""
        socket = self.connect()
        if socket is None:
            return
        frame = event_frame(f"{EXPLORER}.toggle_filters", {})
        with contextlib.closing(socket):
            for sent in range(FLOOD_FRAMES):
                try:
                    socket.send(frame)
                except (OSError, websocket.WebSocketException):
                    self.outcomes["flood: closed by the server"] += 1
                    self.outcomes["flood: frames sent before"] = sent
                    return
            self._closed_by_server(socket, [], "flood")

    def all(self) -> list[Callable[[], None]]:
        """Every attack, in the order ``run`` makes them."""
        return [
            self.stolen_token,
            self.many_sockets,
            self.flood,
            self.malformed_frames,
            self.unknown_events,
            self.big_frames,
        ]

    def run(self) -> None:
        """Make every attack once, one after the other."""
        for attack in self.all():
            attack()


def in_background(attack: Attack, delay: float) -> threading.Thread:
    """Start ``attack.run`` after ``delay`` seconds in a thread of its own."""

    def later() -> None:
        time.sleep(delay)
        attack.run()

    thread = threading.Thread(target=later, daemon=True)
    thread.start()
    return thread
