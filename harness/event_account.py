"""The server's account of the readers' actions: where each percentile's time went.

The app processes write one line per event when ``BLOG_EVENT_TIMING`` names a folder
(``blog_app/core/event_timing.py``). An action a reader measured (for example a filter change: the
handler, its redirect, then the page's three on_load events) is matched to the events its tab's
token queued while it waited. Its latency then splits into the work of those events (state lock and
load, handler, delta, JSON encoding and emit, routing, state write), the time its events spent
queued on the server while the event loop ran other tabs' work, and the time outside the server's
handling (the socket before Reflex reads the frame, the network, the reader itself, and the round
trip between a redirect and the navigation it causes).
"""

from __future__ import annotations

import bisect
import collections
import dataclasses
import statistics
from typing import Any

WORK = ("lock", "handler", "delta", "emit", "route", "write", "other")
SLACK = 0.002  # seconds: the two clocks are the same, but the reader stamps its send just before it


@dataclasses.dataclass
class Account:
    """One action's latency, split (milliseconds)."""

    latency: float
    work: dict[str, float]
    queued: float  # inside the server's handling, but no event of this tab running
    outside: float  # the rest: socket, network, the reader, round trips between its events
    events: int


def _union(intervals: list[tuple[float, float]]) -> float:
    total, end = 0.0, float("-inf")
    for start, stop in sorted(intervals):
        if stop > end:
            total += stop - max(start, end)
            end = stop
    return total


class EventLog:
    """The server's event lines, indexed by token and queue time."""

    def __init__(self, lines: list[dict[str, Any]]):
        self.lines = lines
        self.by_token: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
        for line in sorted(lines, key=lambda line: line["at"]):
            self.by_token[line["token"]].append(line)
        self.times = {token: [line["at"] for line in events] for token, events in self.by_token.items()}

    def account(self, action: dict[str, Any]) -> Account | None:
        """The split of one action the reader reported (``token``, ``at`` in seconds, ``ms``)."""
        events = self.by_token.get(action["token"], [])
        start, stop = action["at"] - SLACK, action["at"] + action["ms"] / 1000
        times = self.times.get(action["token"], [])
        mine = events[bisect.bisect_left(times, start) : bisect.bisect_right(times, stop)]
        if not mine:
            return None
        work = {phase: sum(event[phase] for event in mine) for phase in WORK}
        handled = _union([(event["at"], event["at"] + event["total"] / 1000) for event in mine]) * 1000
        queued = max(0.0, handled - sum(work.values()))
        return Account(action["ms"], work, queued, max(0.0, action["ms"] - handled), len(mine))


def bands(accounts: list[Account]) -> dict[str, list[Account]]:
    """The actions around the median, p95 and p99 of latency (p45-p55, p93-p97, p98.5 and up)."""
    ordered = sorted(accounts, key=lambda account: account.latency)
    n = len(ordered)

    def between(low: float, high: float) -> list[Account]:
        return ordered[int(n * low) : max(int(n * low) + 1, int(n * high))]

    return {"p50": between(0.45, 0.55), "p95": between(0.93, 0.97), "p99": between(0.985, 1.0)}


def mean_split(accounts: list[Account]) -> dict[str, float]:
    """The mean of each part over ``accounts`` (milliseconds)."""
    parts = {
        "latency": [a.latency for a in accounts],
        "state lock + load": [a.work["lock"] for a in accounts],
        "handler": [a.work["handler"] for a in accounts],
        "delta + JSON + emit": [a.work["delta"] + a.work["emit"] for a in accounts],
        "state write": [a.work["write"] for a in accounts],
        "Reflex's other work": [a.work["route"] + a.work["other"] for a in accounts],
        "queued behind other tabs": [a.queued for a in accounts],
        "outside the handling": [a.outside for a in accounts],
    }
    return {part: statistics.fmean(values) if values else float("nan") for part, values in parts.items()}


def short_name(handler: str) -> str:
    """``post_state.on_load`` for ``reflex___state____state.blog_app___posts___post_state____post_state.on_load``."""
    *states, name = handler.split(".")
    return f"{states[-1].rsplit('____', 1)[-1]}.{name}" if len(states) > 1 else name


def per_event(lines: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """For each handler: events, and the mean milliseconds of each phase and of the work together."""
    by_name: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for line in lines:
        by_name[short_name(line["name"])].append(line)
    summary = {}
    for name, events in by_name.items():
        means = {phase: statistics.fmean(event[phase] for event in events) for phase in ("queued", *WORK)}
        means["work"] = sum(means[phase] for phase in WORK)
        summary[name] = {"events": len(events), **means}
    return summary
