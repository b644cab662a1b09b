"""Pages the server writes are built once per key and change of the posts, a bounded number of them."""

from __future__ import annotations

import warnings

import pytest
from starlette.applications import Starlette
from starlette.routing import Route

from blog_app.core import database
from blog_app.html_first.shell import shell_path
from blog_app.seo.page_responses import BuiltPage, PageResponses

with warnings.catch_warnings(action="ignore"):  # Starlette would rather have httpx2
    from starlette.testclient import TestClient

SHELL = '<!DOCTYPE html><html><head></head><body><div id="first-response"></div></body></html>'


@pytest.fixture
def served(tmp_path, monkeypatch):
    """A route answered by PageResponses whose builder counts its calls; a real SQLite file and a shell."""
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'blog.db'}")
    monkeypatch.setenv("REFLEX_WEB_WORKDIR", str(tmp_path / "web"))
    shell_path().parent.mkdir(parents=True)
    shell_path().write_text(SHELL, encoding="utf-8")
    database.upgrade_schema(database.get_engine())
    builds: list[str] = []

    def page_for(request):
        name = request.query_params.get("name", "")

        def build(shell, site):
            builds.append(name)
            return BuiltPage.of(f"page {name}", status=404 if name == "missing" else 200)

        return name, build

    responses = PageResponses(page_for, max_pages=2)
    with TestClient(Starlette(routes=[Route("/", responses.respond)])) as client:
        yield client, builds
    database.get_engine().dispose()


def test_a_page_is_built_once_then_answered_from_memory_and_revalidated(served):
    client, builds = served
    first = client.get("/?name=a")
    assert first.status_code == 200 and first.text == "page a" and first.headers["cache-control"] == "no-cache"
    assert client.get("/?name=a").content == first.content and builds == ["a"]
    assert client.get("/?name=a", headers={"If-None-Match": first.headers["etag"]}).status_code == 304


def test_only_the_most_recently_used_pages_are_kept(served):
    client, builds = served
    for name in ["a", "b", "a", "c", "a", "b"]:
        client.get(f"/?name={name}")
    # Room for two: "b" went when "c" came (a was used since), so it is built again.
    assert builds == ["a", "b", "c", "b"]


def test_a_not_found_page_is_never_kept(served):
    client, builds = served
    assert [client.get("/?name=missing").status_code for _ in range(2)] == [404, 404]
    assert builds == ["missing", "missing"]
