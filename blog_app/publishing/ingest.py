"""Load content/*.md into the database: one transaction, incremental by content hash."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import pathlib
import time
from collections.abc import Callable

import sqlalchemy as sa
from sqlmodel import Session

from blog_app.content import Diagnostic, content_hash
from blog_app.content.batch import parse_many
from blog_app.core import content_version
from blog_app.publishing.content_files import display_path
from blog_app.publishing.post_rows import PostRows, post_rows
from blog_app.publishing.post_store import PostWriter, StoredPost, stored_posts
from blog_app.publishing.slug_claims import SlugClaims, Verdict

# Posts written per batch while the rest are parsed: bounds the rows held in memory, and the
# writing left once the last post is parsed.
WRITE_BATCH = 50


@dataclasses.dataclass
class IngestReport:
    """What one ingest run did, with every problem it found."""

    loaded: list[str] = dataclasses.field(default_factory=list)
    unchanged: list[str] = dataclasses.field(default_factory=list)
    removed: list[str] = dataclasses.field(default_factory=list)
    failed: list[str] = dataclasses.field(default_factory=list)
    diagnostics: list[Diagnostic] = dataclasses.field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        """One line: ``ingest: 2 loaded, 0 unchanged, 0 removed, 1 failed, 3 warnings in 0.04 s``."""
        warnings = sum(d.severity == "warning" for d in self.diagnostics)
        return (
            f"ingest: {len(self.loaded)} loaded, {len(self.unchanged)} unchanged, "
            f"{len(self.removed)} removed, {len(self.failed)} failed, {warnings} warnings "
            f"in {self.seconds:.2f} s"
        )


def ingest(engine: sa.Engine, content_dir: pathlib.Path, assets_dir: pathlib.Path | None = None) -> IngestReport:
    """Bring the database in line with the Markdown files in ``content_dir``.

    Unchanged files (same hash) are skipped, posts whose file is gone removed, changed and new
    files parsed and written as they are parsed (on every core), and the search index,
    vocabulary and related posts brought in line, all in one transaction. A file that fails to
    parse is reported and skipped; its previous version stays.

    Args:
        engine: The database (already migrated).
        content_dir: The folder of ``*.md`` posts (searched recursively).
        assets_dir: When given, images a post references must exist under it.

    Returns:
        The report; nothing is committed if any step raises.

    Raises:
        FileNotFoundError: If ``content_dir`` does not exist (nothing is removed).
    """
    started = time.perf_counter()
    if not content_dir.is_dir():
        raise FileNotFoundError(f"content folder {content_dir} does not exist")
    report = IngestReport()
    with Session(engine) as db:
        stored = stored_posts(db)
        files = {path.relative_to(content_dir).as_posix(): path for path in sorted(content_dir.rglob("*.md"))}
        pending = _changed_files(files, stored, report)
        writer = PostWriter(db, stored)
        gone = [row for key, row in stored.items() if key not in files]
        writer.remove(gone)  # first: a new file may take the slug of a removed one
        report.removed.extend(display_path(content_dir / row.source_path) for row in gone)
        held = {row.slug: key for key, row in stored.items() if key in files}
        shown = functools.partial(_shown, files)
        _load(writer, pending, SlugClaims(held), report, shown, assets_dir)
        writer.finish()
        db.commit()
    content_version.forget_versions()
    report.seconds = time.perf_counter() - started
    return report


def _shown(files: dict[str, pathlib.Path], key: str) -> str:
    return display_path(files[key])


def _changed_files(
    files: dict[str, pathlib.Path], stored: dict[str, StoredPost], report: IngestReport
) -> dict[str, tuple[str, bytes]]:
    """The new or changed files (name in messages, bytes) by key; unchanged ones go to the report."""
    pending: dict[str, tuple[str, bytes]] = {}
    for key, path in files.items():
        data = path.read_bytes()
        if key in stored and stored[key].content_hash == content_hash(data):
            report.unchanged.append(display_path(path))
        else:
            pending[key] = (display_path(path), data)
    return pending


def _load(
    writer: PostWriter,
    pending: dict[str, tuple[str, bytes]],
    claims: SlugClaims,
    report: IngestReport,
    shown: Callable[[str], str],
    assets_dir: pathlib.Path | None,
) -> None:
    """Parse ``pending`` and write each post as it comes; report in file order."""
    loading = _Loading(writer, claims)
    then = functools.partial(post_rows, assets_dir=assets_dir)
    with contextlib.closing(parse_many(list(pending.values()), then=then)) as results:
        for key, result in zip(pending, results, strict=True):
            if isinstance(result, PostRows):
                report.diagnostics.extend(result.warnings)
                loading.add(key, result)
            else:
                report.failed.append(pending[key][0])
                report.diagnostics.extend(result)
    loading.finish(shown)
    report.loaded.extend(name for key, name in loading.parsed.items() if key not in loading.rejected)
    report.failed.extend(name for key, name in loading.parsed.items() if key in loading.rejected)
    report.diagnostics.extend(loading.rejected[key] for key in loading.parsed if key in loading.rejected)


class _Loading:
    """One run's parsed posts on their way to the database: written in batches, or waiting for their slug."""

    def __init__(self, writer: PostWriter, claims: SlugClaims) -> None:
        self.parsed: dict[str, str] = {}  # the name in messages of every file that parsed, by key, in file order
        self.rejected: dict[str, Diagnostic] = {}  # files that parsed but lost their slug, by key
        self._writer = writer
        self._claims = claims
        self._batch: list[tuple[str, PostRows]] = []
        self._waiting: list[tuple[str, PostRows]] = []

    def add(self, key: str, rows: PostRows) -> None:
        """Write a parsed post (in a batch), hold it until its slug is settled, or reject it."""
        self.parsed[key] = rows.source_path
        verdict = self._claims.claim(key, rows)
        if verdict is Verdict.WAIT:
            self._waiting.append((key, rows))
        elif verdict is Verdict.WRITE:
            self._batch.append((key, rows))
            if len(self._batch) >= WRITE_BATCH:
                self._writer.write(self._batch)
                self._batch = []
        else:
            self.rejected[key] = verdict

    def finish(self, shown: Callable[[str], str]) -> None:
        """Settle the posts that waited for their slug, and write the last batch."""
        lost = self._claims.settle(self._waiting, set(self.parsed), shown)
        for key, rows in self._waiting:
            if rows.source_path in lost:
                self.rejected[key] = lost[rows.source_path]
            else:
                self._batch.append((key, rows))
        self._writer.write(self._batch)
