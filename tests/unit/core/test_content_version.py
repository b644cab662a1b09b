"""A process asks the database for the version of the posts at most every VERSION_TTL seconds."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, update

from blog_app.core import content_version, visibility
from blog_app.core.models import Post, utc_now
from blog_app.posts.source import stored_post
from tests.support.fixture_posts import SEED_SLUG

TODAY = dt.date(2025, 1, 1)


def change_elsewhere(engine, title: str) -> None:
    """What another process's ingest does to a shared database: a post rewritten and stamped."""
    with Session(engine) as db:
        db.exec(update(Post).where(Post.slug == SEED_SLUG).values(title=title, updated_at=utc_now()))
        db.commit()


def test_another_processs_change_shows_once_the_version_is_asked_again(ingested_site, monkeypatch):
    engine, _content = ingested_site
    readers = visibility.readers(TODAY)
    monkeypatch.setattr(content_version, "VERSION_TTL", 3600)
    first = stored_post(SEED_SLUG, readers)
    change_elsewhere(engine, "Changed elsewhere")
    assert stored_post(SEED_SLUG, readers) is first, "within VERSION_TTL the last version read is trusted"
    monkeypatch.setattr(content_version, "VERSION_TTL", 0)
    assert stored_post(SEED_SLUG, readers).detail.title == "Changed elsewhere"


def test_forgetting_the_version_asks_the_database_at_once(ingested_site, monkeypatch):
    engine, _content = ingested_site
    readers = visibility.readers(TODAY)
    monkeypatch.setattr(content_version, "VERSION_TTL", 3600)
    stored_post(SEED_SLUG, readers)
    change_elsewhere(engine, "Changed here")
    content_version.forget_versions()  # what ingest in this process does after its commit
    assert stored_post(SEED_SLUG, readers).detail.title == "Changed here"
