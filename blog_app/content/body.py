"""Turn a Markdown body (mistletoe AST) into stored segments, a table of contents and text stats."""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import math
import re
from collections.abc import Iterator

from mistletoe import Document, block_token, span_token

from blog_app.content import directives
from blog_app.content.diagnostics import Diagnostic
from blog_app.content.markdown import PostRenderer, heading_level, mistletoe_html
from blog_app.content.sanitize import is_safe_image_src, removed_markup, sanitize_html
from blog_app.content.segments import Segment, TocEntry
from blog_app.content.slugs import slug
from blog_app.content.text import alt_text, plain_text

WORDS_PER_MINUTE = 230
EXCERPT_CHARS = 280
EDITORIAL = re.compile(r"^\s*(TODO|FIXME|XXX)\b\s*(\(|:)")
_HEADINGS = (block_token.Heading, block_token.SetextHeading)


@dataclasses.dataclass
class Body:
    """A parsed post body."""

    segments: list[Segment]
    toc: list[TocEntry]
    text: str
    excerpt: str
    word_count: int
    reading_minutes: int
    diagnostics: list[Diagnostic]
    blocks: list[block_token.BlockToken] = dataclasses.field(default_factory=list, repr=False)
    texts: dict[int, str] = dataclasses.field(default_factory=dict, repr=False)  # id(block) -> plain text


def parse_body(path: str, markdown: str, line_offset: int = 0) -> Body:
    """Parse a Markdown body into segments.

    Args:
        path: The file, for diagnostics.
        markdown: The body text (after the front matter).
        line_offset: Lines before the body in the file, so diagnostics name file lines.

    Returns:
        The segments, table of contents, plain text and warnings.
    """
    with mistletoe_html() as renderer, _collector_paused():
        blocks = list(Document(markdown).children or [])
        builder = _SegmentBuilder(path, line_offset, renderer, _repeated_subheadings(blocks))
        for token in blocks:
            builder.add_block(token)
    text = "\n".join(builder.text_parts)
    words = len(text.split())
    return Body(
        segments=builder.finish(),
        toc=builder.toc,
        text=text,
        excerpt=_excerpt(builder.first_paragraph),
        word_count=words,
        reading_minutes=max(1, math.ceil(words / WORDS_PER_MINUTE)),
        diagnostics=builder.diagnostics,
        blocks=blocks,
        texts=builder.texts,
    )


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a post's token tree is built and read.

    Every mistletoe token points to its parent, so the whole tree is one cycle that stays alive
    until the parse ends; the collector would scan it again and again as it grows, making a long
    post's parse grow faster than its length (2.8x the time for twice a 3,000-section post).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _SegmentBuilder:
    """Walks top-level blocks, merging consecutive prose into one ``html`` segment."""

    def __init__(self, path: str, line_offset: int, renderer: PostRenderer, repeated: set[str]):
        self.path = path
        self.offset = line_offset
        self.renderer = renderer
        self.segments: list[Segment] = []
        self.toc: list[TocEntry] = []
        self.text_parts: list[str] = []
        self.diagnostics: list[Diagnostic] = []
        self.first_paragraph = ""
        self.texts: dict[int, str] = {}
        self._prose: list[str] = []
        self._anchors: set[str] = set()
        self._next_suffix: dict[str, int] = {}
        self._section = ""
        self._repeated = repeated

    def add_block(self, token: block_token.BlockToken) -> None:
        line = self.offset + (getattr(token, "line_number", 1) or 1)
        plain = self.texts[id(token)] = plain_text(token)
        if isinstance(token, (*_HEADINGS, block_token.Paragraph)) and EDITORIAL.match(plain):
            self.diagnostics.append(
                Diagnostic(
                    self.path, line, f"editorial note left out of the page: {plain.strip()}", "warning", editorial=True
                )
            )
        elif isinstance(token, _HEADINGS):
            self._add_heading(token, plain, line)
        elif isinstance(token, block_token.CodeFence) and directives.is_directive(token.info_string or ""):
            self._add_directive(token, line)
        elif isinstance(token, (block_token.CodeFence, block_token.BlockCode)):
            self._emit(Segment(kind="code", language=token.language.lower(), code=_code_of(token), line=line))
        elif _lone_image(token):
            self._add_image(token.children[0], line)
        else:
            self._add_prose(token, plain)

    def finish(self) -> list[Segment]:
        self._flush_prose()
        return self.segments

    def _emit(self, segment: Segment) -> None:
        self._flush_prose()
        self.segments.append(segment)

    def _flush_prose(self) -> None:
        html = sanitize_html("\n".join(self._prose)).strip()
        self._prose = []
        if html:
            self.segments.append(Segment(kind="html", html=html))

    def _add_prose(self, token: block_token.BlockToken, plain: str) -> None:
        html = self._rendered(token)
        if isinstance(token, block_token.Table):  # wide tables scroll inside the column, not the page
            html = f'<div class="table-wrap">{html}</div>'
        self._prose.append(html)
        self.text_parts.append(plain)
        if isinstance(token, block_token.Paragraph) and not self.first_paragraph:
            self.first_paragraph = plain

    def _add_heading(self, token: block_token.BlockToken, plain: str, line: int) -> None:
        text = " ".join(plain.split())
        level = heading_level(token.level)
        anchor = self._unique_anchor(text, level)
        html = self._rendered(token, inner=True)
        if "<" in html or not html.isprintable():  # printable escaped text: the sanitiser would write it back as is
            html = sanitize_html(html)
        self._emit(Segment(kind="heading", level=level, text=text, html=html, anchor=anchor, line=line))
        self.text_parts.append(text)
        if level <= 3:
            self.toc.append(TocEntry(level=level, text=text, anchor=anchor))

    def _rendered(self, token: block_token.BlockToken, inner: bool = False) -> str:
        """``token`` as HTML, after warning about what the sanitiser will leave out and images without alt."""
        self.renderer.start_block()
        html = self.renderer.render_inner(token) if inner else self.renderer.render(token)
        line = self.offset + (getattr(token, "line_number", 1) or 1)
        removed = removed_markup(html) if self.renderer.needs_audit else []
        if removed:
            listed = ", ".join(removed)
            self.diagnostics.append(Diagnostic(self.path, line, f"HTML left out of the page: {listed}", "warning"))
        for src in self.renderer.images_without_alt:
            self._warn_no_alt(src, line)
        return html

    def _warn_no_alt(self, src: str, line: int) -> None:
        reason = f"image {src} has no alt text: screen readers skip it (describe it, unless it is only decoration)"
        self.diagnostics.append(Diagnostic(self.path, line, reason, "warning"))

    def _add_directive(self, token: block_token.CodeFence, line: int) -> None:
        result = directives.read_directive(self.path, line, token.info_string, _code_of(token))
        if isinstance(result, Segment):
            self._emit(result)
        elif isinstance(result, Diagnostic):
            self.diagnostics.append(result)

    def _add_image(self, image: span_token.Image, line: int) -> None:
        """An image alone in its paragraph: a zoomable figure, its title as the caption."""
        if not is_safe_image_src(image.src):
            self.diagnostics.append(
                Diagnostic(
                    self.path, line, f"image src {image.src!r} is not a site path or http(s) URL; left out", "warning"
                )
            )
            return
        alt = " ".join(alt_text(image).split())
        if not alt:
            self._warn_no_alt(image.src, line)
        self._emit(Segment(kind="image", src=image.src, alt=alt, caption=image.title or "", line=line))

    def _unique_anchor(self, text: str, level: int) -> str:
        """A stable anchor; a repeated sub-heading is qualified by its section (``fastapi-pros``)."""
        base = slug(text) or "section"
        if level == 2:
            self._section = base.split("-")[0]
        elif base in self._repeated and self._section:
            base = f"{self._section}-{base}"
        anchor = base
        # Suffixes already tried for this base are taken for good: resume after them (linear, not quadratic).
        n = self._next_suffix.get(base, 2)
        while anchor in self._anchors:
            anchor, n = f"{base}-{n}", n + 1
        self._next_suffix[base] = n
        self._anchors.add(anchor)
        return anchor


def _repeated_subheadings(blocks: list[block_token.BlockToken]) -> set[str]:
    """Slugs of h3+ headings that occur more than once (each ``### Pros`` under a framework)."""
    seen: set[str] = set()
    repeated: set[str] = set()
    for token in blocks:
        if isinstance(token, _HEADINGS) and token.level >= 3:
            base = slug(plain_text(token))
            (repeated if base in seen else seen).add(base)
    return repeated


def _lone_image(token: block_token.BlockToken) -> bool:
    """Whether ``token`` is a paragraph holding one image and nothing else (a figure, not an inline picture)."""
    return (
        isinstance(token, block_token.Paragraph)
        and len(token.children or []) == 1
        and isinstance(token.children[0], span_token.Image)
    )


def _code_of(token: block_token.BlockToken) -> str:
    children = token.children or []
    return children[0].content if children else ""


def _excerpt(paragraph: str) -> str:
    """The first paragraph, cut at a word boundary to at most ``EXCERPT_CHARS``."""
    text = " ".join(paragraph.split())
    if len(text) <= EXCERPT_CHARS:
        return text
    return text[:EXCERPT_CHARS].rsplit(" ", 1)[0].rstrip(",.;:") + "…"
