"""The version of the posts an audience sees, and a cache of reads keyed by it (one read per change of the posts)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from sqlmodel import Session, func, select

from blog_app.core import database, settings, visibility
from blog_app.core.models import Post
from blog_app.core.visibility import Audience
from blog_app.core.visibility_sql import visible_condition

Result = TypeVar("Result")


def content_version(db: Session, audience: Audience | None = None) -> tuple[int, str]:
    """A value that changes whenever a post ``audience`` may see is added, changed, removed, shown or hidden.

    Ingest stamps ``updated_at`` on every post it writes, so the count and the newest stamp
    of the visible posts say whether documents built from them are still current.
    """
    audience = audience or visibility.readers()
    condition = visible_condition(audience)
    count, newest = db.exec(select(func.count(), func.max(Post.updated_at)).where(condition)).one()
    return count, str(newest)


def per_content_version(maxsize: int) -> Callable[[Callable[..., Result]], Callable[..., Result]]:
    """Cache a reader ``read(*args, audience)`` until the posts ``audience`` may see change.

    Each call asks ``content_version`` (one small query); ingest stamps every post it
    writes, so an edit, a new or removed post, or a scheduled post appearing (a new
    ``audience.today``) is a new key, as is another database. Callers must not mutate what they
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
            with database.session() as db:
                version = content_version(db, audience)
            return read_at(settings.database_url(), version, *args)

        return current

    return decorate
