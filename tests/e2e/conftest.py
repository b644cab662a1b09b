"""A production build of the app, served once per test session, and browsers pointed at it."""

from __future__ import annotations

import os
import pathlib
import shutil

import httpx
import pytest

from blog_app.core import settings
from harness.app_process import app_environment, free_port, running
from harness.browser import new_driver
from harness.synthetic_posts import write_post
from tests.support.accessibility import read_axe_source
from tests.support.e2e_site import (
    ARCHIVE_POSTS,
    ARTIFACTS,
    FEED_POSTS,
    HOSTILE_SLUGS,
    SEO_WEB_WORKDIR,
    SITE,
    TRICKY_POST,
    TRICKY_SLUG,
    WIDE_COVER,
    write_unpublished_posts,
)
from tests.support.fixture_posts import FIXTURES, POSTS


@pytest.fixture(scope="session")
def e2e_content(tmp_path_factory) -> pathlib.Path:
    """The frozen fixture posts plus dated archive posts, in a throwaway content folder."""
    folder = tmp_path_factory.mktemp("content")
    for post in POSTS.glob("*.md"):
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
    return read_axe_source()


@pytest.fixture(scope="session")
def artifacts_dir() -> pathlib.Path:
    """Where tests leave screenshots for people to look at (git-ignored)."""
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def seo_content(e2e_content, tmp_path_factory):
    """The e2e posts plus one whose title, author and description are full of markup characters,
    the hostile posts of the bad-content corpus, and one whose cover has a size of its own."""
    folder = tmp_path_factory.mktemp("seo-content")
    for post in e2e_content.glob("*.md"):
        shutil.copy(post, folder / post.name)
    (folder / f"{TRICKY_SLUG}.md").write_text(TRICKY_POST, encoding="utf-8")
    for slug in HOSTILE_SLUGS:
        shutil.copy(FIXTURES / "bad-content" / f"{slug}.md", folder / f"{slug}.md")
    # The oldest post: the newest ones, which the feeds and first index page show, stay the same.
    write_post(
        folder,
        f"{WIDE_COVER['slug']}.md",
        "A post with a wide cover",
        date="2018-03-01",
        body="The cover above is wider than most.",
        image=WIDE_COVER["image"],
        description="A cover of its own size.",
    )
    return folder


@pytest.fixture(scope="session")
def server(seo_content, tmp_path_factory):
    """``reflex run --env prod`` on one port, built once per session (SEO and hostile-request tests)."""
    env = app_environment(
        DATABASE_URL=f"sqlite:///{tmp_path_factory.mktemp('seo-db') / 'blog.db'}",
        BLOG_CONTENT_DIR=str(seo_content),
        DEPLOY_URL=SITE,
        REFLEX_WEB_WORKDIR=str(SEO_WEB_WORKDIR),
        BLOG_FEED_POSTS=str(FEED_POSTS),
    )
    command = ["run", "--env", "prod", "--frontend-port", str(free_port())]
    log_dir = tmp_path_factory.mktemp("seo-server")
    with running([command], env, settings.PROJECT_ROOT, log_dir, timeout=600) as (app,):
        yield app


@pytest.fixture(scope="session")
def http(server):
    """An HTTP client for the server; redirects are not followed."""
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client
