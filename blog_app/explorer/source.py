"""Where the explorer reads its frameworks: the database, once per change of the posts."""

from __future__ import annotations

from blog_app.core import database
from blog_app.core.content_version import per_content_version
from blog_app.core.visibility import Audience
from blog_app.explorer import queries
from blog_app.explorer.types import FrameworkRecord


@per_content_version(maxsize=4)
def current_frameworks(audience: Audience) -> tuple[FrameworkRecord, ...]:
    """The frameworks ``audience`` may see, read anew only when the posts have changed.

    Every filter change reloads the explorer, and reading every post's frameworks costs about
    110 ms at 100 posts (``scripts/bench --only interaction``).
    """
    with database.session() as db:
        return tuple(queries.list_frameworks(db, audience))


@per_content_version(maxsize=256)
def text_matches(text: str, audience: Audience) -> dict[str, float] | None:
    """What the explorer's text search finds (``queries.text_ranks``), searched anew only when the posts have changed."""
    if not text:
        return None
    with database.session() as db:
        return queries.text_ranks(db, text, audience)
