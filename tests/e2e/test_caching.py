"""What browsers may keep: the build's hashed scripts and styles for a year, pages and the project's files revalidated.

Plain HTTP against the real production server (``reflex run --env prod``, the ``server``
fixture of tests/e2e/conftest.py), which is where the backend's middleware wraps the built frontend.
"""

from __future__ import annotations

import lxml.html
import pytest

from tests.support.fixture_posts import SEED_SLUG
from tests.support.pages import app_scripts

pytestmark = pytest.mark.e2e
IMMUTABLE = "public, max-age=31536000, immutable"


def shell_assets(http, suffix: str) -> list[str]:
    """The build's files ending in ``suffix`` that the index page links (styles) or its start script imports (scripts)."""
    page = http.get("/").text
    hrefs = [link.get("href") or "" for link in lxml.html.document_fromstring(page).head.iter("link")]
    files = [href for href in hrefs if href.startswith("/assets/")] + app_scripts(page)
    return [path for path in files if path.endswith(suffix)]


@pytest.mark.parametrize("suffix", [".js", ".css"])
def test_the_shells_hashed_scripts_and_styles_are_immutable(http, suffix):
    files = shell_assets(http, suffix)
    assert files, f"the index links no {suffix} file under /assets/"
    for path in files:
        response = http.get(path)
        assert response.status_code == 200, path
        assert response.headers.get("cache-control") == IMMUTABLE, path
        # A browser's revalidation of a cached copy (it should not send one, but may) keeps the header.
        again = http.get(path, headers={"If-None-Match": response.headers["etag"]})
        assert again.status_code == 304, path
        assert again.headers.get("cache-control") == IMMUTABLE, path


@pytest.mark.parametrize(
    "path", ["/", f"/blog/{SEED_SLUG}", "/frameworks/", "/blog/ag-grid.webp", "/favicon.ico", "/blog.css"]
)
def test_pages_and_the_projects_own_files_are_not(http, path):
    response = http.get(path)
    assert response.status_code == 200, path
    assert "immutable" not in response.headers.get("cache-control", ""), path
    assert "max-age" not in response.headers.get("cache-control", ""), path


def test_a_missing_asset_is_not_cached(http):
    response = http.get("/assets/not-built-J7z8lKJQ.js")
    assert response.status_code == 404
    assert "immutable" not in response.headers.get("cache-control", "")
