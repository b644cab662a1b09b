"""Simulated readers on Reflex's websocket, and the production site they read.

``served_site`` copies the project with its shipped posts plus synthetic ones and starts
``reflex run --env prod --backend-only`` on SQLite in a subprocess (the pages' static files play
no part in events). A ``Reader`` is one tab (``harness.reflex_client.Tab``, one thread
of Socket.IO) doing what the frontend's ``state.js`` does: open a random post (navigation:
``on_load_internal`` runs ``PostState.on_load``), toggle a pro filter or search in the explorer
(the handler answers with a redirect, the tab navigates, and ``ExplorerState.on_load`` rebuilds
the view). An action's latency runs from sending its first event to the update that ends it
(``is_hydrated`` true), and every answer is checked against the database: the post's title, the
explorer's result count. Timeouts, disconnects, error events and wrong state are failures.
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import pathlib
import random
import sys
import threading
import time
from collections.abc import Callable, Iterator

import sqlalchemy as sa
from sqlmodel import Session

from blog_app.explorer.filtering import filter_frameworks
from blog_app.explorer.params import parse_explorer_params
from blog_app.explorer.queries import FrameworkRecord, list_frameworks, text_ranks
from blog_app.posts.queries import visible_posts
from harness.app_process import AppProcess, app_environment, backend_command, copy_project, free_port, running
from harness.reflex_client import EXPLORER_STATE, POST_STATE, ROOT_STATE, Tab, new_token
from harness.synthetic_posts import write_posts

EXPLORER = "/frameworks"
SEARCH_WORDS = ["async", "python", "admin", "fast", "data", "web", "orm", "react"]
TIMEOUT = 15  # seconds an action may take before it counts as failed
# Frontend events an answer may carry; anything else (an error toast...) is a failure.
EXPECTED_EVENTS = {"_redirect"}


@dataclasses.dataclass
class Site:
    """A served blog and what its pages must show, read from its database."""

    app: AppProcess
    titles: dict[str, str]
    frameworks: list[FrameworkRecord]
    # What the explorer's text search finds for each searched text (``text_ranks`` on the site's database).
    text_matches: dict[str, dict[str, float] | None] = dataclasses.field(default_factory=dict)

    @property
    def pros(self) -> list[str]:
        """Every pro trait key, the filters readers toggle."""
        return sorted({key for framework in self.frameworks for key in framework.keys("pro")})

    def result_count(self, url: str) -> int:
        """How many frameworks the explorer at ``url`` must list."""
        query = parse_explorer_params(url.partition("?")[2]).restricted(self.frameworks)
        return len(filter_frameworks(self.frameworks, query, self.text_matches.get(query.text)))


@contextlib.contextmanager
def served_site(folder: pathlib.Path, posts: int = 100, **env: str) -> Iterator[Site]:
    """A production backend on a copy of the project with ``posts`` synthetic posts; stopped afterwards."""
    project = copy_project(folder / "blog_app")
    write_posts(project / "content" / "synthetic", posts)
    database_url = f"sqlite:///{folder / 'blog.db'}"
    environment = app_environment(DATABASE_URL=database_url, **env)
    with running([backend_command(free_port())], environment, project, folder) as (app,):
        engine = sa.create_engine(database_url)
        with Session(engine) as db:
            titles = {post.slug: post.title for post in visible_posts(db)}
            frameworks = list_frameworks(db)
            matches = {word: text_ranks(db, word) for word in SEARCH_WORDS}
        engine.dispose()
        yield Site(app, titles, frameworks, matches)


@dataclasses.dataclass
class Results:
    """What every reader measured, collected under one lock."""

    latencies: dict[str, list[float]] = dataclasses.field(default_factory=lambda: collections.defaultdict(list))
    failures: collections.Counter[str] = dataclasses.field(default_factory=collections.Counter)
    completed_by: collections.Counter[int] = dataclasses.field(default_factory=collections.Counter)
    events_sent: int = 0
    lock: threading.Lock = dataclasses.field(default_factory=threading.Lock)

    def record(self, action: str, seconds: float, events: int, failure: str | None, reader: int = -1) -> None:
        """One finished action of ``reader``: its latency, or why it failed."""
        with self.lock:
            self.events_sent += events
            if failure:
                self.failures[f"{action}: {failure}"] += 1
            else:
                self.latencies[action].append(seconds)
                self.completed_by[reader] += 1


class Reader:
    """One tab clicking through the site; ``actions`` names what it does (see ``ACTIONS``)."""

    def __init__(self, site: Site, number: int, results: Results, actions: list[str], think: float, token: str = ""):
        self.site, self.results, self.actions, self.think = site, results, actions, think
        self.number, self.random = number, random.Random(number)
        self.tab = Tab(site.app.url, token or new_token())
        self.url = EXPLORER

    def connect(self) -> None:
        """Open the explorer as a browser does (hydrate, on_load); not measured."""
        self.tab.open(EXPLORER)
        self.tab.wait_until_hydrated(TIMEOUT * 2)

    def run(self, until: float) -> None:
        """Act until the monotonic clock passes ``until``, pausing ``think`` seconds on average."""
        while time.monotonic() < until and not self.tab.disconnected:
            # Think first: readers arriving together would otherwise click in lockstep.
            if self.think:
                time.sleep(min(self.random.uniform(0, 2 * self.think), max(0.0, until - time.monotonic())))
            action = self.random.choice(self.actions)
            ACTIONS[action](self, action)
        if self.tab.disconnected:
            self.results.record("connection", 0, 0, "disconnected")

    def _hydrated(self) -> bool:
        return bool(self.tab.state.get(ROOT_STATE, {}).get("is_hydrated"))

    def _measure(self, action: str, steps: Callable[[], tuple[int, str | None]]) -> None:
        seen, started = len(self.tab.events), time.perf_counter()
        events, failure = steps()
        elapsed = time.perf_counter() - started
        unexpected = [event["name"] for event in self.tab.events[seen:] if event["name"] not in EXPECTED_EVENTS]
        failure = failure or (f"error event {unexpected}" if unexpected else None)
        self.results.record(action, elapsed, events, failure, self.number)

    def _navigate(self, url: str, route: dict[str, str] | None = None, check: Callable[[], bool] = bool) -> str | None:
        self.tab.navigate(url, route)
        self.url = url
        if not self.tab.wait_until(self._hydrated, TIMEOUT):
            return "disconnected" if self.tab.disconnected else "timeout"
        if check():
            return None
        # What a wrong answer looked like, on stderr, so a failed run can be understood.
        late = self.tab.wait_until(check, 2)
        explorer = self.tab.state.get(EXPLORER_STATE, {})
        print(
            f"reader {self.number}: wrong state on {url} (right {'2 s later' if late else 'never'}): "
            f"result_count={explorer.get('view', {}).get('result_count')} expected={self.site.result_count(url) if url.startswith(EXPLORER) else '-'} "
            f"unavailable={explorer.get('unavailable')} last events={[e['name'] for e in self.tab.events[-4:]]}",
            file=sys.stderr,
        )
        return "wrong state"

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
        current = parse_explorer_params(self.url.partition("?")[2]).text
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
