"""Accessibility (axe-core in real Chromium) and screenshots of every page in light, dark and phone width."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from harness.browser import (
    assert_page_is_clean,
    background_lightness,
    emulate_color_scheme,
    emulate_phone,
    new_driver,
    save_full_page_screenshot,
    serious_accessibility_violations,
    wait_for,
)

pytestmark = pytest.mark.e2e
PAGES = {
    "index": ("/", "article.post-card h2"),
    "post": ("/blog/top-python-web-frameworks-2024", "article.post-article h1"),
    "guide": ("/blog/writing-posts", "article.post-article h1"),
    "search": ("/?q=djnago+apps", "article.search-result mark"),
    "related": ("/blog/archive-note-05", ".related-posts li"),
    "post-not-found": ("/blog/no-such-post", "main h1"),
    "404": ("/no/such/page", "main h1"),
}
VARIANTS = {"light": ("light", None), "dark": ("dark", None), "phone": ("light", 375), "phone-dark": ("dark", 375)}


def load(driver, base_url: str, page: str) -> None:
    path, ready = PAGES[page]
    driver.get(base_url.rstrip("/") + path)
    wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, ready), message=f"{page} to render")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", ["index", "post", "search", "related", "post-not-found", "404"])
def test_no_serious_or_critical_accessibility_violation(prod_app, browser, axe_source, page, scheme):
    emulate_color_scheme(browser, scheme)
    load(browser, prod_app.frontend_url, page)
    serious = serious_accessibility_violations(browser, axe_source)
    assert not serious, "\n".join(serious)


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_pages_render_cleanly_and_screenshots_are_saved(prod_app, artifacts_dir, variant):
    scheme, phone_width = VARIANTS[variant]
    driver = new_driver(width=1440, height=900)
    try:
        if phone_width:
            emulate_phone(driver, phone_width)
        emulate_color_scheme(driver, scheme)
        for page in PAGES:
            load(driver, prod_app.frontend_url, page)
            driver.execute_script("return document.fonts.ready")
            width = driver.execute_script("return document.documentElement.scrollWidth")
            viewport = driver.execute_script("return window.innerWidth")
            assert width <= viewport, f"{page} scrolls sideways at {viewport}px ({width}px wide)"
            assert (background_lightness(driver) < 0.2) == (scheme == "dark"), f"{page} is not in {scheme} mode"
            save_full_page_screenshot(driver, str(artifacts_dir / f"{page}-{variant}.png"))
            assert_page_is_clean(driver, not_found=page == "404")
    finally:
        driver.quit()
