"""Headless Chromium for end-to-end tests, and the checks every page must pass."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from typing import TypeVar

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

T = TypeVar("T")
# Without the background-networking flags Chromium keeps dialling out and the closed network refuses it.
CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-features=Translate,MediaRouter",
)
ERROR_TEXTS = ("An error occurred", "Cannot connect to server")
# Installed before any script of every document: what the Content-Security-Policy refused there.
RECORD_CSP_VIOLATIONS = """window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => window.__cspViolations.push(
  `${event.effectiveDirective} refused ${event.blockedURI || "inline code"} at ${event.sourceFile}:${event.lineNumber}`));"""


def chromium_paths() -> tuple[str | None, str | None]:
    """The Chromium binary and its driver (``CHROMIUM`` / ``CHROMEDRIVER`` override PATH)."""
    binary = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    driver = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver")
    return binary, driver


def new_driver(width: int = 1280, height: int = 900, dark: bool = False, javascript: bool = True) -> WebDriver:
    """A fresh headless Chromium that records console messages (``javascript=False``: a reader without it)."""
    binary, driver = chromium_paths()
    options = webdriver.ChromeOptions()
    options.binary_location = binary or ""
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--window-size={width},{height}")
    if dark:
        options.add_argument("--force-dark-mode")
        options.add_argument("--blink-settings=preferredColorScheme=0")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    browser = webdriver.Chrome(service=Service(driver), options=options)
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_CSP_VIOLATIONS})
    return browser


def csp_violations(driver: WebDriver) -> list[str]:
    """What the page's Content-Security-Policy refused since the document loaded, one line each."""
    return driver.execute_script("return window.__cspViolations || []")


def wait_for(condition: Callable[[], T], timeout: float = 15.0, message: str = "condition") -> T:
    """Poll ``condition`` until it returns something truthy (and return it)."""
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        try:
            result = condition()
            if result:
                return result
        except Exception as error:  # the page may be mid-render
            last_error = error
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {message}" + (f" (last error: {last_error})" if last_error else ""))


def body_text(driver: WebDriver) -> str:
    """The visible text of the page."""
    return driver.find_element(By.TAG_NAME, "body").text


def assert_page_is_clean(driver: WebDriver, not_found: bool = False) -> None:
    """No error toast, no error boundary, no refused script or style, no console error on the page so far.

    Args:
        driver: The browser.
        not_found: The page is a 404 page, so Chromium's note that the document itself
            answered 404 is expected (and required).
    """
    toasts = driver.find_elements(By.CSS_SELECTOR, "[data-sonner-toast][data-type='error']")
    assert not toasts, f"error toast shown: {[t.text for t in toasts]}"
    text = body_text(driver)
    for error_text in ERROR_TEXTS:
        assert error_text not in text, f"page shows {error_text!r}"
    violations = csp_violations(driver)
    assert not violations, f"Content-Security-Policy violations: {violations}"
    errors = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    if not_found:
        own_404 = f"{driver.current_url} - Failed to load resource: the server responded with a status of 404"
        assert any(e.startswith(own_404) for e in errors), f"expected a 404 status for {driver.current_url}: {errors}"
        errors = [e for e in errors if not e.startswith(own_404)]
    assert not errors, f"console errors: {errors}"


def emulate_color_scheme(driver: WebDriver, scheme: str) -> None:
    """Make the page see ``prefers-color-scheme: light|dark`` (the site follows the system by default)."""
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]}
    )


def save_full_page_screenshot(driver: WebDriver, path: str) -> None:
    """A PNG of the whole page, not only the viewport."""
    import base64

    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics["cssContentSize"]
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1},
        },
    )
    with open(path, "wb") as handle:
        handle.write(base64.b64decode(shot["data"]))


def emulate_phone(driver: WebDriver, width: int = 375, height: int = 812) -> None:
    """Render as a phone of ``width`` CSS pixels (a desktop window cannot be narrower than 500 px)."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True}
    )


def serious_accessibility_violations(driver: WebDriver, axe_source: str) -> list[str]:
    """Run axe-core on the page; the serious and critical violations, one line each."""
    driver.execute_script(axe_source)
    violations = driver.execute_async_script(
        """const done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ['violations']})
          .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))
          .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));"""
    )
    return [
        f"{v['impact']} {v['id']}: {v['help']} at {v['nodes']}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]


def background_lightness(driver: WebDriver) -> float:
    """0 (black) to 1 (white): the lightness of the page background the theme paints."""
    return driver.execute_script(
        """const [r, g, b] = getComputedStyle(document.querySelector('.radix-themes')).backgroundColor
             .match(/\\d+/g).map(Number);
           return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;"""
    )
