"""A post page's post is read once per change of the posts, and never served stale."""

from __future__ import annotations

import datetime as dt

import pytest

from blog_app.core import visibility
from blog_app.posts.source import stored_post
from blog_app.publishing.ingest import ingest
from harness.synthetic_posts import write_post
from tests.support.fixture_posts import SEED_FRAMEWORKS, SEED_SLUG

TODAY = dt.date(2025, 1, 1)


@pytest.fixture
def site(ingested_site):
    return ingested_site


def test_the_same_posts_give_the_same_post_without_reading_it_again(site):
    first = stored_post(SEED_SLUG, visibility.readers(TODAY))
    assert first is not None and first.detail.slug == SEED_SLUG
    assert stored_post(SEED_SLUG, visibility.readers(TODAY)) is first
    # Framework headings link to the explorer (the sections are read with the post).
    frameworks = [s.framework for s in first.detail.segments if s.kind == "heading" and s.explorer]
    assert frameworks == list(SEED_FRAMEWORKS)
    assert stored_post("no-such-post", visibility.readers(TODAY)) is None


def test_an_edited_new_or_removed_post_and_its_neighbours_are_seen_at_once(site):
    engine, content = site
    post = write_post(content, "beta.md", "Beta", date="2024-12-31")
    ingest(engine, content)
    beta = stored_post("beta", visibility.readers(TODAY))
    assert beta is not None and beta.detail.title == "Beta"
    assert stored_post(SEED_SLUG, visibility.readers(TODAY)).newer.slug == "beta"
    write_post(content, "beta.md", "Beta, revised", date="2024-12-31")
    ingest(engine, content)
    assert stored_post("beta", visibility.readers(TODAY)).detail.title == "Beta, revised"
    post.unlink()
    ingest(engine, content)
    assert stored_post("beta", visibility.readers(TODAY)) is None
    assert stored_post(SEED_SLUG, visibility.readers(TODAY)).newer is None


def test_a_scheduled_post_opens_on_its_day(site):
    engine, content = site
    write_post(content, "beta.md", "Beta", date="2025-06-01")
    ingest(engine, content)
    assert stored_post("beta", visibility.readers(dt.date(2025, 5, 31))) is None
    assert stored_post("beta", visibility.readers(dt.date(2025, 6, 1))) is not None
