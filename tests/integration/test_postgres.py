"""The database layer on the machine's real PostgreSQL: migrations, ingest, the start-up lock."""

from __future__ import annotations

import io
import subprocess
import sys
import threading

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import Session, SQLModel

import blog_app.core.models  # noqa: F401  (every table on SQLModel.metadata)
from alembic import command
from blog_app.core import database, settings
from blog_app.core.search import include_in_autogenerate
from blog_app.posts import queries
from blog_app.publishing.startup import WAITING_MESSAGE, prepare_database
from blog_app.publishing.startup_lock import STARTUP_LOCK_KEY, startup_lock
from harness.app_process import app_environment
from harness.browser import wait_for
from tests.support.fixture_posts import SEED_SLUG, SEED_TITLE
from tests.support.visibility_cases import sql_and_rule_answers

LOCK = sa.text("SELECT pg_try_advisory_lock(:key)").bindparams(key=STARTUP_LOCK_KEY)
UNLOCK = sa.text("SELECT pg_advisory_unlock(:key)").bindparams(key=STARTUP_LOCK_KEY)


def test_migrations_build_exactly_the_models_and_roll_back(postgres_engine):
    database.upgrade_schema(postgres_engine)
    with postgres_engine.connect() as connection:
        # As alembic/env.py compares: the search tables and the trigram index are left to the migration.
        options = {"compare_type": True, "include_name": include_in_autogenerate}
        context = MigrationContext.configure(connection, opts=options)
        assert compare_metadata(context, SQLModel.metadata) == []
        assert context.get_current_revision() is not None
        unfiltered = compare_metadata(
            MigrationContext.configure(connection, opts={"compare_type": True}), SQLModel.metadata
        )
        assert {(diff[0], diff[1].name) for diff in unfiltered} == {
            ("remove_table", "post_search"),
            ("remove_table", "framework_search"),
            ("remove_index", "searchterm_trigram"),
            ("remove_index", "ix_post_search_document"),
            ("remove_index", "ix_framework_search_document"),
        }
        indexes = set(
            connection.execute(sa.text("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'")).scalars()
        )
        assert {"ix_post_search_document", "ix_framework_search_document", "searchterm_trigram"} <= indexes
        generated = connection.execute(
            sa.text(
                "SELECT table_name FROM information_schema.columns WHERE column_name = 'document' AND is_generated = 'ALWAYS'"
            )
        ).scalars()
        assert set(generated) == {"post_search", "framework_search"}
    command.check(database.alembic_config(postgres_engine))

    command.downgrade(database.alembic_config(postgres_engine), "base")
    assert set(sa.inspect(postgres_engine).get_table_names()) == {"alembic_version"}
    database.upgrade_schema(postgres_engine)
    assert set(SQLModel.metadata.tables) <= set(sa.inspect(postgres_engine).get_table_names())


def test_prepare_database_loads_the_seed_once(postgres_engine, content_dir):
    first = prepare_database(postgres_engine, content_dir, stream=io.StringIO())
    second = prepare_database(postgres_engine, content_dir, stream=io.StringIO())
    assert (len(first.loaded), len(second.loaded), len(second.unchanged)) == (1, 0, 1)
    with Session(postgres_engine) as db:
        post = queries.get_post(db, SEED_SLUG)
        assert [p.slug for p in queries.visible_posts(db)] == [SEED_SLUG]
    assert post.title == SEED_TITLE
    assert post.author == "Elvis Kahoro" and post.published == "2024-11-04"
    assert post.keywords[0].name == "python web frameworks" and len(post.keywords) == 6
    assert any(s.kind == "image" for s in post.segments), "segments survive the JSON column"


def test_the_sql_visibility_condition_finds_exactly_the_posts_is_visible_allows(postgres_engine):
    database.upgrade_schema(postgres_engine)
    for found, allowed in sql_and_rule_answers(postgres_engine).values():
        assert found == allowed


def test_startup_lock_keeps_every_other_session_out(postgres_engine):
    with postgres_engine.connect() as other:
        with startup_lock(postgres_engine):
            assert other.execute(LOCK).scalar() is False
        assert other.execute(LOCK).scalar() is True
        other.execute(UNLOCK)


def test_startup_lock_says_it_waits_then_proceeds_when_released(postgres_engine, content_dir):
    stream = io.StringIO()
    with postgres_engine.connect() as holder:
        assert holder.execute(LOCK).scalar() is True  # another process is migrating
        waiter = threading.Thread(target=prepare_database, args=(postgres_engine, content_dir, stream))
        waiter.start()
        wait_for(lambda: WAITING_MESSAGE in stream.getvalue(), message="the waiting message")
        assert "ingest:" not in stream.getvalue(), "start-up must not pass a held lock"
        holder.execute(UNLOCK)
    waiter.join(60)
    assert not waiter.is_alive()
    lines = stream.getvalue().splitlines()
    assert lines[0] == WAITING_MESSAGE
    assert lines[-1].startswith("ingest: 1 loaded, 0 unchanged")


def test_cli_ingest_takes_a_providers_postgres_url(postgres_url):
    provider_style = postgres_url.replace("postgresql://", "postgres://", 1)
    env = app_environment(DATABASE_URL=provider_style)
    result = subprocess.run(
        [sys.executable, "-m", "blog_app", "ingest"],
        cwd=settings.PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    shipped = len(list((settings.PROJECT_ROOT / "content").rglob("*.md")))
    assert f"ingest: {shipped} loaded, 0 unchanged, 0 removed, 0 failed" in result.stdout
    engine = sa.create_engine(settings.normalize_database_url(postgres_url))
    try:
        with Session(engine) as db:
            slugs = [p.slug for p in queries.visible_posts(db)]
    finally:
        engine.dispose()
    assert SEED_SLUG in slugs and len(slugs) == shipped
