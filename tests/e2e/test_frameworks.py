"""The frameworks explorer in real Chromium against the production build: filter, compare, URL state."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from harness.browser import (
    assert_page_is_clean,
    background_lightness,
    body_text,
    emulate_color_scheme,
    emulate_phone,
    new_driver,
    save_full_page_screenshot,
    serious_accessibility_violations,
    wait_for,
)
from tests.support.fixture_posts import SEED_FRAMEWORKS
from tests.support.pages import card_names, facet, wait_until_react_renders

pytestmark = pytest.mark.e2e
ALL = list(SEED_FRAMEWORKS)
VIEWS = {
    "default": "",
    "filtered": "?pro=performance",
    "empty": "?pro=performance&con=frontend",
    "compare": "?compare=reflex,django,fastapi",
}
VARIANTS = {"light": ("light", None), "dark": ("dark", None), "phone": ("light", 375), "phone-dark": ("dark", 375)}


def open_explorer(browser, prod_app, query: str = "") -> None:
    browser.get(prod_app.frontend_url.rstrip("/") + "/frameworks" + query)
    wait_for(lambda: "frameworks fit" in body_text(browser), message="the explorer")
    wait_until_react_renders(browser)  # the server's copy of the page has no working buttons


def wait_for_cards(browser, expected: list[str]) -> None:
    try:
        wait_for(lambda: card_names(browser) == expected, message=f"cards {expected}")
    except AssertionError as error:
        raise AssertionError(f"{error}; showing {card_names(browser)} at {browser.current_url}") from None


def url_query(browser) -> dict[str, list[str]]:
    return parse_qs(urlsplit(browser.current_url).query)


def compare_toggle(browser, slug: str):
    return browser.find_element(By.CSS_SELECTOR, f"article[data-framework='{slug}'] label [role='checkbox']")


def mark_page(browser) -> None:
    """A marker a full page load would wipe out."""
    browser.execute_script("window.__explorerMarker = 'still here'")


def assert_no_full_reload(browser) -> None:
    assert browser.execute_script("return window.__explorerMarker") == "still here"


def test_filter_to_nothing_reload_back_forward_and_clear(prod_app, browser):
    open_explorer(browser, prod_app)
    wait_for_cards(browser, ALL)
    assert "7 of 7 frameworks fit" in body_text(browser)
    mark_page(browser)

    facet(browser, "Pros", "performance").click()
    wait_for_cards(browser, ["FastAPI"])
    assert url_query(browser) == {"pro": ["performance"]}
    assert facet(browser, "Pros", "performance").get_attribute("aria-checked") == "true"
    selected = browser.find_elements(By.CSS_SELECTOR, "article[data-framework='fastapi'] [data-selected='true']")
    assert [badge.get_attribute("textContent") for badge in selected] == ["Performance (selected)"]

    facet(browser, "Cons", "frontend").click()
    empty = wait_for(lambda: browser.find_element(By.ID, "empty-state"), message="the empty state")
    assert card_names(browser) == []
    assert "No framework fits all of that" in empty.text
    assert url_query(browser) == {"pro": ["performance"], "con": ["frontend"]}
    assert_no_full_reload(browser)
    assert_page_is_clean(browser)

    browser.refresh()
    wait_for(lambda: browser.find_element(By.ID, "empty-state"), message="the empty state after reload")
    assert facet(browser, "Pros", "performance").get_attribute("aria-checked") == "true"
    assert facet(browser, "Cons", "frontend").get_attribute("aria-checked") == "true"
    assert "Has: Performance" in body_text(browser) and "Avoids: Frontend" in body_text(browser)
    assert "0 of 7 frameworks fit" in body_text(browser)

    browser.back()
    wait_for_cards(browser, ["FastAPI"])
    assert url_query(browser) == {"pro": ["performance"]}
    browser.forward()
    wait_for(lambda: browser.find_elements(By.ID, "empty-state"), message="the empty state after forward")

    mark_page(browser)
    browser.find_element(By.XPATH, "//*[@id='empty-state']//button[contains(., 'Clear all filters')]").click()
    wait_for_cards(browser, ALL)
    assert url_query(browser) == {}
    assert_no_full_reload(browser)
    assert_page_is_clean(browser)


def test_compare_reflex_and_django_side_by_side(prod_app, browser):
    open_explorer(browser, prod_app)
    wait_for_cards(browser, ALL)
    compare_toggle(browser, "reflex").click()
    wait_for(lambda: "Pick one more" in body_text(browser), message="the compare bar")
    compare_toggle(browser, "django").click()
    table = wait_for(lambda: browser.find_element(By.CSS_SELECTOR, "#compare table"), message="the comparison")
    headers = [cell.text.strip() for cell in table.find_elements(By.CSS_SELECTOR, "thead th")]
    assert headers == ["Trait", "Reflex", "Django"]
    assert url_query(browser) == {"compare": ["reflex,django"]}

    rows = {
        row.find_element(By.CSS_SELECTOR, "th").text: [
            cell.get_attribute("textContent") for cell in row.find_elements(By.CSS_SELECTOR, "td")
        ]
        for row in table.find_elements(By.CSS_SELECTOR, "tbody tr")
    }
    assert len(rows) == 5 + 2 + 4 + 3  # every trait of either framework
    assert rows["Pure Python"] == ["Pro: Reflex enables you to build both your frontend and backend in Python.", "—"]
    assert rows["Monolithic"] == [
        "—",
        "Con: Django is a monolithic framework, which can make it difficult to scale large web apps.",
    ]
    assert_page_is_clean(browser)

    browser.refresh()
    wait_for(lambda: browser.find_element(By.CSS_SELECTOR, "#compare table"), message="the comparison after reload")
    assert compare_toggle(browser, "reflex").get_attribute("aria-checked") == "true"
    assert_page_is_clean(browser)


def test_search_focus_and_garbage_in_the_url(prod_app, browser):
    open_explorer(browser, prod_app, "?pro=nope&con=%ZZ,frontend&compare=a,b,c&utm_source=x&q=%00")
    wait_for_cards(browser, ["Reflex", "Flask", "Streamlit", "Gradio", "Dash"])
    assert "Avoids: Frontend" in body_text(browser)
    assert_page_is_clean(browser)

    search = browser.find_element(By.CSS_SELECTOR, "input[type='search']")
    search.send_keys("jinja")
    wait_for_cards(browser, ["Flask"])
    assert url_query(browser) == {"con": ["frontend"], "q": ["jinja"]}
    search.send_keys(Keys.CONTROL, "a")
    search.send_keys(Keys.BACKSPACE)
    wait_for_cards(browser, ["Reflex", "Flask", "Streamlit", "Gradio", "Dash"])


def test_post_heading_opens_the_explorer_focused_on_its_framework(prod_app, browser):
    browser.get(prod_app.frontend_url.rstrip("/") + "/blog/top-python-web-frameworks-2024")
    wait_until_react_renders(browser)  # the server's links reload the page; the app's navigate in place
    links = wait_for(
        lambda: browser.find_elements(By.CSS_SELECTOR, "a.explorer-link"), message="the explorer links under headings"
    )
    assert [link.text for link in links] == [f"Compare {name} in the frameworks explorer" for name in ALL]
    django = links[ALL.index("Django")]
    heading = django.find_element(By.XPATH, "preceding-sibling::h2[1]")
    assert heading.get_attribute("id") == "django-the-web-framework-for-perfectionists-with-deadlines"
    assert_page_is_clean(browser)

    mark_page(browser)
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", django)
    django.click()
    wait_for(lambda: card_names(browser)[:1] == ["Django"], message="the focused framework first")
    assert url_query(browser) == {"focus": ["django"]}
    assert_no_full_reload(browser)
    assert "focused" in browser.find_element(By.ID, "framework-django").get_attribute("class")
    anchor = "django-the-web-framework-for-perfectionists-with-deadlines"
    link = browser.find_element(By.CSS_SELECTOR, "#framework-django a[href*='/blog/']")
    assert link.get_attribute("href").endswith(f"/blog/top-python-web-frameworks-2024#{anchor}")
    assert_page_is_clean(browser)

    link.click()  # back to the post, at the framework's section
    wait_for(
        lambda: (
            0 <= browser.execute_script(f"return document.getElementById('{anchor}').getBoundingClientRect().top") < 300
        ),
        message="the Django section scrolled into view",
    )
    assert_page_is_clean(browser)


def test_keyboard_alone_filters_and_compares(prod_app, browser):
    open_explorer(browser, prod_app)
    wait_for_cards(browser, ALL)
    checkbox = facet(browser, "Pros", "performance")
    browser.execute_script("arguments[0].focus()", checkbox)
    checkbox.send_keys(Keys.SPACE)
    wait_for_cards(browser, ["FastAPI"])
    focused = browser.switch_to.active_element
    assert focused.get_attribute("role") == "checkbox" and focused.get_attribute("aria-checked") == "true"
    focused.send_keys(Keys.TAB)  # the next facet value, in reading order
    assert browser.switch_to.active_element.get_attribute("role") == "checkbox"

    remove = browser.find_element(By.CSS_SELECTOR, "button[aria-label='Remove Has: Performance']")
    remove.send_keys(Keys.ENTER)
    wait_for_cards(browser, ALL)
    assert_page_is_clean(browser)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violation_in_any_view(prod_app, browser, axe_source, scheme):
    emulate_color_scheme(browser, scheme)
    for view, query in VIEWS.items():
        open_explorer(browser, prod_app, query)
        wait_for(lambda: card_names(browser) or browser.find_elements(By.ID, "empty-state"), message=view)
        serious = serious_accessibility_violations(browser, axe_source)
        assert not serious, f"{view}: " + "\n".join(serious)


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_views_render_cleanly_and_screenshots_are_saved(prod_app, artifacts_dir, variant):
    scheme, phone_width = VARIANTS[variant]
    driver = new_driver(width=1440, height=900)
    try:
        if phone_width:
            emulate_phone(driver, phone_width)
        emulate_color_scheme(driver, scheme)
        for view, query in VIEWS.items():
            open_explorer(driver, prod_app, query)
            wait_for(lambda: card_names(driver) or driver.find_elements(By.ID, "empty-state"), message=view)
            width = driver.execute_script("return document.documentElement.scrollWidth")
            viewport = driver.execute_script("return window.innerWidth")
            assert width <= viewport, f"{view} scrolls sideways at {viewport}px ({width}px wide)"
            assert (background_lightness(driver) < 0.2) == (scheme == "dark"), f"{view} is not in {scheme} mode"
            save_full_page_screenshot(driver, str(artifacts_dir / f"frameworks-{view}-{variant}.png"))
            assert_page_is_clean(driver)
    finally:
        driver.quit()
