"""Where the explorer reads its frameworks: the database, once per change of the posts."""

from __future__ import annotations

import functools

from blog_app import database, framework_queries, queries, settings
from blog_app.framework_queries import FrameworkRecord
from blog_app.visibility import Audience


def current_frameworks(audience: Audience) -> tuple[FrameworkRecord, ...]:
    """The frameworks ``audience`` may see, read anew only when the posts have changed.

    Every filter change reloads the explorer, and reading every post's frameworks costs about
    110 ms at 100 posts (``scripts/bench --only interaction``), while ``queries.content_version``
    is one small query. Ingest stamps every post it writes, so an edit, a new or removed post,
    or a scheduled post appearing (a new ``audience.today``) is a new key.
    """
    with database.session() as db:
        version = queries.content_version(db, audience)
    return _frameworks_at(settings.database_url(), version, audience)


@functools.lru_cache(maxsize=4)
def _frameworks_at(_url: str, _version: tuple[int, str], audience: Audience) -> tuple[FrameworkRecord, ...]:
    # The database's URL and version are only the cache key: another database or a change reads anew.
    with database.session() as db:
        return tuple(framework_queries.list_frameworks(db, audience))
