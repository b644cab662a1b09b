"""What the post pages show: cards, search results, a whole post, links between posts, a page of the index (plain data)."""

from __future__ import annotations

import dataclasses

from blog_app.content.segments import Segment, TocEntry
from blog_app.core.search import SnippetPart


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
    # The cover's intrinsic size in pixels, read at ingest; 0 when unknown.
    cover_width: int = 0
    cover_height: int = 0
    reading_minutes: int = 1
    keywords: list[KeywordRef] = dataclasses.field(default_factory=list)
    cover_missing: bool = False
    # "published", "draft" or "scheduled"; only authors (development) ever get the last two.
    status: str = "published"
    status_label: str = ""


@dataclasses.dataclass
class SearchResult(PostSummary):
    """A post card among search results: the passage that matched, its matched words marked."""

    snippet: list[SnippetPart] = dataclasses.field(default_factory=list)


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
class RelatedLink:
    """A post to read next, under another post: its title and description."""

    slug: str = ""
    title: str = ""
    description: str = ""


@dataclasses.dataclass
class PostPage:
    """One page of the index: posts newest first, or, for a search, results best first.

    Attributes:
        posts: The cards when browsing (empty for a search).
        total: How many posts the view holds in all.
        page: This page's number.
        pages: How many pages there are.
        results: The cards of a search, best match first.
        message: Why a search looked for nothing (its text held no word), else "".
        notice: What the reader should know about a search's results (a typo forgiven), else "".
    """

    posts: list[PostSummary]
    total: int
    page: int
    pages: int
    results: list[SearchResult] = dataclasses.field(default_factory=list)
    message: str = ""
    notice: str = ""
