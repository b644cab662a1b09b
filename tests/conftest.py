"""Fixtures shared by every test: the seed post, content folders and real SQLite databases."""

from __future__ import annotations

import os
import pathlib
import shutil

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from blog_app.core import database
from blog_app.publishing.ingest import ingest
from harness.availability import require
from harness.browser import chromium_paths
from tests.support.fixture_posts import SEED

# Property tests: reproducible examples and no time limits by default (the machine is shared, and a
# slow example is not a wrong one); HYPOTHESIS_PROFILE=explore searches further with random examples.
hypothesis_settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=150,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
hypothesis_settings.register_profile("explore", deadline=None, max_examples=3000, database=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def seed_bytes() -> bytes:
    """The seed post, exactly as shipped."""
    return SEED.read_bytes()


@pytest.fixture
def content_dir(tmp_path: pathlib.Path) -> pathlib.Path:
    """A content folder holding a copy of the seed post."""
    folder = tmp_path / "content"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder


@pytest.fixture
def sqlite_engine(tmp_path: pathlib.Path) -> sa.Engine:
    """A migrated SQLite database in a real file."""
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'blog.db'}")
    database.upgrade_schema(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def ingested_site(sqlite_engine, content_dir, monkeypatch) -> tuple[sa.Engine, pathlib.Path]:
    """The seed post ingested into ``sqlite_engine``, which the app's ``DATABASE_URL`` names."""
    monkeypatch.setenv("DATABASE_URL", str(sqlite_engine.url))
    ingest(sqlite_engine, content_dir)
    return sqlite_engine, content_dir


@pytest.fixture(scope="session")
def chromium() -> None:
    """Headless Chromium and its driver are installed (else skip, or fail under REQUIRE_ALL_TESTS)."""
    binary, driver = chromium_paths()
    require(bool(binary and driver), "Chromium and chromedriver are not installed (scripts/test installs them)")


@pytest.fixture
def seed_frameworks(sqlite_engine, content_dir):
    """The frameworks of the seed post, ingested into SQLite and read back."""
    from sqlmodel import Session

    from blog_app.explorer.queries import list_frameworks
    from blog_app.publishing.ingest import ingest

    ingest(sqlite_engine, content_dir)
    with Session(sqlite_engine) as db:
        return list_frameworks(db)
