"""Find the Markdown links of a post, each with the file line it is written on (pure, for checking).

Read from the token tree the parse builds for the segments, so a post is parsed once: ``Document.links``.
"""

from __future__ import annotations

import dataclasses

from mistletoe import block_token, span_token


@dataclasses.dataclass(frozen=True)
class Link:
    """A link as written in a post: its target and the file line it is on."""

    target: str
    line: int


def collect_links(blocks: list[block_token.BlockToken], line_offset: int) -> list[Link]:
    """The links under a body's top-level ``blocks``, in document order.

    Args:
        blocks: The body's top-level tokens.
        line_offset: Lines before the body in the file.

    Returns:
        Each link with its file line.
    """
    links: list[Link] = []
    for block in blocks:
        _collect(block, line_offset, 1, links)
    return links


def _collect(token: block_token.BlockToken | span_token.SpanToken, offset: int, line: int, links: list[Link]) -> int:
    """Append the links under ``token``; return the line reached after it.

    Blocks know their line; spans do not, so inside a block each line break moves one line on.
    """
    kind = type(token)
    if kind in _NO_LINKS:
        return line
    if kind is span_token.LineBreak:
        return line + 1
    if kind is span_token.Link or kind is span_token.AutoLink:
        links.append(Link(token.target, line))
    elif isinstance(token, block_token.BlockToken) and getattr(token, "line_number", None):
        line = offset + token.line_number
    for child in token.children or ():
        reached = _collect(child, offset, line, links)
        if isinstance(child, span_token.SpanToken):
            line = reached
    return line


# Tokens with no link inside: text, code and raw HTML (whose links are not read).
_NO_LINKS = frozenset(
    {
        span_token.RawText,
        span_token.InlineCode,
        span_token.HtmlSpan,
        span_token.EscapeSequence,
        block_token.CodeFence,
        block_token.BlockCode,
        block_token.HtmlBlock,
        block_token.ThematicBreak,
    }
)
