"""An opt-in account of where each websocket event's time goes on the server (``BLOG_EVENT_TIMING``).

Set ``BLOG_EVENT_TIMING`` to a folder and every app process writes one JSON line per event it
processes to ``<folder>/events-<pid>.jsonl``: the tab's token, the handler, the wall-clock time it
was queued, and milliseconds spent

- ``queued``: from ``EventProcessor.enqueue`` to its task starting (behind the tab's earlier
  events and whatever else the event loop was running);
- ``lock``: entering ``StateManager.modify_state_with_links``: the tab's lock and its state loaded
  (memory for the disk manager; a Redis lock and GET for the Redis one);
- ``handler``: the app's handler itself (``process_event`` less its ``chain_updates``);
- ``delta``: computing the delta of the state (``BaseState._get_resolved_delta``);
- ``emit``: Socket.IO's ``emit`` of the update: its JSON encoding and hand-over to the websocket;
- ``route``: handing the events the handler returned to the queue (or to the browser);
- ``write``: leaving the state manager: the state stored (disk: queued for a debounced write;
  Redis: pickled, SET and unlocked);
- ``other``: the rest of the task (Reflex's bookkeeping around the handler);
- ``total``: from queued to the task's end.

The environment variable is read once, when ``install`` runs at start-up: unset, nothing is
wrapped and nothing costs anything. Set, the wrappers time Reflex's own methods and change none of
their behaviour. ``scripts/bench --only interaction`` and ``bench.ws_load`` turn it on and read the
lines back (``harness/event_account.py``).
"""

from __future__ import annotations

import asyncio
import contextvars
import dataclasses
import functools
import json
import os
import pathlib
import time
from collections.abc import Callable
from typing import Any

ENV = "BLOG_EVENT_TIMING"
PHASES = ("queued", "lock", "handler", "delta", "emit", "route", "write", "other")
FLUSH_EVERY = 0.5  # seconds between writes of the buffered lines
MAX_PENDING = 10_000


@dataclasses.dataclass
class EventTimes:
    """The clock readings of one event (perf_counter seconds, summed per phase)."""

    token: str
    name: str
    queued_at: float  # wall clock
    enqueued: float
    phases: dict[str, float] = dataclasses.field(default_factory=lambda: dict.fromkeys((*PHASES, "chain"), 0.0))
    started: float = 0.0


_current: contextvars.ContextVar[EventTimes | None] = contextvars.ContextVar("blog_event_times", default=None)


class _Log:
    """The process's lines, written to ``events-<pid>.jsonl`` in batches, ``FLUSH_EVERY`` s after the first."""

    def __init__(self, folder: pathlib.Path):
        self.folder, self.lines, self.scheduled = folder, [], False
        self.pending: dict[str, EventTimes] = {}

    def write(self, times: EventTimes, ended: float) -> None:
        seconds = times.phases
        seconds["queued"] = times.started - times.enqueued
        # chain_updates (timed as "chain") computes the delta, emits it and routes the chained events.
        # (An emit outside chain_updates, as a hydrate's, is not routing: never below zero.)
        seconds["route"] = max(0.0, seconds["chain"] - seconds["delta"] - seconds["emit"])
        total = ended - times.enqueued
        seconds["other"] = total - sum(seconds[p] for p in ("queued", "lock", "handler", "chain", "write"))
        phases = {name: round(seconds[name] * 1000, 3) for name in PHASES} | {"total": round(total * 1000, 3)}
        self.lines.append(json.dumps({"token": times.token, "name": times.name, "at": times.queued_at, **phases}))
        if not self.scheduled:
            self.scheduled = True
            asyncio.get_running_loop().call_later(FLUSH_EVERY, self.flush)

    def flush(self) -> None:
        # Opened per flush, after the server has forked its workers: each writes a file of its own.
        with open(self.folder / f"events-{os.getpid()}.jsonl", "a", encoding="utf-8") as file:
            file.write("".join(line + "\n" for line in self.lines))
        self.lines.clear()
        self.scheduled = False


def _timed(phase: str, method: Callable) -> Callable:
    """``method`` (a coroutine function), its time added to the current event's ``phase``."""

    @functools.wraps(method)
    async def timed(*args, **kwargs):
        times = _current.get()
        if times is None:
            return await method(*args, **kwargs)
        started = time.perf_counter()
        try:
            return await method(*args, **kwargs)
        finally:
            times.phases[phase] += time.perf_counter() - started

    return timed


def _wrap_enqueue(log: _Log, enqueue: Callable) -> Callable:
    @functools.wraps(enqueue)
    async def timed_enqueue(self, token, event, *args, **kwargs):
        enqueued, queued_at = time.perf_counter(), time.time()
        future = await enqueue(self, token, event, *args, **kwargs)
        log.pending[future.txid] = EventTimes(token, event.name, queued_at, enqueued)
        return future

    return timed_enqueue


def _wrap_entry(log: _Log, process_entry: Callable) -> Callable:
    @functools.wraps(process_entry)
    async def timed_entry(self, *, entry, registered_handler):
        times = log.pending.pop(entry.ctx.txid, None)
        if len(log.pending) > MAX_PENDING:  # events enqueued but cancelled before they ran
            log.pending.clear()
        if times is None:
            return await process_entry(self, entry=entry, registered_handler=registered_handler)
        times.started = time.perf_counter()
        _current.set(times)  # this task's own context: other events never see it
        try:
            return await process_entry(self, entry=entry, registered_handler=registered_handler)
        finally:
            log.write(times, time.perf_counter())

    return timed_entry


def _wrap_process_event(process_event: Callable) -> Callable:
    """``process_event`` timed as ``handler``, less what its ``chain_updates`` calls take (timed as ``chain``)."""

    @functools.wraps(process_event)
    async def timed_process_event(*args, **kwargs):
        times = _current.get()
        if times is None:
            return await process_event(*args, **kwargs)
        started, chained = time.perf_counter(), times.phases["chain"]
        try:
            return await process_event(*args, **kwargs)
        finally:
            times.phases["handler"] += time.perf_counter() - started - (times.phases["chain"] - chained)

    return timed_process_event


def install() -> bool:
    """Wrap Reflex's event path with timers when ``BLOG_EVENT_TIMING`` names a folder; whether it did."""
    folder = os.environ.get(ENV, "").strip()
    if not folder:
        return False
    from reflex.app import EventNamespace
    from reflex.istate.manager import _ModifyStateWithLinks
    from reflex.state import BaseState
    from reflex_base.event.processor import base_state_processor
    from reflex_base.event.processor.event_processor import EventProcessor

    pathlib.Path(folder).mkdir(parents=True, exist_ok=True)
    log = _Log(pathlib.Path(folder))
    EventProcessor.enqueue = _wrap_enqueue(log, EventProcessor.enqueue)
    EventProcessor._process_event_queue_entry = _wrap_entry(log, EventProcessor._process_event_queue_entry)
    _ModifyStateWithLinks.__aenter__ = _timed("lock", _ModifyStateWithLinks.__aenter__)
    _ModifyStateWithLinks.__aexit__ = _timed("write", _ModifyStateWithLinks.__aexit__)
    base_state_processor.chain_updates = _timed("chain", base_state_processor.chain_updates)
    base_state_processor.process_event = _wrap_process_event(base_state_processor.process_event)
    BaseState._get_resolved_delta = _timed("delta", BaseState._get_resolved_delta)
    # Socket.IO's emit, not Reflex's emit_update, which then yields the loop to other tabs' work.
    EventNamespace.emit = _timed("emit", EventNamespace.emit)
    return True


def read_account(folder: pathlib.Path) -> list[dict[str, Any]]:
    """Every event line the app processes wrote to ``folder`` so far."""
    return [
        json.loads(line) for path in sorted(folder.glob("events-*.jsonl")) for line in path.read_text().splitlines()
    ]
