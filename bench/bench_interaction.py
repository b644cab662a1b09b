"""Round trip of real state events over Reflex's websocket, with 1 and 50 readers at once.

One production backend (SQLite, the shipped posts plus 100 synthetic ones) serves every run.
A reader opens posts (``PostState.on_load`` through the navigation event), changes the
explorer's filter or searches it (``toggle_trait`` / ``search`` answer with a redirect, the tab
navigates, and ``ExplorerState.on_load`` rebuilds the view: two websocket round trips, as in a
browser).
The references, measured on the same server in the same run with the same readers: the
smallest app event (``toggle_filters`` flips one bool: the floor of Reflex's event path) and
``GET /ping`` over HTTP.
"""

from __future__ import annotations

import pathlib
import tempfile

from bench.server_account import split_table
from bench.table import Table
from bench.ws_load import cost_note, ms
from harness.load import percentiles, run_load
from harness.readers import FLOOR, PING, READER_ACTIONS, served_site

TARGET = 0.050  # p95 at 50 readers, for every action
# One reader clicks as fast as the answers come; fifty act about once a second each, as readers do.
THINK = {1: 0.0, 50: 1.0}


def bench_interaction(sizes: list[int]) -> list[Table]:
    """Latency percentiles per action and reference; ``sizes`` only says whether this is a quick run."""
    seconds = 5 if max(sizes) < 1000 else 15
    table = Table(
        "Interaction: websocket round trip of state events (100 synthetic posts + the shipped ones)",
        ["readers", "event", "completed", "p50", "p95", "p99", "p95 / floor"],
    )
    with (
        tempfile.TemporaryDirectory(prefix="bench-interaction-") as folder,
        served_site(pathlib.Path(folder), timing=True) as site,
    ):
        for clients, think in THINK.items():
            app = run_load(site, clients, seconds, READER_ACTIONS, think)
            floor = run_load(site, clients, seconds, [FLOOR], think)
            ping = run_load(site, clients, seconds, [PING], think)
            floor_p95 = percentiles(floor.results.latencies[FLOOR])[1]
            rows = [*sorted(app.results.latencies.items()), *floor.results.latencies.items()]
            for event, values in [*rows, *ping.results.latencies.items()]:
                p50, p95, p99 = percentiles(values)
                table.add(clients, event, len(values), ms(p50), ms(p95), ms(p99), f"{p95 / floor_p95:.1f}x")
            failed = app.failed + floor.failed + ping.failed
            table.notes.append(
                f"{clients} reader(s), think time {think} s: {app.actions / app.seconds:.0f} actions/s; "
                + cost_note(app)
                + f"; failed: {failed}"
                + (f" {dict(app.results.failures + floor.results.failures + ping.results.failures)}" if failed else "")
            )
            if clients == max(THINK):
                table.notes.append(target_note(table, app.results.latencies, clients))
                split = split_table(app, f"Interaction: where the time goes at {clients} readers (server's account)")
    table.notes.append(
        "`reflex run --env prod --backend-only` (one worker, SQLite) in a subprocess; readers in a Node process "
        "(harness/readers.cjs) on the same 2 cores. A filter change is two round trips (the handler's redirect, then the "
        "explorer's on_load), as in the browser; 'explorer on_load' is the navigation back from a post."
    )
    return [table, split]


def target_note(table: Table, latencies: dict[str, list[float]], clients: int) -> str:
    """Record whether each measured event met p95 < 50 ms (and by how much it missed) as targets of ``table``."""
    verdicts = []
    for event in sorted(latencies):
        p95 = percentiles(latencies[event])[1]
        verdict = table.target(
            f"Interaction: {event} p95 at {clients} readers",
            "< 50 ms",
            ms(p95),
            p95 < TARGET,
            f"{p95 / TARGET:.2f}x the bound",
        )
        verdicts.append(f"{event} p95 {ms(p95)}: {verdict}" + ("" if p95 < TARGET else f" by {p95 / TARGET:.1f}x"))
    return f"Target p95 < 50 ms at {clients} readers: " + "; ".join(verdicts)
