"""Write the frameworks a post compares, and their traits, as ingest stores the post."""

from __future__ import annotations

from sqlmodel import Session, col, delete, select

from blog_app.content.frameworks import FrameworkEntry
from blog_app.models import Framework, Trait


def replace_frameworks(db: Session, post_id: int, entries: list[FrameworkEntry]) -> None:
    """Swap the post's frameworks and traits for the ones just parsed (inside the caller's transaction).

    Args:
        db: The ingest session.
        post_id: The stored post.
        entries: Its frameworks, in post order.
    """
    delete_frameworks(db, post_id)
    for position, entry in enumerate(entries):
        framework = Framework(
            post_id=post_id,
            slug=entry.slug,
            name=entry.name,
            tagline=entry.tagline,
            summary=entry.summary,
            anchor=entry.anchor,
            position=position,
        )
        db.add(framework)
        db.flush()
        db.add_all(
            Trait(
                framework_id=framework.id,
                kind=trait.kind,
                title=trait.title,
                key=trait.key,
                description=trait.description,
                position=index,
            )
            for index, trait in enumerate(entry.traits)
        )


def delete_frameworks(db: Session, post_id: int) -> None:
    """Delete a post's frameworks and their traits."""
    # Explicit deletes: SQLite only cascades when a connection enabled foreign keys.
    owned = select(Framework.id).where(col(Framework.post_id) == post_id)
    db.exec(delete(Trait).where(col(Trait.framework_id).in_(owned)))
    db.exec(delete(Framework).where(col(Framework.post_id) == post_id))
