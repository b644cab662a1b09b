"""Many readers at once against a production deployment: latency, failures, CPU and the server's memory.

``python -m bench.ws_load --clients 500 --seconds 60 --deployment redis`` (or ``scripts/bench --only
load``) serves the site (``harness.readers.served_site``: the shipped posts plus 100 synthetic
ones) in one of three deployments, connects ``--clients`` readers from Node processes
(``harness/readers.cjs``), lets them click through posts and the explorer for ``--seconds``, and
prints the latency percentiles per action, the failed actions (timeouts, disconnects, error events,
wrong answers), the CPU of the server and of the load generator, and the RSS of the server's
processes sampled every 2 s: its middle and last third and its trend, to show memory does not keep
growing.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import pathlib
import tempfile
from collections.abc import Iterator

from bench.server_account import cost_table, split_table
from bench.table import Table
from harness import services
from harness.load import LoadRun, percentiles, run_load
from harness.readers import READER_ACTIONS, Site, served_site

P95_BOUND = 0.250
CPU_PER_EVENT_BOUND = 0.002
MEMORY_PER_READER_BOUND = 50e3
WARM_UP_READERS, WARM_UP_SECONDS = 20, 5


@dataclasses.dataclass(frozen=True)
class Deployment:
    """How the site is served: processes, workers per process, the database and the state manager."""

    name: str
    processes: int
    workers: int
    postgres: bool
    redis: bool

    def describe(self) -> str:
        """One line for a table's note."""
        database = "PostgreSQL" if self.postgres else "SQLite"
        manager = "tab states in Redis" if self.redis else "tab states in the process"
        return f"{self.processes} process(es) x {self.workers} worker(s), {database}, {manager}"


DEPLOYMENTS = {
    deployment.name: deployment
    for deployment in (
        Deployment("sqlite", processes=1, workers=1, postgres=False, redis=False),
        Deployment("redis", processes=1, workers=2, postgres=False, redis=True),
        Deployment("postgres", processes=2, workers=1, postgres=True, redis=True),
    )
}


@contextlib.contextmanager
def deployed(deployment: Deployment, posts: int, timing: bool = True) -> Iterator[Site]:
    """The site served as ``deployment`` says, on throwaway databases, accounting for each event; stopped afterwards."""
    env = {"GRANIAN_WORKERS": str(deployment.workers)}
    with contextlib.ExitStack() as stack:
        folder = pathlib.Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="ws-load-")))
        if deployment.redis:
            services.require_redis()
            env["REDIS_URL"] = services.REDIS_URL
        if deployment.postgres:
            env["DATABASE_URL"] = stack.enter_context(services.throwaway_database("load"))
        yield stack.enter_context(served_site(folder, posts, deployment.processes, timing, **env))


def ms(seconds: float) -> str:
    """Seconds as milliseconds for a table."""
    return f"{seconds * 1000:.1f} ms"


def cost_note(run: LoadRun) -> str:
    """CPU of the server and of the load generator, and the generator's own account of its event loops."""
    generator = run.generator
    per_event = run.server_cpu / run.events_per_second * 1000 if run.events_per_second else float("nan")
    return (
        f"CPU: server {run.server_cpu:.0%} of a core ({per_event:.1f} ms per websocket event on average), "
        f"load generator {generator.cpu:.0%} ({generator.processes} Node process(es); busiest event loop "
        f"{generator.loop_utilization:.0%} busy, timer delay p99 {generator.loop_delay_p99_ms:.1f} ms); "
        f"the server's threads waited {run.server_waiting * 1000:.0f} ms per second for a core (run queue); "
        f"machine load average {run.load_average:.1f} on {os.cpu_count()} cores (other work included)"
    )


def load_table(run: LoadRun, title: str) -> Table:
    """The run as a table: latency per action, throughput, failures, CPU and memory."""
    table = Table(title, ["action", "completed", "p50", "p95", "p99"])
    for action, values in sorted(run.results.latencies.items()):
        table.add(action, len(values), *map(ms, percentiles(values)))
    memory = run.memory
    table.notes += [
        f"{run.clients} clients for {run.seconds:.0f} s: {run.actions / run.seconds:.0f} actions/s, "
        f"{run.events_per_second:.0f} websocket events/s sent; failed actions: {run.failed}"
        + (f" ({dict(run.results.failures)})" if run.failed else ""),
        f"server RSS: {memory.idle / 1e6:.0f} MB idle (after a warm-up), {memory.middle / 1e6:.0f} MB in the middle third, "
        f"{memory.last / 1e6:.0f} MB in the last third, trend {memory.slope_per_minute / 1e6:+.1f} MB/min",
        cost_note(run),
    ]
    table.target(
        f"Load: failed actions, {run.clients} readers", "0", str(run.failed), run.failed == 0, f"{run.failed} failed"
    )
    worst = max((percentiles(values)[1] for values in run.results.latencies.values()), default=float("nan"))
    table.target(
        f"Load: p95 of every action, {run.clients} readers",
        "< 250 ms",
        ms(worst),
        worst < P95_BOUND,
        f"{worst / P95_BOUND:.2f}x the bound",
    )
    per_event = run.server_cpu / run.events_per_second if run.events_per_second else float("nan")
    table.target(
        f"Load: server CPU per websocket event, {run.clients} readers",
        "<= 2 ms",
        ms(per_event),
        per_event <= CPU_PER_EVENT_BOUND,
        f"{per_event / CPU_PER_EVENT_BOUND:.2f}x the bound",
    )
    per_reader = (memory.last - memory.idle) / run.clients
    table.target(
        f"Load: server memory per connected reader, {run.clients} readers",
        "<= 50 kB",
        f"{per_reader / 1e3:.0f} kB",
        per_reader <= MEMORY_PER_READER_BOUND,
        f"{per_reader / MEMORY_PER_READER_BOUND:.2f}x the bound",
    )
    table.target(
        f"Load: memory, last third vs middle third, {run.clients} readers",
        "not growing (< 5%)",
        f"{memory.middle / 1e6:.0f} -> {memory.last / 1e6:.0f} MB",
        memory.growth < 0.05,
        f"{memory.growth:+.1%}",
    )
    return table


def main() -> None:
    """Run one load test and print its table."""
    parser = argparse.ArgumentParser(prog="python -m bench.ws_load")
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--posts", type=int, default=100, help="synthetic posts beside the shipped ones")
    parser.add_argument("--think", type=float, default=1.0, help="mean pause between a reader's actions (s)")
    parser.add_argument(
        "--deployment",
        choices=DEPLOYMENTS,
        default="sqlite",
        help=", ".join(f"{d.name}: {d.describe()}" for d in DEPLOYMENTS.values()),
    )
    args = parser.parse_args()
    for table in load(args.clients, args.seconds, DEPLOYMENTS[args.deployment], args.posts, args.think):
        print(table.markdown(), flush=True)


def load(clients: int, seconds: float, deployment: Deployment, posts: int = 100, think: float = 1.0) -> list[Table]:
    """Serve the site as ``deployment``, run ``clients`` readers for ``seconds``, and tabulate it and its account."""
    with deployed(deployment, posts) as site:
        # Caches filled and every worker started before the idle memory is read: the run measures readers.
        run_load(site, WARM_UP_READERS, WARM_UP_SECONDS, READER_ACTIONS, think=0.2)
        run = run_load(site, clients, seconds, READER_ACTIONS, think)
        deleted = run.delete_redis_state(services.REDIS_URL) if deployment.redis else 0
    table = load_table(run, f"Load: {clients} readers for {seconds:.0f} s ({deployment.describe()})")
    table.notes.append(
        f"{len(site.titles)} posts; `reflex run --env prod --backend-only`; readers in Node (mean think time "
        f"{think} s) on the same 2 cores as the server"
        + (f"; {deleted} Redis keys of the run deleted afterwards" if deployment.redis else "")
    )
    split = split_table(run, f"Load: where the time goes, {clients} readers ({deployment.name})")
    return [table, split, cost_table(run, f"Load: server time per event, {clients} readers ({deployment.name})")]


def bench_load(sizes: list[int]) -> list[Table]:
    """``scripts/bench --only load``: 500 readers for 60 s on 2 workers + Redis (``--quick``: 50 for 15 s)."""
    if max(sizes) >= 1000:
        return load(500, 60, DEPLOYMENTS["redis"])
    return load(50, 15, DEPLOYMENTS["sqlite"])


if __name__ == "__main__":
    main()
