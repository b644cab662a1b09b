"""Search in real Chromium against the production build: typing, marked snippets, shared URLs, related posts."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from harness.browser import assert_page_is_clean, body_text, new_driver, wait_for
from tests.support.e2e_site import DRAFT, SCHEDULED, UNPUBLISHED_WORD
from tests.support.fixture_posts import SEED_TITLE
from tests.support.pages import card_titles, open_index, open_post, snippets

pytestmark = pytest.mark.e2e
GUIDE_TITLE = "Writing posts for this blog"


def test_results_follow_the_typing_with_the_typo_forgiven_and_marked(prod_app, browser):
    open_index(browser, prod_app.frontend_url)
    box = browser.find_element(By.CSS_SELECTOR, "input[name='q']")
    for letter in "djnago":  # one swapped letter, typed as a person types
        box.send_keys(letter)
    wait_for(lambda: card_titles(browser) == [SEED_TITLE], message="the seed post as the only result")
    wait_for(lambda: browser.current_url.endswith("/?q=djnago"), message="the search in the address")
    [(text, marks)] = snippets(browser)
    assert "Django" in marks and set(marks) == {"Django"}
    assert "the web framework for perfectionists with deadlines" in text
    assert "No post contains “djnago”: these results have a word one letter away" in body_text(browser)
    # The page shows text, never markup from the post: the snippet holds only <mark> elements.
    tags = browser.execute_script(
        "return [...document.querySelectorAll('.search-snippet *')].map(e => e.tagName.toLowerCase())"
    )
    assert set(tags) == {"mark"}
    box.send_keys(" ORM")  # refining the search updates the results without Enter
    wait_for(lambda: browser.current_url.endswith("/?q=djnago+ORM"), message="the refined search in the address")
    wait_for(lambda: card_titles(browser) == [SEED_TITLE], message="the refined results")
    assert_page_is_clean(browser)


def test_a_shared_search_shows_the_same_results_in_another_browser(prod_app, browser):
    url = prod_app.frontend_url.rstrip("/") + '/?q="web+apps"'
    open_index(browser, prod_app.frontend_url, '?q="web+apps"')
    first = (card_titles(browser), snippets(browser))
    assert first[0] == [SEED_TITLE] and first[1][0][1] == ["web apps"] * len(first[1][0][1])
    other = new_driver()
    try:
        other.get(url)
        wait_for(lambda: card_titles(other) == first[0], message="the same results")
        assert snippets(other) == first[1]
        assert other.find_element(By.CSS_SELECTOR, "input[name='q']").get_attribute("value") == '"web apps"'
        assert_page_is_clean(other)
    finally:
        other.quit()


def test_ranked_prefix_search_and_enter(prod_app, browser):
    open_index(browser, prod_app.frontend_url)
    box = browser.find_element(By.CSS_SELECTOR, "input[name='q']")
    box.send_keys("writ*", Keys.ENTER)
    wait_for(lambda: browser.current_url.endswith("/?q=writ%2A"), message="the prefix search in the address")
    titles = wait_for(lambda: card_titles(browser), message="results")
    assert titles[0] == GUIDE_TITLE  # "Writing" in its title outranks the body mentions
    assert_page_is_clean(browser)


def test_noise_gets_a_message_and_unpublished_posts_never_appear(prod_app, browser):
    assert open_index(browser, prod_app.frontend_url, "?q=%2A+-+%25+AND") == []
    assert "Type a word to search for" in body_text(browser)
    assert open_index(browser, prod_app.frontend_url, f"?q={UNPUBLISHED_WORD}") == []
    assert "No posts match" in body_text(browser)
    assert DRAFT["title"] not in body_text(browser) and SCHEDULED["title"] not in body_text(browser)
    assert_page_is_clean(browser)


def test_related_posts_close_a_post(prod_app, browser):
    open_post(browser, prod_app.frontend_url, "archive-note-05")
    links = wait_for(
        lambda: browser.find_elements(By.CSS_SELECTOR, "footer.post-footer .related-posts li a"), message="related"
    )
    titles = [link.text for link in links]
    assert 2 <= len(titles) <= 3 and all(title.startswith("Archive note") for title in titles)
    assert "Archive note 05" not in titles
    links[0].click()  # in-app navigation to a related post
    wait_for(lambda: browser.find_element(By.CSS_SELECTOR, "article.post-article h1").text == titles[0], message="it")
    assert_page_is_clean(browser)
