"""The posts and addresses of the production sites the browser tests run against."""

from __future__ import annotations

import datetime as dt
import pathlib

from blog_app.core import settings
from harness.synthetic_posts import write_post

ARTIFACTS = settings.PROJECT_ROOT / "artifacts"
# Archive posts, older than the shipped ones, so the index has a second page.
ARCHIVE_POSTS = 13
# Posts readers must never see (production); newer than every other post, so they would top the index.
DRAFT = {"slug": "unfinished-thoughts", "title": "Unfinished thoughts on async views"}
SCHEDULED = {"slug": "next-month", "title": "A post scheduled for next month"}
UNPUBLISHED_WORD = "zanzibar"
# The production server of the SEO and hostile-request tests: its public address (unlike the local
# one, so absolute links prove they came from configuration) and a build folder of its own, beside
# AppHarnessProd's .web-test and a developer's .web.
SITE = "https://blog.example.test"
SEO_WEB_WORKDIR = settings.PROJECT_ROOT / ".web-seo"
# How many posts that server's feeds carry (BLOG_FEED_POSTS): fewer than it publishes.
FEED_POSTS = 5
# Everything that could break out of a <title>, an attribute or the JSON-LD <script>.
TRICKY_SLUG = "markup-in-titles"
TRICKY_TITLE = """Tags & "quotes": why </script> isn't a <title>"""
TRICKY_DESCRIPTION = """A <b>description</b> with & and "double" and 'single' quotes."""
TRICKY_POST = """---
title: 'Tags & "quotes": why </script> isn''t a <title>'
author: O'Brien & <Co>
date: 2024-12-01
description: 'A <b>description</b> with & and "double" and ''single'' quotes.'
tags: [html, "a&b"]
---

Plain text with a [link to the seed post](/blog/top-python-web-frameworks-2024) and [an anchor](#later).

## Later

The end.
"""
# A post on the production server whose cover is not the usual 1200×630 (its file is in assets/).
WIDE_COVER = {"slug": "wide-cover", "image": "/blog/post-pipeline.webp", "width": "1200", "height": "420"}
# Posts of the bad-content corpus that load, with markup, script and javascript: URLs left out.
HOSTILE_SLUGS = ("html-in-front-matter", "script-html", "javascript-links")


def write_unpublished_posts(folder: pathlib.Path) -> None:
    """A draft dated in the past and a post dated 30 days from now (both hidden from readers)."""
    write_post(
        folder,
        f"{DRAFT['slug']}.md",
        DRAFT["title"],
        date="2026-11-21",
        draft="true",
        description="Not ready for readers.",
        body=f"A draft that mentions {UNPUBLISHED_WORD}.",
    )
    write_post(
        folder,
        f"{SCHEDULED['slug']}.md",
        SCHEDULED["title"],
        date=(dt.date.today() + dt.timedelta(days=30)).isoformat(),
        description="Coming soon.",
        body=f"A scheduled post that mentions {UNPUBLISHED_WORD}.",
    )
