"""Write the frameworks posts compare, and their traits, as ingest stores the posts."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session, col, delete, select

from blog_app.content.frameworks import FrameworkEntry
from blog_app.models import Framework, Trait


def replace_frameworks(db: Session, entries_by_post: dict[int, list[FrameworkEntry]], replaced: list[int]) -> None:
    """Store the frameworks just parsed, in the caller's transaction.

    Args:
        db: The ingest session (the posts are flushed, so they have ids).
        entries_by_post: Each stored post's frameworks, in post order.
        replaced: Posts that existed before this run; their old frameworks go first.
    """
    delete_frameworks(db, replaced)
    rows = [
        (
            Framework(
                post_id=post_id,
                slug=e.slug,
                name=e.name,
                tagline=e.tagline,
                summary=e.summary,
                anchor=e.anchor,
                position=position,
            ),
            e,
        )
        for post_id, entries in entries_by_post.items()
        for position, e in enumerate(entries)
    ]
    if not rows:
        return
    db.add_all(framework for framework, _ in rows)
    db.flush()  # one flush for every post's frameworks: the traits need their ids
    traits = [
        {
            "framework_id": framework.id,
            "kind": trait.kind,
            "title": trait.title,
            "key": trait.key,
            "description": trait.description,
            "position": position,
        }
        for framework, entry in rows
        for position, trait in enumerate(entry.traits)
    ]
    if traits:  # a core executemany, like the keyword links
        db.exec(sa.insert(Trait), params=traits)


def delete_frameworks(db: Session, post_ids: list[int]) -> None:
    """Delete the frameworks of these posts and their traits."""
    if not post_ids:
        return
    # Explicit deletes: SQLite only cascades when a connection enabled foreign keys.
    owned = select(Framework.id).where(col(Framework.post_id).in_(post_ids))
    db.exec(delete(Trait).where(col(Trait.framework_id).in_(owned)))
    db.exec(delete(Framework).where(col(Framework.post_id).in_(post_ids)))
