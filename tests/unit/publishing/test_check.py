"""``python -m blog_app check`` as a content repository's CI runs it: a real process, its output and exit status."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from blog_app.core import settings
from tests.support.fixture_posts import BAD_CONTENT

# One case per file, and what `check` prints for it (after "tests/fixtures/bad-content/<file>:").
# draft-post.md and scheduled-post.md are valid posts: the link cases point at them.
EXPECTED = {
    "bad-yaml.md": ["5: invalid YAML in front matter: did not find expected ',' or ']' while parsing a flow sequence"],
    "broken-links.md": [
        "9: warning: link to #summary: this post has no heading with the anchor '#summary'",
        "10: warning: link to /blog/no-such-post: no post has the slug 'no-such-post'",
        "11: warning: link to /blog/scheduled-post#no-such-heading: post 'scheduled-post' has no heading with the anchor '#no-such-heading'",
        "12: warning: link to no-such-relative-post: no post has the slug 'no-such-relative-post'",
        "12: warning: link to /files/slides.pdf: no post, page or file under assets/ has this address",
    ],
    "draft-post.md": [],
    "duplicate-slug.md": ["5: slug 'broken-links' is already used by tests/fixtures/bad-content/broken-links.md"],
    "editorial-note.md": ["7: warning: editorial note left out of the page: TODO(editor): add a chart here."],
    "empty.md": ["1: file is empty"],
    "hostile-eval.md": [
        "8: warning: unknown directive in python eval block: expected image_zoom(rx.image(src=...)) or rx.image(src=...); the block was not run and is left out of the page",
        "12: warning: unknown directive in python eval block: expected image_zoom(rx.image(src=...)) or rx.image(src=...); the block was not run and is left out of the page",
        "16: warning: python eval directive arguments must be literal values; the block was not run and is left out of the page",
        "20: warning: python eval directive arguments must be literal values; the block was not run and is left out of the page",
    ],
    "hostile-exec.md": [
        "10: warning: python exec blocks may only import reflex, reflex_image_zoom, not subprocess; the block was not run and is left out of the page",
        "15: warning: python exec blocks may only import reflex, reflex_image_zoom; the block was not run and is left out of the page",
        "19: warning: python exec blocks may only import reflex, reflex_image_zoom; the block was not run and is left out of the page",
        "24: warning: python exec blocks may only import reflex, reflex_image_zoom; the block was not run and is left out of the page",
    ],
    "html-in-front-matter.md": [
        "2: warning: front matter field 'title' contains HTML (<script>); it is shown as text, never as markup",
        "3: warning: front matter field 'author' contains HTML (<img>); it is shown as text, never as markup",
        "5: warning: front matter field 'description' contains HTML (<a>, <script>); it is shown as text, never as markup",
        "6: warning: image 'javascript:alert(\"cover\")' is not a site path or http(s) URL; the post has no cover",
    ],
    "impossible-date.md": ["4: invalid value in front matter: day is out of range for month"],
    "javascript-links.md": [
        '7: warning: HTML left out of the page: <a href="JaVaScRiPt:alert(2)">, <a href="javascript:alert(1)">',
        '9: warning: HTML left out of the page: <a href="java\\tscript:alert(4)">, <a href="javascript:alert(3)">',
        '11: warning: HTML left out of the page: <img src="javascript:alert(5)">',
        "13: warning: image src 'javascript:alert(6)' is not a site path or http(s) URL; left out",
    ],
    "links-to-unpublished.md": [
        "7: warning: link to /blog/draft-post: post 'draft-post' is a draft, so readers would get 'Post not found'",
        "7: warning: link to /blog/scheduled-post: post 'scheduled-post' is scheduled for 2999-01-01, so readers would get 'Post not found'",
    ],
    "missing-author.md": ["1: missing required front matter field 'author'"],
    "missing-date.md": ["1: missing required front matter field 'date' (YYYY-MM-DD)"],
    "missing-image.md": [
        "5: warning: image /blog/no-such-cover.webp not found under assets/",
        "8: warning: image /blog/no-such-chart.webp not found under assets/",
    ],
    "missing-title.md": ["1: missing required front matter field 'title'"],
    "misspelt-field.md": ["5: warning: unknown front matter field 'drat' (ignored; did you mean 'draft'?)"],
    "no-front-matter.md": ["1: missing front matter: start the file with a '---' block holding title, author and date"],
    "not-utf8.md": ["7: file is not UTF-8 text (byte 0xe9 at offset 66)"],
    "refused-eval.md": [
        "10: warning: unknown directive in python eval block: expected image_zoom(rx.image(src=...)) or rx.image(src=...); the block was not run and is left out of the page"
    ],
    "refused-exec.md": [
        "8: warning: python exec blocks may only import reflex, reflex_image_zoom, not os; the block was not run and is left out of the page"
    ],
    "scheduled-post.md": [],
    "script-html.md": [
        "9: warning: HTML left out of the page: <script>",
        "11: warning: HTML left out of the page: <iframe>",
        "13: warning: HTML left out of the page: <img onerror>, <a onclick>",
        "15: warning: HTML left out of the page: <div onmouseover>, <svg>, <circle>",
        "17: warning: HTML left out of the page: <p style>",
    ],
    "unknown-directive.md": [
        "10: warning: unknown directive in python eval block: expected image_zoom(rx.image(src=...)) or rx.image(src=...); the block was not run and is left out of the page"
    ],
    "unreadable-framework.md": [
        "15: warning: section 'Gamma — the second one' has no pros or cons in the '- **Title**: text' form; left out of the frameworks explorer",
        "19: warning: pro item is not in the '- **Title**: text' form; left out of the frameworks explorer",
    ],
    "unsafe-image.md": ["7: warning: image src 'javascript:alert(1)' is not a site path or http(s) URL; left out"],
}


# `python -m blog_app ARGS`, then its exit status and every module it imported, as JSON on stderr's last line.
REPORT_IMPORTS = """
import json, runpy, sys
sys.argv = ["blog_app", *sys.argv[1:]]
try:
    runpy.run_module("blog_app", run_name="__main__", alter_sys=True)
except SystemExit as exit:
    print(json.dumps({"status": exit.code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""
# What a check has no use for: the database layer and the UI framework (and their start-up time).
NOT_FOR_CHECK = ("alembic", "reflex", "sqlalchemy", "sqlmodel")


def run_check(*args: str, program: tuple[str, ...] = ("-m", "blog_app")) -> subprocess.CompletedProcess:
    """``python -m blog_app check ARGS`` from the project folder, without any content folder override."""
    env = {key: value for key, value in os.environ.items() if key != "BLOG_CONTENT_DIR"}
    return subprocess.run(
        [sys.executable, *program, "check", *args],
        cwd=settings.PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_every_bad_content_case_has_its_expected_lines():
    assert sorted(path.name for path in BAD_CONTENT.glob("*.md")) == sorted(EXPECTED)


def test_bad_content_fails_with_one_line_per_problem():
    result = run_check("--content", "tests/fixtures/bad-content")
    expected = [f"tests/fixtures/bad-content/{name}:{line}" for name, lines in EXPECTED.items() for line in lines]
    assert result.stdout.splitlines() == expected  # sorted by file, then line
    assert result.returncode == 1
    assert result.stderr.strip() == "check: 26 posts, 46 problems, 1 editorial note"


def test_check_imports_neither_the_database_layer_nor_reflex():
    result = run_check("--content", "tests/fixtures/bad-content", program=("-c", REPORT_IMPORTS))
    *_, summary, imports = result.stderr.splitlines()
    report = json.loads(imports)
    assert report["status"] == 1 and summary == "check: 26 posts, 46 problems, 1 editorial note"  # the whole check ran
    heavy = [name for name in report["modules"] if name.split(".")[0].startswith(NOT_FOR_CHECK)]
    assert heavy == []
    assert "blog_app.publishing.check" in report["modules"] and "mistletoe" in report["modules"]


def test_shipped_content_passes_and_lists_its_editorial_notes():
    result = run_check()
    assert result.returncode == 0, result.stdout + result.stderr
    seed_notes = [line for line in result.stdout.splitlines() if "top-python-web-frameworks-2024.md" in line]
    assert [line.split(":")[1] for line in seed_notes] == ["124", "139", "159"]
    assert all(": warning: editorial note left out of the page: TODO(" in line for line in result.stdout.splitlines())
    assert result.stderr.strip().endswith(", 0 problems, 3 editorial notes")


def test_editorial_notes_alone_do_not_fail(tmp_path):
    (tmp_path / "note.md").write_bytes((BAD_CONTENT / "editorial-note.md").read_bytes())
    result = run_check("--content", str(tmp_path))
    assert result.returncode == 0
    assert result.stdout.strip().endswith(
        "note.md:7: warning: editorial note left out of the page: TODO(editor): add a chart here."
    )
    assert result.stderr.strip() == "check: 1 post, 0 problems, 1 editorial note"


def test_a_missing_folder_is_a_usage_error(tmp_path):
    result = run_check("--content", str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert "does not exist" in result.stderr


def test_assets_folder_can_be_given(tmp_path):
    (tmp_path / "assets" / "blog").mkdir(parents=True)
    (tmp_path / "assets" / "blog" / "no-such-chart.webp").write_bytes(b"RIFF")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "pictures.md").write_bytes((BAD_CONTENT / "missing-image.md").read_bytes())
    result = run_check("--content", str(tmp_path / "content"), "--assets", str(tmp_path / "assets"))
    assert result.stdout.splitlines() == [
        f"{tmp_path}/content/pictures.md:5: warning: image /blog/no-such-cover.webp not found under assets/"
    ]
    assert result.returncode == 1
