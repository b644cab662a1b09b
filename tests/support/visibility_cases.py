"""Posts in every publication status around one day: holds the SQL visibility condition to the Python rule."""

from __future__ import annotations

import datetime as dt
import typing

import sqlalchemy as sa
from sqlmodel import Session, col, select

from blog_app.core import visibility
from blog_app.core.models import Post
from blog_app.core.visibility_sql import visible_condition

TODAY = dt.date(2026, 11, 25)
# Not a draft or a draft, dated the day before, the day itself and the day after.
CASES = [(draft, TODAY + dt.timedelta(days=offset)) for draft in (False, True) for offset in (-1, 0, 1)]
AUDIENCES = {"readers": visibility.readers(TODAY), "authors": visibility.authors(TODAY)}


def sql_and_rule_answers(engine: sa.Engine) -> dict[str, tuple[list[str], list[str]]]:
    """For each audience: the posts the SQL condition finds and those ``is_visible`` allows, by slug.

    Stores one post per case in ``engine`` (a migrated, empty database) and fails when the cases
    stop covering every publication status.
    """
    posts = [
        Post(
            slug=f"{'draft' if draft else 'post'}-{day}",
            title="t",
            author="a",
            published=day,
            draft=draft,
            source_path=f"{draft}-{day}.md",
            content_hash="-",
        )
        for draft, day in CASES
    ]
    statuses = {visibility.publication_status(post, TODAY) for post in posts}
    assert statuses == set(typing.get_args(visibility.Status)), statuses
    allowed = {
        name: sorted(post.slug for post in posts if visibility.is_visible(post, audience))
        for name, audience in AUDIENCES.items()
    }
    with Session(engine) as db:
        db.add_all(posts)
        db.commit()
        return {
            name: (
                list(db.exec(select(Post.slug).where(visible_condition(audience)).order_by(col(Post.slug)))),
                allowed[name],
            )
            for name, audience in AUDIENCES.items()
        }
