"""Drafts and scheduled posts: hidden from readers everywhere, previewed by authors, one rule for both."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import Session

from blog_app.core import run_mode, visibility
from blog_app.core.visibility import Audience
from blog_app.posts import queries
from blog_app.posts.index_params import IndexParams
from blog_app.publishing.ingest import ingest
from harness.synthetic_posts import write_post
from tests.support.visibility_cases import sql_and_rule_answers

TODAY = dt.date(2026, 11, 25)
READERS = visibility.readers(TODAY)
AUTHORS = visibility.authors(TODAY)


@pytest.fixture
def db(sqlite_engine, content_dir):
    """The seed post plus one published, one draft, one dated today and one scheduled post."""
    write_post(content_dir, "old.md", "Published note", date="2026-01-01", body="Shared word: kestrel.")
    write_post(content_dir, "draft.md", "Draft note", date="2026-02-01", draft="true", body="Shared word: kestrel.")
    write_post(content_dir, "today.md", "Today's note", date=TODAY.isoformat(), body="Shared word: kestrel.")
    write_post(content_dir, "later.md", "Scheduled note", date="2026-11-26", body="Shared word: kestrel.")
    ingest(sqlite_engine, content_dir)
    with Session(sqlite_engine) as session:
        yield session


def titles(posts) -> list[str]:
    return [post.title for post in posts]


def test_status_of_a_post():
    class Row:
        def __init__(self, draft: bool, published: dt.date):
            self.draft, self.published = draft, published

    assert visibility.publication_status(Row(False, TODAY), TODAY) == "published"
    assert visibility.publication_status(Row(False, TODAY + dt.timedelta(days=1)), TODAY) == "scheduled"
    assert visibility.publication_status(Row(True, dt.date(2020, 1, 1)), TODAY) == "draft"
    assert visibility.publication_status(Row(True, dt.date(2999, 1, 1)), TODAY) == "draft"
    assert not visibility.is_visible(Row(True, dt.date(2020, 1, 1)), READERS)
    assert visibility.is_visible(Row(True, dt.date(2020, 1, 1)), AUTHORS)


def test_the_sql_condition_finds_exactly_the_posts_is_visible_allows(sqlite_engine):
    answers = sql_and_rule_answers(sqlite_engine)
    assert answers["readers"] == (["post-2026-11-24", "post-2026-11-25"],) * 2
    for found, allowed in answers.values():
        assert found == allowed


def test_readers_see_only_published_posts_on_the_index(db):
    assert titles(queries.visible_posts(db, READERS)) == [
        "Today's note",
        "Published note",
        "The top Python frameworks for building web apps (2024)",
    ]
    found = queries.search_posts(db, IndexParams(q="kestrel"), READERS)
    assert sorted(titles(found.results)) == ["Published note", "Today's note"] and found.total == 2


def test_related_posts_link_only_to_posts_the_audience_may_see(db):
    # The four notes share their text, so each is related to the three others, whatever their status.
    assert set(titles(queries.related_posts(db, "old", AUTHORS))) == {"Draft note", "Today's note", "Scheduled note"}
    assert titles(queries.related_posts(db, "old", READERS)) == ["Today's note"]
    # The scheduled post joins the list on its day, with no new ingest.
    next_day = visibility.readers(dt.date(2026, 11, 26))
    assert set(titles(queries.related_posts(db, "old", next_day))) == {"Today's note", "Scheduled note"}


def test_readers_are_the_default_audience(db):
    assert "Draft note" not in titles(queries.visible_posts(db))
    assert queries.get_post(db, "draft") is None


def test_authors_see_every_post_with_its_status(db):
    posts = queries.visible_posts(db, AUTHORS)
    assert titles(posts)[:2] == ["Scheduled note", "Today's note"]
    by_title = {post.title: post for post in posts}
    assert (by_title["Scheduled note"].status, by_title["Scheduled note"].status_label) == (
        "scheduled",
        "Scheduled for November 26, 2026",
    )
    assert (by_title["Draft note"].status, by_title["Draft note"].status_label) == ("draft", "Draft")
    assert (by_title["Today's note"].status, by_title["Today's note"].status_label) == ("published", "")
    assert queries.search_posts(db, IndexParams(q="kestrel"), AUTHORS).total == 4


def test_direct_urls_and_neighbours_follow_the_same_rule(db):
    assert queries.get_post(db, "draft", READERS) is None
    assert queries.get_post(db, "later", READERS) is None
    assert queries.get_post(db, "later", AUTHORS).status == "scheduled"
    newer, older = queries.adjacent_posts(db, "today", READERS)
    assert newer is None and older.title == "Published note"
    newer, older = queries.adjacent_posts(db, "today", AUTHORS)
    assert newer.title == "Scheduled note" and older.title == "Draft note"
    assert queries.adjacent_posts(db, "draft", READERS) == (None, None)


def test_a_scheduled_post_appears_on_its_day(db):
    assert queries.get_post(db, "later", visibility.readers(dt.date(2026, 11, 26))) is not None


def test_today_is_the_site_time_zone_day(monkeypatch):
    late_evening_utc = dt.datetime(2026, 11, 25, 23, 30, tzinfo=dt.UTC)
    assert visibility.site_today(late_evening_utc) == dt.date(2026, 11, 25)
    monkeypatch.setenv("BLOG_TIMEZONE", "Europe/Paris")
    assert visibility.site_today(late_evening_utc) == dt.date(2026, 11, 26)
    monkeypatch.setenv("BLOG_TIMEZONE", "Mars/Olympus")
    with pytest.raises(ValueError, match="BLOG_TIMEZONE='Mars/Olympus' is not a time zone"):
        visibility.site_today(late_evening_utc)


@pytest.mark.parametrize(
    ("mode", "development"), [(None, False), ("", False), ("prod", False), ("dev", True), ("preview", True)]
)
def test_only_reflex_run_in_development_previews_unpublished_posts(monkeypatch, mode, development):
    if mode is None:
        monkeypatch.delenv("REFLEX_ENV_MODE", raising=False)
    else:
        monkeypatch.setenv("REFLEX_ENV_MODE", mode)
    assert run_mode.is_development() is development
    assert run_mode.current_audience() == Audience(visibility.site_today(), previews_unpublished=development)
