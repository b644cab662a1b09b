"""Whether a site path such as ``/blog/chart.webp`` names a file under assets/, and an image's size."""

from __future__ import annotations

import pathlib

import imagesize

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
    return file_under(src, root) is not None


def file_under(src: str, root: pathlib.Path) -> pathlib.Path | None:
    """The file the site path ``src`` names under ``root``, an already resolved folder; None when there is none."""
    target = (root / src.split("?")[0].split("#")[0].lstrip("/")).resolve()
    return target if target.is_relative_to(root) and target.is_file() else None


def image_size(src: str, root: pathlib.Path) -> tuple[int, int]:
    """The intrinsic width and height, in pixels, of the site image ``src`` under ``root`` (a resolved folder).

    Read from the file's header only. (0, 0) when unknown: a remote image, a missing file, or a
    file whose header gives no size (an unknown format, an SVG sized in percent).
    """
    path = file_under(src, root) if is_site_path(src) else None
    if path is None:
        return 0, 0
    try:
        width, height = imagesize.get(path)
    except (OSError, ValueError):
        return 0, 0
    return (int(width), int(height)) if width > 0 and height > 0 else (0, 0)


def image_missing(src: str) -> bool:
    """Whether a site image a page is about to show has no file (remote images are trusted).

    Checked when a page is shown, not at ingest, so adding the file later fixes the
    page without re-ingesting.
    """
    return is_site_path(src) and not asset_exists(src)
