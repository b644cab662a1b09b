"""Parsing the seed post: metadata, keywords, table of contents and safe directives."""

from __future__ import annotations

import datetime as dt

from blog_app.content import parse_post
from tests.support.fixture_posts import SEED, SEED_FRAMEWORKS, SEED_KEYWORDS

FRAMEWORK_HEADINGS = list(SEED_FRAMEWORKS)


def parse_seed(seed_bytes: bytes):
    return parse_post("content/" + SEED.name, seed_bytes)


def test_front_matter_fields(seed_bytes):
    meta = parse_seed(seed_bytes).meta
    assert meta.title == "The top Python frameworks for building web apps (2024)"
    assert meta.author == "Elvis Kahoro"
    assert meta.published == dt.date(2024, 11, 4)
    assert meta.slug == "top-python-web-frameworks-2024"
    assert meta.image == "/blog/ag-grid.webp"
    assert meta.description.startswith("The top Python frameworks for building AI")


def test_keywords_become_a_clean_list(seed_bytes):
    assert parse_seed(seed_bytes).meta.keywords == SEED_KEYWORDS


def test_toc_lists_the_seven_frameworks_in_order(seed_bytes):
    toc = parse_seed(seed_bytes).toc
    h2 = [entry.text.split("\u2014")[0] for entry in toc if entry.level == 2]
    assert h2 == FRAMEWORK_HEADINGS
    anchors = [entry.anchor for entry in toc]
    assert len(anchors) == len(set(anchors)), "anchors must be unique"
    assert "reflex-frontend-backend-pure-python" in anchors
    assert "fastapi-pros" in anchors and "dash-cons" in anchors


def test_no_todo_reaches_any_segment(seed_bytes):
    document = parse_seed(seed_bytes)
    for segment in document.segments:
        assert "TODO" not in segment.html + segment.text + segment.alt
    assert "TODO" not in document.text
    todo_warnings = [w for w in document.warnings if "TODO(elvis)" in w.reason]
    assert [w.line for w in todo_warnings] == [124, 139, 159]
    assert all(w.severity == "warning" and w.path.endswith(SEED.name) for w in todo_warnings)


def test_eval_block_becomes_a_zoomable_image_segment(seed_bytes):
    images = [s for s in parse_seed(seed_bytes).segments if s.kind == "image"]
    assert len(images) == 1
    assert images[0].src == "/blog/github-python_top_language_2024.webp"
    assert images[0].alt  # derived from the file name when the directive gives none
    assert images[0].line == 31


def test_exec_block_produces_nothing_and_no_warning(seed_bytes):
    document = parse_seed(seed_bytes)
    assert not any("import" in s.html or "import" in s.code for s in document.segments)
    assert not any("exec" in w.reason for w in document.warnings)


def test_text_statistics(seed_bytes):
    document = parse_seed(seed_bytes)
    assert 1000 < document.word_count < 1300
    assert document.reading_minutes == 5
    assert document.excerpt.startswith("There are 16 million Python developers worldwide")
    assert len(document.excerpt) <= 281


def test_prose_keeps_lists_and_emphasis(seed_bytes):
    html = "".join(s.html for s in parse_seed(seed_bytes).segments if s.kind == "html")
    assert "<li><strong>Pure Python</strong>: Reflex enables you" in html
    assert "<code>reflex deploy</code>" in html
