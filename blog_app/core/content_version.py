"""The version of the posts an audience sees, and a cache of reads keyed by it (one read per change of the posts)."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import TypeVar

from sqlmodel import Session, func, select

from blog_app.core import database, settings, visibility
from blog_app.core.models import Post
from blog_app.core.visibility import Audience
from blog_app.core.visibility_sql import visible_condition

Result = TypeVar("Result")
# Seconds a process trusts the version it read last. Ingest in this process forgets it at once
# (``forget_versions``); another process's ingest on a shared database shows within this time.
VERSION_TTL = 1.0
_versions: dict[tuple[str, Audience], tuple[tuple[int, str], float]] = {}


def content_version(db: Session, audience: Audience | None = None) -> tuple[int, str]:
    """A value that changes whenever a post ``audience`` may see is added, changed, removed, shown or hidden.

    Ingest stamps ``updated_at`` on every post it writes, so the count and the newest stamp
    of the visible posts say whether documents built from them are still current.
    """
    audience = audience or visibility.readers()
    condition = visible_condition(audience)
    count, newest = db.exec(select(func.count(), func.max(Post.updated_at)).where(condition)).one()
    return count, str(newest)


def current_version(audience: Audience) -> tuple[int, str]:
    """``content_version`` of the app's database for ``audience``, asked at most every ``VERSION_TTL`` s.

    Every page load reads through ``per_content_version``; asking the database each time cost a
    session, a pool ping and a query per event, a third of the server's time per event
    (``python -m bench.ws_load``, py-spy).
    """
    key, now = (settings.database_url(), audience), time.monotonic()
    known = _versions.get(key)
    if known is not None and now - known[1] < VERSION_TTL:
        return known[0]
    with database.session() as db:
        version = content_version(db, audience)
    _versions[key] = (version, now)
    return version


def forget_versions() -> None:
    """The posts were just changed by this process: the next read asks the database again."""
    _versions.clear()


def per_content_version(maxsize: int) -> Callable[[Callable[..., Result]], Callable[..., Result]]:
    """Cache a reader ``read(*args, audience)`` until the posts ``audience`` may see change.

    Each call asks ``current_version`` (one small query at most every ``VERSION_TTL`` s); ingest
    stamps every post it writes, so an edit, a new or removed post, or a scheduled post appearing
    (a new ``audience.today``) is a new key, as is another database. Callers must not mutate what they
    get: it is shared by every visit.

    Args:
        maxsize: How many results to keep (``functools.lru_cache``).

    Returns:
        A decorator for the reader.
    """

    def decorate(read: Callable[..., Result]) -> Callable[..., Result]:
        @functools.lru_cache(maxsize=maxsize)
        def read_at(_url: str, _version: tuple[int, str], *args) -> Result:
            # The database's URL and version are only the cache key.
            return read(*args)

        @functools.wraps(read)
        def current(*args) -> Result:
            audience: Audience = args[-1]
            return read_at(settings.database_url(), current_version(audience), *args)

        return current

    return decorate
