"""Markdown body to segments: headings, images, code, directives that are never run."""

from __future__ import annotations

from blog_app.content import parse_post


def parse_body(body: str):
    return parse_post("content/p.md", f"---\ntitle: t\nauthor: a\ndate: 2024-01-01\n---\n{body}".encode())


def test_segments_in_order_with_prose_merged():
    document = parse_body("Intro *one*.\n\nMore.\n\n## Part\n\n```python\nprint(1)\n```\n\n![A chart](/c.png)\n")
    assert [s.kind for s in document.segments] == ["html", "heading", "code", "image"]
    assert document.segments[0].html == "<p>Intro <em>one</em>.</p>\n<p>More.</p>"
    assert document.segments[2].language == "python" and document.segments[2].code == "print(1)\n"
    assert (document.segments[3].src, document.segments[3].alt) == ("/c.png", "A chart")


def test_image_inside_text_stays_in_the_sentence():
    document = parse_body('Before ![x](/x.png "A title") after\n')
    assert [s.kind for s in document.segments] == ["html"]
    assert document.segments[0].html == '<p>Before <img src="/x.png" alt="x" title="A title"> after</p>'
    assert document.text == "Before  after" and not document.warnings


def test_image_alone_in_its_paragraph_is_a_figure_with_its_title_as_caption():
    document = parse_body('Text.\n\n![A chart](/c.png "Source: survey")\n')
    assert [(s.kind, s.src, s.alt, s.caption) for s in document.segments][1] == (
        "image",
        "/c.png",
        "A chart",
        "Source: survey",
    )


def test_empty_alt_stays_empty_and_is_reported_with_its_line():
    document = parse_body("![](/decoration.png)\n\nAn icon ![](/icon.svg) inline.\n")
    assert (document.segments[0].kind, document.segments[0].alt) == ("image", "")
    assert 'alt=""' in document.segments[1].html
    assert [(w.line, w.severity) for w in document.warnings] == [(6, "warning"), (8, "warning")]
    assert document.warnings[0].reason.startswith("image /decoration.png has no alt text")
    assert document.warnings[1].reason.startswith("image /icon.svg has no alt text")


def test_eval_directive_forms():
    plain = parse_body('```python eval\nrx.image(src="/a.webp", alt="A")\n```\n')
    assert [(s.kind, s.src, s.alt) for s in plain.segments] == [("image", "/a.webp", "A")]


def test_eval_block_that_is_not_a_directive_is_refused_with_its_line():
    document = parse_body('Text\n\n```python eval\n__import__("os").system("touch /tmp/pwned")\n```\n')
    assert [s.kind for s in document.segments] == ["html"]
    [warning] = document.warnings
    assert warning.line == 9 and warning.severity == "warning"
    assert "unknown directive in python eval block" in warning.reason


def test_exec_block_with_other_code_is_refused():
    document = parse_body('```python exec\nimport os\nos.remove("x")\n```\n')
    assert document.segments == []
    [warning] = document.warnings
    assert warning.line == 7
    assert "may only import reflex, reflex_image_zoom, not os" in warning.reason


def test_non_literal_directive_arguments_are_refused():
    document = parse_body('```python eval\nimage_zoom(rx.image(src=open("/etc/passwd").read()))\n```\n')
    assert document.segments == []
    assert "literal" in document.warnings[0].reason


def test_javascript_image_src_is_refused():
    document = parse_body("![x](javascript:alert(1))\n\n```python eval\nrx.image(src='javascript:alert(1)')\n```\n")
    assert [s.kind for s in document.segments] == []
    assert len(document.warnings) == 2


def test_raw_html_is_sanitised():
    document = parse_body('<p onclick="x()">hi<script>alert(1)</script></p>\n\n[link](javascript:alert(1))\n')
    html = document.segments[0].html
    assert "script" not in html and "onclick" not in html and "javascript:" not in html
    assert "hi" in html


def test_editorial_paragraph_is_dropped():
    document = parse_body("Keep me.\n\nTODO: rewrite this part\n")
    assert "TODO" not in document.segments[0].html
    assert document.warnings[0].line == 8


def test_headings_get_unique_anchors_and_body_h1_becomes_h2():
    document = parse_body("# Top\n\n## Same\n\n## Same\n")
    assert [(s.level, s.anchor) for s in document.segments] == [(2, "top"), (2, "same"), (2, "same-2")]


def test_anchors_stay_unique_when_bases_collide_with_numbered_ones():
    document = parse_body("## A\n\n## A 2\n\n## A\n\n## A\n\n### Pros\n\n## B\n\n### Pros\n\n## B\n\n### Pros\n")
    anchors = [s.anchor for s in document.segments]
    assert anchors == ["a", "a-2", "a-3", "a-4", "a-pros", "b", "b-pros", "b-2", "b-pros-2"]


def test_headings_inside_quotes_and_list_items_stay_headings():
    document = parse_body("> # Quoted\n> text\n\n- ## In a list\n")
    assert document.segments[0].html == (
        "<blockquote>\n<h2>Quoted</h2>\n<p>text</p>\n</blockquote>\n<ul>\n<li>\n<h2>In a list</h2>\n</li>\n</ul>"
    )
    assert not document.warnings


def test_code_keeps_its_language_wherever_it_is():
    document = parse_body("``` Python\nx = 1\n```\n\n- item\n\n  ```bash\n  ls\n  ```\n")
    assert (document.segments[0].kind, document.segments[0].language) == ("code", "python")
    assert '<pre><code class="language-bash">ls\n</code></pre>' in document.segments[1].html
    assert not document.warnings


def test_double_hyphens_in_prose_become_em_dashes_but_not_in_code():
    document = parse_body("## Reflex--Frontend\n\nUse `--flag` and [x--y](/a--b).\n\n```bash\nrun --fast\n```\n")
    assert document.segments[0].text == "Reflex\u2014Frontend"
    assert document.segments[0].anchor == "reflex-frontend"
    assert "<code>--flag</code>" in document.segments[1].html
    assert 'href="/a--b"' in document.segments[1].html and ">x\u2014y</a>" in document.segments[1].html
    assert document.segments[2].code == "run --fast\n"


def test_longer_runs_of_hyphens_stay_as_written():
    document = parse_body("a------ and ---a--- but b--c\n")
    assert document.segments[0].html == "<p>a------ and ---a--- but b\u2014c</p>"
