"""Many readers at once against a production backend: latency, failures and the server's memory.

``python -m bench.ws_load --clients 200 --seconds 60`` (or ``scripts/bench --only load``) serves
the site (``harness.readers.served_site``: the shipped posts plus 100 synthetic ones, SQLite,
``reflex run --env prod --backend-only`` in a subprocess), connects ``--clients`` readers from
this process, lets them click through posts and the explorer for ``--seconds``, and prints the
latency percentiles per action, the failed actions (timeouts, disconnects, error events, wrong
state), and the RSS of the server's process tree sampled every 2 s: its middle and last third and
its trend, to show memory does not keep growing.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import tempfile

from bench.table import Table
from harness.load import LoadRun, percentiles, run_load
from harness.readers import READER_ACTIONS, served_site


def ms(seconds: float) -> str:
    """Seconds as milliseconds for a table."""
    return f"{seconds * 1000:.1f} ms"


def load_table(run: LoadRun, title: str) -> Table:
    """The run as a table: latency per action, throughput, failures and memory."""
    table = Table(title, ["action", "completed", "p50", "p95", "p99"])
    for action, values in sorted(run.results.latencies.items()):
        table.add(action, len(values), *map(ms, percentiles(values)))
    memory = run.memory
    table.notes += [
        f"{run.clients} clients for {run.seconds:.0f} s: {run.actions / run.seconds:.0f} actions/s, "
        f"{run.results.events_sent / run.seconds:.0f} websocket events/s sent; failed actions: {run.failed}"
        + (f" ({dict(run.results.failures)})" if run.failed else ""),
        f"server RSS: {memory.idle / 1e6:.0f} MB idle, {memory.middle / 1e6:.0f} MB in the middle third, "
        f"{memory.last / 1e6:.0f} MB in the last third, trend {memory.slope_per_minute / 1e6:+.1f} MB/min",
        f"CPU: server {run.server_cpu:.0%} of a core, load generator {run.client_cpu:.0%}; "
        f"machine load average {run.load_average:.1f} on {os.cpu_count()} cores (other work included)",
    ]
    # Issue 8's bar for the load test: nothing fails, and memory levels off (last third vs middle third).
    table.target(
        f"Load: failed actions, {run.clients} clients", "0", str(run.failed), run.failed == 0, f"{run.failed} failed"
    )
    growth = (memory.last - memory.middle) / memory.middle
    table.target(
        f"Load: memory, last third vs middle third, {run.clients} clients",
        "not growing (< 5%)",
        f"{memory.middle / 1e6:.0f} -> {memory.last / 1e6:.0f} MB",
        growth < 0.05,
        f"{growth:+.1%}",
    )
    return table


def main() -> None:
    """Run one load test and print its table."""
    parser = argparse.ArgumentParser(prog="python -m bench.ws_load")
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--posts", type=int, default=100, help="synthetic posts beside the shipped ones")
    parser.add_argument("--think", type=float, default=1.0, help="mean pause between a reader's actions (s)")
    parser.add_argument("--redis", help="a Redis URL: use Reflex's Redis state manager (then --workers may be > 1)")
    parser.add_argument("--workers", type=int, default=1, help="backend worker processes (GRANIAN_WORKERS)")
    args = parser.parse_args()
    table = load(args.clients, args.seconds, args.posts, args.think, args.redis, args.workers)
    print(table.markdown(), flush=True)


def load(
    clients: int, seconds: float, posts: int = 100, think: float = 1.0, redis_url: str | None = None, workers: int = 1
) -> Table:
    """Serve the site, run ``clients`` readers for ``seconds``, and tabulate it."""
    env = {"GRANIAN_WORKERS": str(workers)} | ({"REDIS_URL": redis_url} if redis_url else {})
    with (
        tempfile.TemporaryDirectory(prefix="ws-load-") as folder,
        served_site(pathlib.Path(folder), posts, **env) as site,
    ):
        run = run_load(site, clients, seconds, READER_ACTIONS, think)
        deleted = run.delete_redis_state(redis_url) if redis_url else 0
    manager = f"Redis, {deleted} keys of the run deleted afterwards" if redis_url else "Reflex's default disk"
    table = load_table(run, f"Load: {clients} websocket clients for {seconds:.0f} s ({manager} state manager)")
    table.notes.append(
        f"{len(site.titles)} posts on SQLite; `reflex run --env prod --backend-only`, {workers} worker(s), in a subprocess; "
        f"the readers run in this process (one thread each, mean think time {think} s): both share the machine's cores"
    )
    return table


def bench_load(sizes: list[int]) -> Table:
    """``scripts/bench --only load``: 200 readers for 60 s (``--quick``: 50 for 15 s)."""
    return load(200, 60) if max(sizes) >= 1000 else load(50, 15)


if __name__ == "__main__":
    main()
