"""A production build of the app, served once per test session, and browsers pointed at it."""

from __future__ import annotations

import os
import pathlib

import pytest

from blog_app import settings
from tests.e2e.browser import chromium_paths, new_driver


@pytest.fixture(scope="session")
def e2e_database(tmp_path_factory) -> pathlib.Path:
    """A throwaway SQLite database for the app under test."""
    return tmp_path_factory.mktemp("e2e") / "blog.db"


@pytest.fixture(scope="session")
def prod_app(e2e_database):
    """The app exported in production mode and served by reflex.testing.AppHarnessProd."""
    binary, driver = chromium_paths()
    if not (binary and driver):
        reason = "Chromium and chromedriver are not installed (scripts/test installs them)"
        if os.environ.get("REQUIRE_ALL_TESTS"):
            pytest.fail(reason)
        pytest.skip(reason)
    from reflex.testing import AppHarnessProd

    os.environ["DATABASE_URL"] = f"sqlite:///{e2e_database}"
    os.environ["BLOG_CONTENT_DIR"] = str(settings.PROJECT_ROOT / "content")
    with AppHarnessProd.create(root=settings.PROJECT_ROOT, app_name="blog_app") as harness:
        yield harness


@pytest.fixture
def browser(prod_app):
    """A fresh headless Chromium, closed after the test."""
    driver = new_driver()
    yield driver
    driver.quit()
