"""``visibility.is_visible`` as a SQL condition on ``Post``: what every query that lists or finds posts filters with.

Apart from ``visibility`` so that code that only parses and checks posts (``python -m blog_app
check``) never imports SQLAlchemy. The rule itself stays in ``visibility``; a test holds this
condition to it for every publication status and audience.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import col

from blog_app.core.models import Post
from blog_app.core.visibility import Audience


def visible_condition(audience: Audience) -> sa.ColumnElement[bool]:
    """``visibility.is_visible`` as a SQL condition on ``Post``, for ``select(Post).where(...)``."""
    if audience.previews_unpublished:
        return sa.true()
    return sa.and_(sa.not_(col(Post.draft)), col(Post.published) <= audience.today)
