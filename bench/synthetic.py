"""Synthetic posts with the seed post's shape (front matter, seven framework sections, directives)."""

from __future__ import annotations

import datetime as dt
import pathlib

from blog_app import settings

SEED = settings.PROJECT_ROOT / "content" / "top-python-web-frameworks-2024.md"


def synthetic_post(number: int) -> str:
    """The seed post, retitled and redated as post ``number`` (each one distinct)."""
    text = SEED.read_text(encoding="utf-8")
    published = dt.date(2024, 11, 4) - dt.timedelta(days=number)
    text = text.replace(
        "title: The top Python frameworks for building web apps (2024)", f"title: Frameworks compared, part {number}", 1
    )
    text = text.replace("date: 2024-11-04", f"date: {published.isoformat()}", 1)
    return text + f"\nThis is synthetic post number {number}.\n"


def write_posts(folder: pathlib.Path, count: int) -> pathlib.Path:
    """Fill ``folder`` with ``count`` synthetic posts (``post-0001.md`` ...); returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.md"):
        stale.unlink()
    for number in range(1, count + 1):
        (folder / f"post-{number:04d}.md").write_text(synthetic_post(number), encoding="utf-8")
    return folder


def large_post(sections: int) -> str:
    """One very long comparison post: ``sections`` framework sections, each with raw HTML, a link, pros and cons."""
    body = "".join(
        f"## Framework {n}--fast\n\nIt has <b>bold</b> text and [a link](#framework-{n}) back.\n\n"
        f"### Pros\n\n- **Speed**: quick.\n\n### Cons\n\n- **Age**: new.\n\n"
        for n in range(1, sections + 1)
    )
    return f"---\ntitle: A very long post\nauthor: Test Author\ndate: 2024-01-01\n---\n\n{body}"
