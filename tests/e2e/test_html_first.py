"""Content pages carry their content in the first response, and React keeps what is on screen (issue 14).

Against a real ``reflex run --env prod`` (the ``server`` fixture): only it answers post pages
with the page the server writes into the shell. Each page is read three ways: the HTML of the
first response, a browser without JavaScript, and a browser with it, where the boxes of the
elements a reader sees first must be where the first response put them.
"""

from __future__ import annotations

import lxml.html
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from blog_app.html_first.slot import SLOT_ID
from harness.browser import assert_page_is_clean, new_driver, wait_for
from tests.support.e2e_site import TRICKY_TITLE
from tests.support.fixture_posts import SEED_SLUG, SEED_TEXT, SEED_TITLE
from tests.support.pages import wait_until_react_renders

pytestmark = pytest.mark.e2e
GUIDE_SLUG = "writing-posts"
GUIDE_CODE = 'python -m blog_app new "Async views in practice"'
SEED_BYLINE = "Elvis Kahoro · November 4, 2024 · 5 min read"
SEED_TOC_START = ["Reflex—Frontend. Backend. Pure Python.", "Pros", "Cons"]
# The elements compared before and after React takes over, by CSS selector (the first match).
POST_BOXES = {
    "title": "#main h1",
    "cover": "#main .post-header .cover",
    "wide toc link": "#main .toc-sidebar a",
    "narrow toc": "#main .toc-collapsible summary",
    "code block": "#main .post-body .code-frame",
    "body image": "#main .post-body .post-image",
    "missing image": "#main .post-body .image-missing",
    "footer": "#main .post-footer",
}
BOXES_SCRIPT = """
const boxes = {};
for (const [name, selector] of Object.entries(arguments[0])) {
  const element = document.querySelector(selector);
  if (!element) continue;
  const box = element.getBoundingClientRect();
  boxes[name] = [box.left, box.top + scrollY, box.width, box.height].map(Math.round);
}
return boxes;
"""
# Lazy images load once scrolled to; until then they have no height. Load them one by one, then go back up.
LOAD_IMAGES_SCRIPT = """
const waiting = [...document.querySelectorAll('#main img')].find(image => !(image.complete && image.naturalWidth > 0));
if (waiting) { waiting.scrollIntoView({block: 'center'}); return false; }
window.scrollTo(0, 0);
return true;
"""


def first_response(http, path: str, status: int = 200) -> lxml.html.HtmlElement:
    """The page the server wrote into the shell's slot, checked to be outside any ``<noscript>``."""
    response = http.get(path)
    assert response.status_code == status
    document = lxml.html.document_fromstring(response.text)
    assert not document.body.findall(".//noscript")
    return document.get_element_by_id(SLOT_ID)


def test_the_post_is_in_its_first_response(http):
    slot = first_response(http, f"/blog/{SEED_SLUG}")
    article = slot.find(".//article")
    assert article.find(".//h1").text_content() == SEED_TITLE
    assert article.find_class("byline")[0].text_content() == SEED_BYLINE
    assert article.find_class("cover")[0].get("src") == "/blog/ag-grid.webp"
    assert SEED_TEXT in article.find_class("post-body")[0].find(".//p").text_content()
    for toc in (slot.find_class("toc-collapsible")[0], slot.find_class("toc-sidebar")[0]):
        assert [a.text_content() for a in toc.iter("a")][:3] == SEED_TOC_START
    guide = first_response(http, f"/blog/{GUIDE_SLUG}")
    codes = [code.text_content() for code in guide.xpath(".//div[contains(@class, 'code-frame')]//pre/code")]
    assert codes[0] == GUIDE_CODE + "\n"


def test_an_unknown_post_answers_404_with_its_message_in_the_first_response(http):
    slot = first_response(http, "/blog/no-such-post", status=404)
    assert slot.find(".//h1").text_content() == "Post not found"
    assert "No post lives at this address" in slot.text_content()
    main = slot.get_element_by_id("main")
    assert [a.get("href") for a in main.iter("a")] == ["/", "/frameworks"]


def test_without_javascript_the_post_is_on_screen(server, chromium):
    driver = new_driver(javascript=False)
    try:
        driver.get(f"{server.url}/blog/{GUIDE_SLUG}")
        assert driver.find_element(By.CSS_SELECTOR, "article h1").text == "Writing posts for this blog"
        for selector in (".byline", ".post-header .cover", ".toc-sidebar a", ".post-body .post-image"):
            assert driver.find_element(By.CSS_SELECTOR, selector).is_displayed(), selector
        code = driver.find_element(By.CSS_SELECTOR, ".post-body .code-frame pre")
        assert code.text == GUIDE_CODE
    finally:
        driver.quit()


def settled_boxes(driver: WebDriver) -> dict[str, list[int]]:
    """The boxes of :data:`POST_BOXES` once every image of the page has loaded, scrolled to the top."""
    wait_for(lambda: driver.execute_script(LOAD_IMAGES_SCRIPT), message="the page's images")
    return driver.execute_script(BOXES_SCRIPT, POST_BOXES)


def boxes_before_and_after_react(url: str, width: int) -> tuple[dict, dict]:
    """The boxes of :data:`POST_BOXES` without JavaScript, and once React has rendered the page (which must be clean)."""
    plain = new_driver(width=width, javascript=False)
    try:
        plain.get(url)
        before = settled_boxes(plain)
    finally:
        plain.quit()
    driver = new_driver(width=width)
    try:
        driver.get(url)
        wait_until_react_renders(driver)
        after = settled_boxes(driver)
        assert_page_is_clean(driver)
    finally:
        driver.quit()
    return before, after


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("slug", [SEED_SLUG, GUIDE_SLUG])
def test_react_keeps_the_boxes_of_the_first_response(server, chromium, slug, width):
    before, after = boxes_before_and_after_react(f"{server.url}/blog/{slug}", width)
    expected = {"title", "cover", "body image", "footer"} | ({"code block"} if slug == GUIDE_SLUG else set())
    assert expected <= set(before)
    assert ("wide toc link" if width > 1000 else "narrow toc") in before
    assert after == before


@pytest.mark.parametrize("width", [375, 1280])
def test_react_keeps_the_boxes_of_missing_pictures(server, chromium, width):
    before, after = boxes_before_and_after_react(f"{server.url}/blog/missing-picture", width)
    assert {"title", "cover", "missing image", "footer"} <= set(before)
    assert after == before


SEEN_SCRIPT = """
window.stillTheSamePage = true;
window.seen = [];
new MutationObserver(() => {
  const title = document.querySelector('#main h1');
  window.seen.push([location.pathname, title ? title.textContent : '']);
}).observe(document.body, {subtree: true, childList: true, characterData: true});
"""


def test_going_to_another_post_in_the_app_never_shows_the_old_one_under_the_new_address(server, chromium):
    driver = new_driver()
    try:
        driver.get(f"{server.url}/blog/{SEED_SLUG}")
        wait_until_react_renders(driver)
        driver.execute_script(SEEN_SCRIPT)
        driver.find_element(By.PARTIAL_LINK_TEXT, TRICKY_TITLE).click()
        new_title = lambda: driver.find_element(By.CSS_SELECTOR, "#main h1").text  # noqa: E731
        wait_for(lambda: new_title() == TRICKY_TITLE, message="the newer post")
        assert driver.execute_script("return window.stillTheSamePage"), "the link loaded a new document"
        seen = driver.execute_script("return window.seen")
        assert seen, "no change was observed"
        assert not [path for path, title in seen if path != f"/blog/{SEED_SLUG}" and title == SEED_TITLE]
        assert_page_is_clean(driver)
    finally:
        driver.quit()
