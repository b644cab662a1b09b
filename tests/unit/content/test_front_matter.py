"""Front matter validation: every error names the file, the line and the reason."""

from __future__ import annotations

import datetime as dt

import pytest

from blog_app.content import ContentError, parse_post


def errors_of(text: str | bytes) -> list[str]:
    data = text if isinstance(text, bytes) else text.encode()
    with pytest.raises(ContentError) as caught:
        parse_post("content/bad.md", data)
    return [str(d) for d in caught.value.diagnostics]


def test_missing_required_fields_are_all_reported():
    assert errors_of("---\ndescription: x\n---\nbody\n") == [
        "content/bad.md:1: missing required front matter field 'title'",
        "content/bad.md:1: missing required front matter field 'author'",
        "content/bad.md:1: missing required front matter field 'date' (YYYY-MM-DD)",
    ]


def test_invalid_yaml_names_its_line():
    [error] = errors_of("---\ntitle: ok\nauthor: [unclosed\ndate: 2024-01-01\n---\n")
    assert error.startswith(
        "content/bad.md:3: invalid YAML in front matter: did not find expected ',' or ']' while parsing a flow sequence"
    )


def test_impossible_date_names_its_line():
    [error] = errors_of("---\ntitle: t\nauthor: a\ndate: 2024-02-30\n---\n")
    assert error == "content/bad.md:4: invalid value in front matter: day is out of range for month"


def test_unparseable_date_string():
    [error] = errors_of("---\ntitle: t\nauthor: a\ndate: next tuesday\n---\n")
    assert error.startswith("content/bad.md:4: front matter field 'date' is not a valid date")


def test_empty_file_and_missing_front_matter():
    assert errors_of("") == ["content/bad.md:1: file is empty"]
    assert errors_of("# Just markdown\n")[0].startswith("content/bad.md:1: missing front matter")


def test_bytes_that_are_not_utf8_name_their_line():
    [error] = errors_of(b"---\ntitle: t\nauthor: a\ndate: 2024-01-01\n---\ncaf\xe9\n")
    assert error.startswith("content/bad.md:6: file is not UTF-8 text")


def test_invalid_slug_suggests_a_fix():
    [error] = errors_of("---\ntitle: t\nauthor: a\ndate: 2024-01-01\nslug: Hello World\n---\n")
    assert (
        error
        == "content/bad.md:5: slug 'Hello World' must be lowercase letters, digits and hyphens (try 'hello-world')"
    )


def test_title_must_be_text():
    [error] = errors_of("---\ntitle: [a, b]\nauthor: a\ndate: 2024-01-01\n---\n")
    assert error == "content/bad.md:2: front matter field 'title' must be text, not list"


def test_optional_fields_and_defaults():
    document = parse_post(
        "content/My First Post.md",
        b"---\ntitle: '  Spaced   title '\nauthor: Ann\ndate: 2024-05-06T10:00:00\ntags: [Python, python, web]\n---\nHi\n",
    )
    assert document.meta.slug == "my-first-post"
    assert document.meta.title == "Spaced title"
    assert document.meta.published == dt.date(2024, 5, 6)
    assert document.meta.keywords == ("Python", "web")
    assert document.meta.description == ""


def test_unknown_field_is_a_warning_naming_the_closest_known_one():
    document = parse_post("content/x.md", b"---\ntitle: t\nauthor: a\ndate: 2024-01-01\ntitel: typo\n---\nHi\n")
    assert [str(w) for w in document.warnings] == [
        "content/x.md:5: warning: unknown front matter field 'titel' (ignored; did you mean 'title'?)"
    ]


def test_unknown_field_like_no_known_one_lists_them_all():
    document = parse_post("content/x.md", b"---\ntitle: t\nauthor: a\ndate: 2024-01-01\nzzz: 1\n---\nHi\n")
    assert [str(w) for w in document.warnings] == [
        "content/x.md:5: warning: unknown front matter field 'zzz' (ignored; known fields: title, author, date, "
        "slug, description, image, meta, keywords, tags, draft, updated)"
    ]


def test_every_invalid_field_is_reported_at_its_line_in_field_order():
    text = "---\ndraft: yes please\nmeta: 3\nupdated: soon\ntitle: t\nauthor: [a]\ndate: 2024-01-01\n---\n"
    assert errors_of(text) == [
        "content/bad.md:6: front matter field 'author' must be text, not list",
        "content/bad.md:3: front matter field 'meta' must be a list of {name, content} entries",
        "content/bad.md:2: front matter field 'draft' must be true or false, not 'yes please'",
        "content/bad.md:4: front matter field 'updated' is not a valid date: 'soon' (use YYYY-MM-DD)",
    ]


def test_keywords_gather_meta_keywords_and_tags_without_repeats():
    document = parse_post(
        "content/x.md",
        b"---\ntitle: t\nauthor: a\ndate: 2024-01-01\ntags: [web, Python]\nkeywords: python, apps\n"
        b"meta: [{name: keywords, content: 'AI, python'}, {name: robots, content: none}]\n---\nHi\n",
    )
    assert document.meta.keywords == ("AI", "python", "apps", "web")
    assert not document.warnings


def test_an_unusable_cover_image_is_a_warning_and_no_cover():
    document = parse_post("content/x.md", b"---\ntitle: t\nauthor: a\ndate: 2024-01-01\nimage: data:x\n---\nHi\n")
    assert document.meta.image == ""
    assert [str(w) for w in document.warnings] == [
        "content/x.md:5: warning: image 'data:x' is not a site path or http(s) URL; the post has no cover"
    ]


def test_an_editor_schema_line_is_a_comment_to_the_parser():
    text = b"---\n# yaml-language-server: $schema=../front-matter.schema.json\ntitle: t\nauthor: a\ndate: 2024-01-01\n---\nHi\n"
    document = parse_post("content/x.md", text)
    assert (document.meta.title, document.meta.line_of("title"), document.warnings) == ("t", 3, [])
