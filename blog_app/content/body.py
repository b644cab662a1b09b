"""Turn a Markdown body (mistletoe AST) into stored segments, a table of contents and text stats."""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Iterable

from mistletoe import Document, block_token, span_token
from mistletoe.html_renderer import HtmlRenderer
from slugify import slugify

from blog_app.content import directives
from blog_app.content.diagnostics import Diagnostic
from blog_app.content.markdown import mistletoe_html
from blog_app.content.sanitize import is_safe_image_src, removed_markup, sanitize_html, strip_tags
from blog_app.content.segments import Segment, TocEntry

WORDS_PER_MINUTE = 230
EXCERPT_CHARS = 280
EDITORIAL = re.compile(r"^\s*(TODO|FIXME|XXX)\b\s*(\(|:)")


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


def parse_body(path: str, markdown: str, line_offset: int = 0) -> Body:
    """Parse a Markdown body into segments.

    Args:
        path: The file, for diagnostics.
        markdown: The body text (after the front matter).
        line_offset: Lines before the body in the file, so diagnostics name file lines.

    Returns:
        The segments, table of contents, plain text and warnings.
    """
    with mistletoe_html() as renderer:
        blocks = list(Document(markdown).children or [])
        for block in blocks:
            smarten_dashes(block)
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
    )


class _SegmentBuilder:
    """Walks top-level blocks, merging consecutive prose into one ``html`` segment."""

    def __init__(self, path: str, line_offset: int, renderer: HtmlRenderer, repeated: set[str]):
        self.path = path
        self.offset = line_offset
        self.renderer = renderer
        self.segments: list[Segment] = []
        self.toc: list[TocEntry] = []
        self.text_parts: list[str] = []
        self.diagnostics: list[Diagnostic] = []
        self.first_paragraph = ""
        self._prose: list[str] = []
        self._anchors: set[str] = set()
        self._section = ""
        self._repeated = repeated

    def add_block(self, token: block_token.BlockToken) -> None:
        line = self.offset + (getattr(token, "line_number", 1) or 1)
        plain = plain_text(token)
        if isinstance(
            token, (block_token.Heading, block_token.SetextHeading, block_token.Paragraph)
        ) and EDITORIAL.match(plain):
            self.diagnostics.append(
                Diagnostic(
                    self.path, line, f"editorial note left out of the page: {plain.strip()}", "warning", editorial=True
                )
            )
        elif isinstance(token, (block_token.Heading, block_token.SetextHeading)):
            self._add_heading(token, plain, line)
        elif isinstance(token, block_token.CodeFence) and directives.is_directive(token.info_string or ""):
            self._add_directive(token, line)
        elif isinstance(token, (block_token.CodeFence, block_token.BlockCode)):
            language = (getattr(token, "info_string", "") or "").split(" ")[0]
            self._emit(Segment(kind="code", language=language.lower(), code=_code_of(token), line=line))
        elif isinstance(token, block_token.Paragraph) and any(
            isinstance(c, span_token.Image) for c in token.children or []
        ):
            self._add_paragraph_with_images(token, line)
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
        html = self._checked(self.renderer.render(token), token)
        if isinstance(token, block_token.Table):  # wide tables scroll inside the column, not the page
            html = f'<div class="table-wrap">{html}</div>'
        self._prose.append(html)
        self.text_parts.append(plain)
        if isinstance(token, block_token.Paragraph) and not self.first_paragraph:
            self.first_paragraph = plain

    def _add_heading(self, token: block_token.BlockToken, plain: str, line: int) -> None:
        text = " ".join(plain.split())
        level = max(2, token.level)  # the page title is the only h1
        anchor = self._unique_anchor(text, level)
        html = sanitize_html(self._checked(self.renderer.render_inner(token), token))
        self._emit(Segment(kind="heading", level=level, text=text, html=html, anchor=anchor, line=line))
        self.text_parts.append(text)
        if level <= 3:
            self.toc.append(TocEntry(level=level, text=text, anchor=anchor))

    def _checked(self, html: str, token: block_token.BlockToken) -> str:
        """``html`` as rendered, after reporting what the sanitiser will leave out of it (a warning)."""
        removed = removed_markup(html)
        if removed:
            line = self.offset + (getattr(token, "line_number", 1) or 1)
            listed = ", ".join(removed)
            self.diagnostics.append(Diagnostic(self.path, line, f"HTML left out of the page: {listed}", "warning"))
        return html

    def _add_directive(self, token: block_token.CodeFence, line: int) -> None:
        result = directives.read_directive(self.path, line, token.info_string, _code_of(token))
        if isinstance(result, Segment):
            self._emit(result)
        elif isinstance(result, Diagnostic):
            self.diagnostics.append(result)

    def _add_paragraph_with_images(self, token: block_token.Paragraph, line: int) -> None:
        """Lift images out of a paragraph so each renders zoomable; keep the text around them."""
        run: list[span_token.SpanToken] = []
        for child in [*list(token.children or []), None]:
            if child is not None and not isinstance(child, span_token.Image):
                run.append(child)
                continue
            inner = self._checked("".join(self.renderer.render(c) for c in run).strip(), token)
            if inner:
                self._prose.append(f"<p>{inner}</p>")
                text = "".join(plain_text(c) for c in run)
                self.text_parts.append(text)
                self.first_paragraph = self.first_paragraph or text
            run = []
            if child is not None:
                self._add_image(child, line)

    def _add_image(self, image: span_token.Image, line: int) -> None:
        if not is_safe_image_src(image.src):
            self.diagnostics.append(
                Diagnostic(
                    self.path, line, f"image src {image.src!r} is not a site path or http(s) URL; left out", "warning"
                )
            )
            return
        alt = " ".join(plain_text(image).split()) or directives.alt_from_src(image.src)
        self._emit(Segment(kind="image", src=image.src, alt=alt, caption=image.title or "", line=line))

    def _unique_anchor(self, text: str, level: int) -> str:
        """A stable anchor; a repeated sub-heading is qualified by its section (``fastapi-pros``)."""
        base = slugify(text) or "section"
        if level == 2:
            self._section = base.split("-")[0]
        elif base in self._repeated and self._section:
            base = f"{self._section}-{base}"
        anchor, n = base, 2
        while anchor in self._anchors:
            anchor, n = f"{base}-{n}", n + 1
        self._anchors.add(anchor)
        return anchor


def smarten_dashes(token: block_token.BlockToken | span_token.SpanToken) -> None:
    """Turn ``--`` in prose into an em dash, as SmartyPants does; code and raw HTML stay as written."""
    if isinstance(token, (block_token.CodeFence, block_token.BlockCode, block_token.HtmlBlock)):
        return
    if isinstance(token, span_token.RawText):
        token.content = token.content.replace("--", "\u2014")
        return
    if isinstance(token, (span_token.InlineCode, span_token.HtmlSpan, span_token.AutoLink)):
        return
    for child in token.children or []:
        smarten_dashes(child)


def _repeated_subheadings(blocks: list[block_token.BlockToken]) -> set[str]:
    """Slugs of h3+ headings that occur more than once (each ``### Pros`` under a framework)."""
    seen: set[str] = set()
    repeated: set[str] = set()
    for token in blocks:
        if isinstance(token, (block_token.Heading, block_token.SetextHeading)) and token.level >= 3:
            base = slugify(plain_text(token))
            (repeated if base in seen else seen).add(base)
    return repeated


def plain_text(token: span_token.SpanToken | block_token.BlockToken) -> str:
    """The reader-visible text of a token, without markup.

    Args:
        token: Any mistletoe token.

    Returns:
        Its text; block children are joined by newlines, spans run together.
    """
    if isinstance(token, (span_token.RawText, span_token.InlineCode)):
        content = token.content if isinstance(token, span_token.RawText) else token.children[0].content
        return content
    if isinstance(token, span_token.LineBreak):
        return " "
    if isinstance(token, (block_token.HtmlBlock, span_token.HtmlSpan)):
        return strip_tags(token.content)
    children: Iterable = token.children or []
    separator = "\n" if isinstance(token, block_token.BlockToken) and not _has_span_children(token) else ""
    return separator.join(plain_text(child) for child in children)


def _has_span_children(token: block_token.BlockToken) -> bool:
    return any(isinstance(child, span_token.SpanToken) for child in token.children or [])


def _code_of(token: block_token.BlockToken) -> str:
    children = token.children or []
    return children[0].content if children else ""


def _excerpt(paragraph: str) -> str:
    """The first paragraph, cut at a word boundary to at most ``EXCERPT_CHARS``."""
    text = " ".join(paragraph.split())
    if len(text) <= EXCERPT_CHARS:
        return text
    return text[:EXCERPT_CHARS].rsplit(" ", 1)[0].rstrip(",.;:") + "…"
