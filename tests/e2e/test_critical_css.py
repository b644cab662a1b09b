"""A post's first response paints with its inline critical CSS, and the full stylesheet takes over once the app runs.

Against ``reflex run --env prod`` (the ``server`` fixture), whose build step wrote the
critical CSS. The critical CSS must style the first response exactly as the full sheet
does: the same document is screenshot with only the critical CSS, then with the full
sheet turned on by hand, in light and dark, with and without JavaScript.
"""

from __future__ import annotations

import base64
import gzip
import json
import time

import lxml.html
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from blog_app.seo.critical_css import CRITICAL_CSS_FILE, DEFERRED_ATTRIBUTE
from harness.browser import (
    assert_page_is_clean,
    background_lightness,
    emulate_color_scheme,
    emulate_phone,
    new_driver,
    wait_for,
)
from tests.support.fixture_posts import SEED_SLUG, SEED_TITLE
from tests.support.pages import wait_until_react_renders

pytestmark = pytest.mark.e2e
POST = f"/blog/{SEED_SLUG}"
# Radix Themes' dark tokens for the app's root theme: a selector PurgeCSS would drop on its own.
DARK_SCOPE = ":is(.dark,.dark-theme) :where(.radix-themes:not(.light,.light-theme))"
# A component no first response shows, so only the full sheet has its rules (display: inline-flex).
FULL_SHEET_ONLY = "rt-Kbd"


def first_response_head(http) -> lxml.html.HtmlElement:
    """The head of the post page as the server first sends it."""
    response = http.get(POST)
    assert response.status_code == 200
    return lxml.html.document_fromstring(response.text).head


def test_the_first_response_inlines_a_much_smaller_critical_css_and_no_stylesheet_blocks_it(http, artifacts_dir):
    head = first_response_head(http)
    (style,) = head.xpath("style[@data-critical]")
    stylesheets = head.xpath("link[@rel='stylesheet']")
    assert stylesheets and all(link.get("media") == "print" for link in stylesheets), "a stylesheet blocks first paint"
    (full_link,) = [link for link in stylesheets if link.get(DEFERRED_ATTRIBUTE) is not None]
    assert not head.xpath(f"link[@rel='preload'][@as='style'][@href='{full_link.get('href')}']")
    assert list(head).index(style) < list(head).index(full_link)
    critical = style.text.encode()
    full = http.get(full_link.get("href")).content
    sizes = {name: (len(body), len(gzip.compress(body))) for name, body in (("critical", critical), ("full", full))}
    report = ", ".join(
        f"{name} {raw / 1024:.1f} kB ({zipped / 1024:.1f} kB gzip)" for name, (raw, zipped) in sizes.items()
    )
    (artifacts_dir.parent / "critical-css-sizes.txt").write_text(report + "\n", encoding="utf-8")
    print(report)
    assert sizes["critical"][0] * 6 < sizes["full"][0] and sizes["critical"][1] * 4 < sizes["full"][1], report
    assert (
        DARK_SCOPE in style.text and f".{FULL_SHEET_ONLY}" not in style.text and f".{FULL_SHEET_ONLY}" in full.decode()
    )


# Loaded, and every image decoded: until then Chromium may draw an image in a quicker, rougher
# filtering, which differs by a few levels from the final pixels.
PAINTED = """document.readyState === "complete"
  && [...document.images].every(image => image.complete)
  && Promise.all([...document.images].map(image => image.decode().catch(() => null))).then(() => true)"""


def wait_until_painted(driver: WebDriver) -> None:
    """Wait until the page has loaded and drawn its images at their final quality."""
    evaluate = {"expression": PAINTED, "awaitPromise": True, "returnByValue": True}
    wait_for(lambda: driver.execute_cdp_cmd("Runtime.evaluate", evaluate)["result"].get("value"), message="painted")
    time.sleep(0.5)  # one more frame after decoding, for the rasteriser


# Redrawing a scaled photo may change its pixels by a few levels (seen: at most 4 of 255); a style
# the critical CSS lacks changes colours, edges or positions by far more.
RASTER_NOISE = 16
COMPARE_IN_CANVAS = """(first, second, noise) => new Promise((done) => {
const load = (png) => new Promise((resolve) => { const image = new Image(); image.onload = () => resolve(image);
  image.src = "data:image/png;base64," + png; });
Promise.all([load(first), load(second)]).then(([a, b]) => {
  if (a.width !== b.width || a.height !== b.height) return done(-1);
  const pixels = (image) => { const canvas = document.createElement("canvas");
    canvas.width = image.width; canvas.height = image.height; const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0); return context.getImageData(0, 0, image.width, image.height).data; };
  const [x, y] = [pixels(a), pixels(b)];
  let apart = 0;
  for (let i = 0; i < x.length; i += 4) {
    if (Math.max(Math.abs(x[i] - y[i]), Math.abs(x[i + 1] - y[i + 1]), Math.abs(x[i + 2] - y[i + 2])) > noise) apart++;
  }
  done(apart);
});
})"""


def pixels_apart(first: bytes, second: bytes) -> int:
    """How many pixels of two same-sized screenshots differ by more than raster noise (-1: sizes differ)."""
    # In a browser of its own: where a page's scripts are off, its events (image onload) never fire.
    driver = new_driver()
    try:
        return _compare_in(driver, first, second)
    finally:
        driver.quit()


def _compare_in(driver: WebDriver, first: bytes, second: bytes) -> int:
    encoded = [json.dumps(base64.b64encode(png).decode("ascii")) for png in (first, second)]
    expression = f"({COMPARE_IN_CANVAS})({encoded[0]}, {encoded[1]}, {RASTER_NOISE})"
    evaluate = {"expression": expression, "awaitPromise": True, "returnByValue": True}
    return driver.execute_cdp_cmd("Runtime.evaluate", evaluate)["result"]["value"]


def screenshot(driver: WebDriver) -> bytes:
    """The viewport as PNG bytes (the same pixels give the same bytes)."""
    return base64.b64decode(driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})["data"])


def turn_on_full_stylesheet(driver: WebDriver) -> None:
    """What the app's code does, done through DevTools, so it also works in a page without JavaScript."""
    document = driver.execute_cdp_cmd("DOM.getDocument", {})["root"]["nodeId"]
    link = driver.execute_cdp_cmd("DOM.querySelector", {"nodeId": document, "selector": f"link[{DEFERRED_ATTRIBUTE}]"})
    assert link["nodeId"], "no deferred stylesheet"
    driver.execute_cdp_cmd("DOM.removeAttribute", {"nodeId": link["nodeId"], "name": "media"})


def first_paint_driver(scheme: str, javascript: bool) -> WebDriver:
    """A 375 px phone in ``scheme`` that runs the page's inline scripts (when ``javascript``) but never the app."""
    driver = new_driver(javascript=javascript)
    emulate_phone(driver)
    emulate_color_scheme(driver, scheme)
    # A phone's overlay scrollbar shows for a moment whenever the layout is recomputed.
    driver.execute_cdp_cmd("Emulation.setScrollbarsHidden", {"hidden": True})
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/assets/*.js"]})
    return driver


@pytest.mark.parametrize(("scheme", "javascript"), [("light", True), ("dark", True), ("light", False)])
def test_the_critical_css_paints_the_first_response_as_the_full_stylesheet_does(
    server, chromium, artifacts_dir, scheme, javascript
):
    driver = first_paint_driver(scheme, javascript)
    try:
        driver.get(server.url + POST)
        wait_until_painted(driver)
        if javascript:  # the theme script ran (a reader without JavaScript gets the light theme)
            assert (background_lightness(driver) > 0.5) == (scheme == "light")
        critical_only = screenshot(driver)
        turn_on_full_stylesheet(driver)
        full = screenshot(driver)
        name = f"critical-css-post-{scheme}-{'js' if javascript else 'nojs'}"
        folder = artifacts_dir
        (folder / f"{name}-critical.png").write_bytes(critical_only)
        (folder / f"{name}-full.png").write_bytes(full)
        assert pixels_apart(critical_only, full) == 0, f"the critical CSS paints differently: see {folder / name}-*.png"
    finally:
        driver.quit()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_once_the_app_runs_the_full_stylesheet_applies_without_a_console_error(server, chromium, artifacts_dir, scheme):
    driver = new_driver()
    try:
        emulate_phone(driver)
        emulate_color_scheme(driver, scheme)
        driver.get(server.url + POST)
        wait_until_react_renders(driver)  # the app starts after the page has loaded and painted
        assert driver.find_element(By.CSS_SELECTOR, "article.post-article h1").text == SEED_TITLE
        sheet = driver.execute_script(
            """const link = [...document.querySelectorAll("link[rel=stylesheet]")]
                 .find((l) => l.href.includes("__reflex_global_styles"));
               const probe = document.createElement("kbd");
               probe.className = arguments[0];
               document.body.append(probe);
               const display = getComputedStyle(probe).display;
               probe.remove();
               return {media: link.getAttribute("media"), deferred: link.hasAttribute(arguments[1]),
                       applied: [...document.styleSheets].some((s) => s === link.sheet && !s.disabled
                                                                      && s.media.mediaText === ""),
                       critical: document.querySelectorAll("style[data-critical]").length, display};""",
            FULL_SHEET_ONLY,
            DEFERRED_ATTRIBUTE,
        )
        assert sheet == {"media": None, "deferred": False, "applied": True, "critical": 1, "display": "inline-flex"}
        assert (background_lightness(driver) > 0.5) == (scheme == "light")
        (artifacts_dir / f"critical-css-post-{scheme}-app.png").write_bytes(screenshot(driver))
        assert_page_is_clean(driver)
    finally:
        driver.quit()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["/", "/frameworks/"])
def test_the_critical_css_also_paints_the_prerendered_pages_as_the_full_stylesheet_does(
    server, chromium, artifacts_dir, path, scheme
):
    # The server does not inline critical CSS into these yet: the page is switched to it in place.
    driver = first_paint_driver(scheme, javascript=True)
    try:
        driver.get(server.url + path)
        driver.set_script_timeout(15)
        driver.execute_async_script(
            """const done = arguments[arguments.length - 1];
               fetch(arguments[0]).then((r) => r.text()).then((css) => {
                 const link = [...document.querySelectorAll("link[rel=stylesheet]")]
                   .find((l) => l.href.includes("__reflex_global_styles"));
                 const style = document.createElement("style");
                 style.textContent = css;
                 link.before(style);
                 link.setAttribute("media", "print");
                 link.setAttribute(arguments[1], "");
                 requestAnimationFrame(() => requestAnimationFrame(done));
               });""",
            f"/{CRITICAL_CSS_FILE}",
            DEFERRED_ATTRIBUTE,
        )
        assert (background_lightness(driver) > 0.5) == (scheme == "light")
        critical_only = screenshot(driver)
        turn_on_full_stylesheet(driver)
        full = screenshot(driver)
        name = f"critical-css-{path.strip('/') or 'index'}-{scheme}"
        (artifacts_dir / f"{name}-critical.png").write_bytes(critical_only)
        (artifacts_dir / f"{name}-full.png").write_bytes(full)
        assert critical_only == full, f"the critical CSS paints differently: see {artifacts_dir / name}-*.png"
    finally:
        driver.quit()
