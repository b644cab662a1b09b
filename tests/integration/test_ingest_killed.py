"""Ingest killed midway: a real ``python -m blog_app ingest`` gets SIGKILL inside its transaction.

The content grows from a few posts to a few thousand (edited, added and removed files at once);
the process is killed once it is writing. The database must still hold exactly the previous
content, not be corrupt, and the next run must load everything.
"""

from __future__ import annotations

import io
import os
import pathlib
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import psycopg
import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel

import blog_app.core.models  # noqa: F401  (every table on SQLModel.metadata)
from blog_app.core import settings
from blog_app.core.search import FRAMEWORKS, POSTS
from blog_app.publishing.startup import prepare_database
from harness import services
from harness.app_process import app_environment
from harness.synthetic_posts import write_post, write_posts
from tests.support.fixture_posts import SEED

SYNTHETIC_POSTS = 150
# Uncommitted pages SQLite has spilled into its write-ahead log: the ingest is writing.
WAL_BYTES_WHILE_WRITING = 1_000_000
GONE = "farewell"  # a post of the old content that the new content removes
GONE_KEYWORD = "farewell-only"
SUMMARY = re.compile(r"^ingest: (\d+) loaded, (\d+) unchanged, (\d+) removed, (\d+) failed", re.MULTILINE)


@pytest.fixture(scope="module")
def contents(tmp_path_factory) -> tuple[pathlib.Path, pathlib.Path]:
    """The old content (seed + two small posts) and the new (seed edited, one removed, thousands added)."""
    old = tmp_path_factory.mktemp("old-content")
    shutil.copy(SEED, old / SEED.name)
    write_post(old, "staying.md", "A post that stays", body="Unchanged by the new content.")
    write_post(old, f"{GONE}.md", "A post the new content removes", tags=f"[{GONE_KEYWORD}]")
    new = tmp_path_factory.mktemp("new-content")
    shutil.copy(old / "staying.md", new / "staying.md")
    (new / SEED.name).write_text(SEED.read_text(encoding="utf-8") + "\nAn edit.\n", encoding="utf-8")
    write_posts(new / "synthetic", SYNTHETIC_POSTS)
    return old, new


def run_ingest(url: str, content: pathlib.Path) -> str:
    """Run ``python -m blog_app ingest`` to completion; its output (it must succeed)."""
    result = subprocess.run(
        [sys.executable, "-m", "blog_app", "ingest", "--content", str(content)],
        cwd=settings.PROJECT_ROOT,
        env=app_environment(DATABASE_URL=url),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def start_ingest(url: str, content: pathlib.Path, log: pathlib.Path) -> subprocess.Popen:
    """Start ``python -m blog_app ingest`` in the background, its output going to ``log``."""
    with open(log, "wb") as output:
        return subprocess.Popen(
            [sys.executable, "-m", "blog_app", "ingest", "--content", str(content)],
            cwd=settings.PROJECT_ROOT,
            env=app_environment(DATABASE_URL=url),
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def kill_when(process: subprocess.Popen, writing, what: str, timeout: float = 120) -> None:
    """SIGKILL ``process`` as soon as ``writing()`` holds; fail if it ends before that."""
    deadline = time.monotonic() + timeout
    while not writing():
        if process.poll() is not None:
            raise AssertionError(f"ingest ended (exit {process.returncode}) before {what}")
        assert time.monotonic() < deadline, f"ingest never reached {what}"
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    assert process.wait(30) == -signal.SIGKILL, "the process was killed, not finished"


def load_old_content(url: str, old: pathlib.Path) -> None:
    """Ingest the old content (in this process: it is the set-up, not the run under test)."""
    engine = sa.create_engine(settings.normalize_database_url(url))
    try:
        report = prepare_database(engine, old, stream=io.StringIO())
    finally:
        engine.dispose()
    assert (len(report.loaded), len(report.failed)) == (3, 0)


def snapshot(url: str) -> dict:
    """Every post's slug and content hash, and the row count of every table and search index."""
    engine = sa.create_engine(settings.normalize_database_url(url))
    try:
        with engine.connect() as connection:
            posts = dict(connection.execute(sa.text("SELECT slug, content_hash FROM post")).all())
            counts = {
                name: connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
                for name, table in SQLModel.metadata.tables.items()
            }
            for index in (POSTS, FRAMEWORKS):  # not SQLModel tables: FTS5 / tsvector tables
                counts[index.table] = connection.execute(sa.text(f"SELECT count(*) FROM {index.table}")).scalar_one()
    finally:
        engine.dispose()
    return {"posts": posts, "counts": counts}


def summary(output: str) -> tuple[int, ...]:
    """(loaded, unchanged, removed, failed) from an ingest's output."""
    found = SUMMARY.findall(output)
    assert len(found) == 1, output
    return tuple(map(int, found[0]))


def assert_killed_run_changed_nothing_then_rerun_completes(url, contents, before) -> None:
    """The state after the kill is ``before``; a new run loads the new content in full."""
    new = contents[1]
    assert snapshot(url) == before, "the killed ingest left part of its work behind"
    assert summary(run_ingest(url, new)) == (SYNTHETIC_POSTS + 1, 1, 1, 0)
    after = snapshot(url)
    assert len(after["posts"]) == SYNTHETIC_POSTS + 2 and GONE not in after["posts"]
    assert after["posts"]["staying"] == before["posts"]["staying"]
    assert after["posts"][SEED.stem] != before["posts"][SEED.stem], "the edited seed is the new version"
    assert after["counts"]["post_search"] == len(after["posts"]), "every post is in the search index"


def test_sqlite_ingest_killed_while_writing_keeps_the_previous_content(contents, tmp_path):
    old, new = contents
    db_file = tmp_path / "blog.db"
    url = f"sqlite:///{db_file}"
    load_old_content(url, old)
    before = snapshot(url)
    assert set(before["posts"]) == {SEED.stem, "staying", GONE}

    wal = pathlib.Path(f"{db_file}-wal")
    process = start_ingest(url, new, tmp_path / "ingest.log")
    kill_when(process, lambda: wal.exists() and wal.stat().st_size > WAL_BYTES_WHILE_WRITING, "its write phase")
    assert wal.stat().st_size > WAL_BYTES_WHILE_WRITING, "the kill left uncommitted pages in the log"

    with sqlite3.connect(db_file) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert_killed_run_changed_nothing_then_rerun_completes(url, contents, before)
    with sqlite3.connect(db_file) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_postgres_ingest_killed_inside_its_transaction_keeps_the_previous_content(contents, tmp_path):
    old, new = contents
    with services.throwaway_database("killed") as url:
        load_old_content(url, old)
        before = snapshot(url)
        name = sa.make_url(url).database
        # The test holds the removed post's keyword row, so the ingest's last statement (deleting
        # orphan keywords) waits for it: the process is stopped there, every write done, no commit.
        with psycopg.connect(url) as holder:
            holder.execute("SELECT id FROM keyword WHERE slug = %s FOR UPDATE", (GONE_KEYWORD,))
            process = start_ingest(url, new, tmp_path / "ingest.log")
            kill_when(process, lambda: ingest_waits_for_the_lock(name), "the orphan-keyword delete")
            holder.rollback()
        wait_until_no_connections(name)
        assert_killed_run_changed_nothing_then_rerun_completes(url, contents, before)


def ingest_waits_for_the_lock(database: str) -> bool:
    """Whether a session on ``database`` is blocked on a row lock in ``DELETE FROM keyword``."""
    with psycopg.connect(services.ADMIN_URL, autocommit=True) as admin:
        waiting = admin.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND wait_event_type = 'Lock'"
            " AND query ILIKE 'DELETE FROM keyword%%'",
            (database,),
        ).fetchone()[0]
    return waiting > 0


def wait_until_no_connections(database: str, timeout: float = 30) -> None:
    """Wait until the killed client's server session has ended (its transaction rolled back)."""
    deadline = time.monotonic() + timeout
    while True:
        with psycopg.connect(services.ADMIN_URL, autocommit=True) as admin:
            sessions = admin.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = %s", (database,)
            ).fetchone()[0]
        if sessions == 0:
            return
        assert time.monotonic() < deadline, f"{sessions} sessions still open on {database}"
        time.sleep(0.1)
