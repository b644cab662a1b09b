"""Many readers at once over Reflex's websocket, against a real production backend.

``python -m bench.ws_load --clients 200 --seconds 60`` copies the project with its shipped posts
plus synthetic ones, starts ``reflex run --env prod --backend-only`` on SQLite in a subprocess
(the pages' static files play no part in events), and connects ``--clients`` tabs to ``/_event``
from this process, one thread each, as the frontend's ``state.js`` does. Every reader then loops:
open a random post (navigation: ``on_load_internal`` runs ``PostState.on_load``), toggle a pro
filter or search in the explorer (the handler answers with a redirect, the tab navigates, and
``ExplorerState.on_load`` rebuilds the view). An action's latency runs from sending its first
event to the update that ends it (``is_hydrated`` true), and every answer is checked against the
database: the post's title, the explorer's result count. Timeouts, disconnects, error events and
wrong state are failures. The server's memory (RSS of its process tree) is sampled meanwhile.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import dataclasses
import pathlib
import random
import shutil
import statistics
import tempfile
import threading
import time
from collections.abc import Callable, Iterator

import httpx
import psutil
import sqlalchemy as sa
from sqlmodel import Session

from bench.synthetic import write_posts
from bench.table import Table
from blog_app import settings
from blog_app.explorer import filter_frameworks, parse_query
from blog_app.framework_queries import FrameworkRecord, list_frameworks
from blog_app.queries import list_posts
from tests.integration.app_process import AppProcess, app_environment, backend_command, free_port, running
from tests.integration.conftest import _NOT_COPIED
from tests.integration.reflex_client import EXPLORER_STATE, POST_STATE, ROOT_STATE, Tab, new_token

EXPLORER = "/frameworks"
SEARCH_WORDS = ["async", "python", "admin", "fast", "data", "web", "orm", "react"]
TIMEOUT = 15  # seconds an action may take before it counts as failed
# Frontend events an answer may carry; anything else (an error toast...) is a failure.
EXPECTED_EVENTS = {"_redirect", "_call_script"}


@dataclasses.dataclass
class Site:
    """A served blog and what its pages must show, read from its database."""

    app: AppProcess
    titles: dict[str, str]
    frameworks: list[FrameworkRecord]

    @property
    def pros(self) -> list[str]:
        """Every pro trait key, the filters readers toggle."""
        return sorted({key for framework in self.frameworks for key in framework.keys("pro")})

    def result_count(self, url: str) -> int:
        """How many frameworks the explorer at ``url`` must list."""
        query = parse_query(url.partition("?")[2]).restricted(self.frameworks)
        return len(filter_frameworks(self.frameworks, query))


@contextlib.contextmanager
def served_site(folder: pathlib.Path, posts: int = 100, **env: str) -> Iterator[Site]:
    """A production backend on a copy of the project with ``posts`` synthetic posts; stopped afterwards."""
    project = folder / "blog_app"
    shutil.copytree(settings.PROJECT_ROOT, project, ignore=shutil.ignore_patterns(*_NOT_COPIED))
    write_posts(project / "content" / "synthetic", posts)
    database_url = f"sqlite:///{folder / 'blog.db'}"
    environment = app_environment(DATABASE_URL=database_url, **env)
    with running([backend_command(free_port())], environment, project, folder) as (app,):
        engine = sa.create_engine(database_url)
        with Session(engine) as db:
            titles = {post.slug: post.title for post in list_posts(db)}
            frameworks = list_frameworks(db)
        engine.dispose()
        yield Site(app, titles, frameworks)


@dataclasses.dataclass
class Results:
    """What every reader measured, collected under one lock."""

    latencies: dict[str, list[float]] = dataclasses.field(default_factory=lambda: collections.defaultdict(list))
    failures: collections.Counter[str] = dataclasses.field(default_factory=collections.Counter)
    events_sent: int = 0
    lock: threading.Lock = dataclasses.field(default_factory=threading.Lock)

    def record(self, action: str, seconds: float, events: int, failure: str | None) -> None:
        """One finished action: its latency, or why it failed."""
        with self.lock:
            self.events_sent += events
            if failure:
                self.failures[f"{action}: {failure}"] += 1
            else:
                self.latencies[action].append(seconds)


class Reader:
    """One tab clicking through the site; ``actions`` names what it does (see ``ACTIONS``)."""

    def __init__(self, site: Site, number: int, results: Results, actions: list[str], think: float):
        self.site, self.results, self.actions, self.think = site, results, actions, think
        self.random = random.Random(number)
        self.tab = Tab(site.app.url, new_token())
        self.url = EXPLORER

    def connect(self) -> None:
        """Open the explorer as a browser does (hydrate, on_load); not measured."""
        self.tab.open(EXPLORER)
        self.tab.wait_until_hydrated(TIMEOUT * 2)

    def run(self, until: float) -> None:
        """Act until the monotonic clock passes ``until``, pausing ``think`` seconds on average."""
        while time.monotonic() < until and not self.tab.disconnected:
            action = self.random.choice(self.actions)
            ACTIONS[action](self, action)
            if self.think:
                time.sleep(min(self.random.uniform(0, 2 * self.think), max(0.0, until - time.monotonic())))
        if self.tab.disconnected:
            self.results.record("connection", 0, 0, "disconnected")

    def _hydrated(self) -> bool:
        return bool(self.tab.state.get(ROOT_STATE, {}).get("is_hydrated"))

    def _measure(self, action: str, steps: Callable[[], tuple[int, str | None]]) -> None:
        seen, started = len(self.tab.events), time.perf_counter()
        events, failure = steps()
        elapsed = time.perf_counter() - started
        unexpected = [event["name"] for event in self.tab.events[seen:] if event["name"] not in EXPECTED_EVENTS]
        self.results.record(action, elapsed, events, failure or (f"error event {unexpected}" if unexpected else None))

    def _navigate(self, url: str, route: dict[str, str] | None = None, check: Callable[[], bool] = bool) -> str | None:
        self.tab.navigate(url, route)
        self.url = url
        if not self.tab.wait_until(self._hydrated, TIMEOUT):
            return "disconnected" if self.tab.disconnected else "timeout"
        return None if check() else "wrong state"

    def open_post(self, action: str) -> None:
        """Navigate to a random post; its title must be the database's."""
        slug = self.random.choice(list(self.site.titles))
        post = lambda: self.tab.state.get(POST_STATE, {})  # noqa: E731
        right = lambda: post().get("loaded_slug") == slug and post()["post"]["title"] == self.site.titles[slug]  # noqa: E731
        self._measure(action, lambda: (1, self._navigate(f"/blog/{slug}", {"slug": slug}, right)))

    def _explorer_event(self, action: str, handler: str, payload: dict) -> None:
        if not self.url.startswith(EXPLORER):
            self._measure("explorer on_load", lambda: (1, self._navigate(EXPLORER, check=self._right_count)))

        def steps() -> tuple[int, str | None]:
            seen = len(self.tab.events)
            redirected = lambda: any(e["name"] == "_redirect" for e in self.tab.events[seen:])  # noqa: E731
            self.tab.send(f"{EXPLORER_STATE}.{handler}", payload, self.url)
            if not self.tab.wait_until(redirected, TIMEOUT):
                return 1, "disconnected" if self.tab.disconnected else "timeout (no redirect)"
            target = next(e for e in self.tab.events[seen:] if e["name"] == "_redirect")["payload"]["path"]
            return 2, self._navigate(target, check=self._right_count)

        self._measure(action, steps)

    def _right_count(self) -> bool:
        view = self.tab.state.get(EXPLORER_STATE, {}).get("view", {})
        return view.get("result_count") == self.site.result_count(self.url)

    def toggle_filter(self, action: str) -> None:
        """Toggle a random pro in the explorer; the result count must match the database."""
        self._explorer_event(action, "toggle_trait", {"kind": "pro", "key": self.random.choice(self.site.pros)})

    def search(self, action: str) -> None:
        """Search the explorer for a word other than the current one."""
        current = parse_query(self.url.partition("?")[2]).text
        word = self.random.choice([w for w in SEARCH_WORDS if w != current])
        self._explorer_event(action, "search", {"text": word})

    def flip_filters_panel(self, action: str) -> None:
        """The smallest app event (``toggle_filters`` flips one bool, no database): the event path's floor."""
        opened = not self.tab.state.get(EXPLORER_STATE, {}).get("filters_open", False)
        flipped = lambda: self.tab.state.get(EXPLORER_STATE, {}).get("filters_open") == opened  # noqa: E731

        def steps() -> tuple[int, str | None]:
            self.tab.send(f"{EXPLORER_STATE}.toggle_filters", {}, self.url)
            return 1, None if self.tab.wait_until(flipped, TIMEOUT) else "timeout"

        self._measure(action, steps)


ACTIONS: dict[str, Callable[[Reader, str], None]] = {
    "post on_load": Reader.open_post,
    "filter change": Reader.toggle_filter,
    "search": Reader.search,
    "floor: toggle_filters": Reader.flip_filters_panel,
}
READER_ACTIONS = ["post on_load", "filter change", "search"]


class MemorySampler(threading.Thread):
    """Samples the RSS of a process and its children every ``every`` seconds, until stopped."""

    def __init__(self, pid: int, every: float = 2.0):
        super().__init__(daemon=True)
        self.process, self.every = psutil.Process(pid), every
        self.samples: list[tuple[float, int]] = []
        self.stopped = threading.Event()

    def rss(self) -> int:
        """The tree's resident memory now, in bytes."""
        tree = [self.process, *self.process.children(recursive=True)]
        total = 0
        for process in tree:
            with contextlib.suppress(psutil.Error):
                total += process.memory_info().rss
        return total

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


@dataclasses.dataclass
class LoadRun:
    """One load run's results."""

    clients: int
    seconds: float
    results: Results
    memory: Memory

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
    readers = [Reader(site, number, results, actions, think) for number in range(clients)]
    connected, go = threading.Barrier(clients + 1), threading.Event()
    window: dict[str, float] = {}

    def life(reader: Reader) -> None:
        try:
            reader.connect()
        except Exception as error:  # a reader that cannot connect is a failure, not a crash
            results.record("connect", 0, 1, type(error).__name__)
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
    started = time.monotonic()
    window["until"] = started + seconds
    sampler.start()
    go.set()
    for thread in threads:
        thread.join(seconds + 4 * TIMEOUT)
    sampler.stopped.set()
    elapsed = time.monotonic() - started
    return LoadRun(clients, elapsed, results, Memory.of(idle, sampler.samples))


def percentiles(values: list[float]) -> tuple[float, float, float]:
    """p50, p95 and p99 of ``values`` (seconds)."""
    if len(values) < 2:
        value = values[0] if values else float("nan")
        return value, value, value
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[49], cuts[94], cuts[98]


def ping_latencies(url: str, clients: int, seconds: float) -> list[float]:
    """``GET /ping`` round trips from ``clients`` threads for ``seconds``: the HTTP floor of the same server."""
    latencies: list[float] = []
    until = time.monotonic() + seconds

    def loop() -> None:
        with httpx.Client(base_url=url, timeout=TIMEOUT) as client:
            while time.monotonic() < until:
                started = time.perf_counter()
                client.get("/ping").raise_for_status()
                latencies.append(time.perf_counter() - started)

    threads = [threading.Thread(target=loop) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies


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
    ]
    return table


def main() -> None:
    """Run one load test and print its table."""
    parser = argparse.ArgumentParser(prog="python -m bench.ws_load")
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--posts", type=int, default=100, help="synthetic posts beside the shipped ones")
    parser.add_argument("--think", type=float, default=1.0, help="mean pause between a reader's actions (s)")
    parser.add_argument("--redis", help="a Redis URL: use Reflex's Redis state manager")
    args = parser.parse_args()
    print(load(args.clients, args.seconds, args.posts, args.think, args.redis).markdown(), flush=True)


def load(clients: int, seconds: float, posts: int = 100, think: float = 1.0, redis_url: str | None = None) -> Table:
    """Serve the site, run ``clients`` readers for ``seconds``, and tabulate it."""
    env = {"REDIS_URL": redis_url} if redis_url else {}
    with (
        tempfile.TemporaryDirectory(prefix="ws-load-") as folder,
        served_site(pathlib.Path(folder), posts, **env) as site,
    ):
        run = run_load(site, clients, seconds, READER_ACTIONS, think)
    manager = "Redis" if redis_url else "memory"
    table = load_table(run, f"Load: {clients} websocket clients for {seconds:.0f} s ({manager} state manager)")
    table.notes.append(
        f"{len(site.titles)} posts on SQLite; `reflex run --env prod --backend-only`, one worker, in a subprocess; "
        f"the readers run in this process (one thread each, mean think time {think} s): both share the machine's cores"
    )
    return table


if __name__ == "__main__":
    main()
