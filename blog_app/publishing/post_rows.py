"""A parsed post as the rows ingest writes: computed where the post was parsed, in a parse worker (no database).

Everything here depends on one post alone, so it runs beside the parse, on every core; what a
worker sends back is what ingest stores, smaller than the Document it came from.
"""

from __future__ import annotations

import dataclasses
import pathlib
from typing import Any

from slugify import slugify

from blog_app.content import Diagnostic, Document
from blog_app.content.frameworks import FrameworkEntry
from blog_app.core.assets import image_size
from blog_app.core.search.words import word_counts
from blog_app.publishing.content_files import missing_images
from blog_app.publishing.related import profile_of_counts


@dataclasses.dataclass
class FrameworkRows:
    """A framework a post compares, as rows: the framework's columns, each trait's, and its search index text.

    Attributes:
        framework: The ``Framework`` columns (not its id, post or position).
        traits: The ``Trait`` columns of each trait, in order (not their ids, framework or position).
        search: The text of each column of the frameworks' search index.
    """

    framework: dict[str, str]
    traits: list[dict[str, str]]
    search: dict[str, str]


@dataclasses.dataclass
class PostRows:
    """One post, ready to write.

    Attributes:
        source_path: The file as messages name it.
        slug: The post's slug; ``slug_line`` the file line that sets it.
        warnings: What the parser noticed, and images missing under assets/.
        post: The ``Post`` columns that come from the file (not ``source_path``, ids or timestamps).
        keywords: ``(name, slug)`` of each keyword, in front matter order.
        frameworks: The frameworks the post compares.
        search: The text of each column of the posts' search index.
        profile: The post's most frequent stems (``related.profile``).
        words: Every word of ``search`` (the search vocabulary counts the posts using each).
    """

    source_path: str
    slug: str
    slug_line: int
    warnings: list[Diagnostic]
    post: dict[str, Any]
    keywords: list[tuple[str, str]]
    frameworks: list[FrameworkRows]
    search: dict[str, str]
    profile: dict[str, int]
    words: frozenset[str]


def post_rows(document: Document, assets_dir: pathlib.Path | None = None) -> PostRows:
    """The rows of ``document``; with ``assets_dir``, images missing under it are warnings."""
    search = search_columns(document)
    words = {name: word_counts(text) for name, text in search.items()}
    missing = missing_images(document, assets_dir) if assets_dir is not None else []
    return PostRows(
        source_path=document.source_path,
        slug=document.slug,
        slug_line=document.meta.line_of("slug"),
        warnings=document.warnings + missing,
        post=post_columns(document) | cover_size_columns(document.meta.image, assets_dir),
        keywords=[(name, slugify(name) or "keyword") for name in document.meta.keywords],
        frameworks=[framework_rows(entry) for entry in document.frameworks],
        search=search,
        profile=profile_of_counts(words),
        words=frozenset().union(*words.values()),
    )


def post_columns(document: Document) -> dict[str, Any]:
    """The ``Post`` columns a parsed post fills."""
    meta = document.meta
    return {
        "slug": meta.slug,
        "title": meta.title,
        "description": meta.description,
        "author": meta.author,
        "published": meta.published,
        "updated": meta.updated,
        "cover_image": meta.image,
        "content_hash": document.content_hash,
        "segments": [segment.to_dict() for segment in document.segments],
        "toc": [entry.to_dict() for entry in document.toc],
        "body_text": document.text,
        "excerpt": document.excerpt,
        "word_count": document.word_count,
        "reading_minutes": document.reading_minutes,
        "draft": meta.draft,
    }


def cover_size_columns(image: str, assets_dir: pathlib.Path | None) -> dict[str, int]:
    """The ``Post`` columns of the cover's intrinsic size, read from its file under ``assets_dir`` (0 when unknown)."""
    width, height = image_size(image, assets_dir.resolve()) if image and assets_dir is not None else (0, 0)
    return {"cover_width": width, "cover_height": height}


def search_columns(document: Document) -> dict[str, str]:
    """The text of each column of the posts' search index, from a parsed post."""
    headings = [segment.text for segment in document.segments if segment.kind == "heading"]
    return {
        "title": document.meta.title,
        "headings": "\n".join(headings),
        "keywords": "\n".join(document.meta.keywords),
        "description": document.meta.description,
        "body": document.text,
    }


def framework_rows(entry: FrameworkEntry) -> FrameworkRows:
    """The rows of a framework a post compares."""
    traits = [
        {"kind": trait.kind, "title": trait.title, "key": trait.key, "description": trait.description}
        for trait in entry.traits
    ]
    search = {
        "name": entry.name,
        "tagline": entry.tagline,
        "traits": "\n".join(trait.title for trait in entry.traits),
        "details": "\n".join(trait.description for trait in entry.traits),
    }
    columns = {"slug": entry.slug, "name": entry.name, "tagline": entry.tagline, "summary": entry.summary}
    return FrameworkRows(framework=columns | {"anchor": entry.anchor}, traits=traits, search=search)
