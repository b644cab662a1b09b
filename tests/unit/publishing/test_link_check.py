"""Links in posts: found with their lines, and checked against the other posts and assets/."""

from __future__ import annotations

import datetime as dt

from blog_app.content import parse_post
from blog_app.content.links import Link
from blog_app.publishing.check import check_content
from harness.synthetic_posts import write_post

POST = b"""---
title: Links
author: Test Author
date: 2024-01-01
---

Intro [a](/blog/x) and
more [b](#y) text, *emphasis
[c](/blog/c)*.

- item [d](/blog/d)
- item
  continued [e](relative)

> quote [f](/q)

| A | B |
|---|---|
| [g](/t) | x |

[reference][r] and <https://example.com>

![an image is not a link](/blog/i.webp)

[r]: /blog/ref
"""


def test_links_are_found_on_their_own_lines():
    assert parse_post("x.md", POST).links == [
        Link("/blog/x", 7),
        Link("#y", 8),
        Link("/blog/c", 9),
        Link("/blog/d", 11),
        Link("relative", 13),
        Link("/q", 15),
        Link("/t", 19),
        Link("/blog/ref", 21),
        Link("https://example.com", 21),
    ]


def test_links_that_lead_somewhere_pass(tmp_path):
    write_post(tmp_path, "target.md", "Target", body="## Deep dive\n\nText.")
    write_post(
        tmp_path,
        "source.md",
        "Source",
        body="""
        ## Here

        [own heading](#here), [other post](/blog/target), [its heading](/blog/target#deep-dive),
        [relative](target), [up and over](../frameworks), [home](/), [feed](/rss.xml), [explorer](/frameworks/),
        [cover file](/blog/ag-grid.webp), [mail](mailto:editors@example.com), [web](https://example.com/x#y),
        [escaped heading](/blog/target#deep%2Ddive).
        """,
    )
    report = check_content(tmp_path, today=dt.date(2026, 1, 1))
    assert report.diagnostics == [] and report.posts == 2


def test_a_draft_may_link_to_another_draft(tmp_path):
    write_post(tmp_path, "one.md", "One", draft="true", body="See [two](/blog/two).")
    write_post(tmp_path, "two.md", "Two", date="2999-01-01", body="Coming.")
    assert check_content(tmp_path, today=dt.date(2026, 1, 1)).problems == []
