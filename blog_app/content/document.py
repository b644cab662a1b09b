"""Parse one content file into a validated, renderable Document (pure: no database, no Reflex)."""

from __future__ import annotations

import dataclasses
import hashlib
import pathlib

from blog_app.content.body import parse_body
from blog_app.content.diagnostics import Diagnostic
from blog_app.content.frameworks import FrameworkEntry, extract_frameworks
from blog_app.content.front_matter import FrontMatter, decode_post, parse_front_matter, split_front_matter
from blog_app.content.links import Link, collect_links
from blog_app.content.segments import Segment, TocEntry


@dataclasses.dataclass
class Document:
    """A post ready to be stored: metadata, rendered body and what the parser noticed."""

    meta: FrontMatter
    source_path: str
    content_hash: str
    segments: list[Segment]
    toc: list[TocEntry]
    text: str
    excerpt: str
    word_count: int
    reading_minutes: int
    warnings: list[Diagnostic]
    frameworks: list[FrameworkEntry] = dataclasses.field(default_factory=list)
    links: list[Link] = dataclasses.field(default_factory=list)

    @property
    def slug(self) -> str:
        """The post's URL slug."""
        return self.meta.slug

    @property
    def slug_line(self) -> int:
        """The file line that sets the slug (the opening ``---`` when the file name makes it)."""
        return self.meta.line_of("slug")


# Bump when parsing changes what is stored for the same file: every post is then re-parsed
# at the next ingest instead of keeping what the old parser made of it.
PARSER_VERSION = 3


def content_hash(data: bytes) -> str:
    """The fingerprint ingest uses to skip unchanged files: the file's bytes and the parser version."""
    return hashlib.sha256(b"parser %d\n" % PARSER_VERSION + data).hexdigest()


def parse_post(path: str, data: bytes) -> Document:
    """Parse a post file.

    Args:
        path: The file name as it should appear in messages (e.g. ``content/x.md``).
        data: The file's bytes.

    Returns:
        The Document, with non-fatal warnings attached.

    Raises:
        ContentError: When the file cannot be published (bad front matter, not UTF-8, ...).
    """
    text = decode_post(path, data)
    parts = split_front_matter(path, text)
    meta, warnings = parse_front_matter(path, parts.yaml_text, default_slug=pathlib.PurePath(path).stem)
    body = parse_body(path, parts.body, line_offset=parts.body_offset)
    anchors = {segment.line: segment.anchor for segment in body.segments if segment.kind == "heading"}
    frameworks, framework_warnings = extract_frameworks(path, body.blocks, parts.body_offset, anchors, body.texts)
    return Document(
        meta=meta,
        source_path=path,
        content_hash=content_hash(data),
        segments=body.segments,
        toc=body.toc,
        text=body.text,
        excerpt=body.excerpt or meta.description,
        word_count=body.word_count,
        reading_minutes=body.reading_minutes,
        warnings=warnings + body.diagnostics + framework_warnings,
        frameworks=frameworks,
        links=collect_links(body.blocks, parts.body_offset),
    )
