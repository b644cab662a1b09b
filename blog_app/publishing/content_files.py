"""The post files of a run: their names in messages, the images they need, the slugs they claim (no database)."""

from __future__ import annotations

import pathlib
from collections.abc import Iterable, Mapping
from typing import Protocol

from blog_app.content import Diagnostic, Document
from blog_app.core.assets import exists_under, is_site_path


def display_path(path: pathlib.Path) -> str:
    """``path`` relative to the working directory when inside it (``content/x.md``), else absolute."""
    try:
        return str(path.resolve().relative_to(pathlib.Path.cwd()))
    except ValueError:
        return str(path)


def missing_images(document: Document, assets_dir: pathlib.Path) -> list[Diagnostic]:
    """Warnings for site-relative images (cover and body) that are not under ``assets_dir``.

    Args:
        document: A parsed post.
        assets_dir: The folder served at the site root.

    Returns:
        One warning per missing file; remote (http) images are not checked.
    """
    wanted = [(document.meta.image, document.meta.line_of("image"))]
    wanted += [(s.src, s.line) for s in document.segments if s.kind == "image"]
    root = assets_dir.resolve()
    return [
        Diagnostic(document.source_path, line, f"image {src} not found under assets/", "warning")
        for src, line in wanted
        if is_site_path(src) and not exists_under(src, root)
    ]


class SlugClaim(Protocol):
    """A parsed post as the owner of a slug: a ``Document``, or the rows ingest writes of one."""

    source_path: str
    slug: str
    slug_line: int


def duplicate_slugs(documents: Iterable[SlugClaim], taken: Mapping[str, str] | None = None) -> dict[str, Diagnostic]:
    """The error of every document whose slug a file before it (or in ``taken``) already holds.

    Args:
        documents: Parsed posts, in the order their files are read (the first one keeps a slug).
        taken: Slugs already held, each by the file (as messages name it) that holds it.

    Returns:
        By the rejected document's ``source_path``: an error naming the file that holds the slug.
    """
    owners = dict(taken or {})
    rejected = {}
    for document in documents:
        owner = owners.setdefault(document.slug, document.source_path)
        if owner != document.source_path:
            message = f"slug '{document.slug}' is already used by {owner}"
            rejected[document.source_path] = Diagnostic(document.source_path, document.slug_line, message)
    return rejected
