"""The reading experience in real Chromium against the production build: index, post, 404."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from harness.browser import assert_page_is_clean, body_text, wait_for
from tests.support.fixture_posts import SEED_FRAMEWORKS, SEED_SLUG, SEED_TITLE
from tests.support.pages import card_titles, open_index, open_post

pytestmark = pytest.mark.e2e
GUIDE_TITLE = "Writing posts for this blog"
MISSING_TITLE = "A post with a missing picture"
FRAMEWORKS = list(SEED_FRAMEWORKS)


def test_index_lists_posts_newest_first_with_covers(prod_app, browser):
    titles = open_index(browser, prod_app.frontend_url)
    assert titles[:2] == [GUIDE_TITLE, SEED_TITLE]
    assert titles[2:] == [f"Archive note {n:02d}" for n in range(13, 3, -1)]  # 12 per page
    covers = browser.find_elements(By.CSS_SELECTOR, "article.post-card img.cover")
    assert [c.get_attribute("src").rsplit("/", 1)[-1] for c in covers] == ["writing-posts.webp", "ag-grid.webp"]
    for cover in covers:
        wait_for(
            lambda cover=cover: browser.execute_script("return arguments[0].naturalWidth", cover) == 1200,
            message="cover to load",
        )
    seed_card = browser.find_elements(By.CSS_SELECTOR, "article.post-card")[1]
    assert "Elvis Kahoro · November 4, 2024 · 5 min read" in seed_card.text
    assert "popular Python frameworks 2024" in seed_card.text
    assert "Page 1 of 2" in body_text(browser)
    assert_page_is_clean(browser)


def test_pagination_lives_in_the_url(prod_app, browser):
    page_two = ["Archive note 03", "Archive note 02", "Archive note 01", MISSING_TITLE]
    assert open_index(browser, prod_app.frontend_url, "?page=2") == page_two
    assert "Page 2 of 2" in body_text(browser)
    browser.find_element(By.LINK_TEXT, "Newer").click()
    wait_for(lambda: card_titles(browser)[:1] == [GUIDE_TITLE], message="page 1 after clicking Newer")
    assert not browser.current_url.rstrip("/").endswith("page=2")
    assert open_index(browser, prod_app.frontend_url, "?page=banana")[:1] == [GUIDE_TITLE]
    assert_page_is_clean(browser)


def test_keyword_chip_filters_and_survives_reload(prod_app, browser):
    open_index(browser, prod_app.frontend_url)
    browser.find_element(By.LINK_TEXT, "python web frameworks").click()
    wait_for(lambda: card_titles(browser) == [SEED_TITLE], message="only the seed post")
    assert browser.current_url.endswith("/?tag=python-web-frameworks")
    assert "1 post tagged python web frameworks" in body_text(browser)
    browser.refresh()
    wait_for(lambda: card_titles(browser) == [SEED_TITLE], message="the same view after reload")
    assert_page_is_clean(browser)


def test_search_box_queries_bodies_and_combines_with_tag_and_page(prod_app, browser):
    open_index(browser, prod_app.frontend_url)
    box = browser.find_element(By.CSS_SELECTOR, "input[name='q']")
    box.send_keys("Starlette", Keys.ENTER)  # only in the seed post's body
    wait_for(lambda: card_titles(browser) == [SEED_TITLE], message="search results")
    assert browser.current_url.endswith("/?q=Starlette")
    assert "1 post matching “Starlette”" in body_text(browser)
    assert open_index(browser, prod_app.frontend_url, "?tag=archive&q=deployment+checklists&page=2") == [
        "Archive note 01"
    ]
    assert "13 posts tagged archive matching “deployment checklists”" in body_text(browser)
    assert_page_is_clean(browser)


def test_empty_result_says_so_and_offers_to_clear(prod_app, browser):
    assert open_index(browser, prod_app.frontend_url, "?q=no+such+words+anywhere") == []
    assert "No posts match" in body_text(browser)
    browser.find_element(By.CSS_SELECTOR, ".empty-state a").click()
    wait_for(lambda: card_titles(browser)[:1] == [GUIDE_TITLE], message="every post after clearing")
    assert_page_is_clean(browser)


def test_seed_post_shows_seven_framework_sections_and_no_todo(prod_app, browser):
    open_post(browser, prod_app.frontend_url, SEED_SLUG)
    article = browser.find_element(By.CSS_SELECTOR, "article.post-article")
    assert article.find_element(By.TAG_NAME, "h1").text == SEED_TITLE
    h2 = [h.text.rstrip("#").strip() for h in article.find_elements(By.CSS_SELECTOR, ".post-body h2")]
    assert [text.split("\u2014")[0] for text in h2] == FRAMEWORKS
    text = article.text
    assert "TODO" not in text and "oobabaga" not in text
    assert "There are 16 million Python developers worldwide" in text
    assert "Elvis Kahoro · November 4, 2024 · 5 min read" in text
    assert "Newer post\n" + GUIDE_TITLE in text and "Older post →\nArchive note 13" in text
    assert_page_is_clean(browser)


def test_chart_zooms_on_click_and_escape_closes(prod_app, browser):
    open_post(browser, prod_app.frontend_url, SEED_SLUG)
    chart = browser.find_element(By.CSS_SELECTOR, "img[src='/blog/github-python_top_language_2024.webp']")
    assert chart.get_attribute("alt")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", chart)
    wait_for(
        lambda: browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", chart),
        message="chart to load",
    )
    chart.click()
    wait_for(
        lambda: browser.find_elements(By.CSS_SELECTOR, "dialog[open][aria-modal='true'] img"), message="the zoom dialog"
    )
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
    wait_for(lambda: not browser.find_elements(By.CSS_SELECTOR, "dialog[open]"), message="the zoom dialog to close")
    assert_page_is_clean(browser)


def test_toc_link_moves_to_its_section(prod_app, browser):
    open_post(browser, prod_app.frontend_url, SEED_SLUG)
    link = browser.find_element(By.CSS_SELECTOR, ".toc-sidebar a[href='#dash-data-apps-dashboards-for-python']")
    assert link.text.startswith("Dash")
    link.click()
    wait_for(
        lambda: browser.current_url.endswith("#dash-data-apps-dashboards-for-python"), message="the anchor in the URL"
    )
    top = wait_for(
        lambda: (lambda t: t if 0 <= t < 200 else None)(
            browser.execute_script(
                "return document.getElementById('dash-data-apps-dashboards-for-python').getBoundingClientRect().top"
            )
        ),
        message="the Dash section at the top of the window",
    )
    assert browser.execute_script("return window.scrollY") > 1000, top
    assert_page_is_clean(browser)


def test_copy_button_puts_the_code_on_the_clipboard(prod_app, browser):
    origin = prod_app.frontend_url.rstrip("/")
    browser.execute_cdp_cmd(
        "Browser.grantPermissions", {"origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]}
    )
    open_post(browser, prod_app.frontend_url, "writing-posts")
    frame = next(
        f
        for f in browser.find_elements(By.CSS_SELECTOR, ".code-frame")
        if f.find_element(By.CSS_SELECTOR, ".code-language").text.lower() == "python"
    )
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", frame)
    frame.find_element(By.CSS_SELECTOR, "button[aria-label='Copy code to clipboard']").click()
    wait_for(lambda: "Code copied to clipboard" in body_text(browser), message="the copied confirmation")
    copied = browser.execute_async_script(
        "navigator.clipboard.readText().then(arguments[0], e => arguments[0]('ERR ' + e))"
    )
    assert copied.startswith("from blog_app.content import parse_post\n")
    assert 'print(document.meta.title, document.reading_minutes, "min read")' in copied
    assert_page_is_clean(browser)


def test_unknown_slug_and_unknown_route_show_not_found_pages(prod_app, browser):
    open_post(browser, prod_app.frontend_url, "no-such-post")
    wait_for(lambda: "Post not found" in body_text(browser), message="the post-not-found page")
    assert browser.find_element(By.LINK_TEXT, "All posts").get_attribute("href").rstrip(
        "/"
    ) == prod_app.frontend_url.rstrip("/")
    assert_page_is_clean(browser)
    browser.get(prod_app.frontend_url.rstrip("/") + "/no/such/page")
    wait_for(lambda: "Page not found" in body_text(browser), message="the 404 page")
    assert "404" in body_text(browser)
    assert_page_is_clean(browser, not_found=True)


def test_missing_images_show_placeholders(prod_app, browser):
    open_post(browser, prod_app.frontend_url, "missing-picture")
    placeholder = browser.find_element(By.CSS_SELECTOR, ".post-body .image-missing")
    assert placeholder.text == "Image unavailable: Quarterly sign-ups"
    assert placeholder.get_attribute("role") == "img"
    assert browser.find_elements(By.CSS_SELECTOR, ".post-header .cover-missing")
    assert not browser.find_elements(By.CSS_SELECTOR, "img[src='/blog/not-there.webp']")
    assert_page_is_clean(browser)
    open_post(browser, prod_app.frontend_url, "writing-posts")  # whose images all exist
    assert not browser.find_elements(By.CSS_SELECTOR, ".image-missing")
    assert len(browser.find_elements(By.CSS_SELECTOR, "img.post-image")) == 2


def test_opening_another_post_never_shows_the_previous_one(prod_app, browser):
    # Every frame, note which post title the page shows at which address.
    browser.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument",
        {
            "source": """window.__seen = [];
            const look = () => {
              const h1 = document.querySelector('article.post-article h1');
              const now = location.pathname + ' ' + (h1 ? h1.textContent : '-');
              if (window.__seen[window.__seen.length - 1] !== now) window.__seen.push(now);
              requestAnimationFrame(look);
            };
            requestAnimationFrame(look);"""
        },
    )
    open_post(browser, prod_app.frontend_url, SEED_SLUG)
    browser.find_element(By.CSS_SELECTOR, ".post-footer a[href='/blog/writing-posts']").click()  # in-app navigation
    wait_for(
        lambda: browser.find_element(By.CSS_SELECTOR, "article.post-article h1").text == GUIDE_TITLE,
        message="the guide",
    )
    seen = browser.execute_script("return window.__seen")
    # The address changes a frame before React renders; after that the old post must be gone, so
    # the page shows no article until the new one has loaded (without the guard, the seed post
    # stays up under the new address for the whole load).
    assert seen[-2:] == ["/blog/writing-posts -", f"/blog/writing-posts {GUIDE_TITLE}"], seen
    assert_page_is_clean(browser)
