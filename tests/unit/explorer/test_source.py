"""The explorer's frameworks and views are made once per change of the posts, and never served stale."""

from __future__ import annotations

import datetime as dt

import pytest

from blog_app.core import visibility
from blog_app.explorer.params import ExplorerParams
from blog_app.explorer.source import current_frameworks, current_view
from blog_app.publishing.ingest import ingest
from harness.synthetic_posts import write_post

BETA = """
## Beta -- the second one

Beta is second.

### Pros

- **Performance**: Fast.
"""
TODAY = dt.date(2025, 1, 1)


@pytest.fixture
def site(ingested_site):
    return ingested_site


def slugs(audience: visibility.Audience) -> list[str]:
    return [framework.slug for framework in current_frameworks(audience)]


def test_the_same_posts_give_the_same_frameworks_without_reading_them_again(site):
    first = current_frameworks(visibility.readers(TODAY))
    assert [f.slug for f in first][:2] == ["reflex", "fastapi"] and len(first) == 7
    assert current_frameworks(visibility.readers(TODAY)) is first


def test_an_added_edited_or_removed_post_is_seen_at_once(site):
    engine, content = site
    assert "beta" not in slugs(visibility.readers(TODAY))
    post = write_post(content, "beta.md", "Beta", body=BETA)
    ingest(engine, content)
    assert "beta" in slugs(visibility.readers(TODAY))
    write_post(content, "beta.md", "Beta", body=BETA.replace("Beta", "Gamma"))
    ingest(engine, content)
    assert "gamma" in slugs(visibility.readers(TODAY)) and "beta" not in slugs(visibility.readers(TODAY))
    post.unlink()
    ingest(engine, content)
    assert "gamma" not in slugs(visibility.readers(TODAY))


def test_a_scheduled_post_appears_on_its_day(site):
    engine, content = site
    write_post(content, "beta.md", "Beta", date="2025-06-01", body=BETA)
    ingest(engine, content)
    assert "beta" not in slugs(visibility.readers(dt.date(2025, 5, 31)))
    assert "beta" in slugs(visibility.readers(dt.date(2025, 6, 1)))


def test_a_view_is_built_once_per_change_of_the_posts_and_shared(site):
    engine, content = site
    readers = visibility.readers(TODAY)
    performance = ExplorerParams(pros=("performance",)).restricted(current_frameworks(readers))
    first = current_view(performance, readers)
    assert current_view(ExplorerParams(pros=("performance",)), readers) is first, "equal params, the same view"
    assert current_view(ExplorerParams(), readers) is not first
    write_post(content, "beta.md", "Beta", body=BETA)
    ingest(engine, content)
    again = current_view(performance, readers)
    assert again is not first and again.result_count == first.result_count + 1, "Beta is fast too"
