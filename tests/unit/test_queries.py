"""Index queries on a real SQLite file: order, keyword filter, search, pages, neighbours."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from blog_app import queries
from blog_app.index_query import PAGE_SIZE, IndexQuery
from blog_app.ingest import ingest
from tests.conftest import write_post


@pytest.fixture
def db(sqlite_engine, content_dir):
    for number in range(1, 15):
        tags = "[archive, odd]" if number % 2 else "[archive]"
        write_post(
            content_dir,
            f"n{number:02d}.md",
            f"Note {number:02d}",
            date=f"2020-01-{number:02d}",
            tags=tags,
            body=f"Body of note {number} 100%_done",
        )
    write_post(
        content_dir,
        "guide.md",
        "Deploying with care",
        date="2025-01-01",
        description="How we ship",
        body="Zero downtime.",
    )
    ingest(sqlite_engine, content_dir)
    with Session(sqlite_engine) as session:
        yield session


def titles(page: queries.PostPage) -> list[str]:
    return [post.title for post in page.posts]


def test_newest_first_and_paged(db):
    first = queries.search_posts(db, IndexQuery())
    assert first.total == 16 and first.pages == 2 and len(first.posts) == PAGE_SIZE
    assert titles(first)[:3] == [
        "Deploying with care",
        "The top Python frameworks for building web apps (2024)",
        "Note 14",
    ]
    assert titles(queries.search_posts(db, IndexQuery(page=2))) == ["Note 04", "Note 03", "Note 02", "Note 01"]
    assert queries.search_posts(db, IndexQuery(page=9)).posts == []


def test_keyword_filter_and_name(db):
    odd = queries.search_posts(db, IndexQuery(tag="odd"))
    assert titles(odd) == [f"Note {n:02d}" for n in (13, 11, 9, 7, 5, 3, 1)]
    assert queries.keyword_name(db, "python-web-frameworks") == "python web frameworks"
    assert queries.keyword_name(db, "nope") is None


def test_search_matches_every_word_in_title_description_or_body(db):
    assert titles(queries.search_posts(db, IndexQuery(q="ship"))) == ["Deploying with care"]  # description
    assert titles(queries.search_posts(db, IndexQuery(q="ZERO downtime"))) == ["Deploying with care"]  # body, any case
    assert titles(queries.search_posts(db, IndexQuery(q="starlette pydantic"))) == [
        "The top Python frameworks for building web apps (2024)"
    ]
    assert queries.search_posts(db, IndexQuery(q="starlette downtime")).total == 0
    assert titles(queries.search_posts(db, IndexQuery(tag="odd", q="note 3"))) == [
        "Note 13",
        "Note 03",
    ]  # substrings match


def test_like_wildcards_in_search_are_literal(db):
    assert queries.search_posts(db, IndexQuery(q="100%_done")).total == 14
    assert queries.search_posts(db, IndexQuery(q="%")).total == 14
    assert queries.search_posts(db, IndexQuery(q="_")).total == 14


def test_adjacent_posts(db):
    newer, older = queries.adjacent_posts(db, "top-python-web-frameworks-2024")
    assert (newer.title, older.title) == ("Deploying with care", "Note 14")
    assert queries.adjacent_posts(db, "guide")[0] is None
    assert queries.adjacent_posts(db, "n01")[1] is None
    assert queries.adjacent_posts(db, "missing") == (None, None)


def test_post_detail_carries_segments_toc_and_keywords(db):
    post = queries.get_post(db, "top-python-web-frameworks-2024")
    assert post.published_label == "November 4, 2024"
    assert [k.slug for k in post.keywords][:2] == ["python-web-frameworks", "ai-web-apps-in-python"]
    assert len([e for e in post.toc if e["level"] == 2]) == 7
    assert queries.get_post(db, "missing") is None
