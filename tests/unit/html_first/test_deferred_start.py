"""The shell's start script waits for the page to load and paint, importing what it imported before."""

from __future__ import annotations

import pytest

from blog_app.html_first.deferred_start import start_after_load

SHELL = (
    '<html><head><link rel="modulepreload" href="/assets/manifest-1.js"/>'
    '<link rel="modulepreload" href="/assets/root-2.js"/><link rel="stylesheet" href="/assets/a.css"/></head>'
    '<body><div id="first-response"></div><script>window.__reactRouterContext = {};</script>'
    '<script type="module" async="">import "/assets/manifest-1.js";\n'
    'import * as route0 from "/assets/root-2.js";\n  \n  window.__reactRouterRouteModules = {"root":route0};\n\n'
    'import("/assets/entry.client-3.js");</script></body></html>'
)


def test_the_start_waits_for_load_and_a_frame_and_imports_the_same_modules():
    page = start_after_load(SHELL)
    assert "modulepreload" not in page and '<link rel="stylesheet" href="/assets/a.css"/>' in page
    assert "<script>window.__reactRouterContext = {};</script>" in page
    script = page[page.index('<script type="module">') :]
    assert 'await Promise.all([import("/assets/manifest-1.js"), import("/assets/root-2.js")])' in script
    assert "const [, route0] =" in script and 'window.__reactRouterRouteModules = {"root":route0};' in script
    assert 'import("/assets/entry.client-3.js");' in script
    assert 'window.addEventListener("load", afterPaint' in script and "requestAnimationFrame" in script
    assert "\nimport " not in script and "async" not in script.split(">", 1)[0]


def test_rewriting_twice_changes_nothing():
    once = start_after_load(SHELL)
    assert start_after_load(once) == once


def test_a_shell_without_its_module_script_is_refused():
    with pytest.raises(ValueError, match="no module script"):
        start_after_load("<html><body></body></html>")
