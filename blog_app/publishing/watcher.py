"""Development only: re-ingest content/ as soon as a post is saved, and let open pages know.

``reflex run`` would otherwise restart the whole backend for every saved ``.md`` file
(rxconfig.py takes content/ out of its hot reload). Here one incremental ingest runs instead,
its problems are printed as ``path:line: reason``, and the last good version of a broken
post stays served.
"""

from __future__ import annotations

import asyncio
import pathlib
import sys
from typing import TextIO

import sqlalchemy as sa
import watchfiles

from blog_app.core import content_changes, database, run_mode, settings
from blog_app.publishing.content_files import display_path
from blog_app.publishing.ingest import IngestReport, ingest
from blog_app.publishing.startup import print_report
from blog_app.publishing.startup_lock import startup_lock

# Saves arrive as a burst of events; wait this long after the last one before ingesting.
QUIET_MS = 50


def is_post_file(change: watchfiles.Change, path: str) -> bool:
    """Whether a change concerns a Markdown post (editor swap and backup files are ignored)."""
    return path.endswith(".md") and watchfiles.DefaultFilter()(change, path)


def sync_content(engine: sa.Engine, content_dir: pathlib.Path, stream: TextIO) -> IngestReport:
    """Ingest ``content_dir`` once, print what changed and its problems, and tell the pages that follow the posts."""
    with startup_lock(engine):
        report = ingest(engine, content_dir, assets_dir=settings.assets_dir())
    if report.loaded or report.removed:
        content_changes.announce_change()
    if report.loaded or report.removed or report.failed:
        print_report(report, stream)
    return report


async def watch_content(
    content_dir: pathlib.Path | None = None,
    engine: sa.Engine | None = None,
    stream: TextIO | None = None,
    stop_event: asyncio.Event | None = None,
) -> None:
    """Lifespan task: re-ingest on every saved change under ``content_dir``, in development only.

    Args:
        content_dir: The posts folder (default: ``settings.content_dir()``).
        engine: The database (default: ``DATABASE_URL``'s).
        stream: Where reports go (default: stderr, the ``reflex run`` terminal).
        stop_event: Ends the watch when set (the app's shutdown cancels it otherwise).
    """
    if not run_mode.is_development():
        return
    content_dir = content_dir or settings.content_dir()
    engine = engine or database.get_engine()
    stream = stream or sys.stderr
    print(f"watching {display_path(content_dir)}/ for changes to posts", file=stream, flush=True)
    async for _changes in watchfiles.awatch(
        content_dir, watch_filter=is_post_file, step=QUIET_MS, stop_event=stop_event
    ):
        try:
            await asyncio.to_thread(sync_content, engine, content_dir, stream)
        except Exception as error:  # keep watching: the next save may well fix it
            print(f"{display_path(content_dir)}: could not load the changes: {error}", file=stream, flush=True)
