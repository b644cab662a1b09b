"""The authoring loop in a real ``reflex run`` (development): save a file, see the page; break it, be told where.

The server runs in its own process on a content folder inside the project (where the backend's hot
reload would see it) and a throwaway SQLite database, which the tests read through blog_app.posts.queries.
"""

from __future__ import annotations

import datetime as dt
import pathlib
import shutil
import time
from collections.abc import Callable
from typing import TypeVar

import pytest
import sqlalchemy as sa
from selenium.webdriver.common.by import By
from sqlmodel import Session

from blog_app.core import settings, visibility
from blog_app.posts import queries
from harness.browser import (
    assert_page_is_clean,
    body_text,
    emulate_color_scheme,
    emulate_phone,
    new_driver,
    save_full_page_screenshot,
    serious_accessibility_violations,
    wait_for,
)
from harness.dev_server import DevServer
from harness.synthetic_posts import write_post
from tests.support.e2e_site import DRAFT, SCHEDULED, write_unpublished_posts
from tests.support.fixture_posts import POSTS
from tests.support.pages import card_names, card_titles, open_index, open_post

pytestmark = pytest.mark.e2e
T = TypeVar("T")
# Generous: the point is that changes arrive at all without a restart (latency: bench/bench_watch.py).
PICKUP_TIMEOUT = 30.0
CONTENT_FOLDER = "authoring-test-content"


@pytest.fixture(scope="module")
def dev_app(tmp_path_factory, chromium):
    """``reflex run`` in development on a copy of the fixture posts plus a draft and a scheduled post."""
    content = settings.PROJECT_ROOT / CONTENT_FOLDER
    shutil.rmtree(content, ignore_errors=True)
    shutil.copytree(POSTS, content)
    write_unpublished_posts(content)
    work = tmp_path_factory.mktemp("dev-app")
    server = DevServer(content, f"sqlite:///{work / 'blog.db'}", work / "logs")
    try:
        with server:
            yield server
    finally:
        shutil.rmtree(content, ignore_errors=True)


@pytest.fixture(scope="module")
def dev_db(dev_app):
    """The development server's own database, read the way its pages read it."""
    engine = sa.create_engine(dev_app.database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def dev_browser(dev_app):
    driver = new_driver()
    yield driver
    driver.quit()


def eventually(read: Callable[[], T], expected: T, message: str) -> T:
    """Poll ``read()`` until it returns ``expected``; fail with the last value after PICKUP_TIMEOUT."""
    deadline = time.monotonic() + PICKUP_TIMEOUT
    value = read()
    while value != expected and time.monotonic() < deadline:
        time.sleep(0.1)
        value = read()
    assert value == expected, f"{message}: still {value!r}"
    return value


def stored_title(engine: sa.Engine, slug: str) -> str | None:
    with Session(engine) as db:
        post = queries.get_post(db, slug, visibility.authors())
    return post.title if post else None


def test_new_changed_and_deleted_files_reach_the_running_app_without_a_restart(dev_app, dev_db):
    workers = dev_app.backend_workers()
    post = write_post(dev_app.content_dir, "watched.md", "Written while the app runs")
    eventually(lambda: stored_title(dev_db, "watched"), "Written while the app runs", "the new post")
    write_post(dev_app.content_dir, "watched.md", "Edited while the app runs")
    eventually(lambda: stored_title(dev_db, "watched"), "Edited while the app runs", "the edited post")
    post.unlink()
    eventually(lambda: stored_title(dev_db, "watched"), None, "the deleted post")
    assert dev_app.backend_workers() == workers, "the backend restarted"
    assert f"watching {CONTENT_FOLDER}/ for changes to posts" in dev_app.log()
    assert "ingest: 0 loaded, " in dev_app.log() and " 1 removed, 0 failed" in dev_app.log()


def test_a_production_server_starts_no_watcher(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(POSTS, content)
    server = DevServer(content, f"sqlite:///{tmp_path / 'blog.db'}", tmp_path / "logs", backend_only=True, env="prod")
    with server:  # the backend answers only once its start-up tasks (the watcher among them) have begun
        log = server.log()
    assert "ingest: 2 loaded, 0 unchanged" in log
    assert "watching" not in log


def test_a_broken_save_is_reported_as_path_line_reason_and_the_last_good_version_stays(dev_app, dev_db):
    post = write_post(dev_app.content_dir, "fragile.md", "Fragile but fine")
    eventually(lambda: stored_title(dev_db, "fragile"), "Fragile but fine", "the first version")
    post.write_text(
        post.read_text()
        .replace("title: Fragile but fine", "title: Fragile, broken")
        .replace("2024-01-01", "2024-02-30")
    )
    # As the terminal of `reflex run` (in the project folder) shows it.
    expected = f"{CONTENT_FOLDER}/fragile.md:4: invalid value in front matter: day is out of range for month"
    eventually(lambda: expected in dev_app.log(), True, "the error line in the terminal")
    assert stored_title(dev_db, "fragile") == "Fragile but fine"
    post.unlink()


def look_and_screenshot(driver, axe_source: str, stem: pathlib.Path) -> None:
    """No serious accessibility problem in light or dark; screenshots in light, dark and at phone width."""
    for scheme in ("light", "dark"):
        emulate_color_scheme(driver, scheme)
        assert not serious_accessibility_violations(driver, axe_source), scheme
        save_full_page_screenshot(driver, f"{stem}-{scheme}.png")
    emulate_phone(driver, 375)
    save_full_page_screenshot(driver, f"{stem}-phone.png")
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    emulate_color_scheme(driver, "light")


def test_drafts_and_scheduled_posts_show_in_development_marked_as_such(dev_app, dev_browser, artifacts_dir, axe_source):
    titles = open_index(dev_browser, dev_app.frontend_url)
    assert titles[:2] == [SCHEDULED["title"], DRAFT["title"]]  # dated after every published post
    badges = [badge.text for badge in dev_browser.find_elements(By.CSS_SELECTOR, "article.post-card .status-badge")]
    scheduled_day = dt.date.today() + dt.timedelta(days=30)
    assert badges == [f"Scheduled for {scheduled_day:%B} {scheduled_day.day}, {scheduled_day.year}", "Draft"]
    assert_page_is_clean(dev_browser)
    look_and_screenshot(dev_browser, axe_source, artifacts_dir / "dev-index-with-unpublished")

    open_post(dev_browser, dev_app.frontend_url, DRAFT["slug"])
    banner = wait_for(lambda: dev_browser.find_element(By.CSS_SELECTOR, ".status-banner"), message="the draft banner")
    assert banner.text.startswith("Draft · Readers cannot see this draft")
    assert "draft: true" in banner.text
    assert_page_is_clean(dev_browser)
    look_and_screenshot(dev_browser, axe_source, artifacts_dir / "dev-draft-banner")

    open_post(dev_browser, dev_app.frontend_url, SCHEDULED["slug"])
    banner = wait_for(
        lambda: dev_browser.find_element(By.CSS_SELECTOR, ".status-banner"), message="the scheduled banner"
    )
    assert banner.text.startswith(f"Scheduled for {scheduled_day:%B} {scheduled_day.day}, {scheduled_day.year} · ")
    look_and_screenshot(dev_browser, axe_source, artifacts_dir / "dev-scheduled-banner")


def test_open_pages_show_saved_changes_without_a_reload(dev_app, dev_browser):
    post = write_post(dev_app.content_dir, "live.md", "Live post", date="2001-01-01", body="The first words.")
    open_post(dev_browser, dev_app.frontend_url, "live")
    wait_for(lambda: "The first words." in body_text(dev_browser), timeout=PICKUP_TIMEOUT, message="the post")
    dev_browser.execute_script("window.__sameDocument = true")
    write_post(dev_app.content_dir, "live.md", "Live post, retitled", date="2001-01-01", body="The second words.")
    wait_for(lambda: "The second words." in body_text(dev_browser), timeout=PICKUP_TIMEOUT, message="the saved change")
    assert dev_browser.find_element(By.CSS_SELECTOR, "article.post-article h1").text == "Live post, retitled"
    assert dev_browser.execute_script("return window.__sameDocument") is True, "the page was reloaded"
    post.unlink()
    wait_for(lambda: "Post not found" in body_text(dev_browser), timeout=PICKUP_TIMEOUT, message="the deletion")
    assert_page_is_clean(dev_browser)

    open_index(dev_browser, dev_app.frontend_url)
    dev_browser.execute_script("window.__sameDocument = true")
    added = write_post(dev_app.content_dir, "newest.md", "Newest of all", date="2999-12-31")
    wait_for(lambda: card_titles(dev_browser)[:1] == ["Newest of all"], timeout=PICKUP_TIMEOUT, message="the new card")
    assert dev_browser.execute_script("return window.__sameDocument") is True, "the page was reloaded"
    added.unlink()
    wait_for(lambda: "Newest of all" not in card_titles(dev_browser), timeout=PICKUP_TIMEOUT, message="the card gone")
    assert_page_is_clean(dev_browser)


NEW_FRAMEWORK_POST = """## Litestar--the framework written while the app runs

Litestar is an ASGI framework with typed handlers.

### Pros

- **Typed handlers**: Every route declares what it takes and returns.

### Cons

- **Young ecosystem**: Fewer plugins than the older frameworks.
"""


def test_the_open_explorer_shows_saved_changes_without_a_reload(dev_app, dev_browser):
    dev_browser.get(f"{dev_app.frontend_url.rstrip('/')}/frameworks")
    wait_for(lambda: "Reflex" in card_names(dev_browser), timeout=PICKUP_TIMEOUT, message="the explorer's cards")
    assert "Litestar" not in card_names(dev_browser)
    dev_browser.execute_script("window.__sameDocument = true")
    post = write_post(dev_app.content_dir, "litestar.md", "Litestar", date="2001-01-01", body=NEW_FRAMEWORK_POST)
    wait_for(lambda: "Litestar" in card_names(dev_browser), timeout=PICKUP_TIMEOUT, message="the new framework's card")
    assert dev_browser.execute_script("return window.__sameDocument") is True, "the page was reloaded"
    post.unlink()
    wait_for(lambda: "Litestar" not in card_names(dev_browser), timeout=PICKUP_TIMEOUT, message="the card gone")
    assert_page_is_clean(dev_browser)
