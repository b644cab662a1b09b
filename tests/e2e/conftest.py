"""A production build of the app, served once per test session, and browsers pointed at it."""

from __future__ import annotations

import datetime as dt
import os
import pathlib
import shutil

import pytest

from blog_app import settings
from tests.conftest import require, write_post
from tests.e2e.browser import new_driver

ARTIFACTS = settings.PROJECT_ROOT / "artifacts"
# Archive posts, older than the shipped ones, so the index has a second page.
ARCHIVE_POSTS = 13
# Posts readers must never see (production); newer than every other post, so they would top the index.
DRAFT = {"slug": "unfinished-thoughts", "title": "Unfinished thoughts on async views"}
SCHEDULED = {"slug": "next-month", "title": "A post scheduled for next month"}
UNPUBLISHED_WORD = "zanzibar"


@pytest.fixture(scope="session")
def e2e_content(tmp_path_factory) -> pathlib.Path:
    """The shipped posts plus dated archive posts, in a throwaway content folder."""
    folder = tmp_path_factory.mktemp("content")
    for post in (settings.PROJECT_ROOT / "content").glob("*.md"):
        shutil.copy(post, folder / post.name)
    for number in range(1, ARCHIVE_POSTS + 1):
        write_post(
            folder,
            f"archive-note-{number:02d}.md",
            f"Archive note {number:02d}",
            date=f"2020-01-{number:02d}",
            body=f"An archived note, number {number}, about deployment checklists.",
            tags="[archive]",
            description=f"Archived note number {number}.",
        )
    write_post(
        folder,
        "missing-picture.md",
        "A post with a missing picture",
        date="2019-06-01",
        body="The chart below was never added to assets/.\n\n![Quarterly sign-ups](/blog/not-there.webp)\n",
        image="/blog/no-cover.webp",
    )
    write_unpublished_posts(folder)
    return folder


def write_unpublished_posts(folder: pathlib.Path) -> None:
    """A draft dated in the past and a post dated 30 days from now (both hidden from readers)."""
    write_post(
        folder,
        f"{DRAFT['slug']}.md",
        DRAFT["title"],
        date="2026-11-21",
        draft="true",
        description="Not ready for readers.",
        body=f"A draft that mentions {UNPUBLISHED_WORD}.",
    )
    write_post(
        folder,
        f"{SCHEDULED['slug']}.md",
        SCHEDULED["title"],
        date=(dt.date.today() + dt.timedelta(days=30)).isoformat(),
        description="Coming soon.",
        body=f"A scheduled post that mentions {UNPUBLISHED_WORD}.",
    )


@pytest.fixture(scope="session")
def prod_app(tmp_path_factory, e2e_content, chromium):
    """The app exported in production mode and served by reflex.testing.AppHarnessProd."""
    from reflex.testing import AppHarnessProd

    os.environ["DATABASE_URL"] = f"sqlite:///{tmp_path_factory.mktemp('e2e') / 'blog.db'}"
    os.environ["BLOG_CONTENT_DIR"] = str(e2e_content)
    # A build folder of its own, so the tests never disturb a `reflex run` in .web.
    os.environ["REFLEX_WEB_WORKDIR"] = str(settings.PROJECT_ROOT / ".web-test")
    with AppHarnessProd.create(root=settings.PROJECT_ROOT, app_name="blog_app") as harness:
        yield harness


@pytest.fixture
def browser(prod_app):
    """A fresh headless Chromium, closed after the test."""
    driver = new_driver()
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """The axe-core script (``AXE_SOURCE``, set by scripts/test)."""
    path = os.environ.get("AXE_SOURCE") or str(settings.PROJECT_ROOT / ".tools/axe/node_modules/axe-core/axe.min.js")
    require(pathlib.Path(path).is_file(), "axe-core is not installed (scripts/test installs it)")
    return pathlib.Path(path).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def artifacts_dir() -> pathlib.Path:
    """Where tests leave screenshots for people to look at (git-ignored)."""
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
