"""A parsed post carries its links with their lines, read from the same parse as its segments."""

from __future__ import annotations

from blog_app.content import parse_post
from blog_app.content.links import Link

POST = b"""---
title: A post that links
author: Ada
date: 2024-02-02
---

See [a](/blog/x) and
more [b](#y) text.

- item
  continued [e](relative)

> quote [f](/q)

[reference][r] and <https://example.com>

[r]: /blog/ref
"""


def test_a_document_carries_its_links_with_their_file_lines():
    document = parse_post("x.md", POST)
    assert document.links == [
        Link("/blog/x", 7),
        Link("#y", 8),
        Link("relative", 11),
        Link("/q", 13),
        Link("/blog/ref", 15),
        Link("https://example.com", 15),
    ]


def test_links_in_code_and_raw_html_are_not_links():
    text = b"---\ntitle: t\nauthor: a\ndate: 2024-01-01\n---\n`[a](/x)`\n\n<p><a href='/y'>y</a></p>\n\n    [b](/z)\n\n[c](/c)\n"
    assert parse_post("x.md", text).links == [Link("/c", 12)]
