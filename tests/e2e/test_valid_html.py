"""The first HTML response of every kind of page is valid HTML, as the Nu HTML Checker (vnu.jar) reads it.

Plain HTTP against the real production server (the ``server`` fixture), every page written to a
file and all of them checked by one run of vnu.jar (``VNU_JAR``, installed by scripts/test's
``setup_vnu``; Java 17 runs it). The only errors forgiven are Reflex's own: Emotion, its CSS-in-JS
runtime, writes each component's ``<style data-emotion>`` element into ``<body>`` just before the
component when React renders on the server, which HTML allows only as a parent's first child.

The inline critical CSS (``<style data-critical>``, a PurgeCSS subset of Radix Themes' stylesheet
and blog.css) is emptied before the check; the element itself stays, so its place is checked.
vnu's CSS checker predates rules that sheet uses and browsers read (``color(display-p3 ...)``
inside ``@supports``, ``var()`` as a whole ``font-family`` or ``font-feature-settings``), and it
never reads the same rules when they come as a stylesheet file, as they did before.
"""

from __future__ import annotations

import dataclasses
import json
import os
import pathlib
import re
import shutil
import subprocess

import pytest

from blog_app.core import settings
from tests.support.fixture_posts import SEED_KEYWORDS, SEED_SLUG

pytestmark = pytest.mark.e2e
# name: (path, status)
PAGES = {
    "index": ("/", 200),
    "index-tag": (f"/?tag={SEED_KEYWORDS[0].replace(' ', '+')}", 200),
    "index-search": ("/?q=django", 200),
    "post": (f"/blog/{SEED_SLUG}", 200),
    "post-not-found": ("/blog/no-such-post", 404),
    "explorer": ("/frameworks/", 200),
    "explorer-filtered": ("/frameworks/?pro=performance", 200),
    "explorer-compare": ("/frameworks/?compare=reflex,django", 200),
    "not-found": ("/no/such/page", 404),
}
ERROR_TYPES = ("error", "non-document-error")
# A page with known errors, checked beside the real ones.
CONTROL = "control.html"
CONTROL_PAGE = '<!DOCTYPE html><html lang="en"><head></head><body><div aria-label="x">x</div></body></html>\n'
# What vnu says of a <style> element in <body> that is not its parent's first child (or, in
# elements that take no <style> at all, not allowed there).
_STYLE_PLACEMENT = re.compile(
    r"A “style” element in “body” must be the first child of its parent\.$"
    r"|Element “style” not allowed as child of element “[a-z0-9]+” in this context\."
)
EMOTION_STYLE = "<style data-emotion"
CRITICAL_CSS = re.compile(r"(<style data-critical[^>]*>).*?(</style>)", re.DOTALL)


@dataclasses.dataclass(frozen=True)
class Finding:
    """One message of the checker about one document."""

    file: str
    line: int
    message: str
    extract: str
    highlighted: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}\n    {self.extract!r}"


def vnu_jar() -> pathlib.Path:
    """The checker's jar (``VNU_JAR``, else where setup_vnu installs it)."""
    default = settings.PROJECT_ROOT / ".tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar"
    jar = pathlib.Path(os.environ.get("VNU_JAR") or default)
    if not jar.is_file():
        pytest.fail(f"no vnu.jar at {jar}: run scripts/test (its setup_vnu installs it)")
    return jar


def check(files: list[pathlib.Path]) -> list[Finding]:
    """Every error the Nu HTML Checker reports in ``files`` (one JVM for all of them)."""
    java = shutil.which("java")
    assert java, "Java 17 or newer must be on PATH to run vnu.jar"
    command = [java, "-jar", str(vnu_jar()), "--format", "json", "--stdout", *map(str, files)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    report = json.loads(result.stdout)
    return [
        Finding(
            file=message.get("url", "").rsplit("/", 1)[-1],
            line=message.get("lastLine", 0),
            message=message["message"],
            extract=message.get("extract", ""),
            highlighted=message.get("extract", "")[message.get("hiliteStart", 0) :],
        )
        for message in report["messages"]
        if message["type"] in ERROR_TYPES
    ]


def is_emotion_style(finding: Finding) -> bool:
    """Whether ``finding`` is about where Emotion put one of its ``<style>`` elements, and only that."""
    return bool(_STYLE_PLACEMENT.fullmatch(finding.message)) and finding.highlighted.startswith(EMOTION_STYLE)


@pytest.fixture(scope="module")
def findings(http, tmp_path_factory) -> list[Finding]:
    """The checker's errors in the first response of every page of :data:`PAGES`."""
    folder = tmp_path_factory.mktemp("valid-html")
    files = []
    for name, (path, status) in PAGES.items():
        response = http.get(path)
        assert response.status_code == status, f"{path}: {response.status_code}"
        assert response.headers["content-type"].startswith("text/html"), path
        files.append(folder / f"{name}.html")
        files[-1].write_text(CRITICAL_CSS.sub(r"\1\2", response.text), encoding="utf-8")
    (folder / CONTROL).write_text(CONTROL_PAGE, encoding="utf-8")
    return check([*files, folder / CONTROL])


def test_the_filter_forgives_only_emotions_style_elements():
    emotion = 'dp"></div><style data-emotion="css vooagt">.css-v'
    message = "A “style” element in “body” must be the first child of its parent."
    assert is_emotion_style(Finding("a.html", 1, message, emotion, emotion[10:]))
    own = "</div><style>.x{color:red}</style>"
    assert not is_emotion_style(Finding("a.html", 1, message, own, own[6:]))
    other = "Element “legend” not allowed as child of element “fieldset” in this context."
    assert not is_emotion_style(Finding("a.html", 1, other, emotion, emotion[10:]))


@pytest.mark.parametrize("name", PAGES)
def test_the_first_response_is_valid_html(findings, name):
    errors = [finding for finding in findings if finding.file == f"{name}.html" and not is_emotion_style(finding)]
    assert not errors, f"{PAGES[name][0]}: {len(errors)} errors\n" + "\n".join(map(str, errors))


def test_the_checker_reports_what_it_finds(findings):
    # A document with two known errors, checked in the same run: the run read the files and reported.
    messages = {finding.message for finding in findings if finding.file == CONTROL}
    assert "Element “head” is missing a required instance of child element “title”." in messages
    assert any("“aria-label” attribute must not be specified on any “div”" in message for message in messages)
