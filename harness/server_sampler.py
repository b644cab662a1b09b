"""The server's process trees while readers act: resident memory sampled, CPU and run-queue wait read.

The run-queue wait (Linux ``/proc/<pid>/task/*/schedstat``) is the time the server's threads were
ready to run but had no core: on a machine shared with other work, it tells a slow answer caused by
the server from one caused by the machine.
"""

from __future__ import annotations

import contextlib
import dataclasses
import pathlib
import statistics
import threading
import time
from collections.abc import Callable

import psutil


class MemorySampler(threading.Thread):
    """Samples the RSS of processes and their children every ``every`` seconds, until stopped."""

    def __init__(self, pids: list[int], every: float = 2.0):
        super().__init__(daemon=True)
        self.roots, self.every = [psutil.Process(pid) for pid in pids], every
        self.samples: list[tuple[float, int]] = []
        self.stopped = threading.Event()

    def _sum(self, measure: Callable[[psutil.Process], float]) -> float:
        total = 0.0
        for root in self.roots:
            for process in [root, *root.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    total += measure(process)
        return total

    def rss(self) -> int:
        """The trees' resident memory now, in bytes."""
        return int(self._sum(lambda process: process.memory_info().rss))

    def cpu(self) -> float:
        """The CPU seconds the trees have used so far."""
        return self._sum(lambda process: sum(process.cpu_times()[:2]))

    def run_queue_wait(self) -> float:
        """Seconds the trees' threads have spent ready to run but waiting for a core (Linux schedstat)."""
        return self._sum(_run_queue_wait)

    def run(self) -> None:
        """Sample until ``stopped`` is set."""
        started = time.monotonic()
        while not self.stopped.wait(0 if not self.samples else self.every):
            self.samples.append((time.monotonic() - started, self.rss()))


def _run_queue_wait(process: psutil.Process) -> float:
    total = 0
    with contextlib.suppress(OSError):  # the process may be gone
        for task in pathlib.Path(f"/proc/{process.pid}/task").iterdir():
            with contextlib.suppress(OSError, ValueError, IndexError):
                total += int((task / "schedstat").read_text().split()[1])
    return total / 1e9


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

    @property
    def growth(self) -> float:
        """The last third against the middle third (0.05 = 5% more)."""
        return (self.last - self.middle) / self.middle
