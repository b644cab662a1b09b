"""The largest image above the fold: a post's cover, and the first card's, load at once and first, at their own size.

Every other card's cover still waits until it is scrolled near. Real Chromium against the
production builds: AppHarnessProd's (``prod_app``) and the ``reflex run --env prod`` server's,
whose content has a post with a 1200×420 cover (sizes read from the file at ingest).
"""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement

from harness.browser import assert_page_is_clean, new_driver, wait_for
from tests.support.e2e_site import WIDE_COVER
from tests.support.fixture_posts import SEED_SLUG
from tests.support.pages import open_index, open_post

pytestmark = pytest.mark.e2e


def attributes(cover: WebElement) -> dict[str, str | None]:
    """The cover's loading attributes as written in the markup."""
    return {name: cover.get_dom_attribute(name) for name in ("loading", "fetchpriority", "width", "height")}


def natural_size(driver, cover: WebElement) -> tuple[str, str]:
    """The size of the image file the browser loaded, once it has (scrolled to, so a lazy one loads too)."""
    driver.execute_script("arguments[0].scrollIntoView()", cover)
    wait_for(lambda: driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", cover))
    width, height = driver.execute_script("return [arguments[0].naturalWidth, arguments[0].naturalHeight]", cover)
    return str(width), str(height)


def assert_loads_first_at_its_size(driver, cover: WebElement) -> None:
    """Not lazy, fetched first, and sized in the markup as the file is."""
    seen = attributes(cover)
    assert seen["loading"] != "lazy", seen
    assert seen["fetchpriority"] == "high", seen
    assert (seen["width"], seen["height"]) == natural_size(driver, cover), seen


def test_a_posts_cover_loads_first_at_the_size_of_its_file(server):
    driver = new_driver()
    try:
        open_post(driver, server.url, WIDE_COVER["slug"])
        cover = driver.find_element(By.CSS_SELECTOR, ".post-header img.cover")
        assert cover.get_dom_attribute("src") == WIDE_COVER["image"]
        assert (cover.get_dom_attribute("width"), cover.get_dom_attribute("height")) == ("1200", "420")
        assert_loads_first_at_its_size(driver, cover)
        assert_page_is_clean(driver)
    finally:
        driver.quit()


def test_the_seed_posts_cover_loads_first(prod_app, browser):
    open_post(browser, prod_app.frontend_url, SEED_SLUG)
    assert_loads_first_at_its_size(browser, browser.find_element(By.CSS_SELECTOR, ".post-header img.cover"))
    assert_page_is_clean(browser)


def test_only_the_first_cards_cover_loads_first(prod_app, browser):
    open_index(browser, prod_app.frontend_url)
    first, *later = browser.find_elements(By.CSS_SELECTOR, "article.post-card img.cover")
    assert browser.execute_script("return document.querySelector('article.post-card').contains(arguments[0])", first)
    assert_loads_first_at_its_size(browser, first)
    assert later, "the index shows a second cover"
    for cover in later:
        seen = attributes(cover)
        assert seen["loading"] == "lazy", seen
        assert seen["fetchpriority"] != "high", seen
        assert (seen["width"], seen["height"]) == natural_size(browser, cover), seen
    assert_page_is_clean(browser)
