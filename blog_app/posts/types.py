"""What the post pages show: cards, a whole post, links between posts, a page of the index (plain data)."""

from __future__ import annotations

import dataclasses

from blog_app.content.segments import Segment, TocEntry


@dataclasses.dataclass
class KeywordRef:
    """A keyword as a chip: its name and the slug its link filters by."""

    name: str = ""
    slug: str = ""


@dataclasses.dataclass
class PostSummary:
    """What a post card on the index shows."""

    slug: str = ""
    title: str = ""
    description: str = ""
    author: str = ""
    published: str = ""
    published_label: str = ""
    cover_image: str = ""
    reading_minutes: int = 1
    keywords: list[KeywordRef] = dataclasses.field(default_factory=list)
    cover_missing: bool = False
    # "published", "draft" or "scheduled"; only authors (development) ever get the last two.
    status: str = "published"
    status_label: str = ""


@dataclasses.dataclass
class PostDetail(PostSummary):
    """Everything the post page renders."""

    segments: list[Segment] = dataclasses.field(default_factory=list)
    toc: list[TocEntry] = dataclasses.field(default_factory=list)
    word_count: int = 0
    excerpt: str = ""
    updated: str = ""  # ISO date of the last revision; the publication date when never revised


@dataclasses.dataclass
class PostLink:
    """A link to another post (previous / next)."""

    slug: str = ""
    title: str = ""


@dataclasses.dataclass
class PostPage:
    """One page of the index."""

    posts: list[PostSummary]
    total: int
    page: int
    pages: int
