"""End to end in real Chromium against the production build: list, open, read."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from harness.browser import assert_page_is_clean, body_text, wait_for
from tests.support.fixture_posts import SEED_TEXT, SEED_TITLE
from tests.support.pages import wait_until_react_renders

pytestmark = pytest.mark.e2e


def test_home_lists_the_seed_and_opens_it(prod_app, browser):
    browser.get(prod_app.frontend_url)
    wait_until_react_renders(browser)  # a link found in the server's copy is gone once React renders
    link = wait_for(lambda: browser.find_element(By.LINK_TEXT, SEED_TITLE), message="the seed post link")
    assert "November 4, 2024" in body_text(browser)
    assert_page_is_clean(browser)

    link.click()
    wait_for(lambda: SEED_TEXT in body_text(browser), message="the post text")
    assert browser.current_url.endswith("/blog/top-python-web-frameworks-2024")
    text = body_text(browser)
    assert "Elvis Kahoro" in text
    assert "Reflex\u2014Frontend. Backend. Pure Python." in text
    assert "TODO" not in text
    assert_page_is_clean(browser)
