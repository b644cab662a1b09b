"""Read the frameworks posts compare; each function takes a session and returns plain data."""

from __future__ import annotations

from collections import defaultdict

from sqlmodel import Session, col, select

from blog_app.core import search, visibility
from blog_app.core.models import Framework, Post, Trait
from blog_app.core.visibility import Audience
from blog_app.core.visibility_sql import visible_condition
from blog_app.explorer.types import FrameworkRecord, FrameworkSection, TraitRecord


def list_frameworks(db: Session, audience: Audience | None = None) -> list[FrameworkRecord]:
    """Every framework of the posts ``audience`` may see (default: readers), in post order.

    A framework several posts describe is listed once, from the newest post.

    Args:
        db: A session.
        audience: Who is looking (``blog_app.core.visibility``): readers never get drafts or scheduled posts.

    Returns:
        The frameworks, newest post first, each post's in the order it presents them.
    """
    rows = db.exec(
        select(Framework, Post.slug)
        .join(Post, col(Post.id) == col(Framework.post_id))
        .where(visible_condition(audience or visibility.readers()))
        .order_by(col(Post.published).desc(), col(Post.id), col(Framework.position))
    ).all()
    traits = _traits_by_framework(db, [framework.id for framework, _ in rows])
    records: dict[str, FrameworkRecord] = {}
    for framework, post_slug in rows:
        records.setdefault(
            framework.slug,
            FrameworkRecord(
                slug=framework.slug,
                name=framework.name,
                tagline=framework.tagline,
                summary=framework.summary,
                post_slug=post_slug,
                anchor=framework.anchor,
                traits=tuple(traits.get(framework.id, [])),
            ),
        )
    return list(records.values())


def text_ranks(db: Session, text: str, audience: Audience | None = None) -> dict[str, float] | None:
    """The frameworks ``text`` finds among those ``audience`` may see: slug -> relevance (higher is better).

    The same search as the index's (stems, one typo, phrases, prefixes, ranking by column weight:
    name, then tagline and trait titles, then trait texts), over the frameworks' search index.

    Returns:
        The matches, or None when ``text`` holds no word to search for (nothing to filter by).
    """
    match = search.resolve(db, text)
    if not match.groups:
        return None
    hits = search.ranked(db, search.FRAMEWORKS, match)
    rows = db.exec(
        select(Framework.slug, hits.c.score)
        .join(hits, hits.c.key == col(Framework.id))
        .join(Post, col(Post.id) == col(Framework.post_id))
        .where(visible_condition(audience or visibility.readers()))
    ).all()
    ranks: dict[str, float] = {}
    for slug, score in rows:
        ranks[slug] = max(score, ranks.get(slug, score))
    return ranks


def framework_sections(db: Session, post_slug: str) -> dict[str, FrameworkSection]:
    """The framework each framework section of one post introduces, by the section's anchor.

    Args:
        db: A session.
        post_slug: The post.

    Returns:
        ``{anchor: section}``; empty for a post that compares nothing.
    """
    rows = db.exec(
        select(Framework.anchor, Framework.slug, Framework.name)
        .join(Post, col(Post.id) == col(Framework.post_id))
        .where(Post.slug == post_slug)
    ).all()
    return {anchor: FrameworkSection(slug, name) for anchor, slug, name in rows if anchor}


def _traits_by_framework(db: Session, framework_ids: list[int | None]) -> dict[int, list[TraitRecord]]:
    if not framework_ids:
        return {}
    rows = db.exec(
        select(Trait)
        .where(col(Trait.framework_id).in_(framework_ids))
        .order_by(col(Trait.framework_id), Trait.position)
    ).all()
    grouped: dict[int, list[TraitRecord]] = defaultdict(list)
    for trait in rows:
        grouped[trait.framework_id].append(TraitRecord(trait.kind, trait.key, trait.title, trait.description))
    return dict(grouped)
