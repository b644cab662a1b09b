"""A title in every document the build writes: the shell gets one, a page with its own keeps it."""

from __future__ import annotations

import pytest

from blog_app.seo.titles import ShellTitle, ensure_title

SHELL = '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/></head><body><div id="root"></div></body></html>'


def test_a_head_without_title_gets_one_escaped_at_its_end():
    page = ensure_title(SHELL, "Tags & <b>bold</b>")
    assert '<meta charSet="utf-8"/><title>Tags &amp; &lt;b&gt;bold&lt;/b&gt;</title></head>' in page
    assert page.count("<title>") == 1


def test_a_head_with_a_title_is_left_alone():
    page = SHELL.replace("</head>", "<TITLE>Own</TITLE></head>")
    assert ensure_title(page, "Other") == page


def test_a_title_in_the_body_does_not_count():
    page = SHELL.replace('<div id="root">', '<svg><title>icon</title></svg><div id="root">')
    assert "<title>Site</title></head>" in ensure_title(page, "Site")


def test_a_page_without_head_is_refused():
    with pytest.raises(ValueError):
        ensure_title("<p>no document</p>", "Site")


def test_the_plugin_titles_the_shell_after_a_build(tmp_path, monkeypatch):
    monkeypatch.setenv("BLOG_SITE_NAME", "My notes")
    shell = tmp_path / "__spa-fallback.html"
    shell.write_text(SHELL, encoding="utf-8")
    ShellTitle().post_build(static_dir=tmp_path)
    assert "<title>My notes</title></head>" in shell.read_text(encoding="utf-8")
    ShellTitle().post_build(static_dir=tmp_path)  # a second run changes nothing
    assert shell.read_text(encoding="utf-8").count("<title>") == 1


def test_a_build_without_shell_is_left_alone(tmp_path):
    ShellTitle().post_build(static_dir=tmp_path)
    assert list(tmp_path.iterdir()) == []
