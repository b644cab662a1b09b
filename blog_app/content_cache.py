"""Reads that the pages repeat on every visit, done once per change of the posts."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from blog_app import database, queries, settings
from blog_app.visibility import Audience

Result = TypeVar("Result")


def per_content_version(maxsize: int) -> Callable[[Callable[..., Result]], Callable[..., Result]]:
    """Cache a reader ``read(*args, audience)`` until the posts ``audience`` may see change.

    Each call asks ``queries.content_version`` (one small query); ingest stamps every post it
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
                version = queries.content_version(db, audience)
            return read_at(settings.database_url(), version, *args)

        return current

    return decorate
