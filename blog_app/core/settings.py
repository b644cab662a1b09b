"""Where things are: project paths, content folder and database URL, from the environment."""

from __future__ import annotations

import os
import pathlib
import zoneinfo

PROJECT_ROOT = pathlib.Path(__file__).resolve().parents[2]
# Hidden, so the dev server does not hot-reload whenever SQLite touches its WAL files.
DEFAULT_SQLITE_PATH = PROJECT_ROOT / ".data" / "blog.db"


def content_dir() -> pathlib.Path:
    """The folder of Markdown posts: ``BLOG_CONTENT_DIR`` or ``content/`` in the project."""
    return pathlib.Path(os.environ.get("BLOG_CONTENT_DIR") or PROJECT_ROOT / "content").resolve()


def assets_dir() -> pathlib.Path:
    """The folder of static files served at the site root."""
    return PROJECT_ROOT / "assets"


def database_url() -> str:
    """The SQLAlchemy URL from ``DATABASE_URL``, defaulting to a SQLite file in the project."""
    return normalize_database_url(os.environ.get("DATABASE_URL", "").strip() or f"sqlite:///{DEFAULT_SQLITE_PATH}")


def normalize_database_url(url: str) -> str:
    """``url`` with its PostgreSQL scheme pointed at the psycopg 3 driver the project installs.

    ``postgres://`` and ``postgresql://`` are how hosting providers print URLs; SQLAlchemy would
    pick psycopg2 for them, which is not installed. Any other URL is returned unchanged.
    """
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def site_name() -> str:
    """The site's name, shown in the header, titles and feeds (``BLOG_SITE_NAME``)."""
    return os.environ.get("BLOG_SITE_NAME", "").strip() or "Python Web Journal"


def site_tagline() -> str:
    """One line under the site name on the index (``BLOG_SITE_TAGLINE``)."""
    return (
        os.environ.get("BLOG_SITE_TAGLINE", "").strip()
        or "Notes on building web apps in Python: frameworks, trade-offs and what we learned."
    )


def site_timezone() -> zoneinfo.ZoneInfo:
    """The time zone whose calendar decides when a scheduled post appears (``BLOG_TIMEZONE``, default UTC).

    Raises:
        ValueError: If ``BLOG_TIMEZONE`` is not an IANA zone name such as ``Europe/Paris``.
    """
    name = os.environ.get("BLOG_TIMEZONE", "").strip() or "UTC"
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"BLOG_TIMEZONE={name!r} is not a time zone name such as 'UTC' or 'Europe/Paris'") from None


def feed_posts() -> int:
    """How many of the newest posts the RSS and Atom feeds carry, in full (``BLOG_FEED_POSTS``, default 20).

    Raises:
        ValueError: If ``BLOG_FEED_POSTS`` is not a whole number of at least 1.
    """
    value = os.environ.get("BLOG_FEED_POSTS", "").strip() or "20"
    if not value.isdigit() or int(value) < 1:
        raise ValueError(f"BLOG_FEED_POSTS={value!r} is not a number of posts (a whole number, at least 1)")
    return int(value)


def api_url() -> str:
    """Where browsers reach the backend, when not at the page's own address (``API_URL``; empty when unset)."""
    return os.environ.get("API_URL", "").strip()


def site_url() -> str:
    """The public address of the site, without a trailing slash, for absolute links.

    Reflex's ``deploy_url``: ``DEPLOY_URL`` (rxconfig passes it on) or ``REFLEX_DEPLOY_URL``;
    unset, Reflex makes it ``http://localhost:<frontend port>``.
    """
    # Imported here: rxconfig imports this module while Reflex loads the config.
    from reflex.config import get_config

    return (get_config().deploy_url or "http://localhost:3000").rstrip("/")


def share_image() -> str:
    """The image link previews show for pages without their own (``BLOG_SHARE_IMAGE``)."""
    return os.environ.get("BLOG_SHARE_IMAGE", "").strip() or "/og-default.png"
