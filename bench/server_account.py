"""Tables of the server's account of a load run: where each percentile's time went, and each event's cost."""

from __future__ import annotations

from bench.table import Table
from harness.event_account import bands, mean_split, per_event
from harness.load import LoadRun

SPLIT = [
    "state lock + load",
    "handler",
    "delta + JSON + emit",
    "state write",
    "Reflex's other work",
    "queued behind other tabs",
    "outside the handling",
]


def split_table(run: LoadRun, title: str) -> Table:
    """Each action's median, p95 and p99 band, its mean latency split by the server's account."""
    table = Table(title, ["action", "band", "actions", "latency", *SPLIT])
    accounts = run.accounts()
    for action, found in sorted(accounts.items()):
        for band, members in bands(found).items():
            split = mean_split(members)
            table.add(action, band, len(members), *(f"{split[part]:.1f}" for part in ["latency", *SPLIT]))
    matched = sum(len(found) for found in accounts.values())
    table.notes += [
        f"Milliseconds, the mean over the actions of each band (p50: p45-p55, p95: p93-p97, p99: the slowest 1.5%); "
        f"{matched} of {len(run.results.answered)} right answers matched to {len(run.server_events)} server events "
        "by their tab's token and time (BLOG_EVENT_TIMING, blog_app/core/event_timing.py).",
        "Work parts add up over the action's events (a navigation is three: on_load_internal, the page's on_load, "
        "set_is_hydrated; a filter change or search adds its handler). 'Queued behind other tabs': the action's "
        "events were queued but none of them ran (the event loop was busy with other tabs); 'outside the "
        "handling': before Reflex read the frame, after the emit, the network, the reader, and the redirect's "
        "round trip.",
    ]
    return table


def cost_table(run: LoadRun, title: str) -> Table:
    """Each handler's mean time per phase on the server: what one event costs."""
    columns = ["queued", "lock", "handler", "delta", "emit", "route", "write", "other", "work"]
    table = Table(title, ["event", "count", *columns])
    summary = per_event(run.server_events)
    for name, means in sorted(summary.items(), key=lambda item: -item[1]["events"]):
        table.add(name, means["events"], *(f"{means[column]:.2f}" for column in columns))
    events = sum(means["events"] for means in summary.values())
    work = sum(means["work"] * means["events"] for means in summary.values())
    if events:
        table.notes.append(
            f"Wall-clock milliseconds per event (means): {events} server events in {run.seconds:.0f} s. Their work "
            f"phases add up to {work / 1000 / run.seconds:.2f} s per second against {run.server_cpu:.2f} CPU seconds "
            "per second for the server's processes: above it, the phases also hold waiting (for a Redis answer, for "
            "the event loop between awaits, for a core); below it, the rest is the websockets' reading and writing."
        )
    return table
