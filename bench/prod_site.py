"""Production servers for the benchmarks: this app with N synthetic posts, and the blank Reflex app.

Each is ``reflex run --env prod`` on one port (frontend and backend, one worker, SQLite), built
once per benchmark run and shared by the benchmarks that need it (serving, browser, memory);
``close_all`` stops them (``python -m bench`` calls it at the end, and at exit).
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import pathlib
import tempfile

from blog_app.core import settings
from harness.app_process import AppProcess, app_environment, free_port, running
from harness.synthetic_posts import write_posts

BENCH_DIR = pathlib.Path(__file__).resolve().parent
BLANK_DIR = BENCH_DIR / "blank_app"
# Build folders of their own (git-ignored), so the bun packages installed once are reused by later runs.
BLOG_WEB_DIR = settings.PROJECT_ROOT / ".web-bench-serve"
BLANK_WEB_DIR = BLANK_DIR / ".web-bench-serve"
SEED_WEB_DIR = settings.PROJECT_ROOT / ".web-bench-seed"
BUILD_TIMEOUT = 900

_stack = contextlib.ExitStack()
_sites: dict[tuple[str, int], Site] = {}


@dataclasses.dataclass
class Site:
    """A running production server and what it serves."""

    app: AppProcess
    web_dir: pathlib.Path
    slugs: list[str]

    @property
    def static_dir(self) -> pathlib.Path:
        """The folder the server serves the built frontend from (files there are served as they are)."""
        return self.web_dir / "build" / "client"


def _start(app_dir: pathlib.Path, web_dir: pathlib.Path, **env: str) -> AppProcess:
    logs = pathlib.Path(_stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-logs-")))
    command = ["run", "--env", "prod", "--frontend-port", str(free_port()), "--loglevel", "warning"]
    environment = app_environment(REFLEX_WEB_WORKDIR=str(web_dir), **env)
    (app,) = _stack.enter_context(running([command], environment, app_dir, logs, timeout=BUILD_TIMEOUT))
    return app


def blog_site(posts: int) -> Site:
    """This app serving ``posts`` synthetic posts (``post-0001`` ...) from a fresh SQLite file."""
    if ("blog", posts) not in _sites:
        data = pathlib.Path(_stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-site-")))
        content = write_posts(data / "content", posts)
        app = _start(
            settings.PROJECT_ROOT,
            BLOG_WEB_DIR,
            BLOG_CONTENT_DIR=str(content),
            DATABASE_URL=f"sqlite:///{data / 'blog.db'}",
        )
        slugs = sorted(path.stem for path in content.glob("*.md"))
        _sites["blog", posts] = Site(app, BLOG_WEB_DIR, slugs)
    return _sites["blog", posts]


def seed_site() -> Site:
    """This app serving the shipped content/ from a fresh SQLite file (what a reader of the real blog gets)."""
    if ("seed", 0) not in _sites:
        data = pathlib.Path(_stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-seed-")))
        app = _start(settings.PROJECT_ROOT, SEED_WEB_DIR, DATABASE_URL=f"sqlite:///{data / 'blog.db'}")
        _sites["seed", 0] = Site(app, SEED_WEB_DIR, [])
    return _sites["seed", 0]


def blank_site() -> Site:
    """The blank Reflex app (one page of text): the floor."""
    if ("blank", 0) not in _sites:
        _sites["blank", 0] = Site(_start(BLANK_DIR, BLANK_WEB_DIR), BLANK_WEB_DIR, [])
    return _sites["blank", 0]


def close_all() -> None:
    """Stop every server started so far."""
    _sites.clear()
    _stack.close()


atexit.register(close_all)
