"""Save-to-served latency in ``reflex run`` (development): a new, changed or deleted post in the database, an edit on an open page."""

from __future__ import annotations

import contextlib
import pathlib
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator

import sqlalchemy as sa

from bench.table import Table, seconds
from blog_app.core import settings
from harness.browser import body_text, new_driver
from harness.browser import wait_for as browser_wait
from harness.dev_server import DevServer
from harness.synthetic_posts import write_post

ROUNDS = 5
TIMEOUT = 60.0
# Directly under the project root, like content/ itself (a temporary folder elsewhere is never hot-reloaded).
CONTENT_COPY = "watch-bench-content"


def wait_until(condition: Callable[[], bool], timeout: float = TIMEOUT) -> float:
    """Seconds until ``condition()`` holds, polling every 10 ms."""
    started = time.perf_counter()
    while not condition():
        if time.perf_counter() - started > timeout:
            raise TimeoutError("the running app never picked up the change")
        time.sleep(0.01)
    return time.perf_counter() - started


def title_of(engine: sa.Engine, slug: str) -> str | None:
    """The stored title of ``slug`` as the running app's database has it, or None."""
    with engine.connect() as connection:
        return connection.execute(sa.text("SELECT title FROM post WHERE slug = :slug"), {"slug": slug}).scalar()


def measure_round(
    content: pathlib.Path, engine: sa.Engine, number: int, settle: Callable[[], None]
) -> dict[str, float]:
    """Add, edit and delete one post; the time each took to reach the database.

    ``settle`` runs after each change has landed (a pause, and a look at the server's processes).
    """
    slug = f"watch-bench-{number}"
    write_post(content, f"{slug}.md", f"Watch bench {number}")
    added = wait_until(lambda: title_of(engine, slug) == f"Watch bench {number}")
    settle()
    write_post(content, f"{slug}.md", f"Watch bench {number}, edited")
    edited = wait_until(lambda: title_of(engine, slug) == f"Watch bench {number}, edited")
    settle()
    (content / f"{slug}.md").unlink()
    deleted = wait_until(lambda: title_of(engine, slug) is None)
    settle()
    return {"new file": added, "edited file": edited, "deleted file": deleted}


def measure_open_page(server: DevServer, content: pathlib.Path, number: int) -> float:
    """Seconds from saving an edit to an open post page showing it (no reload), in headless Chromium."""
    slug = f"watch-page-{number}"
    write_post(content, f"{slug}.md", "Open page", body="Before the edit.")
    driver = new_driver()
    try:
        driver.get(f"{server.frontend_url}/blog/{slug}")
        browser_wait(lambda: "Before the edit." in body_text(driver), timeout=TIMEOUT, message="the post")
        write_post(content, f"{slug}.md", "Open page", body="After the edit.")
        return wait_until(lambda: "After the edit." in body_text(driver))
    finally:
        driver.quit()
        (content / f"{slug}.md").unlink()


@contextlib.contextmanager
def _content_copy_in_project() -> Iterator[pathlib.Path]:
    """A copy of content/ beside it in the project, where the dev server's hot reload would see it."""
    folder = settings.PROJECT_ROOT / CONTENT_COPY
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(settings.PROJECT_ROOT / "content", folder)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def bench_watch(_sizes: list[int]) -> Table:
    """Start a development backend on a copy of content/ and time each kind of change."""
    table = Table("Dev loop: file saved → change served by the running app", ["change", "median", "max", "rounds"])
    with tempfile.TemporaryDirectory() as tmp, _content_copy_in_project() as content:
        url = f"sqlite:///{tmp}/blog.db"
        server = DevServer(content, url, pathlib.Path(tmp) / "logs")
        engine = sa.create_engine(url)
        with server:
            wait_until(lambda: sa.inspect(engine).has_table("post") and title_of(engine, "writing-posts") is not None)
            initial = server.backend_workers()
            workers = set(initial)

            def settle() -> None:
                time.sleep(0.5)
                workers.update(server.backend_workers())

            rounds = [measure_round(content, engine, number, settle) for number in range(1, ROUNDS + 1)]
            restarts = len(workers - initial)
            for measured, number in zip(rounds, range(1, ROUNDS + 1), strict=True):
                measured["open post page shows an edit"] = measure_open_page(server, content, number)
        engine.dispose()
    for change in rounds[0]:
        values = [measured[change] for measured in rounds]
        table.add(change, seconds(statistics.median(values)), seconds(max(values)), len(values))
    table.notes += [
        "`reflex run` (development, frontend and backend) on a copy of content/ in the project, SQLite; "
        "the database is polled every 10 ms; the open page's text (Chromium) likewise.",
        f"Backend worker processes started during the {ROUNDS * 3} changes (each backend restart starts one): {restarts}.",
        "The issue's bound is 2 s from save to the change being served.",
    ]
    return table
