"""Validate a content folder without a database: everything ingest reports, plus links between posts.

``python -m blog_app check`` runs this so a content repository can fail its CI on a broken post.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import pathlib

from blog_app.content import Diagnostic, Document
from blog_app.content.batch import parse_many
from blog_app.core import settings, visibility
from blog_app.publishing.content_files import display_path, duplicate_slugs, missing_images
from blog_app.publishing.link_check import broken_links, linked_post


@dataclasses.dataclass
class CheckReport:
    """What ``check_content`` found, sorted by file and line."""

    posts: int
    diagnostics: list[Diagnostic]

    @property
    def problems(self) -> list[Diagnostic]:
        """The diagnostics that fail the check: errors and warnings, not editorial notes."""
        return [d for d in self.diagnostics if d.fails_check]

    def summary(self) -> str:
        """One line: ``check: 2 posts, 1 problem, 3 editorial notes``."""
        problems, notes = len(self.problems), len(self.diagnostics) - len(self.problems)
        return (
            f"check: {self.posts} post{'s' * (self.posts != 1)}, {problems} problem{'s' * (problems != 1)}, "
            f"{notes} editorial note{'s' * (notes != 1)}"
        )


def check_content(
    content_dir: pathlib.Path, assets_dir: pathlib.Path | None = None, today: dt.date | None = None
) -> CheckReport:
    """Parse every post under ``content_dir`` and check it against the others and assets/.

    Args:
        content_dir: The folder of ``*.md`` posts (searched recursively, as ingest does).
        assets_dir: The folder served at the site root (default: the project's assets/).
        today: The site's date, deciding which posts readers see (default: today in ``BLOG_TIMEZONE``).

    Returns:
        Every diagnostic, sorted by file and line.

    Raises:
        FileNotFoundError: If ``content_dir`` does not exist.
    """
    if not content_dir.is_dir():
        raise FileNotFoundError(f"content folder {content_dir} does not exist")
    assets_dir = assets_dir or settings.assets_dir()
    today = today or visibility.site_today()
    items = [(display_path(path), path.read_bytes()) for path in sorted(content_dir.rglob("*.md"))]
    diagnostics: list[Diagnostic] = []
    documents: list[Document] = []
    for result in parse_many(items):
        if isinstance(result, Document):
            documents.append(result)
            diagnostics += result.warnings + missing_images(result, assets_dir)
        else:
            diagnostics += result
    diagnostics += duplicate_slugs(documents).values()
    posts = {}
    for document in documents:
        posts.setdefault(document.slug, linked_post(document))
    for document in documents:
        diagnostics += broken_links(document, document.links, posts, assets_dir, today)
    diagnostics.sort(key=lambda d: (d.path, d.line))
    return CheckReport(posts=len(items), diagnostics=diagnostics)
