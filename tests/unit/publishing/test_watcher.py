"""The development content watcher on real files and a real SQLite database (the real process: tests/e2e)."""

from __future__ import annotations

import asyncio
import io
import time

import pytest

from blog_app.core import content_changes
from blog_app.publishing import watcher
from blog_app.publishing.watcher import sync_content, watch_content
from harness.synthetic_posts import write_post
from tests.support.stored import stored_titles


async def until(condition, timeout: float = 20.0) -> None:
    """Wait (without blocking the watcher) until ``condition()`` holds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the watcher never picked up the change"
        await asyncio.sleep(0.05)


@pytest.mark.parametrize("mode", [None, "prod"])
def test_no_watcher_outside_development(monkeypatch, content_dir, sqlite_engine, mode):
    if mode is None:
        monkeypatch.delenv("REFLEX_ENV_MODE", raising=False)
    else:
        monkeypatch.setenv("REFLEX_ENV_MODE", mode)
    stream = io.StringIO()
    asyncio.run(asyncio.wait_for(watch_content(content_dir, sqlite_engine, stream), timeout=5))
    assert stream.getvalue() == ""


def test_sync_reports_problems_keeps_the_last_good_version_and_counts_changes(content_dir, sqlite_engine):
    stream = io.StringIO()
    post = write_post(content_dir, "note.md", "First version")
    version = content_changes.generation()
    sync_content(sqlite_engine, content_dir, stream)
    assert stored_titles(sqlite_engine)["note"] == "First version"
    assert content_changes.generation() == version + 1

    post.write_text(post.read_text().replace("date: 2024-01-01", "date: 2024-02-30"))
    stream = io.StringIO()
    sync_content(sqlite_engine, content_dir, stream)
    assert (
        stream.getvalue().splitlines()[0] == f"{post}:4: invalid value in front matter: day is out of range for month"
    )
    assert stored_titles(sqlite_engine)["note"] == "First version"
    assert content_changes.generation() == version + 1  # nothing changed for readers

    stream = io.StringIO()
    sync_content(sqlite_engine, content_dir, stream)  # the same broken file again: reported again
    assert "day is out of range" in stream.getvalue()


def test_editor_files_do_not_count_as_posts():
    assert watcher.is_post_file(watcher.watchfiles.Change.modified, "/c/post.md")
    assert not watcher.is_post_file(watcher.watchfiles.Change.modified, "/c/.post.md.swp")
    assert not watcher.is_post_file(watcher.watchfiles.Change.added, "/c/post.md~")
    assert not watcher.is_post_file(watcher.watchfiles.Change.added, "/c/chart.webp")


def test_watcher_follows_new_changed_broken_and_deleted_files(monkeypatch, content_dir, sqlite_engine):
    monkeypatch.setenv("REFLEX_ENV_MODE", "dev")
    stream = io.StringIO()

    async def scenario() -> list[int]:
        stop = asyncio.Event()
        watching = asyncio.create_task(watch_content(content_dir, sqlite_engine, stream, stop_event=stop))
        followed: list[int] = []

        async def follow() -> None:
            async for version in content_changes.content_changes(poll_seconds=0.05):
                followed.append(version)

        follower = asyncio.create_task(follow())
        await until(lambda: "watching" in stream.getvalue())
        await asyncio.sleep(0.5)  # the file system watch starts just after the message
        post = write_post(content_dir, "fresh.md", "Fresh post")
        await until(lambda: stored_titles(sqlite_engine).get("fresh") == "Fresh post")
        write_post(content_dir, "fresh.md", "Fresh post, edited")
        await until(lambda: stored_titles(sqlite_engine).get("fresh") == "Fresh post, edited")
        post.write_text("---\ntitle: [unclosed\n---\n")
        await until(lambda: f"{post}:2: invalid YAML in front matter" in stream.getvalue())
        assert stored_titles(sqlite_engine)["fresh"] == "Fresh post, edited"
        post.unlink()
        await until(lambda: "fresh" not in stored_titles(sqlite_engine))
        await until(lambda: len(followed) >= 3)
        stop.set()
        await asyncio.wait_for(watching, timeout=10)
        follower.cancel()
        return followed

    followed = asyncio.run(scenario())
    assert followed == sorted(set(followed))  # one wake-up per change, in order
    assert "ingest: 0 loaded, 1 unchanged, 1 removed, 0 failed" in stream.getvalue()
