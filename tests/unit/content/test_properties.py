"""Property tests (Hypothesis): any text in, a Document or a ContentError out; sanitised HTML is inert.

Examples are derived from the test names (the ``ci`` profile in tests/conftest.py), so a run is
reproducible; ``HYPOTHESIS_PROFILE=explore`` searches further with fresh random examples.
"""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from blog_app.content.diagnostics import ContentError
from blog_app.content.directives import read_directive
from blog_app.content.document import Document, parse_post
from blog_app.content.sanitize import absolute_links, sanitize_html, strip_tags
from tests.support.html_safety import active_content, is_script_url

# Pieces of markup that a hostile or careless author writes, to be combined by Hypothesis.
TAGS = ["script", "iframe", "img", "a", "svg", "p", "div", "style", "object", "embed", "math", "form", "template", "b"]
SCHEMES = ["javascript:", "JaVaScRiPt:", "java\tscript:", "java&#x09;script:", " javascript:", "vbscript:", "data:"]
ATTRIBUTES = ["onerror", "onclick", "ONLOAD", "onmouseover", "href", "src", "style", "formaction", "xlink:href"]
BODY_LINES = [
    "## A heading <script>alert(1)</script>",
    "### Pros",
    "- **Fast**: it <b onclick=x()>is</b>",
    "```python exec\nimport os\n```",
    "```python eval\nimage_zoom(rx.image(src='/blog/a.webp'))\n```",
    "```python eval\n__import__('os').system('true')\n```",
    "![img](javascript:alert(1))",
    "[link](javascript:alert(1))",
    "<iframe src=x></iframe>",
    "TODO(me): later",
    "| a | b |\n|---|---|\n| <img src=x onerror=y> | 2 |",
    "---",
    "",
]
FIELDS = ["title", "author", "date", "description", "image", "slug", "tags", "draft", "updated", "meta", "drat"]


@st.composite
def html_fragments(draw) -> str:
    """Nested tags with event handlers, script URLs in every case and disguise, and stray text."""
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        tag = draw(st.sampled_from(TAGS))
        attributes = " ".join(
            f'{draw(st.sampled_from(ATTRIBUTES))}="{draw(st.sampled_from(SCHEMES))}{draw(st.text(max_size=8))}"'
            for _ in range(draw(st.integers(0, 3)))
        )
        inner = draw(st.text(max_size=20))
        closing = draw(st.sampled_from([f"</{tag}>", "", f"</{tag}"]))
        parts.append(f"<{tag} {attributes}>{inner}{closing}")
    return "".join(parts)


@st.composite
def post_files(draw) -> bytes:
    """Files that look like posts: a front matter block of known and unknown fields, and a Markdown body."""
    lines = []
    for field in draw(st.lists(st.sampled_from(FIELDS), max_size=8)):
        value = draw(
            st.one_of(
                st.text(max_size=30),
                st.sampled_from(["2024-01-01", "2024-02-30", "[a, b", "true", "{x: 1}", "<script>x</script>", "''"]),
            )
        )
        lines.append(f"{field}: {value}")
    body = "\n\n".join(draw(st.lists(st.one_of(st.sampled_from(BODY_LINES), st.text(max_size=40)), max_size=10)))
    front = draw(st.sampled_from(["---\n{}\n---\n", "---\n{}\n", "{}\n---\n", "\ufeff---\n{}\n---\n"]))
    text = front.format("\n".join(lines)) + body
    return text.encode(draw(st.sampled_from(["utf-8", "utf-16", "latin-1"])), errors="replace")


def assert_parses_or_refuses(data: bytes) -> None:
    """A Document whose stored HTML is inert, or a ContentError naming the file and a line."""
    try:
        document = parse_post("content/post.md", data)
    except ContentError as error:
        assert error.diagnostics
        assert all(d.path == "content/post.md" and d.line >= 1 and d.severity == "error" for d in error.diagnostics)
        return
    assert isinstance(document, Document)
    assert all(d.line >= 1 for d in document.warnings)
    for segment in document.segments:
        assert not active_content(segment.html), segment
        assert not is_script_url(segment.src), segment


@given(st.binary(max_size=400))
@example(b"")
@example(b"---\n---\n")
@example(b"\xff\xfe---")
def test_any_bytes_parse_or_are_refused(data):
    assert_parses_or_refuses(data)


@given(st.text(max_size=400))
@example("---\ntitle: [\n---\n")
@example("---\n- a list\n---\n")
def test_any_text_parses_or_is_refused(text):
    assert_parses_or_refuses(text.encode())


@given(post_files())
def test_post_shaped_files_parse_or_are_refused(data):
    assert_parses_or_refuses(data)


@given(st.sampled_from(["python exec", "python eval"]), st.text(max_size=200))
@example("python eval", "(" * 300)
@example("python exec", "a\x00b")
def test_directive_blocks_become_a_segment_a_warning_or_nothing(info, source):
    result = read_directive("content/post.md", 3, info, source)
    assert result is None or result.line >= 1


@given(st.one_of(html_fragments(), st.text(max_size=300)))
@example('<a href="java&#x09;script:alert(1)">x</a>')
@example("<svg><script>alert(1)</script></svg>")
@example('<math><mtext><table><mglyph><style><img src=x onerror="alert(1)">')
@example('<img src="x" onerror="alert(1)"//>')
def test_sanitised_html_has_no_script_handler_or_script_url(html):
    assert not active_content(sanitize_html(html))
    assert not active_content(absolute_links(html, "https://example.com/blog/post"))


@given(st.one_of(html_fragments(), st.text(max_size=300)))
def test_stripped_text_has_no_element(html):
    assert not active_content(strip_tags(html))
    assert "<" not in strip_tags(html)


def test_the_safety_check_itself_sees_scripts_handlers_and_script_urls():
    # Without this, a check that never finds anything would make every property above pass.
    assert active_content("<script>alert(1)</script>") == ["<script>"]
    assert active_content('<img src="x" onerror="alert(1)">') == ["<img onerror>"]
    assert active_content('<a href=" JAVA\tscript:alert(1)">x</a>') == ['<a href=" JAVA\tscript:alert(1)">']
    assert active_content("<svg><a xlink:href='javascript:alert(1)'>x</a></svg>")
