"""Whether a site path such as ``/blog/chart.webp`` names a file under assets/."""

from __future__ import annotations

import pathlib

from blog_app.core import settings


def is_site_path(src: str) -> bool:
    """Whether ``src`` is a path on this site (``/blog/x.webp``), not a remote URL."""
    return src.startswith("/") and not src.startswith("//")


def asset_exists(src: str, assets_dir: pathlib.Path | None = None) -> bool:
    """Whether a site path names an existing file under ``assets_dir`` (never outside it).

    Args:
        src: The path as written in a post; a query string is ignored.
        assets_dir: The folder served at the site root (default: the project's assets/).

    Returns:
        True when the file exists; False for remote URLs, missing files and paths escaping the folder.
    """
    return is_site_path(src) and exists_under(src, (assets_dir or settings.assets_dir()).resolve())


def exists_under(src: str, root: pathlib.Path) -> bool:
    """Whether the site path ``src`` names a file under ``root``, an already resolved folder (never outside it).

    For callers checking many paths against one folder: ``asset_exists`` resolves the folder each time.
    """
    target = (root / src.split("?")[0].split("#")[0].lstrip("/")).resolve()
    return target.is_relative_to(root) and target.is_file()


def image_missing(src: str) -> bool:
    """Whether a site image a page is about to show has no file (remote images are trusted).

    Checked when a page is shown, not at ingest, so adding the file later fixes the
    page without re-ingesting.
    """
    return is_site_path(src) and not asset_exists(src)
