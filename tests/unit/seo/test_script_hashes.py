"""The inline-script hashes of a build's pages: what a browser runs is hashed exactly as it hashes it."""

from __future__ import annotations

import base64
import gzip
import hashlib

from blog_app.seo.script_hashes import BuildScriptHashes, inline_script_hashes


def digest(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


PAGE = (
    "<!DOCTYPE html><html><head><script>theme('dark & light')</script>"
    '<script type="module" async="">import "/assets/x.js";</script>'
    '<script src="/assets/app.js"></script>'
    '<script type="application/ld+json">{"a": "<b>"}</script></head>'
    '<body><script type="application/json" id="page-seed">{"x": 1}</script>'
    '<script type="text/javascript; charset=utf-8">done("é")</script>'
    "<script>if (a < b && c > d) { x = '</div>'; }</script></body></html>"
)


def test_every_inline_script_a_browser_runs_is_hashed_and_nothing_else():
    assert inline_script_hashes(PAGE) == {
        digest("theme('dark & light')"),
        digest('import "/assets/x.js";'),
        digest('done("é")'),
        digest("if (a < b && c > d) { x = '</div>'; }"),
    }


def test_line_ends_are_hashed_as_the_browser_reads_them():
    assert inline_script_hashes("<script>a()\r\nb()\rc()</script>") == {digest("a()\nb()\nc()")}


def test_a_page_without_inline_scripts_has_no_hashes():
    assert inline_script_hashes('<html><body><script src="/a.js"></script><p>text</p></body></html>') == set()


def test_the_build_is_read_once_and_again_when_a_page_changes(tmp_path):
    build = tmp_path / "client"
    (build / "frameworks").mkdir(parents=True)
    (build / "assets").mkdir()
    (build / "index.html").write_text("<script>home()</script>")
    (build / "frameworks" / "index.html").write_text("<script>explorer()</script>")
    (build / "404.html.gz").write_bytes(gzip.compress(b"<script>lost()</script>"))
    (build / "assets" / "chunk.html").write_text("<script>never()</script>")  # hashed assets are not pages
    hashes = BuildScriptHashes(lambda: build, recheck_seconds=0)
    assert hashes() == {digest("home()"), digest("explorer()"), digest("lost()")}
    (build / "index.html").write_text("<script>home(2)</script>")
    assert digest("home(2)") in hashes() and digest("home()") not in hashes()


def test_without_a_build_there_is_nothing_to_allow(tmp_path):
    assert BuildScriptHashes(lambda: tmp_path / "no-build", recheck_seconds=0)() == frozenset()
