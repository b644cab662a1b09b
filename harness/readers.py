"""The production site readers load, what its pages must show, and the check of every answer.

``served_site`` copies the project with its shipped posts plus synthetic ones and starts
``reflex run --env prod --backend-only`` in a subprocess (the pages' static files play no part in
events): SQLite by default, or the environment's ``DATABASE_URL`` / ``REDIS_URL`` and several
processes. The readers themselves run in Node (``harness/readers.cjs``): each one opens a random
post (navigation: ``on_load_internal`` runs ``PostState.on_load``), toggles a pro filter or
searches in the explorer (the handler answers with a redirect, the tab navigates, and
``ExplorerState.on_load`` rebuilds the view). An action's latency runs from sending its first event
to the update that ends it (``is_hydrated`` true). Node reports what the page would show; here
every answer is checked against the database: the post's title, the explorer's result count.
Timeouts, disconnects, error events and wrong answers are failures.
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import functools
import pathlib
import sys
from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from blog_app.core import event_timing, settings
from blog_app.explorer.filtering import filter_frameworks
from blog_app.explorer.params import parse_explorer_params
from blog_app.explorer.queries import FrameworkRecord, list_frameworks, text_ranks
from blog_app.posts.queries import visible_posts
from harness.app_process import AppProcess, app_environment, backend_command, copy_project, free_port, running
from harness.synthetic_posts import write_posts

EXPLORER = "/frameworks"
SEARCH_WORDS = ["async", "python", "admin", "fast", "data", "web", "orm", "react"]
TIMEOUT = 15  # seconds an action may take before it counts as failed
EXPLORER_ACTIONS = {"explorer on_load", "filter change", "search"}
READER_ACTIONS = ["post on_load", "filter change", "search"]
FLOOR = "floor: toggle_filters"  # flips one bool, no database: the floor of Reflex's event path
PING = "GET /ping"  # plain HTTP on the same server
READERS_FROM_ONE_ADDRESS = 100_000
EVENTS_FROM_A_MACHINE = 100_000


@dataclasses.dataclass
class Site:
    """A served blog (one or more app processes) and what its pages must show, read from its database."""

    apps: list[AppProcess]
    titles: dict[str, str]
    frameworks: list[FrameworkRecord]
    # What the explorer's text search finds for each searched text (``text_ranks`` on the site's database).
    text_matches: dict[str, dict[str, float] | None] = dataclasses.field(default_factory=dict)
    # Where the apps write their account of each event (BLOG_EVENT_TIMING), when they were asked to.
    timing: pathlib.Path | None = None

    @property
    def app(self) -> AppProcess:
        """The first app process (the one readers connect to unless told otherwise)."""
        return self.apps[0]

    @functools.cached_property
    def pros(self) -> list[str]:
        """Every pro trait key, the filters readers toggle."""
        return sorted({key for framework in self.frameworks for key in framework.keys("pro")})

    def result_count(self, url: str) -> int:
        """How many frameworks the explorer at ``url`` must list."""
        return self._result_count(url.partition("?")[2])

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - a site lives for one run
    def _result_count(self, query_string: str) -> int:
        query = parse_explorer_params(query_string).restricted(self.frameworks)
        return len(filter_frameworks(self.frameworks, query, self.text_matches.get(query.text)))

    def wrong_answer(self, action: str, url: str, answer: dict[str, Any] | None) -> bool:
        """Whether ``answer`` (what the page showed when the action ended) is not what the database says."""
        if action == "post on_load":
            slug = url.removeprefix("/blog/")
            return answer is None or answer.get("slug") != slug or answer.get("title") != self.titles.get(slug)
        if action in EXPLORER_ACTIONS:
            return answer is None or answer.get("result_count") != self.result_count(url)
        return False

    def __hash__(self) -> int:
        return id(self)


@contextlib.contextmanager
def served_site(
    folder: pathlib.Path, posts: int = 100, processes: int = 1, timing: bool = False, **env: str
) -> Iterator[Site]:
    """Production backends on a copy of the project with ``posts`` synthetic posts; stopped afterwards.

    Args:
        folder: Where the copy, the logs and the SQLite file go.
        posts: Synthetic posts beside the shipped ones.
        processes: App processes, each on its own port (more than one needs ``REDIS_URL``).
        timing: Whether the apps account for each event's time (``blog_app/core/event_timing.py``).
        **env: The app's environment, e.g. ``DATABASE_URL``, ``REDIS_URL``, ``GRANIAN_WORKERS``.
    """
    project = copy_project(folder / "blog_app")
    write_posts(project / "content" / "synthetic", posts)
    env.setdefault("DATABASE_URL", f"sqlite:///{folder / 'blog.db'}")
    # Every reader connects from 127.0.0.1, and one reader may click as fast as the answers come:
    # lift the socket guard's limits for one client unless told otherwise.
    env.setdefault("BLOG_MAX_SOCKETS_PER_CLIENT", str(READERS_FROM_ONE_ADDRESS))
    env.setdefault("BLOG_EVENTS_PER_SECOND", str(EVENTS_FROM_A_MACHINE))
    if timing:
        env[event_timing.ENV] = str(folder / "event-timing")
    commands = [backend_command(free_port()) for _ in range(processes)]
    with running(commands, app_environment(**env), project, folder) as apps:
        engine = sa.create_engine(settings.normalize_database_url(env["DATABASE_URL"]))
        with Session(engine) as db:
            titles = {post.slug: post.title for post in visible_posts(db)}
            frameworks = list_frameworks(db)
            matches = {word: text_ranks(db, word) for word in SEARCH_WORDS}
        engine.dispose()
        yield Site(apps, titles, frameworks, matches, folder / "event-timing" if timing else None)


@dataclasses.dataclass
class Results:
    """What every reader measured: latencies of right answers, failures by kind, who completed what."""

    latencies: dict[str, list[float]] = dataclasses.field(default_factory=lambda: collections.defaultdict(list))
    failures: collections.Counter[str] = dataclasses.field(default_factory=collections.Counter)
    completed_by: collections.Counter[int] = dataclasses.field(default_factory=collections.Counter)
    events_sent: int = 0
    shown_wrong: int = 0
    # The reports of the actions answered right: the server's account is matched to them.
    answered: list[dict[str, Any]] = dataclasses.field(default_factory=list)

    def record(self, site: Site, report: dict[str, Any]) -> None:
        """Check one finished action as Node reported it, and count it."""
        action, failure = report["action"], report.get("failure")
        self.events_sent += report.get("events", 0)
        if not failure and report.get("unexpected"):
            failure = f"error event {report['unexpected']}"
        if not failure and site.wrong_answer(action, report.get("url", ""), report.get("answer")):
            failure = "wrong state"
            self._show_wrong(site, report)
        if failure:
            self.failures[f"{action}: {failure}"] += 1
        else:
            self.latencies[action].append(report["ms"] / 1000)
            self.completed_by[report["reader"]] += 1
            self.answered.append(report)

    def _show_wrong(self, site: Site, report: dict[str, Any]) -> None:
        # The first few wrong answers on stderr, so a failed run can be understood.
        self.shown_wrong += 1
        if self.shown_wrong <= 5:
            url = report.get("url", "")
            expected = site.result_count(url) if url.startswith(EXPLORER) else site.titles.get(url[6:])
            print(
                f"reader {report['reader']}: wrong state on {url}: {report.get('answer')}, expected {expected!r}",
                file=sys.stderr,
            )
