"""A production build of the app, served once per test session, and browsers pointed at it."""

from __future__ import annotations

import datetime as dt
import os
import pathlib
import shutil

import httpx
import pytest

from blog_app import settings
from tests.conftest import FIXTURES, read_axe_source, write_post
from tests.e2e.browser import new_driver
from tests.integration.app_process import app_environment, free_port, running

ARTIFACTS = settings.PROJECT_ROOT / "artifacts"
# Archive posts, older than the shipped ones, so the index has a second page.
ARCHIVE_POSTS = 13
# Posts readers must never see (production); newer than every other post, so they would top the index.
DRAFT = {"slug": "unfinished-thoughts", "title": "Unfinished thoughts on async views"}
SCHEDULED = {"slug": "next-month", "title": "A post scheduled for next month"}
UNPUBLISHED_WORD = "zanzibar"
# The production server of the SEO and hostile-request tests: its public address (unlike the local
# one, so absolute links prove they came from configuration) and a build folder of its own, beside
# AppHarnessProd's .web-test and a developer's .web.
SITE = "https://blog.example.test"
SEO_WEB_WORKDIR = settings.PROJECT_ROOT / ".web-seo"
# Everything that could break out of a <title>, an attribute or the JSON-LD <script>.
TRICKY_SLUG = "markup-in-titles"
TRICKY_TITLE = """Tags & "quotes": why </script> isn't a <title>"""
TRICKY_DESCRIPTION = """A <b>description</b> with & and "double" and 'single' quotes."""
TRICKY_POST = """---
title: 'Tags & "quotes": why </script> isn''t a <title>'
author: O'Brien & <Co>
date: 2024-12-01
description: 'A <b>description</b> with & and "double" and ''single'' quotes.'
tags: [html, "a&b"]
---

Plain text with a [link to the seed post](/blog/top-python-web-frameworks-2024) and [an anchor](#later).

## Later

The end.
"""
# Posts of the bad-content corpus that load, with markup, script and javascript: URLs left out.
HOSTILE_SLUGS = ("html-in-front-matter", "script-html", "javascript-links")


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
    and the hostile posts of the bad-content corpus."""
    folder = tmp_path_factory.mktemp("seo-content")
    for post in e2e_content.glob("*.md"):
        shutil.copy(post, folder / post.name)
    (folder / f"{TRICKY_SLUG}.md").write_text(TRICKY_POST, encoding="utf-8")
    for slug in HOSTILE_SLUGS:
        shutil.copy(FIXTURES / "bad-content" / f"{slug}.md", folder / f"{slug}.md")
    return folder


@pytest.fixture(scope="session")
def server(seo_content, tmp_path_factory):
    """``reflex run --env prod`` on one port, built once per session (SEO and hostile-request tests)."""
    env = app_environment(
        DATABASE_URL=f"sqlite:///{tmp_path_factory.mktemp('seo-db') / 'blog.db'}",
        BLOG_CONTENT_DIR=str(seo_content),
        DEPLOY_URL=SITE,
        REFLEX_WEB_WORKDIR=str(SEO_WEB_WORKDIR),
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
