"""Prepare the database when the app or the CLI starts: migrate, then ingest, under one lock."""

from __future__ import annotations

import pathlib
import sys
from typing import TextIO

import sqlalchemy as sa

from blog_app.core import database, settings
from blog_app.publishing.ingest import IngestReport, ingest
from blog_app.publishing.startup_lock import startup_lock

WAITING_MESSAGE = "start-up: another app process is migrating and loading content; waiting for it to finish"


def prepare_database(
    engine: sa.Engine | None = None,
    content_dir: pathlib.Path | None = None,
    stream: TextIO | None = None,
) -> IngestReport:
    """Upgrade the schema to head and ingest ``content_dir``, printing what happened.

    Several app processes may start at once on one database; the start-up
    lock makes them take turns, so the later ones find the work done.

    Args:
        engine: The database (default: ``DATABASE_URL``'s).
        content_dir: The posts folder (default: ``settings.content_dir()``).
        stream: Where diagnostics and the summary go (default: stderr).

    Returns:
        The ingest report.
    """
    engine = engine or database.get_engine()
    content_dir = content_dir or settings.content_dir()
    stream = stream or sys.stderr
    with startup_lock(engine, on_wait=lambda: print(WAITING_MESSAGE, file=stream, flush=True)):
        database.upgrade_schema(engine)
        report = ingest(engine, content_dir, assets_dir=settings.assets_dir())
    print_report(report, stream)
    return report


def migrate(engine: sa.Engine | None = None) -> None:
    """Upgrade the schema to head under the start-up lock, without loading any post.

    ``rxconfig.py`` calls this for a SQLite file that does not exist yet: ``reflex run``
    compares the database with the models before the app starts, and would report a new
    empty database as behind its migrations (the app migrates it at start anyway).
    """
    engine = engine or database.get_engine()
    with startup_lock(engine):
        database.upgrade_schema(engine)


def print_report(report: IngestReport, stream: TextIO) -> None:
    """Write one ``path:line: reason`` line per problem, then the summary line."""
    for diagnostic in report.diagnostics:
        print(diagnostic, file=stream)
    print(report.summary(), file=stream, flush=True)
