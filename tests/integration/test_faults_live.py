"""Faults under a live production site in real Chromium: the database goes away, the process restarts.

One ``reflex run --env prod`` build on one port, reaching a throwaway PostgreSQL database through
a TCP proxy the test controls (the shared server is never stopped), with Redis for state.
"""

from __future__ import annotations

import contextlib
import signal
import time

import httpx
import pytest
import sqlalchemy as sa
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from blog_app.core import content_version, outage, settings
from harness import services
from harness.app_process import app_environment
from harness.browser import (
    assert_page_is_clean,
    body_text,
    emulate_color_scheme,
    emulate_phone,
    new_driver,
    save_full_page_screenshot,
    serious_accessibility_violations,
    wait_for,
)
from tests.support.accessibility import read_axe_source
from tests.support.fixture_posts import SEED_FRAMEWORKS, SEED_SLUG, SEED_TEXT, SEED_TITLE
from tests.support.pages import card_names, facet, wait_until_react_renders
from tests.support.prod_site import ProdSite, serve_prod_site
from tests.support.tcp_proxy import TcpProxy

POST = f"/blog/{SEED_SLUG}"
LISTINGS = ("/rss.xml", "/atom.xml", "/sitemap.xml")


class Site:
    """The production site, its database proxy, and the environment it was started with."""

    def __init__(self, prod: ProdSite, proxy: TcpProxy, env: dict[str, str]):
        self.prod, self.proxy, self.env = prod, proxy, env
        self.tokens: list[str] = []

    @property
    def url(self) -> str:
        """The site's base URL."""
        return self.prod.url

    def get(self, path: str) -> httpx.Response:
        """A plain HTTP GET."""
        return httpx.get(self.url + path, timeout=30)

    def remember_tab(self, browser: WebDriver) -> str:
        """The browser tab's token (its Redis keys are deleted after the tests)."""
        token = browser.execute_script("return window.sessionStorage.getItem('token')")
        self.tokens.append(token)
        return token


@pytest.fixture(scope="module")
def site(project_copy, redis_url, chromium, tmp_path_factory) -> Site:
    """The production site on PostgreSQL (through the proxy) and Redis."""
    with services.throwaway_database("faults") as url:
        real = sa.make_url(url)
        proxy = TcpProxy(real.host or "127.0.0.1", real.port or 5432)
        proxied = real.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
        env = app_environment(DATABASE_URL=proxied, REDIS_URL=redis_url)
        try:
            with serve_prod_site(project_copy, env, tmp_path_factory.mktemp("faults-logs")) as prod:
                site = Site(prod, proxy, env)
                yield site
                services.delete_redis_keys(site.tokens)
        finally:
            proxy.close()


@pytest.fixture(autouse=True)
def database_back_afterwards(site):
    """Whatever a test does to the database's connection, the next test starts with it restored."""
    yield
    site.proxy.restore()


@contextlib.contextmanager
def chromium_tab(**options):
    """A fresh headless Chromium, closed afterwards."""
    browser = new_driver(**options)
    try:
        yield browser
    finally:
        browser.quit()


def wait_for_unavailable(browser: WebDriver) -> None:
    """The page shows the friendly outage message, and nothing went wrong on it."""
    notice = wait_for(lambda: browser.find_element(By.ID, "unavailable"), message="the unavailable message")
    assert outage.MESSAGE in notice.text and outage.TITLE in notice.text
    assert notice.get_attribute("role") == "status"
    assert notice.find_element(By.LINK_TEXT, "Try again").get_attribute("href") == browser.current_url


def assert_clean_but_for_the_503(browser: WebDriver) -> None:
    """No toast and no console error, except Chromium's note that the document itself answered 503."""
    own = f"{browser.current_url} - Failed to load resource: the server responded with a status of 503"
    logs = browser.get_log("browser")
    unexpected = [e["message"] for e in logs if e["level"] == "SEVERE" and not e["message"].startswith(own)]
    assert any(e["message"].startswith(own) for e in logs), f"expected the document's 503: {logs}"
    assert not unexpected, f"console errors: {unexpected}"
    assert_page_is_clean(browser)


def test_database_outage_shows_a_friendly_page_answers_503_and_recovers(site):
    with chromium_tab() as browser:
        browser.get(site.url + "/frameworks")
        wait_for(lambda: f"{len(SEED_FRAMEWORKS)} of {len(SEED_FRAMEWORKS)}" in body_text(browser), message="cards")
        # The server's copy of the page is on screen before the app starts; the app's first event must
        # reach the database before it goes away, or the page would report the outage on load instead.
        wait_until_react_renders(browser)
        wait_for(lambda: card_names(browser) == list(SEED_FRAMEWORKS), message="the cards rendered by React")
        site.remember_tab(browser)

        site.proxy.cut()
        assert site.get("/_health").status_code == 503
        # Within VERSION_TTL of its last read a process trusts the posts it has (serving them through
        # an outage's first second); the open page's next event after that reaches the database.
        time.sleep(content_version.VERSION_TTL)
        facet(browser, "Pros", "performance").click()
        wait_for_unavailable(browser)
        assert_page_is_clean(browser)
        # Every page is written by the backend: 503 with the message, and the shell still starts the app.
        for path in ("/", "/frameworks", POST):
            browser.get(site.url + path)
            wait_for_unavailable(browser)
            assert_clean_but_for_the_503(browser)
            assert serious_accessibility_violations(browser, read_axe_source()) == []
        for path in ("/", "/frameworks/", POST, *LISTINGS):
            answer = site.get(path)
            assert answer.status_code == 503, path
            assert answer.headers["retry-after"] == str(outage.RETRY_AFTER_SECONDS)
            assert outage.MESSAGE in answer.text
        screenshot_the_outage(browser, site)
        assert_clean_but_for_the_503(browser)  # the index, loaded once per screenshot (this reads the log)

        site.proxy.restore()
        wait_for(lambda: site.get("/_health").status_code == 200, timeout=30, message="health back to 200")
        browser.find_element(By.LINK_TEXT, "Try again").click()  # still on the index's message
        wait_for(lambda: browser.find_element(By.LINK_TEXT, SEED_TITLE), message="the index again").click()
        wait_for(lambda: SEED_TEXT in body_text(browser), message="the post after the database returned")
        assert SEED_TITLE in body_text(browser) and not browser.find_elements(By.ID, "unavailable")
        assert_page_is_clean(browser)
        assert all(site.get(path).status_code == 200 for path in (POST, *LISTINGS))


def screenshot_the_outage(browser: WebDriver, site: Site) -> None:
    """The index while the database is away: light, dark and 375 px wide (in artifacts/screenshots/)."""
    folder = settings.PROJECT_ROOT / "artifacts" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    for name, scheme, phone in (("light", "light", False), ("dark", "dark", False), ("phone", "light", True)):
        emulate_color_scheme(browser, scheme)
        if phone:
            emulate_phone(browser)
        browser.get(site.url + "/")
        wait_for_unavailable(browser)
        save_full_page_screenshot(browser, str(folder / f"outage-{name}.png"))
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def open_filters_and_pick(browser: WebDriver, site: Site) -> str:
    """On a phone: open /frameworks, open the filters panel, tick the pro "performance"; the tab's token."""
    emulate_phone(browser)
    browser.get(site.url + "/frameworks")
    wait_for(lambda: f"{len(SEED_FRAMEWORKS)} of" in body_text(browser), message="the explorer")
    wait_until_react_renders(browser)  # the server's copy of the page has no working buttons
    open_filters(browser)
    facet(browser, "Pros", "performance").click()
    wait_for(lambda: card_names(browser) == ["FastAPI"], message="the filtered cards")
    return site.remember_tab(browser)


def facets_class(browser: WebDriver) -> str:
    """The class of the filters panel (``facet-panel open`` while a phone reader has it open)."""
    return browser.find_element(By.ID, "facets").get_attribute("class")


def restart(site: Site, env: dict[str, str], sig: int) -> None:
    """Stop the serving process with ``sig`` and start it again on the same port."""
    site.prod.stop(sig)
    with pytest.raises(httpx.ConnectError):
        site.get("/_health")
    site.prod.start(env)


def wait_until_reconnected(browser: WebDriver) -> None:
    """The page has its connection back: Reflex's "Cannot connect" notice is gone, nothing is broken."""
    wait_for(lambda: "Cannot connect to server" not in body_text(browser), timeout=30, message="the reconnect")


def test_with_redis_a_reader_keeps_their_view_across_a_graceful_restart(site):
    with chromium_tab() as browser:
        token = open_filters_and_pick(browser, site)
        restart(site, site.env, signal.SIGTERM)
        wait_until_reconnected(browser)
        assert current_token(browser) == token, "the same tab, its state read back from Redis"
        assert "open" in facets_class(browser), "the panel the reader opened (state only the backend holds)"
        assert facet(browser, "Pros", "performance").get_attribute("aria-checked") == "true"
        assert_next_filter_works(browser)


def test_with_redis_a_crash_keeps_the_view_in_the_url_but_not_the_tab_state(site):
    # A killed process cannot remove its record of the tab's connection from Redis, so the new
    # process takes the reconnecting tab for a duplicate and gives it a new token (fresh state):
    # what lives in the URL stays, the open filters panel does not.
    with chromium_tab() as browser:
        token = open_filters_and_pick(browser, site)
        restart(site, site.env, signal.SIGKILL)
        wait_until_reconnected(browser)
        wait_for(lambda: current_token(browser) != token, message="the new token")
        site.remember_tab(browser)
        wait_for(lambda: card_names(browser) == ["FastAPI"], message="the filter from the URL, applied again")
        assert "pro=performance" in browser.current_url and "open" not in facets_class(browser)
        open_filters(browser)
        assert_next_filter_works(browser)


def current_token(browser: WebDriver) -> str:
    """The tab's token, as Reflex keeps it in session storage."""
    return browser.execute_script("return window.sessionStorage.getItem('token')")


def open_filters(browser: WebDriver) -> None:
    """Open the filters panel (phone width) and wait until it is open: the click is a round trip to the server."""
    browser.find_element(By.CSS_SELECTOR, ".filters-toggle").click()
    wait_for(lambda: "open" in facets_class(browser), message="the filters panel to open")


def assert_next_filter_works(browser: WebDriver) -> None:
    """Refusing the con "frontend" on top of the pro leaves no framework; the panel stays open."""
    facet(browser, "Cons", "frontend").click()
    wait_for(lambda: browser.find_element(By.ID, "empty-state"), message="the next filter works")
    assert "con=frontend" in browser.current_url and "open" in facets_class(browser)
    assert_clean_but_for_the_restart(browser)


def assert_clean_but_for_the_restart(browser: WebDriver) -> None:
    """No toast and no console error, except the failed websocket attempts while the process restarted."""
    severe = [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    unexpected = [m for m in severe if not ("WebSocket connection to" in m and "/_event/" in m and "failed" in m)]
    assert not unexpected, f"console errors: {unexpected}"
    assert_page_is_clean(browser)  # the log is read; this checks toasts and the page's text


def test_without_redis_the_page_reconnects_and_starts_afresh(site):
    # Reflex keeps state in process memory: a restart loses it. The page reconnects by itself
    # and shows what its URL says; the open filters panel is gone, and the explorer works on.
    env = {key: value for key, value in site.env.items() if key != "REDIS_URL"}
    restart(site, env, signal.SIGTERM)  # the same site, now without Redis
    try:
        with chromium_tab() as browser:
            open_filters_and_pick(browser, site)
            restart(site, env, signal.SIGKILL)
            wait_until_reconnected(browser)
            wait_for(lambda: "open" not in facets_class(browser), message="the fresh state")
            wait_for(lambda: card_names(browser) == ["FastAPI"], message="the filter from the URL, applied again")
            assert "pro=performance" in browser.current_url
            open_filters(browser)
            assert_next_filter_works(browser)
    finally:
        restart(site, site.env, signal.SIGTERM)  # back to the site the other tests expect
