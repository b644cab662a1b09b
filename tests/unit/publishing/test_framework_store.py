"""Frameworks and traits in a real SQLite database: stored with the post, replaced, removed, upgraded."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from sqlmodel import Session

from alembic import command
from blog_app.content import content_hash
from blog_app.core import database, visibility
from blog_app.explorer.queries import framework_sections, list_frameworks
from blog_app.publishing.ingest import ingest
from harness.synthetic_posts import write_post
from tests.support.fixture_posts import SEED
from tests.support.stored import framework_counts

SEED_SLUG = "top-python-web-frameworks-2024"
COMPARISON = """
## Alpha -- the first one

Alpha is first.

### Pros

- **Performance**: Fast.

### Cons

- **Frontend**: None.
"""


def test_seed_is_stored_with_seven_frameworks_and_their_traits(seed_frameworks, sqlite_engine):
    assert [f.slug for f in seed_frameworks] == ["reflex", "fastapi", "django", "flask", "streamlit", "gradio", "dash"]
    assert framework_counts(sqlite_engine) == (7, 40)
    reflex = seed_frameworks[0]
    assert reflex.post_slug == SEED_SLUG and reflex.anchor == "reflex-frontend-backend-pure-python"
    assert [t.title for t in reflex.of_kind("con")] == ["Ecosystem", "Breaking changes"]
    dash = seed_frameworks[-1]
    assert dash.of_kind("con")[-1].description.endswith("making them easy to manage and scale.")


def test_editing_the_post_replaces_its_frameworks(sqlite_engine, content_dir):
    post = write_post(content_dir, "alpha.md", "Alpha", body=COMPARISON)
    ingest(sqlite_engine, content_dir)
    assert framework_counts(sqlite_engine) == (8, 42)
    write_post(content_dir, "alpha.md", "Alpha", body=COMPARISON.replace("Alpha", "Beta").replace("Fast.", "Faster."))
    report = ingest(sqlite_engine, content_dir)
    assert report.loaded == [str(post)]
    assert framework_counts(sqlite_engine) == (8, 42)
    with Session(sqlite_engine) as db:
        frameworks = {f.slug: f for f in list_frameworks(db)}
    assert "alpha" not in frameworks
    assert frameworks["beta"].of_kind("pro")[0].description == "Faster."


def test_a_post_that_stops_comparing_loses_its_frameworks(sqlite_engine, content_dir):
    write_post(content_dir, "alpha.md", "Alpha", body=COMPARISON)
    ingest(sqlite_engine, content_dir)
    write_post(content_dir, "alpha.md", "Alpha", body="Just prose now.")
    ingest(sqlite_engine, content_dir)
    assert framework_counts(sqlite_engine) == (7, 40)


def test_removed_post_takes_its_frameworks_and_traits_along(sqlite_engine, content_dir):
    ingest(sqlite_engine, content_dir)
    (content_dir / SEED.name).unlink()
    ingest(sqlite_engine, content_dir)
    assert framework_counts(sqlite_engine) == (0, 0)


def test_unreadable_section_is_a_warning_in_the_ingest_report(sqlite_engine, content_dir):
    post = write_post(content_dir, "alpha.md", "Alpha", body=COMPARISON + "\n## Gamma\n\n### Pros\n\n- fast\n")
    report = ingest(sqlite_engine, content_dir)
    warnings = [str(d) for d in report.diagnostics if "explorer" in d.reason]
    assert warnings == [
        f"{post}:19: warning: section 'Gamma' has no pros or cons in the '- **Title**: text' form; left out of the frameworks explorer",
        f"{post}:23: warning: pro item is not in the '- **Title**: text' form; left out of the frameworks explorer",
    ]
    assert framework_counts(sqlite_engine) == (8, 42)


def test_the_newest_post_describes_a_framework_two_posts_share(sqlite_engine, content_dir):
    write_post(content_dir, "old.md", "Old", date="2020-01-01", body=COMPARISON)
    write_post(content_dir, "new.md", "New", date="2030-01-01", body=COMPARISON.replace("Fast.", "Fastest."))
    write_post(
        content_dir, "draft.md", "Draft", date="2031-01-01", body=COMPARISON.replace("Alpha", "Secret"), draft="true"
    )
    ingest(sqlite_engine, content_dir)
    with Session(sqlite_engine) as db:
        frameworks = list_frameworks(db, visibility.readers(dt.date(2030, 6, 1)))
        scheduled_hidden = list_frameworks(db, visibility.readers(dt.date(2029, 12, 31)))
        for_authors = list_frameworks(db, visibility.authors(dt.date(2029, 12, 31)))
    alpha = [f for f in frameworks if f.slug == "alpha"]
    assert len(alpha) == 1 and alpha[0].post_slug == "new" and alpha[0].of_kind("pro")[0].description == "Fastest."
    assert "secret" not in {f.slug for f in frameworks}  # a draft's frameworks stay out
    assert frameworks[0].slug == "alpha"  # the newest post comes first
    # Before its date the newer post is scheduled: readers get the framework from the older one.
    assert [f.post_slug for f in scheduled_hidden if f.slug == "alpha"] == ["old"]
    assert "secret" in {f.slug for f in for_authors}  # development previews drafts here too


def test_framework_sections_name_the_framework_of_each_heading(seed_frameworks, sqlite_engine):
    with Session(sqlite_engine) as db:
        sections = framework_sections(db, SEED_SLUG)
        assert framework_sections(db, "no-such-post") == {}
    django = sections["django-the-web-framework-for-perfectionists-with-deadlines"]
    assert (django.slug, django.name) == ("django", "Django")
    assert sorted(s.slug for s in sections.values()) == sorted(f.slug for f in seed_frameworks)


def test_upgrading_a_database_from_0001_fills_the_frameworks(tmp_path, content_dir):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    command.upgrade(database.alembic_config(engine), "0001")
    with engine.begin() as connection:  # a post stored by the previous version, hash unchanged since
        connection.execute(
            sa.text(
                "INSERT INTO post (slug, title, description, author, published, cover_image, source_path,"
                " content_hash, segments, toc, body_text, excerpt, word_count, reading_minutes, draft,"
                " created_at, updated_at) VALUES (:slug, 'T', '', 'A', '2024-11-04', '', :path, :hash,"
                " '[]', '[]', '', '', 0, 1, 0, '2024-11-04', '2024-11-04')"
            ),
            {"slug": SEED_SLUG, "path": SEED.name, "hash": content_hash(SEED.read_bytes())},
        )
    database.upgrade_schema(engine)
    report = ingest(engine, content_dir)
    assert report.loaded == [str(content_dir / SEED.name)] and not report.unchanged
    assert framework_counts(engine) == (7, 40)
    engine.dispose()


def test_a_failing_run_leaves_the_previous_frameworks(sqlite_engine, content_dir, monkeypatch):
    from blog_app.publishing.post_store import PostWriter

    ingest(sqlite_engine, content_dir)
    write_post(content_dir, "alpha.md", "Alpha", body=COMPARISON)
    (content_dir / SEED.name).write_bytes(SEED.read_bytes().replace(b"## Dash--", b"## Dashboard--"))
    real_write = PostWriter.write

    def write_then_fail(writer, batch):
        real_write(writer, batch)
        raise RuntimeError("disk full")

    monkeypatch.setattr(PostWriter, "write", write_then_fail)
    with pytest.raises(RuntimeError, match="disk full"):
        ingest(sqlite_engine, content_dir)
    assert framework_counts(sqlite_engine) == (7, 40)
    with Session(sqlite_engine) as db:
        assert "dash" in {f.slug for f in list_frameworks(db)}
