"""A first response carries the critical CSS inline, and the full stylesheet no longer blocks its first paint."""

from __future__ import annotations

import os
import warnings

import lxml.html
import pytest

from blog_app.core import database
from blog_app.html_first.shell import build_dir, shell_path
from blog_app.publishing.ingest import ingest
from blog_app.seo.critical_css import (
    CRITICAL_CSS_FILE,
    DEFERRED_ATTRIBUTE,
    ENABLE_FULL_STYLESHEET,
    critical_css,
    inline_critical_css,
)
from blog_app.seo.server import seo_api
from harness.synthetic_posts import write_post

with warnings.catch_warnings(action="ignore"):  # Starlette would rather have httpx2
    from starlette.testclient import TestClient

GLOBAL = "/assets/__reflex_global_styles-BVHrTlRr.css"
ROUTE = "/assets/_blog_.__slug_-DMHYWCB5.css"
# The head of Reflex's built pages, shortened: the global sheet preloaded and linked, a route's own sheet.
PAGE = (
    '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>'
    f'<link as="style" href="{GLOBAL}" rel="preload"/>'
    '<link rel="modulepreload" href="/assets/root-t4vydkS6.js"/><script>theme()</script>'
    f'<link href="{GLOBAL}" rel="stylesheet" type="text/css"/><link href="{ROUTE}" rel="stylesheet"/>'
    '</head><body><div class="radix-themes"><p class="rt-Text">Hello</p><div id="first-response"></div></div></body></html>'
)
CSS = ".rt-Text{color:var(--gray-12)}:is(.dark,.dark-theme){--gray-12:#eee}"


def head_children(html: str) -> list[lxml.html.HtmlElement]:
    """The elements of the page's head, in order."""
    return list(lxml.html.document_fromstring(html).head)


def links(html: str, href: str) -> list[lxml.html.HtmlElement]:
    """The head's links to ``href``."""
    return [child for child in head_children(html) if child.tag == "link" and child.get("href") == href]


def test_the_critical_css_is_inline_before_the_full_stylesheet_which_no_longer_blocks():
    page = inline_critical_css(PAGE, CSS)
    children = head_children(page)
    styles = [child for child in children if child.tag == "style"]
    assert len(styles) == 1 and styles[0].get("data-critical") == "" and styles[0].text == CSS
    (full,) = [child for child in children if child.get("href") == GLOBAL]  # the preload is gone
    assert full.get("rel") == "stylesheet" and full.get("media") == "print" and full.get(DEFERRED_ATTRIBUTE) == ""
    assert children.index(styles[0]) < children.index(full)


def test_only_the_global_stylesheet_is_deferred_and_the_rest_of_the_page_is_unchanged():
    page = inline_critical_css(PAGE, CSS)
    (route,) = links(page, ROUTE)
    assert route.get("media") is None and route.get(DEFERRED_ATTRIBUTE) is None
    assert page.endswith(PAGE[PAGE.index("</head>") :])
    assert page.replace(f"<style data-critical>{CSS}</style>", "").replace(
        f' media="print" {DEFERRED_ATTRIBUTE}=""', ""
    ) == PAGE.replace(f'<link as="style" href="{GLOBAL}" rel="preload"/>', "")


def test_a_page_without_the_global_stylesheet_gets_the_css_at_the_end_of_its_head():
    page = inline_critical_css("<html><head><title>t</title></head><body></body></html>", CSS)
    assert page == f"<html><head><title>t</title><style data-critical>{CSS}</style></head><body></body></html>"


def test_a_page_without_a_head_is_left_alone_and_css_that_would_end_the_style_is_refused():
    assert inline_critical_css("<p>fragment</p>", CSS) == "<p>fragment</p>"
    with pytest.raises(ValueError, match="</style"):
        inline_critical_css(PAGE, "a{}</STYLE><script>alert(1)</script>")


def test_the_app_code_turns_on_exactly_the_links_the_rewrite_deferred():
    assert f"link[{DEFERRED_ATTRIBUTE}]" in ENABLE_FULL_STYLESHEET
    assert 'removeAttribute("media")' in ENABLE_FULL_STYLESHEET
    assert "typeof document" in ENABLE_FULL_STYLESHEET  # the root module also runs while prerendering


@pytest.fixture
def web_dir(tmp_path, monkeypatch):
    """An empty build folder of a production build (REFLEX_WEB_WORKDIR)."""
    monkeypatch.setenv("REFLEX_WEB_WORKDIR", str(tmp_path / "web"))
    build_dir().mkdir(parents=True)
    return build_dir()


def test_critical_css_is_read_from_the_build_and_read_again_after_a_rebuild(web_dir):
    assert critical_css() is None
    path = web_dir / CRITICAL_CSS_FILE
    path.write_text(CSS, encoding="utf-8")
    assert critical_css() == CSS
    path.write_text("a{}", encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    assert critical_css() == "a{}"
    path.write_text("", encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 2_000_000))
    assert critical_css() is None


@pytest.fixture
def client(web_dir, tmp_path, monkeypatch):
    """The SEO routes on a real SQLite file with one post, the build folder holding the client shell."""
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'blog.db'}")
    shell_path().write_text(PAGE, encoding="utf-8")
    database.upgrade_schema(database.get_engine())
    content = tmp_path / "content"
    content.mkdir()
    write_post(content, "kept.md", "A kept post", body="Some words.")
    ingest(database.get_engine(), content)
    with TestClient(seo_api(lambda: ["/"])) as test_client:
        yield test_client
    database.get_engine().dispose()


def test_post_pages_and_their_404_carry_the_critical_css_of_a_build_that_has_it(client, web_dir):
    assert "data-critical" not in client.get("/blog/kept").text
    (web_dir / CRITICAL_CSS_FILE).write_text(CSS, encoding="utf-8")
    shell_path().write_text(PAGE + "\n", encoding="utf-8")  # a rebuild: the pages are built anew
    for response in (client.get("/blog/kept"), client.get("/blog/not-a-post")):
        assert f"<style data-critical>{CSS}</style>" in response.text
        assert links(response.text, GLOBAL)[0].get("media") == "print"
