"""Many readers at once against production backends: the load engine the benchmarks and the CI load test share.

The readers run in Node processes (``harness/readers.cjs``, one event loop each, 250 readers at
most per process), apart from this one; this process starts them, opens the measured window for all
of them at one instant, samples the servers' memory, CPU and run-queue wait
(``harness.server_sampler``) while they act, takes the generators' own account of their CPU and
event loops, and checks every answer they report against the database (``harness.readers.Site``).
"""

from __future__ import annotations

import collections
import dataclasses
import json
import math
import os
import pathlib
import shutil
import statistics
import subprocess
import threading
import time
import uuid
from typing import Any

import redis

from blog_app.core import event_timing, settings
from harness.event_account import Account, EventLog
from harness.readers import EXPLORER, SEARCH_WORDS, TIMEOUT, Results, Site
from harness.server_sampler import Memory, MemorySampler

READERS_SCRIPT = pathlib.Path(__file__).with_name("readers.cjs")
# scripts/bootstrap.sh installs socket.io-client here, the version Reflex's frontend pins.
NODE_MODULES = settings.PROJECT_ROOT / ".tools" / "loadgen" / "node_modules"
READERS_PER_GENERATOR = 250
TOKEN_MIDDLE = "0000-4000-8000"  # reader tokens look like the frontend's UUIDs


@dataclasses.dataclass
class Generator:
    """What the load generator cost: CPU per second of the window, and its event loops' own account."""

    cpu: float  # CPU seconds per second (1.0 = one core busy), all generator processes together
    processes: int
    loop_utilization: float  # the busiest event loop's share of the window spent working
    loop_delay_p99_ms: float  # the worst p99 delay of a timer on any generator's loop


@dataclasses.dataclass
class LoadRun:
    """One load run's results."""

    clients: int
    seconds: float
    results: Results
    memory: Memory
    server_cpu: float  # CPU seconds per second of the run (1.0 = one core busy)
    server_waiting: float  # seconds per second the server's threads waited for a core (the machine's contention)
    generator: Generator
    load_average: float  # the machine's, over the last minute: other work competes for the cores
    run_id: str = ""  # the first part of every reader's token
    # The server's line for each event of the window (BLOG_EVENT_TIMING), when the site keeps them.
    server_events: list[dict[str, Any]] = dataclasses.field(default_factory=list)

    def accounts(self) -> dict[str, list[Account]]:
        """Each action kind's right answers, split by the server's account of their events."""
        log = EventLog(self.server_events)
        accounts: dict[str, list[Account]] = collections.defaultdict(list)
        for report in self.results.answered:
            if (account := log.account(report)) is not None:
                accounts[report["action"]].append(account)
        return accounts

    def delete_redis_state(self, redis_url: str) -> int:
        """Delete what the run's tabs left in Redis (Reflex keys each state by its tab's token)."""
        with redis.Redis.from_url(redis_url) as client:
            keys = list(client.scan_iter(match=f"*{self.run_id}-{TOKEN_MIDDLE}-*", count=1000))
            return client.delete(*keys) if keys else 0

    @property
    def failed(self) -> int:
        """Failed actions of every kind."""
        return sum(self.results.failures.values())

    @property
    def actions(self) -> int:
        """Actions that completed correctly."""
        return sum(len(values) for values in self.results.latencies.values())

    @property
    def events_per_second(self) -> float:
        """Websocket events the readers sent per second of the window."""
        return self.results.events_sent / self.seconds


def node_path() -> str:
    """The Node binary and, beside it, socket.io-client (``scripts/bootstrap.sh`` installs both)."""
    js_bin = settings.PROJECT_ROOT / ".tools" / "js" / "node_modules" / ".bin"
    node = shutil.which("node", path=f"{js_bin}{os.pathsep}{os.environ.get('PATH', '')}")
    if node is None or not (NODE_MODULES / "socket.io-client").is_dir():
        raise RuntimeError("Node or socket.io-client is missing: run scripts/test or scripts/bench once to set them up")
    return node


class Readers:
    """The Node processes playing ``clients`` readers of ``site``; each reports one JSON line per action."""

    def __init__(self, site: Site, clients: int, seconds: float, actions: list[str], think: float, run_id: str):
        count = max(1, math.ceil(clients / READERS_PER_GENERATOR))
        self.reports: list[dict[str, Any]] = []
        self.processes: list[subprocess.Popen] = []
        self._readers: list[threading.Thread] = []
        self._connected = threading.Semaphore(0)
        base = {
            "urls": [app.url for app in site.apps],
            "seconds": seconds,
            "think": think,
            "actions": actions,
            "slugs": sorted(site.titles),
            "pros": site.pros,
            "words": SEARCH_WORDS,
            "explorer": EXPLORER,
            "tokenPrefix": f"{run_id}-{TOKEN_MIDDLE}",
            "timeout": TIMEOUT,
        }
        share = math.ceil(clients / count)
        for first in range(0, clients, share):
            config = base | {"first": first, "readers": min(share, clients - first)}
            self._start(config)

    def _start(self, config: dict[str, Any]) -> None:
        process = subprocess.Popen(
            [node_path(), str(READERS_SCRIPT), json.dumps(config)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=os.environ | {"NODE_PATH": str(NODE_MODULES)},
            text=True,
        )
        self.processes.append(process)
        reader = threading.Thread(target=self._read, args=(process,), daemon=True)
        reader.start()
        self._readers.append(reader)

    def _read(self, process: subprocess.Popen) -> None:
        for line in process.stdout:
            report = json.loads(line)
            if report["type"] == "connected":
                self._connected.release()
            else:
                self.reports.append(report)
        self._connected.release()  # a generator that died must not hang the barrier

    def wait_connected(self, timeout: float) -> None:
        """Wait until every generator has connected its readers."""
        for _ in self.processes:
            if not self._connected.acquire(timeout=timeout):
                raise RuntimeError(f"the readers did not connect within {timeout} s")

    def go(self) -> None:
        """Open the measured window in every generator at once."""
        for process in self.processes:
            process.stdin.write("go\n")
            process.stdin.flush()

    def finish(self, timeout: float) -> None:
        """Wait for every generator to report its end; kill any that lingers."""
        for process, reader in zip(self.processes, self._readers, strict=True):
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            reader.join(5)
        errors = [report["message"] for report in self.reports if report["type"] == "error"]
        if errors:
            raise RuntimeError("a reader process failed:\n" + "\n".join(errors))

    def generator(self, seconds: float) -> Generator:
        """The generators' cost over the ``seconds`` of the window, from their ``done`` reports."""
        done = [report for report in self.reports if report["type"] == "done"]
        loops = [report["loop"] for report in done]
        return Generator(
            cpu=sum(report["cpu_seconds"] for report in done) / seconds,
            processes=len(self.processes),
            loop_utilization=max((loop["utilization"] for loop in loops), default=math.nan),
            loop_delay_p99_ms=max((loop["delay_p99_ms"] for loop in loops), default=math.nan),
        )


def reader_token(run_id: str, number: int) -> str:
    """The tab token of reader ``number`` of the run ``run_id`` (what ``harness/readers.cjs`` uses)."""
    return f"{run_id}-{TOKEN_MIDDLE}-{number:012d}"


def run_load(
    site: Site, clients: int, seconds: float, actions: list[str], think: float = 0.0, run_id: str = ""
) -> LoadRun:
    """``clients`` readers doing ``actions`` for ``seconds`` after all of them connected.

    Tab tokens of one run share a prefix, ``run_id`` (random unless given), so its state can be
    found in Redis afterwards.
    """
    sampler = MemorySampler([app.popen.pid for app in site.apps])
    idle = sampler.rss()
    run_id = run_id or new_run_id()
    readers = Readers(site, clients, seconds, actions, think, run_id)
    try:
        readers.wait_connected(timeout=60 + clients * 0.1)
        started, started_at = time.monotonic(), time.time()
        server_cpu, server_waiting = sampler.cpu(), sampler.run_queue_wait()
        sampler.start()
        readers.go()
        readers.finish(seconds + 4 * TIMEOUT)
    finally:
        sampler.stopped.set()
        for process in readers.processes:
            if process.poll() is None:
                process.kill()
    elapsed = time.monotonic() - started
    server_cpu = (sampler.cpu() - server_cpu) / elapsed
    server_waiting = (sampler.run_queue_wait() - server_waiting) / elapsed
    generator = readers.generator(elapsed)
    results = Results()
    for report in readers.reports:
        if report["type"] == "action":
            results.record(site, report)
    memory = Memory.of(idle, sampler.samples)
    run = LoadRun(clients, elapsed, results, memory, server_cpu, server_waiting, generator, os.getloadavg()[0], run_id)
    if site.timing is not None:
        time.sleep(2 * event_timing.FLUSH_EVERY)  # the apps write their lines in batches
        window = started_at, time.time()
        run.server_events = [e for e in event_timing.read_account(site.timing) if window[0] <= e["at"] <= window[1]]
    return run


def new_run_id() -> str:
    """A fresh prefix for a run's tab tokens."""
    return uuid.uuid4().hex[:8]


def percentiles(values: list[float]) -> tuple[float, float, float]:
    """p50, p95 and p99 of ``values`` (seconds)."""
    if len(values) < 2:
        value = values[0] if values else float("nan")
        return value, value, value
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[49], cuts[94], cuts[98]
