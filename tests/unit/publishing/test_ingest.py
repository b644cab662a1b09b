"""Ingest into a real SQLite file: incremental, transactional, tolerant of broken files."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from alembic import command
from blog_app.content import content_hash
from blog_app.core import database, settings
from blog_app.core.models import Keyword, Post, PostKeyword
from blog_app.posts import queries
from blog_app.posts.index_params import IndexParams
from blog_app.publishing import ingest as ingest_module
from blog_app.publishing.ingest import ingest
from blog_app.publishing.post_store import PostWriter
from harness.synthetic_posts import write_post
from tests.support.fixture_posts import SEED
from tests.support.stored import stored_titles

SEED_SLUG = "top-python-web-frameworks-2024"


@pytest.fixture
def parse_calls(monkeypatch) -> list[str]:
    """Records every file ingest parses (the real parser still runs)."""
    calls: list[str] = []
    real_parse = ingest_module.parse_many

    def counting_parse(items, **options):
        calls.extend(path for path, _ in items)
        return real_parse(items, **options)

    monkeypatch.setattr(ingest_module, "parse_many", counting_parse)
    return calls


def test_first_run_loads_the_seed_with_keywords(sqlite_engine, content_dir):
    report = ingest(sqlite_engine, content_dir)
    assert len(report.loaded) == 1 and not report.failed
    with Session(sqlite_engine) as db:
        post = queries.get_post(db, SEED_SLUG)
    assert post.author == "Elvis Kahoro" and post.published == "2024-11-04"
    assert post.keywords[0].name == "python web frameworks" and len(post.keywords) == 6
    assert post.keywords[0].slug == "python-web-frameworks"
    assert any(s.kind == "image" for s in post.segments)
    assert report.summary().startswith("ingest: 1 loaded, 0 unchanged, 0 removed, 0 failed")


def test_second_run_is_idempotent_and_parses_nothing(sqlite_engine, content_dir, parse_calls):
    write_post(content_dir, "second.md", "Second post")
    ingest(sqlite_engine, content_dir)
    assert len(parse_calls) == 2
    with Session(sqlite_engine) as db:
        before = [(p.id, p.updated_at) for p in db.exec(select(Post).order_by(Post.id))]
    report = ingest(sqlite_engine, content_dir)
    assert (report.loaded, report.removed, report.failed) == ([], [], [])
    assert len(report.unchanged) == 2
    assert len(parse_calls) == 2, "unchanged files must not be parsed again"
    with Session(sqlite_engine) as db:
        assert [(p.id, p.updated_at) for p in db.exec(select(Post).order_by(Post.id))] == before


def test_changed_file_is_reparsed_alone(sqlite_engine, content_dir, parse_calls):
    second = write_post(content_dir, "second.md", "Second post")
    ingest(sqlite_engine, content_dir)
    write_post(content_dir, "second.md", "Second post, revised", tags="[news]")
    report = ingest(sqlite_engine, content_dir)
    assert report.loaded == [str(second)] and len(report.unchanged) == 1
    assert parse_calls[-1] == str(second) and len(parse_calls) == 3
    assert stored_titles(sqlite_engine)["second"] == "Second post, revised"
    with Session(sqlite_engine) as db:
        assert [k.name for k in queries.get_post(db, "second").keywords] == ["news"]


def test_deleted_file_removes_its_post_and_orphan_keywords(sqlite_engine, content_dir):
    write_post(content_dir, "second.md", "Second post", tags="[only-here]")
    ingest(sqlite_engine, content_dir)
    (content_dir / "second.md").unlink()
    report = ingest(sqlite_engine, content_dir)
    assert report.removed == [str(content_dir / "second.md")]
    assert set(stored_titles(sqlite_engine)) == {SEED_SLUG}
    with Session(sqlite_engine) as db:
        assert "only-here" not in {k.name for k in db.exec(select(Keyword))}
        assert db.exec(select(PostKeyword).where(PostKeyword.post_id == 999)).all() == []


def test_broken_file_is_reported_with_its_path_while_the_rest_loads(sqlite_engine, content_dir, capsys):
    broken = content_dir / "broken.md"
    broken.write_text("---\ntitle: No author\ndate: 2024-01-01\n---\nbody\n")
    report = ingest(sqlite_engine, content_dir)
    assert report.failed == [str(broken)]
    assert [str(d) for d in report.diagnostics if d.severity == "error"] == [
        f"{broken}:1: missing required front matter field 'author'"
    ]
    assert set(stored_titles(sqlite_engine)) == {SEED_SLUG}


def test_previous_version_stays_when_an_edit_breaks_the_file(sqlite_engine, content_dir):
    post = write_post(content_dir, "second.md", "Good version")
    ingest(sqlite_engine, content_dir)
    post.write_text("---\ntitle: [broken\n---\n")
    report = ingest(sqlite_engine, content_dir)
    assert report.failed == [str(post)]
    assert stored_titles(sqlite_engine)["second"] == "Good version"


def test_duplicate_slug_names_both_files(sqlite_engine, content_dir, write_batch):
    write_post(content_dir, "a.md", "A", slug="same")
    clash = write_post(content_dir, "b.md", "B", slug="same")
    report = ingest(sqlite_engine, content_dir)
    assert report.failed == [str(clash)]
    [error] = [str(d) for d in report.diagnostics if d.severity == "error"]
    assert error == f"{clash}:5: slug 'same' is already used by {content_dir / 'a.md'}"
    assert stored_titles(sqlite_engine)["same"] == "A"


@pytest.fixture(params=[1, ingest_module.WRITE_BATCH], ids=["each post written as it is parsed", "in batches"])
def write_batch(request, monkeypatch) -> int:
    """Ingest writes each post as soon as it is parsed, or in its usual batches."""
    monkeypatch.setattr(ingest_module, "WRITE_BATCH", request.param)
    return request.param


def test_a_post_moved_to_another_folder_keeps_its_slug(sqlite_engine, content_dir, write_batch):
    post = write_post(content_dir, "second.md", "Second post", tags="[moving]")
    ingest(sqlite_engine, content_dir)
    (content_dir / "2024").mkdir()
    post.rename(content_dir / "2024" / "second.md")
    report = ingest(sqlite_engine, content_dir)
    assert (report.loaded, report.removed, report.failed) == (
        [str(content_dir / "2024" / "second.md")],
        [str(post)],
        [],
    )
    assert stored_titles(sqlite_engine)["second"] == "Second post"
    with Session(sqlite_engine) as db:
        assert [k.name for k in queries.get_post(db, "second").keywords] == ["moving"]


def test_a_slug_one_post_gives_up_goes_to_another_in_the_same_run(sqlite_engine, content_dir, write_batch):
    write_post(content_dir, "b.md", "B", slug="wanted")
    ingest(sqlite_engine, content_dir)
    write_post(content_dir, "b.md", "B, moved", slug="elsewhere")
    write_post(content_dir, "a.md", "A", slug="wanted")  # before b.md in file order
    report = ingest(sqlite_engine, content_dir)
    assert (len(report.loaded), report.failed) == (2, [])
    assert {slug: title for slug, title in stored_titles(sqlite_engine).items() if slug != SEED_SLUG} == {
        "wanted": "A",
        "elsewhere": "B, moved",
    }


def test_two_posts_may_swap_slugs(sqlite_engine, content_dir, write_batch):
    write_post(content_dir, "a.md", "A", slug="first")
    write_post(content_dir, "b.md", "B", slug="second")
    ingest(sqlite_engine, content_dir)
    write_post(content_dir, "a.md", "A", slug="second")
    write_post(content_dir, "b.md", "B", slug="first")
    report = ingest(sqlite_engine, content_dir)
    assert (len(report.loaded), report.failed) == (2, [])
    assert stored_titles(sqlite_engine) | {SEED_SLUG: ""} == {"first": "B", "second": "A", SEED_SLUG: ""}


def test_an_edited_post_keeps_its_slug_over_a_new_file(sqlite_engine, content_dir, write_batch):
    write_post(content_dir, "b.md", "B", slug="taken")
    ingest(sqlite_engine, content_dir)
    write_post(content_dir, "b.md", "B, edited", slug="taken")
    clash = write_post(content_dir, "a.md", "A", slug="taken")  # before b.md in file order
    report = ingest(sqlite_engine, content_dir)
    assert report.failed == [str(clash)]
    assert [str(d) for d in report.diagnostics if d.severity == "error"] == [
        f"{clash}:5: slug 'taken' is already used by {content_dir / 'b.md'}"
    ]
    assert stored_titles(sqlite_engine)["taken"] == "B, edited"


def test_failure_midway_changes_nothing(sqlite_engine, content_dir, monkeypatch):
    write_post(content_dir, "second.md", "Second post")
    ingest(sqlite_engine, content_dir)
    before = stored_titles(sqlite_engine)
    write_post(content_dir, "second.md", "Second post, edited")
    write_post(content_dir, "third.md", "Third post")
    (content_dir / SEED.name).unlink()
    seen_inside: dict[str, str] = {}

    real_finish = PostWriter.finish

    def fail_after_the_writes(writer):
        real_finish(writer)  # by now every write has been sent to the database: all but the commit
        seen_inside.update({post.slug: post.title for post in writer.db.exec(select(Post))})
        raise RuntimeError("disk full")

    monkeypatch.setattr(PostWriter, "finish", fail_after_the_writes)
    with pytest.raises(RuntimeError, match="disk full"):
        ingest(sqlite_engine, content_dir)
    assert seen_inside == {"second": "Second post, edited", "third": "Third post"}
    assert stored_titles(sqlite_engine) == before


def test_missing_content_folder_removes_nothing(sqlite_engine, content_dir, tmp_path):
    ingest(sqlite_engine, content_dir)
    with pytest.raises(FileNotFoundError):
        ingest(sqlite_engine, tmp_path / "nope")
    assert set(stored_titles(sqlite_engine)) == {SEED_SLUG}


def test_missing_image_is_a_warning(sqlite_engine, content_dir, tmp_path):
    assets = tmp_path / "assets"
    (assets / "blog").mkdir(parents=True)
    (assets / "blog" / "ag-grid.webp").write_bytes(b"x")
    report = ingest(sqlite_engine, content_dir, assets_dir=assets)
    missing = [str(d) for d in report.diagnostics if "not found" in d.reason]
    assert missing == [
        f"{content_dir / SEED.name}:31: warning: image /blog/github-python_top_language_2024.webp not found under assets/"
    ]


def test_the_covers_size_is_read_from_its_file_and_reaches_the_pages(sqlite_engine, content_dir, tmp_path):
    assets = settings.PROJECT_ROOT / "assets"
    write_post(content_dir, "wide.md", "Wide", date="2020-01-01", image="/blog/post-pipeline.webp")
    write_post(content_dir, "lost.md", "Lost", date="2020-01-02", image="/blog/not-there.webp")
    write_post(content_dir, "bare.md", "Bare", date="2020-01-03")
    ingest(sqlite_engine, content_dir, assets_dir=assets)
    with Session(sqlite_engine) as db:
        posts = [queries.get_post(db, slug) for slug in ("wide", "lost", "bare", SEED_SLUG)]
        cards = queries.search_posts(db, IndexParams()).posts
    sizes = {post.slug: (post.cover_width, post.cover_height) for post in posts}
    assert sizes == {"wide": (1200, 420), "lost": (0, 0), "bare": (0, 0), SEED_SLUG: (1200, 630)}
    assert {card.slug: (card.cover_width, card.cover_height) for card in cards} == sizes


def test_without_an_assets_folder_no_size_is_known(sqlite_engine, content_dir):
    ingest(sqlite_engine, content_dir)
    with Session(sqlite_engine) as db:
        post = queries.get_post(db, SEED_SLUG)
    assert (post.cover_image, post.cover_width, post.cover_height) == ("/blog/ag-grid.webp", 0, 0)


def test_a_new_parser_version_reparses_unchanged_files(sqlite_engine, content_dir, monkeypatch, parse_calls):
    from blog_app.content import document

    ingest(sqlite_engine, content_dir)
    assert ingest(sqlite_engine, content_dir).unchanged
    monkeypatch.setattr(document, "PARSER_VERSION", document.PARSER_VERSION + 1)
    report = ingest(sqlite_engine, content_dir)
    assert len(report.loaded) == 1 and not report.unchanged
    assert len(parse_calls) == 2


def test_upgrading_to_0005_makes_the_next_ingest_read_the_covers_sizes(tmp_path, content_dir):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    config = database.alembic_config(engine)
    command.upgrade(config, "0004")
    with engine.begin() as connection:  # a post stored by the previous version, hash unchanged since
        connection.execute(
            sa.text(
                "INSERT INTO post (slug, title, description, author, published, cover_image, source_path,"
                " content_hash, segments, toc, body_text, excerpt, word_count, reading_minutes, draft,"
                " created_at, updated_at) VALUES (:slug, 'T', '', 'A', '2024-11-04', '/blog/ag-grid.webp', :path,"
                " :hash, '[]', '[]', '', '', 0, 1, 0, '2024-11-04', '2024-11-04')"
            ),
            {"slug": SEED_SLUG, "path": SEED.name, "hash": content_hash(SEED.read_bytes())},
        )
    database.upgrade_schema(engine)
    with engine.connect() as connection:
        stored = connection.execute(sa.text("SELECT cover_width, cover_height, content_hash FROM post")).one()
    assert tuple(stored) == (0, 0, "")
    report = ingest(engine, content_dir, assets_dir=settings.PROJECT_ROOT / "assets")
    assert report.loaded == [str(content_dir / SEED.name)] and not report.unchanged
    with Session(engine) as db:
        post = queries.get_post(db, SEED_SLUG)
    assert (post.cover_width, post.cover_height) == (1200, 630)
    command.downgrade(config, "0004")  # the columns go; the post and its keywords stay
    assert "cover_width" not in {column["name"] for column in sa.inspect(engine).get_columns("post")}
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT slug FROM post")).scalars().all() == [SEED_SLUG]
        assert connection.execute(sa.text("SELECT count(*) FROM postkeyword")).scalar() == 6
    engine.dispose()
