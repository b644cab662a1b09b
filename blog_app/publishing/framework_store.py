"""Write the frameworks posts compare, and their traits, as ingest stores the posts."""

from __future__ import annotations

import itertools

import sqlalchemy as sa
from sqlmodel import Session, col, delete, select

from blog_app.core import search
from blog_app.core.models import Framework, Trait
from blog_app.publishing.post_rows import FrameworkRows

# Frameworks written per statement: bounds the rows held in memory during a cold ingest.
BATCH = 500


def replace_frameworks(db: Session, rows_by_post: dict[int, list[FrameworkRows]], replaced: list[int]) -> None:
    """Store the frameworks just parsed, in the caller's transaction.

    Args:
        db: The ingest session (the posts are written, so they have ids).
        rows_by_post: Each stored post's frameworks, in post order.
        replaced: Posts that existed before this run; their old frameworks go first.
    """
    delete_frameworks(db, replaced)
    entries = ((post_id, position, f) for post_id, listed in rows_by_post.items() for position, f in enumerate(listed))
    while batch := list(itertools.islice(entries, BATCH)):
        _insert(db, batch)


def _insert(db: Session, batch: list[tuple[int, int, FrameworkRows]]) -> None:
    """Core executemany: thousands of ORM objects cost more than the rows.

    The new ids come back with each row's post and position, which name it: asking for them in
    parameter order would make SQLite insert one row per statement.
    """
    rows = [{"post_id": post_id, "position": position, **f.framework} for post_id, position, f in batch]
    table = Framework.__table__
    returned = db.execute(sa.insert(table).returning(table.c.id, table.c.post_id, table.c.position), rows)
    ids = {(post_id, position): framework_id for framework_id, post_id, position in returned}
    traits = [
        {"framework_id": ids[post_id, position], "position": trait_position, **trait}
        for post_id, position, f in batch
        for trait_position, trait in enumerate(f.traits)
    ]
    if traits:
        db.execute(sa.insert(Trait.__table__), traits)
    search.write_rows(db, search.FRAMEWORKS, {ids[post_id, position]: f.search for post_id, position, f in batch})


def delete_frameworks(db: Session, post_ids: list[int]) -> None:
    """Delete the frameworks of these posts and their traits."""
    if not post_ids:
        return
    # Explicit deletes: SQLite only cascades when a connection enabled foreign keys.
    owned = select(Framework.id).where(col(Framework.post_id).in_(post_ids))
    search.delete_rows(db, search.FRAMEWORKS, list(db.exec(owned)))
    db.exec(delete(Trait).where(col(Trait.framework_id).in_(owned)))
    db.exec(delete(Framework).where(col(Framework.post_id).in_(post_ids)))
