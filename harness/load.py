"""Many readers at once against a production backend: the load engine the benchmarks and the CI load test share.

Readers (``harness.readers``) on real Socket.IO connections click through posts and the explorer;
the server's process tree is sampled for memory and CPU while they do.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import random
import statistics
import threading
import time
import uuid
from collections.abc import Callable

import httpx
import psutil
import redis

from harness.readers import TIMEOUT, Reader, Results, Site


class MemorySampler(threading.Thread):
    """Samples the RSS of a process and its children every ``every`` seconds, until stopped."""

    def __init__(self, pid: int, every: float = 2.0):
        super().__init__(daemon=True)
        self.process, self.every = psutil.Process(pid), every
        self.samples: list[tuple[float, int]] = []
        self.stopped = threading.Event()

    def _sum(self, measure: Callable[[psutil.Process], float]) -> float:
        total = 0.0
        for process in [self.process, *self.process.children(recursive=True)]:
            with contextlib.suppress(psutil.Error):
                total += measure(process)
        return total

    def rss(self) -> int:
        """The tree's resident memory now, in bytes."""
        return int(self._sum(lambda process: process.memory_info().rss))

    def cpu(self) -> float:
        """The CPU seconds the tree has used so far."""
        return self._sum(lambda process: sum(process.cpu_times()[:2]))

    def run(self) -> None:
        """Sample until ``stopped`` is set."""
        started = time.monotonic()
        while not self.stopped.wait(0 if not self.samples else self.every):
            self.samples.append((time.monotonic() - started, self.rss()))


@dataclasses.dataclass
class Memory:
    """The server's memory over the measured window: idle, middle and last third, and the trend."""

    idle: int
    middle: float
    last: float
    slope_per_minute: float

    @classmethod
    def of(cls, idle: int, samples: list[tuple[float, int]]) -> Memory:
        """Summarise ``samples`` (seconds, bytes); the slope is fitted over the last two thirds."""
        third = max(1, len(samples) // 3)
        middle, last = samples[third : 2 * third] or samples, samples[2 * third :] or samples
        tail = samples[third:]
        slope = statistics.linear_regression([t for t, _ in tail], [m for _, m in tail]).slope if len(tail) > 2 else 0
        return cls(idle, statistics.fmean(m for _, m in middle), statistics.fmean(m for _, m in last), slope * 60)


TOKEN_MIDDLE = "0000-4000-8000"  # reader tokens look like the frontend's UUIDs


@dataclasses.dataclass
class LoadRun:
    """One load run's results."""

    clients: int
    seconds: float
    results: Results
    memory: Memory
    server_cpu: float  # CPU seconds per second of the run (1.0 = one core busy)
    client_cpu: float
    load_average: float  # the machine's, over the last minute: other work competes for the cores
    run_id: str = ""  # the first part of every reader's token

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


def run_load(site: Site, clients: int, seconds: float, actions: list[str], think: float = 0.0) -> LoadRun:
    """``clients`` readers doing ``actions`` for ``seconds`` after all of them connected."""
    results, sampler = Results(), MemorySampler(site.app.popen.pid)
    idle = sampler.rss()
    # Tab tokens of one run share a prefix, so its state can be found in Redis afterwards.
    run_id = uuid.uuid4().hex[:8]
    readers = [Reader(site, n, results, actions, think, f"{run_id}-{TOKEN_MIDDLE}-{n:012d}") for n in range(clients)]
    connected, go = threading.Barrier(clients + 1), threading.Event()
    window: dict[str, float] = {}

    def life(reader: Reader) -> None:
        try:
            reader.connect()
        except Exception as error:  # a reader that cannot connect is a failure, not a crash
            results.record("connect", 0, 1, type(error).__name__)
            with contextlib.suppress(Exception):
                reader.tab.close()
            connected.wait()
            return
        connected.wait()
        go.wait()
        try:
            reader.run(window["until"])
        finally:
            reader.tab.close()

    threads = [threading.Thread(target=life, args=(reader,), daemon=True) for reader in readers]
    for thread in threads:
        thread.start()
        time.sleep(0.01)  # a ramp, as readers arrive: 100 connections per second
    connected.wait()
    started, server_cpu, client_cpu = time.monotonic(), sampler.cpu(), time.process_time()
    window["until"] = started + seconds
    sampler.start()
    go.set()
    for thread in threads:
        thread.join(seconds + 4 * TIMEOUT)
    sampler.stopped.set()
    elapsed = time.monotonic() - started
    server_cpu, client_cpu = (sampler.cpu() - server_cpu) / elapsed, (time.process_time() - client_cpu) / elapsed
    memory = Memory.of(idle, sampler.samples)
    return LoadRun(clients, elapsed, results, memory, server_cpu, client_cpu, os.getloadavg()[0], run_id)


def percentiles(values: list[float]) -> tuple[float, float, float]:
    """p50, p95 and p99 of ``values`` (seconds)."""
    if len(values) < 2:
        value = values[0] if values else float("nan")
        return value, value, value
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[49], cuts[94], cuts[98]


def ping_latencies(url: str, clients: int, seconds: float, think: float = 0.0) -> list[float]:
    """``GET /ping`` round trips from ``clients`` threads for ``seconds``: the HTTP floor of the same server."""
    latencies: list[float] = []
    until = time.monotonic() + seconds

    def loop(number: int) -> None:
        pause = random.Random(number)
        with httpx.Client(base_url=url, timeout=TIMEOUT) as client:
            while time.monotonic() < until:
                if think:
                    time.sleep(pause.uniform(0, 2 * think))
                started = time.perf_counter()
                client.get("/ping").raise_for_status()
                latencies.append(time.perf_counter() - started)

    threads = [threading.Thread(target=loop, args=(number,)) for number in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies
