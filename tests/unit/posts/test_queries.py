"""Index queries on a real SQLite file: order, keyword filter, search, pages, neighbours."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from blog_app.core.content_version import content_version
from blog_app.posts import queries
from blog_app.posts.index_params import PAGE_SIZE, IndexParams
from blog_app.publishing.ingest import ingest
from harness.synthetic_posts import write_post


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
    return [post.title for post in page.posts or page.results]


def test_newest_first_and_paged(db):
    first = queries.search_posts(db, IndexParams())
    assert first.total == 16 and first.pages == 2 and len(first.posts) == PAGE_SIZE
    assert titles(first)[:3] == [
        "Deploying with care",
        "The top Python frameworks for building web apps (2024)",
        "Note 14",
    ]
    assert titles(queries.search_posts(db, IndexParams(page=2))) == ["Note 04", "Note 03", "Note 02", "Note 01"]
    assert queries.search_posts(db, IndexParams(page=9)).posts == []


def test_keyword_filter_and_name(db):
    odd = queries.search_posts(db, IndexParams(tag="odd"))
    assert titles(odd) == [f"Note {n:02d}" for n in (13, 11, 9, 7, 5, 3, 1)]
    assert queries.keyword_name(db, "python-web-frameworks") == "python web frameworks"
    assert queries.keyword_name(db, "nope") is None


def test_search_matches_every_word_in_title_description_or_body(db):
    assert titles(queries.search_posts(db, IndexParams(q="ship"))) == ["Deploying with care"]  # description
    assert titles(queries.search_posts(db, IndexParams(q="ZERO downtime"))) == ["Deploying with care"]  # body, any case
    assert titles(queries.search_posts(db, IndexParams(q="starlette pydantic"))) == [
        "The top Python frameworks for building web apps (2024)"
    ]
    assert queries.search_posts(db, IndexParams(q="starlette downtime")).total == 0
    # Words, not substrings: "3" is not in "13"; the keyword filter still applies.
    assert titles(queries.search_posts(db, IndexParams(tag="odd", q="note 3"))) == ["Note 03"]
    assert queries.search_posts(db, IndexParams(tag="odd", q="note 3")).posts == []  # results, not browse cards


def test_punctuation_is_never_syntax(db):
    assert queries.search_posts(db, IndexParams(q="100%_done")).total == 14  # the words 100 and done
    for noise in ("%", "_", "*", '"', "AND OR NOT"):
        page = queries.search_posts(db, IndexParams(q=noise))
        assert (page.total, page.results) == (0, [])
        assert page.message.startswith("Type a word to search for"), noise


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
    assert len([e for e in post.toc if e.level == 2]) == 7
    assert queries.get_post(db, "missing") is None


def test_visible_posts_are_every_post_in_full_newest_first(db):
    posts = queries.visible_posts(db)
    assert [post.title for post in posts][:3] == [
        "Deploying with care",
        "The top Python frameworks for building web apps (2024)",
        "Note 14",
    ]
    assert len(posts) == 16
    seed = posts[1]
    assert (seed.published, seed.updated, seed.word_count) == ("2024-11-04", "2024-11-04", 1124)
    assert seed.segments and seed.excerpt.startswith("There are 16 million Python developers worldwide")
    assert [k.name for k in seed.keywords][:1] == ["python web frameworks"]


def test_visible_posts_can_be_limited_to_the_newest(db):
    newest = queries.visible_posts(db, limit=3)
    assert [post.title for post in newest] == [post.title for post in queries.visible_posts(db)][:3]
    assert newest[1].segments, "still in full"


def test_a_revised_post_reports_its_revision_date(sqlite_engine, tmp_path):
    folder = tmp_path / "revised"
    folder.mkdir()
    write_post(folder, "revised.md", "Revised", date="2024-01-01", updated="2024-03-05")
    ingest(sqlite_engine, folder)
    with Session(sqlite_engine) as session:
        [post] = queries.visible_posts(session)
        assert (post.published, post.updated) == ("2024-01-01", "2024-03-05")
        assert queries.get_post(session, "revised").updated == "2024-03-05"


def test_content_version_changes_with_every_change_of_the_posts(sqlite_engine, tmp_path):
    folder = tmp_path / "versioned"
    folder.mkdir()
    write_post(folder, "a.md", "A")
    write_post(folder, "b.md", "B")

    def version() -> tuple[int, str]:
        ingest(sqlite_engine, folder)
        with Session(sqlite_engine) as session:
            return content_version(session)

    first = version()
    assert first[0] == 2
    assert version() == first  # nothing changed
    write_post(folder, "a.md", "A, revised")
    revised = version()
    assert revised != first
    (folder / "b.md").unlink()
    assert version()[0] == 1


def test_feeds_and_sitemap_read_only_what_readers_may_see(sqlite_engine, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    write_post(folder, "out.md", "Out", date="2024-01-01")
    write_post(folder, "draft.md", "Draft", date="2024-01-02", draft="true")
    write_post(folder, "later.md", "Later", date="2999-01-01")
    ingest(sqlite_engine, folder)
    with Session(sqlite_engine) as session:
        assert [post.slug for post in queries.visible_posts(session)] == ["out"]
        assert content_version(session)[0] == 1
