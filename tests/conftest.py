"""Fixtures shared by every test: the seed post, content folders and real SQLite databases."""

from __future__ import annotations

import os
import pathlib
import shutil
import textwrap

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from blog_app import database, settings
from blog_app.ingest import ingest
from tests.e2e.browser import chromium_paths

SEED = settings.PROJECT_ROOT / "content" / "top-python-web-frameworks-2024.md"
SEED_SLUG = SEED.stem
SEED_TITLE = "The top Python frameworks for building web apps (2024)"
SEED_TEXT = "There are 16 million Python developers"  # from its first paragraph
# The frameworks the seed post compares, one ## section each, in its order.
SEED_FRAMEWORKS = ("Reflex", "FastAPI", "Django", "Flask", "Streamlit", "Gradio", "Dash")
# The seed post's keywords, in the order its front matter lists them.
SEED_KEYWORDS = (
    "python web frameworks",
    "AI web apps in Python",
    "data analysis Python",
    "frontend development in Python",
    "backend development in Python",
    "popular Python frameworks 2024",
)
FIXTURES = pathlib.Path(__file__).parent / "fixtures"

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


def require(condition: bool, reason: str) -> None:
    """Skip when something the test needs is missing, or fail under REQUIRE_ALL_TESTS (CI)."""
    if condition:
        return
    if os.environ.get("REQUIRE_ALL_TESTS"):
        pytest.fail(reason)
    pytest.skip(reason)


def read_axe_source() -> str:
    """The axe-core script that scripts/test installs (``AXE_SOURCE`` says where)."""
    path = pathlib.Path(
        os.environ.get("AXE_SOURCE") or settings.PROJECT_ROOT / ".tools/axe/node_modules/axe-core/axe.min.js"
    )
    require(path.is_file(), "axe-core is not installed (scripts/test installs it)")
    return path.read_text(encoding="utf-8")


def write_post(
    folder: pathlib.Path, name: str, title: str, date: str = "2024-01-01", body: str = "Hello.", **extra
) -> pathlib.Path:
    """Write a minimal valid post file and return its path."""
    lines = [f"title: {title}", "author: Test Author", f"date: {date}"]
    lines += [f"{key}: {value}" for key, value in extra.items()]
    path = folder / name
    path.write_text("---\n" + "\n".join(lines) + "\n---\n\n" + textwrap.dedent(body).strip() + "\n", encoding="utf-8")
    return path


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

    from blog_app.framework_queries import list_frameworks
    from blog_app.ingest import ingest

    ingest(sqlite_engine, content_dir)
    with Session(sqlite_engine) as db:
        return list_frameworks(db)
