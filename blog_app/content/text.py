"""The text a reader sees in a mistletoe token: for search, excerpts, headings, alt texts and frameworks."""

from __future__ import annotations

from mistletoe import block_token, span_token

from blog_app.content.markdown import smart_dashes
from blog_app.content.sanitize import strip_tags


def plain_text(token: span_token.SpanToken | block_token.BlockToken) -> str:
    """The reader-visible text of a token, without markup (an image is not text: its alt is left out).

    Args:
        token: Any mistletoe token.

    Returns:
        Its text; block children are joined by newlines, spans run together.
    """
    kind = type(token)  # by exact type, text first: the hot path of every parse
    if kind is span_token.RawText:
        return smart_dashes(token.content)
    leaf = _LEAF_TEXT.get(kind)
    if leaf is not None:
        return leaf(token)
    children = token.children
    if not children:
        return ""
    # A block holds either spans (a paragraph's text) or blocks (a list's items): one per line.
    if isinstance(token, block_token.BlockToken) and not isinstance(children[0], span_token.SpanToken):
        return "\n".join([plain_text(child) for child in children])
    return "".join([plain_text(child) for child in children])


_LEAF_TEXT = {
    span_token.InlineCode: lambda token: token.children[0].content,
    span_token.AutoLink: lambda token: token.target,
    span_token.LineBreak: lambda token: " ",
    span_token.HtmlSpan: lambda token: "",  # one tag or comment: no text of its own
    block_token.HtmlBlock: lambda token: strip_tags(token.content),
    span_token.Image: lambda token: "",
}


def alt_text(image: span_token.Image) -> str:
    """An image's alt text: the text of its description (CommonMark's alt attribute)."""
    return "".join(
        plain_text(child) if not isinstance(child, span_token.Image) else alt_text(child)
        for child in image.children or []
    )
