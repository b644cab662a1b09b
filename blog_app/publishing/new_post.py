"""Start a post: a Markdown file with complete front matter and a slug no other post has."""

from __future__ import annotations

import datetime as dt
import getpass
import pathlib
import subprocess

import yaml
from slugify import slugify

from blog_app.content import ContentError
from blog_app.content.front_matter import load_yaml, split_front_matter

TEMPLATE = """\
---
{title}
{author}
date: {date}
draft: true  # readers see nothing until you delete this line; `reflex run` shows it with a banner
description: ""  # one sentence for the index card and link previews
tags: []  # keywords, e.g. [python, web frameworks]
# image: /blog/{slug}.webp  # a 1200×630 cover under assets/blog/
---

TODO: write the post, then delete this line (an editorial note: readers never see it).
"""


def taken_slugs(content_dir: pathlib.Path) -> set[str]:
    """Every slug the posts under ``content_dir`` use: their file names and any ``slug:`` field."""
    taken = set()
    for path in content_dir.rglob("*.md"):
        taken.add(slugify(path.stem))
        try:
            text = path.read_text(encoding="utf-8-sig")
            declared = load_yaml(str(path), split_front_matter(str(path), text).yaml_text).get("slug")
        except (ContentError, UnicodeDecodeError, OSError):
            continue  # a broken file claims only its name
        if isinstance(declared, str):
            taken.add(declared)
    return taken


def unique_slug(title: str, taken: set[str]) -> str:
    """The slug of ``title``, with ``-2``, ``-3``… appended until no post has it."""
    base = slugify(title) or "post"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def default_author(folder: pathlib.Path) -> str:
    """``git config user.name`` as seen from ``folder`` (a content repository's own setting counts), else the login name."""
    try:
        name = subprocess.run(
            ["git", "config", "user.name"], cwd=folder, capture_output=True, text=True, timeout=5, check=False
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        name = ""
    return name or getpass.getuser()


def create_post(content_dir: pathlib.Path, title: str, author: str, today: dt.date) -> pathlib.Path:
    """Write ``<slug>.md`` into ``content_dir`` as a draft dated ``today``.

    Args:
        content_dir: The posts folder (created if missing).
        title: The post's title.
        author: The byline.
        today: The publication date to write.

    Returns:
        The new file.

    Raises:
        ValueError: If the title is blank.
    """
    if not title.strip():
        raise ValueError("the title is empty")
    content_dir.mkdir(parents=True, exist_ok=True)
    slug = unique_slug(title, taken_slugs(content_dir))
    path = content_dir / f"{slug}.md"
    text = TEMPLATE.format(
        title=_yaml_field("title", " ".join(title.split())),
        author=_yaml_field("author", author),
        date=today.isoformat(),
        slug=slug,
    )
    with open(path, "x", encoding="utf-8") as handle:  # "x": never overwrite a file that appeared meanwhile
        handle.write(text)
    return path


def _yaml_field(name: str, value: str) -> str:
    """``name: value`` with whatever quoting YAML needs (titles may hold colons and quotes)."""
    return yaml.safe_dump({name: value}, allow_unicode=True, width=10_000).strip()
