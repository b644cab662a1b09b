"""Several app processes on one PostgreSQL and one Redis, as behind a load balancer.

Three ``reflex run --env prod --backend-only`` processes (two workers each, so six start-ups)
are released at the same instant on an empty database. Each must migrate-and-ingest without an
error, the database must hold exactly what one start-up makes, every process must serve the same
posts, and a reader's state must follow them from one process to another.
"""

from __future__ import annotations

import dataclasses
import io
import pathlib
import re

import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel

import blog_app.core.models  # noqa: F401  (every table on SQLModel.metadata)
from blog_app.core import settings
from blog_app.publishing.startup import prepare_database
from harness import services
from harness.app_process import AppProcess, app_environment, backend_command, free_port, running
from harness.reflex_client import INDEX_STATE, POST_STATE, Tab, load_page, new_token
from tests.support.fixture_posts import SEED_SLUG, SEED_TEXT, SEED_TITLE

PROCESSES = 3
WORKERS_PER_PROCESS = 2
# What a reader does on the first process: open a post. (When the explorer lands, its filter is
# the better example: set it here through its event, and check it below.)
POST_PATH, POST_PARAMS = f"/blog/{SEED_SLUG}", {"slug": SEED_SLUG}
SUMMARY = re.compile(r"^ingest: (\d+) loaded, (\d+) unchanged, (\d+) removed, (\d+) failed", re.MULTILINE)
PROBLEMS = ("Traceback", "Error", "error:", "deadlock", "Exception")


@dataclasses.dataclass
class Cluster:
    """App processes sharing one database (``database_url``) and Redis, run from ``checkout``."""

    database_url: str
    checkout: pathlib.Path
    processes: list[AppProcess]
    tokens: list[str] = dataclasses.field(default_factory=list)

    def new_token(self) -> str:
        """A fresh tab token, remembered so its Redis keys are removed afterwards."""
        self.tokens.append(new_token())
        return self.tokens[-1]


@pytest.fixture(scope="module")
def cluster(project_copy, redis_url, tmp_path_factory) -> Cluster:
    """``PROCESSES`` backends started at the same instant on an empty database."""
    with services.throwaway_database("cluster") as url:
        env = app_environment(DATABASE_URL=url, REDIS_URL=redis_url, GRANIAN_WORKERS=str(WORKERS_PER_PROCESS))
        commands = [backend_command(free_port()) for _ in range(PROCESSES)]
        with running(commands, env, project_copy, tmp_path_factory.mktemp("cluster-logs")) as processes:
            for process in processes:  # serving starts with the first worker; wait for them all
                process.wait_for_log(all_workers_started, 120, "a start-up summary from every worker")
            cluster = Cluster(url, project_copy, processes)
            try:
                yield cluster
            finally:
                services.delete_redis_keys(cluster.tokens)


def all_workers_started(log: str) -> bool:
    """Whether every worker of a process has printed its start-up summary."""
    return len(SUMMARY.findall(log)) >= WORKERS_PER_PROCESS


def row_counts(url: str) -> dict[str, int]:
    """Rows per app table in the database at ``url``."""
    engine = sa.create_engine(settings.normalize_database_url(url))
    try:
        with engine.connect() as connection:
            return {
                name: connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
                for name, table in SQLModel.metadata.tables.items()
            }
    finally:
        engine.dispose()


def test_every_start_up_finished_cleanly_and_exactly_one_loaded_the_posts(cluster):
    posts = len(list((cluster.checkout / "content").rglob("*.md")))
    summaries = []
    for process in cluster.processes:
        log = process.log()
        problems = [line for line in log.splitlines() if any(word in line for word in PROBLEMS)]
        assert not problems, f"port {process.port} logged problems:\n{log}"
        summaries += [tuple(map(int, found)) for found in SUMMARY.findall(log)]
    assert len(summaries) == PROCESSES * WORKERS_PER_PROCESS, "every worker runs the start-up"
    # The lock lets one start-up load the posts; every later one finds them already there.
    assert sorted(summaries) == [(0, posts, 0, 0)] * (len(summaries) - 1) + [(posts, 0, 0, 0)]


def test_the_database_holds_what_one_start_up_makes(cluster):
    with services.throwaway_database("reference") as reference_url:
        engine = sa.create_engine(settings.normalize_database_url(reference_url))
        prepare_database(engine, cluster.checkout / "content", stream=io.StringIO())
        engine.dispose()
        expected = row_counts(reference_url)
    assert expected["post"] >= 1 and expected["keyword"] >= 1
    assert row_counts(cluster.database_url) == expected


def test_every_process_serves_the_same_posts(cluster):
    seen = []
    for process in cluster.processes:
        health = process.get("/_health")
        assert (health.status_code, health.json()) == (200, {"status": True, "db": True, "redis": True})
        index = load_page(process.url, "/", token=cluster.new_token())
        post = load_page(process.url, POST_PATH, POST_PARAMS, cluster.new_token())
        seen.append((index.state[INDEX_STATE]["posts"], post.state[POST_STATE]["post"]))
    posts, post = seen[0]
    assert SEED_TITLE in [p["title"] for p in posts]
    assert len(posts) == len(list((cluster.checkout / "content").rglob("*.md")))
    assert post["title"] == SEED_TITLE and post["author"] == "Elvis Kahoro"
    assert SEED_TEXT in str(post["segments"])
    assert all(view == seen[0] for view in seen[1:])


def move_reader(first: AppProcess, second: AppProcess, token: str, released=lambda token: None) -> Tab:
    """A reader opens the post on ``first``, leaves, and comes back (same tab) through ``second``.

    On ``second`` the tab sends the bare ``hydrate`` event, so no on_load handler runs there:
    what comes back is the state the backend holds for the tab.

    Args:
        first: Where the reader opens the post.
        second: Where the reader's connection lands next.
        token: The tab's token.
        released: Waits until ``first`` has let go of the tab's connection.
    """
    opened = load_page(first.url, POST_PATH, POST_PARAMS, token)
    assert opened.state[POST_STATE]["post"]["title"] == SEED_TITLE
    released(token)
    with Tab(second.url, token) as moved:
        moved.open(POST_PATH, POST_PARAMS, load=False)
        moved.wait_for(POST_STATE, "post")
    return moved


def test_a_readers_state_follows_them_to_another_process(cluster):
    token = cluster.new_token()
    moved = move_reader(cluster.processes[0], cluster.processes[1], token, services.wait_until_tab_released)
    assert moved.new_tokens == [], "the second process must accept the tab, not hand out a new token"
    post = moved.state[POST_STATE]
    assert post["post"]["title"] == SEED_TITLE and post["loaded"] is True


def test_without_redis_the_state_stays_in_the_first_process(cluster, tmp_path):
    # The control for the test above: Reflex's in-memory state manager, one per process.
    env = app_environment(DATABASE_URL=cluster.database_url)
    commands = [backend_command(free_port()) for _ in range(2)]
    with running(commands, env, cluster.checkout, tmp_path) as (first, second):
        moved = move_reader(first, second, new_token())
    post = moved.state[POST_STATE]
    assert post["post"]["title"] == "" and post["loaded"] is False
