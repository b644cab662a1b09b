"""Helpers that read the blog's pages the way a reader sees them."""

from __future__ import annotations

import re

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from blog_app.html_first.slot import SLOT_ID
from harness.browser import wait_for

CARD_TITLES = "article.post-card h2, article.search-result h2"
# The element the server writes a page into; React replaces it when the page's own code renders.


def card_titles(driver: WebDriver) -> list[str]:
    """The titles of the post cards on the index (or of the search results), in order."""
    # One script call: the list may re-render while we read it.
    return driver.execute_script(f"return [...document.querySelectorAll('{CARD_TITLES}')].map(h => h.innerText)")


def snippets(driver: WebDriver) -> list[tuple[str, list[str]]]:
    """Each search result's snippet: its text and its marked words, read in one script call."""
    return driver.execute_script(
        """return [...document.querySelectorAll('article.search-result .search-snippet')]
             .map(s => [s.textContent, [...s.querySelectorAll('mark')].map(m => m.textContent)])"""
    )


def react_took_over(driver: WebDriver) -> bool:
    """Whether React renders the page now (the server's first response is gone from the document)."""
    return not driver.find_elements(By.ID, SLOT_ID)


def open_index(driver: WebDriver, base_url: str, query: str = "") -> list[str]:
    """Load the index (with an optional ``?query``) and wait until React shows its cards or its empty state."""
    driver.get(base_url.rstrip("/") + "/" + query)
    wait_for(
        lambda: (
            react_took_over(driver)
            and (
                driver.find_elements(By.CSS_SELECTOR, CARD_TITLES)
                or driver.find_elements(By.CSS_SELECTOR, ".empty-state, .search-message")
            )
        ),
        message=f"index {query or '/'} to render",
    )
    return card_titles(driver)


def wait_until_react_renders(driver: WebDriver) -> None:
    """Wait until React has rendered the page in place of the one the server wrote into the first response.

    The server's copy looks the same but does nothing yet (no zoom, no copy button): tests that
    interact with a page wait for React's.
    """
    wait_for(lambda: react_took_over(driver), message="React to render the page")


def open_post(driver: WebDriver, base_url: str, slug: str) -> None:
    """Load a post and wait until React shows its article (or the not-found message)."""
    driver.get(f"{base_url.rstrip('/')}/blog/{slug}")
    wait_until_react_renders(driver)
    wait_for(
        lambda: (
            driver.find_elements(By.CSS_SELECTOR, "article.post-article h1") or "Post not found" in driver.page_source
        ),
        message=f"post {slug} to render",
    )


def card_names(driver: WebDriver) -> list[str]:
    """The framework names on the explorer's result cards, in order."""
    # One script call: the list re-renders while we read it.
    return driver.execute_script("return [...document.querySelectorAll('#results article h2')].map(h => h.textContent)")


def facet(driver: WebDriver, group: str, key: str):
    """The checkbox of one explorer facet value, found through its fieldset and label as a user would."""
    return driver.find_element(
        By.CSS_SELECTOR, f"fieldset[aria-label='{group}'] label[data-key='{key}'] [role='checkbox']"
    )


def app_scripts(page: str) -> list[str]:
    """The build's script files the shell's start script imports (``/assets/...js``), in order."""
    return re.findall(r'import\("(/assets/[^"]+\.js)"\)', page)
