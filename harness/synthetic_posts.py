"""Posts written for a run: minimal valid ones, and synthetic ones with the seed post's shape."""

from __future__ import annotations

import datetime as dt
import pathlib
import textwrap

from blog_app.core import settings

# The live seed post: benchmarks measure posts shaped like the real blog (tests pass their frozen copy).
SEED = settings.PROJECT_ROOT / "content" / "top-python-web-frameworks-2024.md"
# The seed post's title and the first words of its first paragraph (the live post and its frozen copy alike).
SEED_TITLE = "The top Python frameworks for building web apps (2024)"
SEED_TEXT = "There are 16 million Python developers"


def synthetic_post(number: int, seed: pathlib.Path = SEED) -> str:
    """The seed post, retitled and redated as post ``number`` (each one distinct)."""
    text = seed.read_text(encoding="utf-8")
    published = dt.date(2024, 11, 4) - dt.timedelta(days=number)
    text = text.replace(f"title: {SEED_TITLE}", f"title: Frameworks compared, part {number}", 1)
    text = text.replace("date: 2024-11-04", f"date: {published.isoformat()}", 1)
    return text + f"\nThis is synthetic post number {number}.\n"


def write_posts(folder: pathlib.Path, count: int, seed: pathlib.Path = SEED) -> pathlib.Path:
    """Fill ``folder`` with ``count`` synthetic posts (``post-0001.md`` ...); returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.md"):
        stale.unlink()
    for number in range(1, count + 1):
        (folder / f"post-{number:04d}.md").write_text(synthetic_post(number, seed), encoding="utf-8")
    return folder


def write_post(
    folder: pathlib.Path, name: str, title: str, date: str = "2024-01-01", body: str = "Hello.", **extra
) -> pathlib.Path:
    """Write a minimal valid post file and return its path."""
    lines = [f"title: {title}", "author: Test Author", f"date: {date}"]
    lines += [f"{key}: {value}" for key, value in extra.items()]
    path = folder / name
    path.write_text("---\n" + "\n".join(lines) + "\n---\n\n" + textwrap.dedent(body).strip() + "\n", encoding="utf-8")
    return path
