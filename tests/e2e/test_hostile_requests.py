"""Hostile requests against a real production server (``reflex run --env prod``, the SEO tests' server).

Paths that try to climb out of the content and asset folders, NUL bytes, 10 kB slugs, unicode,
and index / explorer / post URLs whose parameters carry script or absurd values: never a 5xx,
never the payload written back unescaped, never a file from outside the assets read; and the
security headers on every kind of response. Two of the URLs also run in real Chromium.
"""

from __future__ import annotations

import http.client
import json
import urllib.parse

import lxml.html
import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By

from blog_app.core.security_headers import SECURITY_HEADERS
from blog_app.html_first.slot import SEED_ID
from harness.browser import assert_page_is_clean, new_driver, wait_for
from harness.reflex_client import Tab, new_token
from tests.support.e2e_site import HOSTILE_SLUGS
from tests.support.fixture_posts import SEED_SLUG
from tests.support.html_safety import active_content
from tests.support.pages import app_scripts, card_titles, open_index, wait_until_react_renders

pytestmark = pytest.mark.e2e
# Each sets window.pwned if a page ever runs it.
SCRIPT = "<script>window.pwned=1</script>"
HANDLER = '"><img src=x onerror="window.pwned=1">'
JS_URL = "javascript:window.pwned=1"
PAYLOADS = (SCRIPT, HANDLER, JS_URL)
# Text that only the files outside the served folders contain.
OUTSIDE_FILES = ('name = "blog-app"', "root:x:0:0", "[tool.ruff]")
CLIMBING_PATHS = [
    "/blog/..%2f..%2fpyproject.toml",
    "/blog/..%2F..%2F..%2Fpyproject.toml",
    "/blog/%2e%2e/%2e%2e/pyproject.toml",
    "/blog/../../pyproject.toml",
    "/..%2F..%2Fetc%2Fpasswd",
    "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/..%5c..%5cpyproject.toml",
    "/blog/..%252f..%252fpyproject.toml",
    "/assets/../../pyproject.toml",
    "/blog/ag-grid.webp/..%2f..%2f..%2fpyproject.toml",
]
ODD_SLUGS = [
    "/blog/%00",
    "/blog/x%00.md",
    "/blog/" + "a" * 10240,
    "/blog/" + urllib.parse.quote("café-日本語-💥"),
    "/blog/%ff%fe",
    "/blog/" + urllib.parse.quote(SCRIPT, safe=""),
    "/blog/" + urllib.parse.quote(HANDLER, safe=""),
]
PAGES = ["/", "/frameworks/", f"/blog/{SEED_SLUG}"]
ABSURD_QUERIES = [
    {"q": SCRIPT},
    {"q": HANDLER, "tag": JS_URL},
    {"page": "-1"},
    {"page": "99999999999999999999"},
    {"page": "1e309", "tag": "%00"},
    {"tag": "t" * 10240},
    {"q": "\x00\u202e\ufeff💥"},
]
REPEATED_PRO = "&".join(["pro=x"] * 500)


def raw_get(server, path: str) -> tuple[int, dict[str, str], str]:
    """GET ``path`` exactly as written (no client-side normalisation of ``..`` or escapes)."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read().decode("utf-8", errors="replace")
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body
    finally:
        connection.close()


def assert_answered_safely(server, path: str) -> str:
    """Not a server error, no file from outside, no payload reflected as markup; the body."""
    status, _, body = raw_get(server, path)
    assert status < 500, f"{path[:120]}: {status}"
    for secret in OUTSIDE_FILES:
        assert secret not in body, f"{path[:120]} served a file from outside the site"
    for payload in PAYLOADS:
        assert payload not in body, f"{path[:120]} reflected {payload!r} unescaped"
    return body


@pytest.mark.parametrize("path", CLIMBING_PATHS)
def test_paths_that_climb_out_get_no_file(server, path):
    body = assert_answered_safely(server, path)
    status, headers, _ = raw_get(server, path)
    # Not found, or the client shell that shows the not-found page (the frontend's fallback).
    assert status in (404, 400) or headers["content-type"].startswith("text/html"), (path, status)
    assert status == 404 or "<html" in body.lower()


@pytest.mark.parametrize("path", ODD_SLUGS, ids=lambda path: path[:40])
def test_odd_slugs_answer_without_error(server, path):
    assert_answered_safely(server, path)


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("params", ABSURD_QUERIES, ids=lambda params: ",".join(params))
def test_absurd_parameters_are_never_reflected_or_fatal(server, page, params):
    assert_answered_safely(server, f"{page}?{urllib.parse.urlencode(params)}")


@pytest.mark.parametrize("page", PAGES)
def test_a_parameter_repeated_500_times_is_harmless(server, page):
    assert_answered_safely(server, f"{page}?{REPEATED_PRO}&con={urllib.parse.quote(SCRIPT)}")


def without_shell_scripts(document: lxml.html.HtmlElement, shell_scripts: set[str]) -> str:
    """The page's HTML without the client shell's own scripts (which every page carries) and the page's state data."""
    for script in list(document.iter("script")):
        if lxml.html.tostring(script, encoding="unicode") in shell_scripts:
            script.drop_tree()
    # The state the page was written from: a data block, never run, whose text stays whole JSON.
    [state] = document.xpath(f"//script[@id='{SEED_ID}']")
    assert state.get("type") == "application/json"
    json.loads(state.text)
    state.drop_tree()
    return lxml.html.tostring(document, encoding="unicode")


@pytest.mark.parametrize("slug", HOSTILE_SLUGS)
def test_hostile_posts_are_served_inert(server, slug):
    seed = lxml.html.document_fromstring(raw_get(server, f"/blog/{SEED_SLUG}")[2])
    shell_scripts = {
        lxml.html.tostring(script, encoding="unicode")
        for script in seed.iter("script")
        if script.get("type") != "application/ld+json"
    }
    document = lxml.html.document_fromstring(assert_answered_safely(server, f"/blog/{slug}"))
    assert not active_content(without_shell_scripts(document, shell_scripts), allow_json_ld=True)
    assert document.get_element_by_id("first-response").find(".//article") is not None


def test_the_event_channel_survives_hostile_page_parameters(server):
    for path, params in [
        ("/", {"q": SCRIPT, "page": "99999999999999999999", "tag": "t" * 10240}),
        ("/frameworks", {"pro": "x" * 10240, "q": HANDLER}),
    ]:
        with Tab(server.url, new_token()) as tab:
            tab.open(path, params)
            tab.wait_until_hydrated()
    assert "Traceback" not in server.log()


EVERY_KIND = [
    "/",
    "/frameworks/",
    f"/blog/{SEED_SLUG}",
    "/blog/no-such-post",
    "/no/such/page",
    "/rss.xml",
    "/sitemap.xml",
    "/robots.txt",
    "/blog/ag-grid.webp",
    "/favicon.ico",
    "/_health",
    "/ping",
    "/blog/..%2f..%2fpyproject.toml",
]


@pytest.mark.parametrize("path", EVERY_KIND)
def test_every_response_carries_the_security_headers(server, path):
    status, headers, _ = raw_get(server, path)
    assert status < 500
    for name, value in SECURITY_HEADERS:
        assert headers.get(name.decode()) == value.decode(), f"{path}: {name.decode()}"
    policy = headers["content-security-policy"]
    for directive in ("default-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'self'"):
        assert directive in policy.split("; "), f"{path}: {directive} missing from {policy}"


def test_the_frontend_scripts_carry_the_security_headers(server):
    _, _, body = raw_get(server, "/")
    scripts = app_scripts(body)
    assert scripts, "the index loads no script file of its own"
    status, headers, _ = raw_get(server, scripts[0])
    assert status == 200
    assert headers["x-content-type-options"] == "nosniff" and headers["content-type"].startswith("text/javascript")


def alert_shown(driver) -> bool:
    try:
        driver.switch_to.alert  # noqa: B018 (the lookup itself raises when there is none)
    except NoAlertPresentException:
        return False
    return True


@pytest.mark.parametrize(
    ("path", "ready"),
    [
        (
            f"/?q={urllib.parse.quote(HANDLER)}&page=99999999999999999999&{REPEATED_PRO}",
            "article.post-card, .empty-state",
        ),
        (f"/frameworks/?{REPEATED_PRO}&q={urllib.parse.quote(SCRIPT)}&con={urllib.parse.quote(JS_URL)}", "main"),
        ("/blog/script-html", "article.post-article h1"),
        ("/blog/html-in-front-matter", "article.post-article h1"),
    ],
)
def test_hostile_urls_in_a_real_browser_run_no_script(server, chromium, path, ready):
    driver = new_driver()
    try:
        driver.get(server.url + path)
        wait_until_react_renders(driver)
        wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, ready), message=f"{path[:60]} to render")
        wait_for(lambda: driver.execute_script("return document.readyState") == "complete", message="the page")
        assert not alert_shown(driver)
        assert driver.execute_script("return window.pwned") is None
        assert_page_is_clean(driver)
    finally:
        driver.quit()


def test_the_browser_checks_do_see_a_script_that_runs(chromium):
    # Without this, a page whose script ran unnoticed would pass the two tests around it.
    driver = new_driver()
    try:
        driver.get("data:text/html,<img src=x onerror='window.pwned=1'><script>alert(1)</script>")
        assert alert_shown(driver)
        driver.switch_to.alert.dismiss()
        wait_for(lambda: driver.execute_script("return window.pwned") == 1, message="the handler to run")
    finally:
        driver.quit()


def test_the_hostile_title_is_shown_as_text_in_the_browser(server, chromium):
    driver = new_driver()
    try:
        open_index(driver, server.url, "?q=markup")
        assert '<script>alert("title")</script>Markup in the title' in card_titles(driver)
        driver.get(f"{server.url}/blog/html-in-front-matter")
        wait_until_react_renders(driver)
        heading = wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "article.post-article h1"), message="post")
        assert heading[0].text == '<script>alert("title")</script>Markup in the title'
        assert not alert_shown(driver)
        assert_page_is_clean(driver)
    finally:
        driver.quit()
