"""The index in every view arrives in the first response, is readable without JavaScript, and React keeps it.

Against the production server (the ``server`` fixture: AppHarnessProd serves the built frontend from a
static server of its own, without the pages the backend writes): the first HTTP answer holds the view's cards (not inside ``<noscript>``);
a browser without JavaScript shows them; with JavaScript, the cards, headings and controls sit in
the same boxes before React takes over (the page without JavaScript) and after; and an in-app
navigation never shows the previous view's cards under the new address.
"""

from __future__ import annotations

import html
import re

import httpx
import lxml.html
import pytest
from selenium.webdriver.common.by import By

from harness.browser import assert_page_is_clean, new_driver, wait_for
from tests.support.e2e_site import TRICKY_TITLE
from tests.support.fixture_posts import SEED_TITLE
from tests.support.pages import card_titles, react_took_over, snippets

pytestmark = pytest.mark.e2e
GUIDE_TITLE = "Writing posts for this blog"
MISSING_TITLE = "A post with a missing picture"
WIDE_COVER_TITLE = "A post with a wide cover"  # the oldest post (``seo_content``)
# The server's posts (``seo_content`` in tests/e2e/conftest.py): the e2e site's 16, the tricky one
# (2024-12-01), three hostile ones (2024-01-01) and the wide cover's (2018-03-01), 12 to a page, newest first.
NEWEST = [GUIDE_TITLE, TRICKY_TITLE, SEED_TITLE]
HOSTILE_POSTS = 3
FIRST_PAGE_ARCHIVE = [f"Archive note {n:02d}" for n in range(13, 7, -1)]
# Each view and exactly the cards it shows, in order.
VIEWS = {
    "?page=2": [*(f"Archive note {n:02d}" for n in range(7, 0, -1)), MISSING_TITLE, WIDE_COVER_TITLE],
    "?tag=archive&page=2": ["Archive note 01"],
    "?tag=python-web-frameworks": [SEED_TITLE],
    "?q=Starlette": [SEED_TITLE],
    "?tag=no-such-keyword": [],
}
CARD_TITLE = re.compile(r'<h2 class="rt-Heading rt-r-size-5"><a [^>]*>(.*?)</a></h2>')
NOSCRIPT = re.compile(r"<noscript>.*?</noscript>", re.DOTALL)
# Where the index's parts sit on screen: the heading, the search box, the filter line, each card and its title, pages.
BOXES = """return [...document.querySelectorAll(
  '#main h1, #main form, #main [role=status], #main article, #main article h2, #main article img,'
  + ' #main .empty-state h2, #main nav[aria-label=Pagination] p')]
  .map(e => { const r = e.getBoundingClientRect();
              return [e.tagName, e.textContent.slice(0, 40), Math.round(r.x), Math.round(r.y),
                      Math.round(r.width), Math.round(r.height)]; })"""
# Samples, every frame and every change of the page, the address React renders the page for (its
# router renders a new address as a transition, a frame after the address bar shows it) and the cards.
WATCH_VIEWS = """
window.__views = [];
const sample = () => window.__views.push([document.querySelector('.index-intro')?.dataset.query,
  [...document.querySelectorAll('article.post-card h2, article.search-result h2')].map(h => h.textContent)]);
new MutationObserver(sample).observe(document, {subtree: true, childList: true, characterData: true});
const everyFrame = () => { sample(); requestAnimationFrame(everyFrame); };
requestAnimationFrame(everyFrame);
"""


def first_response(base_url: str, query: str) -> str:
    """The index's first HTML answer for ``query``, without what it holds for ``<noscript>``."""
    response = httpx.get(base_url.rstrip("/") + "/" + query, timeout=30)
    assert response.status_code == 200
    return NOSCRIPT.sub("", response.text)


def written_titles(base_url: str, query: str) -> list[str]:
    """The card titles the first response for ``query`` holds, in order."""
    return [html.unescape(title) for title in CARD_TITLE.findall(first_response(base_url, query))]


@pytest.mark.parametrize("query", list(VIEWS))
def test_the_first_response_holds_exactly_the_views_cards(server, query):
    assert written_titles(server.url, query) == VIEWS[query]
    page = first_response(server.url, query)
    main = page[page.index('<main id="main"') :]
    assert main.index("<h1") < main.index("</main>")


def test_the_first_page_holds_the_twelve_newest_posts_gzipped(server):
    response = httpx.get(server.url + "/", headers={"Accept-Encoding": "gzip"}, timeout=30)
    assert response.headers["content-encoding"] == "gzip" and response.headers["etag"].startswith('W/"')
    assert 'type="application/ld+json"' not in response.text
    titles = written_titles(server.url, "")
    assert len(titles) == 12 and titles[:3] == NEWEST and titles[-6:] == FIRST_PAGE_ARCHIVE
    assert len(set(titles[3:6])) == HOSTILE_POSTS


def test_a_searchs_first_response_marks_the_matched_words(server):
    page = first_response(server.url, "?q=Starlette")
    assert '<article class="search-result">' in page and "<mark>Starlette</mark>" in page
    assert "1 post matching <strong>“Starlette”</strong>" in page
    [search_box] = lxml.html.document_fromstring(page).xpath("//main//input[@name='q']")
    assert search_box.get("value") == "Starlette"


def test_without_javascript_every_view_shows_its_cards(server, chromium):
    driver = new_driver(javascript=False)
    try:
        for query, titles in VIEWS.items():
            driver.get(server.url + "/" + query)
            assert card_titles(driver) == titles
            assert not react_took_over(driver)
        assert "No posts match" in driver.find_element(By.ID, "main").text
        driver.get(server.url + "/?q=Starlette")
        assert snippets(driver)[0][1] == ["Starlette"]
    finally:
        driver.quit()


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("query", ["", "?page=2", "?q=Starlette", "?tag=no-such-keyword"])
def test_react_keeps_every_box_where_the_first_response_put_it(server, chromium, query, width):
    url = server.url + "/" + query
    titles = written_titles(server.url, query)
    before = new_driver(width=width, javascript=False)
    try:
        before.get(url)
        written = before.execute_script(BOXES)
    finally:
        before.quit()
    driver = new_driver(width=width)
    try:
        driver.get(url)
        wait_for(lambda: react_took_over(driver) and card_titles(driver) == titles, message="React's page")
        assert written and driver.execute_script(BOXES) == written
        assert_page_is_clean(driver)
    finally:
        driver.quit()


@pytest.mark.parametrize(
    ("start", "link", "target"),
    [
        ("", (By.LINK_TEXT, "python web frameworks"), "?tag=python-web-frameworks"),
        ("", (By.LINK_TEXT, "Older"), "?page=2"),
        ("?page=2", (By.LINK_TEXT, "Newer"), ""),
        ("?tag=python-web-frameworks", (By.LINK_TEXT, "Clear filters"), ""),
    ],
)
def test_in_app_navigation_never_shows_the_previous_views_cards(server, chromium, start, link, target):
    before, after = written_titles(server.url, start), written_titles(server.url, target)
    assert before and after and before != after
    browser = new_driver()
    try:
        browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH_VIEWS})
        browser.get(server.url + "/" + start)
        wait_for(lambda: react_took_over(browser) and card_titles(browser) == before, message="the first view")
        browser.execute_script("window.__samePage = true")
        browser.find_element(*link).click()
        wait_for(lambda: card_titles(browser) == after, message="the new view")
        assert browser.execute_script("return window.__samePage") is True  # stayed client-side
        views = browser.execute_script("return window.__views")
        seen = {tuple(titles) for query, titles in views if query == target.lstrip("?")}
        assert tuple(after) in seen and seen <= {(), tuple(after)}, seen
        assert_page_is_clean(browser)
    finally:
        browser.quit()
