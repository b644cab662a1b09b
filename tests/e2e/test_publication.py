"""Drafts and scheduled posts in the production build: absent from the index, search and neighbours; 404 by URL."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from harness.browser import assert_page_is_clean, body_text, wait_for
from tests.support.e2e_site import DRAFT, SCHEDULED, UNPUBLISHED_WORD
from tests.support.pages import open_index, open_post

pytestmark = pytest.mark.e2e
GUIDE_TITLE = "Writing posts for this blog"


def test_index_and_search_never_show_unpublished_posts(prod_app, browser):
    titles = open_index(browser, prod_app.frontend_url)
    assert titles[0] == GUIDE_TITLE
    assert DRAFT["title"] not in titles and SCHEDULED["title"] not in titles
    assert not browser.find_elements(By.CSS_SELECTOR, ".status-badge")
    page_two = open_index(browser, prod_app.frontend_url, "?page=2")
    assert DRAFT["title"] not in page_two and SCHEDULED["title"] not in page_two
    assert open_index(browser, prod_app.frontend_url, f"?q={UNPUBLISHED_WORD}") == []
    wait_for(lambda: "No posts match" in body_text(browser), message="the empty search result")
    assert_page_is_clean(browser)


@pytest.mark.parametrize("post", [DRAFT, SCHEDULED], ids=["draft", "scheduled"])
def test_unpublished_post_urls_show_post_not_found(prod_app, browser, post):
    open_post(browser, prod_app.frontend_url, post["slug"])
    wait_for(lambda: "Post not found" in body_text(browser), message="the post-not-found page")
    assert post["title"] not in browser.page_source
    assert not browser.find_elements(By.CSS_SELECTOR, ".status-banner")
    assert_page_is_clean(browser)


def test_newest_published_post_has_no_newer_neighbour(prod_app, browser):
    open_post(browser, prod_app.frontend_url, "writing-posts")
    assert "Newer post" not in body_text(browser)
    assert "Older post" in body_text(browser)
    assert not browser.find_elements(By.CSS_SELECTOR, ".status-banner")
    assert_page_is_clean(browser)
