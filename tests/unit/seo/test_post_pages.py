"""Post pages are kept per process until the posts change: a change is served within ``VERSION_TTL``."""

from __future__ import annotations

import time
import warnings

import pytest
from reflex.utils.prerequisites import get_web_dir

from blog_app.core import database
from blog_app.html_first.shell import shell_path
from blog_app.publishing.ingest import ingest
from blog_app.seo.page_responses import VERSION_TTL
from blog_app.seo.server import seo_api
from harness.synthetic_posts import write_post

with warnings.catch_warnings(action="ignore"):  # Starlette would rather have httpx2
    from starlette.testclient import TestClient

SHELL = (
    "<!DOCTYPE html><html><head><title>Shell</title></head>"
    '<body><div id="root"><div id="first-response"></div></div></body></html>'
)


@pytest.fixture
def client(tmp_path, monkeypatch):
    """The SEO routes on a real SQLite file, with a build folder holding a client shell.

    The page mirrors draw their icons from the real build's lucide-react (blog_app/html_first/icons.py).
    """
    node_modules = (get_web_dir() / "node_modules").resolve()
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'blog.db'}")
    monkeypatch.setenv("REFLEX_WEB_WORKDIR", str(tmp_path / "web"))
    shell_path().parent.mkdir(parents=True)
    (tmp_path / "web" / "node_modules").symlink_to(node_modules)
    shell_path().write_text(SHELL, encoding="utf-8")
    database.upgrade_schema(database.get_engine())
    with TestClient(seo_api(lambda: ["/"])) as test_client:
        yield test_client
    database.get_engine().dispose()


def test_a_changed_post_is_served_changed_and_a_removed_one_answers_404(client, tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    write_post(content, "kept.md", "First title", body="First words.")
    ingest(database.get_engine(), content)
    first = client.get("/blog/kept")
    assert first.status_code == 200 and "First words." in first.text and "<title>First title" in first.text
    assert client.get("/blog/kept").content == first.content

    write_post(content, "kept.md", "Second title", body="Second words.")
    ingest(database.get_engine(), content)
    time.sleep(VERSION_TTL)  # how long a process may keep serving the previous page
    second = client.get("/blog/kept")
    assert "Second words." in second.text and "First words." not in second.text
    assert second.headers["etag"] != first.headers["etag"]

    (content / "kept.md").unlink()
    ingest(database.get_engine(), content)
    time.sleep(VERSION_TTL)
    assert client.get("/blog/kept").status_code == 404
