"""The Content-Security-Policy against a real production server (``reflex run --env prod``) and real Chromium.

Every kind of page, read and used the way a reader does (filters, zoom, contents links, a
heading's address opened directly), runs without a single violation; and a script injected
into a served page, or an inline event handler, is refused. The HTTP tests check the header
against the HTML actually served: every script the page carries inline is allowed by its hash.
"""

from __future__ import annotations

import base64
import hashlib

import lxml.html
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from harness.browser import assert_page_is_clean, body_text, csp_violations, new_driver, wait_for
from tests.support.fixture_posts import SEED_SLUG
from tests.support.pages import card_names, facet, wait_until_react_renders

pytestmark = pytest.mark.e2e
DASH_ANCHOR = "dash-data-apps-dashboards-for-python"
# Each page, and what shows once it has rendered with its data (the websocket works).
PAGES = {
    "/": "article.post-card h2",
    "/?q=python&tag=python": "article.post-card h2, .empty-state",
    "/frameworks/": "#results article h2",
    "/frameworks/?compare=reflex,django": "#results article h2",
    f"/blog/{SEED_SLUG}": "article.post-article h1",
    "/blog/script-html": "article.post-article h1",
    "/blog/no-such-post": ".not-found-code",
    "/no/such/page": ".not-found-code",
}
NOT_FOUND = {"/blog/no-such-post", "/no/such/page"}
# Injected the way an attacker's markup would arrive: an inline script and an inline handler.
INJECT = """
const script = document.createElement("script");
script.textContent = "window.injected = 'inline script ran'";
document.body.append(script);
const image = document.createElement("img");
image.setAttribute("onerror", "window.injected = 'inline handler ran'");
image.src = "/no-such-image.png";
document.body.append(image);
"""


def policy(http, path: str) -> tuple[dict[str, list[str]], str]:
    """The page's Content-Security-Policy as directive -> sources, and its HTML."""
    response = http.get(path)
    assert response.status_code in (200, 404), path
    directives = {}
    for directive in response.headers["content-security-policy"].split(";"):
        name, *sources = directive.split()
        directives[name] = sources
    return directives, response.text


def inline_scripts(html: str) -> list[str]:
    """The text of each inline script a browser would run (data blocks such as JSON-LD are not run)."""
    document = lxml.html.document_fromstring(html)
    return [
        script.text or ""
        for script in document.iter("script")
        if script.get("src") is None and script.get("type", "") in ("", "module", "text/javascript")
    ]


def sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@pytest.mark.parametrize("path", list(PAGES))
def test_the_policy_allows_exactly_the_served_inline_scripts_and_nothing_inline_else(http, path):
    directives, html = policy(http, path)
    scripts = directives["script-src"]
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts and "*" not in scripts
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'self'"]
    served = inline_scripts(html)
    assert served, f"{path}: the build's pages carry inline scripts; none found"
    missing = [text[:80] for text in served if sha256_source(text) not in scripts]
    assert not missing, f"{path}: inline scripts without their hash in the policy: {missing}"


def open_page(driver, url: str, ready: str) -> None:
    driver.get(url)
    wait_until_react_renders(driver)
    wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, ready), message=f"{url} to render")
    wait_for(lambda: driver.execute_script("return document.readyState") == "complete", message="the page")
    # The server writes the page first (blog_app/html_first); React's own page replaces it, and only that one reacts.
    wait_for(lambda: not driver.find_elements(By.ID, "first-response"), message="the page rendered by React")


def test_every_page_runs_without_a_violation(server, chromium):
    driver = new_driver()
    try:
        for path, ready in PAGES.items():
            open_page(driver, server.url + path, ready)
            assert csp_violations(driver) == [], path
            assert_page_is_clean(driver, not_found=path in NOT_FOUND)
    finally:
        driver.quit()


def test_reading_and_filtering_run_without_a_violation(server, chromium):
    driver = new_driver()
    try:
        open_page(driver, f"{server.url}/frameworks/", "#results article h2")
        facet(driver, "Pros", "performance").click()
        wait_for(lambda: card_names(driver) == ["FastAPI"], message="the filtered explorer")
        assert_page_is_clean(driver)

        open_page(driver, f"{server.url}/blog/{SEED_SLUG}", "article.post-article h1")
        chart = driver.find_element(By.CSS_SELECTOR, "img[src='/blog/github-python_top_language_2024.webp']")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", chart)
        wait_for(lambda: driver.execute_script("return arguments[0].naturalWidth > 0", chart), message="the chart")
        chart.click()
        wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "dialog[open] img"), message="the zoom dialog")
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
        wait_for(lambda: not driver.find_elements(By.CSS_SELECTOR, "dialog[open]"), message="the zoom to close")
        driver.find_element(By.CSS_SELECTOR, f".toc-sidebar a[href='#{DASH_ANCHOR}']").click()
        wait_for(lambda: driver.current_url.endswith(f"#{DASH_ANCHOR}"), message="the anchor in the address")
        driver.find_element(By.LINK_TEXT, "Back to all posts").click()
        wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "article.post-card h2"), message="the index")
        assert_page_is_clean(driver)
    finally:
        driver.quit()


def test_a_heading_address_opened_directly_scrolls_to_the_heading(server, chromium):
    # The post arrives over the websocket after the page renders; the page's own code (no eval) then scrolls.
    driver = new_driver()
    try:
        driver.get(f"{server.url}/blog/{SEED_SLUG}#{DASH_ANCHOR}")
        wait_for(
            lambda: (
                0
                <= driver.execute_script(
                    f"const h = document.getElementById('{DASH_ANCHOR}'); return h ? h.getBoundingClientRect().top : -1"
                )
                < 200
            ),
            message="the Dash section at the top of the window",
        )
        assert driver.execute_script("return window.scrollY") > 1000
        assert "Dash" in body_text(driver)
        assert_page_is_clean(driver)
    finally:
        driver.quit()


def test_an_injected_script_and_an_inline_handler_are_refused(server, chromium):
    driver = new_driver()
    try:
        open_page(driver, server.url + "/", "article.post-card h2")
        assert csp_violations(driver) == []
        driver.execute_script(INJECT)
        wait_for(lambda: len(csp_violations(driver)) >= 2, message="two refusals")
        refused = csp_violations(driver)
        assert {line.split()[0] for line in refused} == {"script-src-elem", "script-src-attr"}, refused
        assert driver.execute_script("return window.injected") is None
    finally:
        driver.quit()


def test_the_same_injection_runs_where_no_policy_forbids_it(chromium):
    # Without this, a page that never ran injected code for another reason would pass the test above.
    driver = new_driver()
    try:
        driver.get("data:text/html,<title>no policy</title><body></body>")
        driver.execute_script(INJECT)
        wait_for(lambda: driver.execute_script("return window.injected"), message="the injected code to run")
        assert csp_violations(driver) == []
    finally:
        driver.quit()
