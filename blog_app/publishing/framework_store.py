"""Write the frameworks posts compare, and their traits, as ingest stores the posts."""

from __future__ import annotations

import itertools

import sqlalchemy as sa
from sqlmodel import Session, col, delete, select

from blog_app.content.frameworks import FrameworkEntry
from blog_app.core import search
from blog_app.core.models import Framework, Trait

# Frameworks written per statement: bounds the rows held in memory during a cold ingest.
BATCH = 500


def replace_frameworks(db: Session, entries_by_post: dict[int, list[FrameworkEntry]], replaced: list[int]) -> None:
    """Store the frameworks just parsed, in the caller's transaction.

    Args:
        db: The ingest session (the posts are flushed, so they have ids).
        entries_by_post: Each stored post's frameworks, in post order.
        replaced: Posts that existed before this run; their old frameworks go first.
    """
    delete_frameworks(db, replaced)
    entries = (
        (post_id, position, e) for post_id, listed in entries_by_post.items() for position, e in enumerate(listed)
    )
    while batch := list(itertools.islice(entries, BATCH)):
        _insert(db, batch)


def _insert(db: Session, batch: list[tuple[int, int, FrameworkEntry]]) -> None:
    """Core executemany with RETURNING ids in parameter order: thousands of ORM objects cost more."""
    rows = [
        {
            "post_id": post_id,
            "slug": e.slug,
            "name": e.name,
            "tagline": e.tagline,
            "summary": e.summary,
            "anchor": e.anchor,
            "position": position,
        }
        for post_id, position, e in batch
    ]
    ids = db.execute(sa.insert(Framework).returning(Framework.id, sort_by_parameter_order=True), rows).scalars().all()
    traits = [
        {
            "framework_id": framework_id,
            "kind": trait.kind,
            "title": trait.title,
            "key": trait.key,
            "description": trait.description,
            "position": position,
        }
        for framework_id, (_, _, entry) in zip(ids, batch, strict=True)
        for position, trait in enumerate(entry.traits)
    ]
    if traits:
        db.execute(sa.insert(Trait), traits)
    search.write_rows(
        db,
        search.FRAMEWORKS,
        {framework_id: framework_columns(e) for framework_id, (_, _, e) in zip(ids, batch, strict=True)},
    )


def framework_columns(entry: FrameworkEntry) -> dict[str, str]:
    """The text of each column of the frameworks' search index: name, tagline, trait titles, trait texts."""
    return {
        "name": entry.name,
        "tagline": entry.tagline,
        "traits": "\n".join(trait.title for trait in entry.traits),
        "details": "\n".join(trait.description for trait in entry.traits),
    }


def delete_frameworks(db: Session, post_ids: list[int]) -> None:
    """Delete the frameworks of these posts and their traits."""
    if not post_ids:
        return
    # Explicit deletes: SQLite only cascades when a connection enabled foreign keys.
    owned = select(Framework.id).where(col(Framework.post_id).in_(post_ids))
    search.delete_rows(db, search.FRAMEWORKS, list(db.exec(owned)))
    db.exec(delete(Trait).where(col(Trait.framework_id).in_(owned)))
    db.exec(delete(Framework).where(col(Framework.post_id).in_(post_ids)))
