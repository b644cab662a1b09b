"""The CommonMark spec's examples through the project's path: parse, segments, the HTML the page renders.

Every example outside the two raw-HTML sections is parsed as a post body, its segments rendered
as static HTML (``blog_app.seo.article.body_html``, what readers without JavaScript and feed readers
get: prose and headings as stored, images as figures, code blocks as ``<pre><code>``) and compared
with the spec's HTML after the normalisation below. mistletoe alone is the reference: the project
must match every example mistletoe renders right, apart from the deviations listed in ``DEVIATIONS``.

Normalisation (both sides, then per side):
- Both: parsed as HTML and written back with sorted attributes, character references decoded,
  void elements without ``/``, whitespace between block elements dropped, and no ``rel``
  attribute (the sanitiser adds ``rel="noopener noreferrer"`` to every link).
- Spec side: ``h1`` becomes ``h2`` (the page title is the post's only h1, so a body heading of
  level 1 is shifted to 2); then the sanitiser's policy is applied (``sanitize_html``): raw HTML it
  removes on purpose (unknown elements, URLs outside http/https/mailto) is removed from the
  expectation too, and tags left open are closed as a browser closes them. What it removes must be
  reported to the author with the block's line: ``test_what_the_sanitiser_removes_is_reported``.
- Page side: heading ``id`` attributes (the anchors), ``loading="lazy"`` on images and the
  ``language-text`` class of a code block without a language are dropped; a figure
  (``<figure><img …><figcaption>T</figcaption></figure>``, an image alone in its paragraph) is
  compared as the spec writes it, ``<p><img … title="T"></p>``.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

import mistletoe
import pytest
from mistletoe.html_renderer import HtmlRenderer

from blog_app.content.body import parse_body
from blog_app.content.sanitize import removed_markup, sanitize_html
from blog_app.seo.article import body_html
from tests.support.fixture_posts import FIXTURES

SPEC = json.loads((FIXTURES / "commonmark" / "spec-0.31.2.json").read_text(encoding="utf-8"))
SKIPPED_SECTIONS = {"HTML blocks", "Raw HTML"}  # raw HTML is the sanitiser's business, not CommonMark's
EXAMPLES = [example for example in SPEC if example["section"] not in SKIPPED_SECTIONS]
# Examples the page renders differently from the spec on purpose (and from mistletoe alone).
DEVIATIONS = {
    46: "typography: `--` standing alone in prose is an em dash",
    106: "typography: after an escaped `\\-`, the remaining `--` is an em dash",
}
# Examples mistletoe 1.6 itself renders differently from the spec (the project inherits them).
MISTLETOE_MISSES = {
    354: "currency symbols are not punctuation to mistletoe's emphasis rules (the spec changed in 0.31)",
    526: "mistletoe leaves `]` unescaped in an autolink's href",
    538: "mistletoe leaves `[` and `]` unescaped in an autolink's href",
    603: "mistletoe leaves `[` unescaped in an autolink's href",
}
# The fewest of the 588 examples the project must render as the spec says (582 when this was written).
BOUND = 582
BLOCK_TAGS = "p|h[1-6]|ul|ol|li|blockquote|pre|hr|table|thead|tbody|tr|th|td|div|figure|figcaption"
VOID_TAGS = {"br", "hr", "img", "input"}


class _Canonical(HTMLParser):
    """HTML written back in one canonical form."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kept = sorted((name, value or "") for name, value in attrs if name != "rel")
        self.parts.append(f"<{tag}" + "".join(f' {name}="{html.escape(value)}"' for name, value in kept) + ">")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID_TAGS:
            self.parts.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.parts.append(html.escape(data, quote=False))


def canonical(markup: str) -> str:
    parser = _Canonical()
    parser.feed(markup)
    parser.close()
    joined = "".join(parser.parts)
    return re.sub(rf"\s*(</?(?:{BLOCK_TAGS})\b[^>]*>)\s*", r"\1", joined).strip()


def level_shifted(spec_html: str) -> str:
    return re.sub(r"<(/?)h1>", r"<\1h2>", spec_html)


def expected_on_the_page(spec_html: str) -> str:
    # Stripped first: a newline after a tag left open would be wrapped in a copy of it.
    return canonical(sanitize_html(level_shifted(spec_html).strip()))


def _figure_as_spec(match: re.Match) -> str:
    title = f' title="{match["caption"]}"' if match["caption"] else ""
    return f"<p>{match['img']}{title}></p>"


def rendered_page(markdown: str) -> str:
    body = body_html(parse_body("spec.md", markdown).segments)
    body = re.sub(r' id="[^"]*"', "", body).replace(' loading="lazy"', "").replace(' class="language-text"', "")
    body = re.sub(
        r"<figure>(?P<img><img [^>]*?)>(?:<figcaption>(?P<caption>.*?)</figcaption>)?</figure>", _figure_as_spec, body
    )
    return canonical(body)


def mistletoe_alone(markdown: str) -> str:
    with HtmlRenderer() as renderer:
        return canonical(renderer.render(mistletoe.Document(markdown)))


def test_the_spec_copy_is_whole():
    assert len(SPEC) == 652 and [example["example"] for example in SPEC] == list(range(1, 653))
    assert len(EXAMPLES) == 588


def test_commonmark_examples_reach_the_page_as_the_spec_says():
    misses = {}
    for example in EXAMPLES:
        page = rendered_page(example["markdown"])
        if page != expected_on_the_page(example["html"]):
            misses[example["example"]] = page
    unexplained = sorted(set(misses) - set(DEVIATIONS) - set(MISTLETOE_MISSES))
    assert not unexplained, [(n, SPEC[n - 1]["markdown"], misses[n]) for n in unexplained]
    assert len(EXAMPLES) - len(misses) >= BOUND


def test_mistletoe_alone_misses_only_what_the_project_inherits():
    # The reference the project is measured against: mistletoe rendering the same examples itself.
    misses = {e["example"] for e in EXAMPLES if mistletoe_alone(e["markdown"]) != canonical(e["html"])}
    assert misses == set(MISTLETOE_MISSES)


@pytest.mark.parametrize(
    "example",
    [e for e in EXAMPLES if removed_markup(level_shifted(e["html"]))],
    ids=lambda e: f"example-{e['example']}",
)
def test_what_the_sanitiser_removes_is_reported(example):
    body = parse_body("spec.md", example["markdown"])
    reported = [d for d in body.diagnostics if d.reason.startswith("HTML left out of the page: ")]
    assert reported and all(d.line >= 1 and d.severity == "warning" for d in reported), example["markdown"]


@pytest.mark.parametrize(
    ("markdown", "page"),
    [
        ("> # Foo\n> bar\n", "<blockquote><h2>Foo</h2><p>bar</p></blockquote>"),
        ("- # Foo\n- ### Bar\n", "<ul><li><h2>Foo</h2></li><li><h3>Bar</h3></li></ul>"),
        (
            'My ![foo bar](/path/to/train.jpg  "title"   )\n',
            '<p>My <img alt="foo bar" src="/path/to/train.jpg" title="title"></p>',
        ),
        ("![](/url)\n", '<p><img alt="" src="/url"></p>'),
    ],
)
def test_the_cases_the_issue_names(markdown, page):
    assert rendered_page(markdown) == page
