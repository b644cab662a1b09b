"""mistletoe set up the way posts are parsed and rendered, one parse at a time."""

from __future__ import annotations

import contextlib
import html
import re
import threading
from collections.abc import Iterator

from mistletoe import block_token, span_token
from mistletoe.html_renderer import HtmlRenderer

from blog_app.content.sanitize import LINK_REL, URL_SCHEMES

# mistletoe keeps its token registry in module globals; one parse at a time.
_MISTLETOE_LOCK = threading.Lock()
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# ``--`` between words is a dash (SmartyPants); a longer run of hyphens stays as written.
_DOUBLE_HYPHEN = re.compile(r"(?<!-)--(?!-)")
# The page title is the post's only h1: headings written as h1 anywhere in the body render as h2.
TOP_HEADING_LEVEL = 2


def heading_level(written: int) -> int:
    """The level a heading written as ``written`` (1-6) has on the page."""
    return max(TOP_HEADING_LEVEL, written)


def smart_dashes(text: str) -> str:
    """Prose text with ``--`` as an em dash, as SmartyPants writes it (code, URLs and raw HTML never pass here).

    Args:
        text: The text of a Markdown text run.

    Returns:
        ``"Reflex\u2014Frontend"`` for ``"Reflex--Frontend"``; ``"a---b"`` stays as written.
    """
    return _DOUBLE_HYPHEN.sub("\u2014", text) if "--" in text else text


class PostRenderer(HtmlRenderer):
    """mistletoe's HTML renderer, with headings level-shifted, and notes on what it rendered.

    Between :meth:`start_block` calls it records what the sanitiser or an author should
    hear about: raw HTML or a URL outside the allowed schemes (``needs_audit``: the block's
    HTML may lose something to the sanitiser), and images without alt text.
    """

    def __init__(self) -> None:
        super().__init__()
        self.needs_audit = False
        self.images_without_alt: list[str] = []

    def start_block(self) -> None:
        """Forget what the previous block's rendering noted."""
        self.needs_audit = False
        self.images_without_alt = []

    def render_raw_text(self, token: span_token.RawText) -> str:
        """Prose text, escaped, with its dashes (see :func:`smart_dashes`)."""
        return self.escape_html_text(smart_dashes(token.content))

    def render_to_plain(self, token: span_token.SpanToken) -> str:
        """An image's alt text: its description's text, with dashes as in prose (code spans as written)."""
        if isinstance(token, span_token.RawText):
            return html.escape(smart_dashes(token.content))
        if isinstance(token, (span_token.InlineCode, span_token.AutoLink)):
            return html.escape(token.children[0].content)
        return "".join(self.render_to_plain(child) for child in token.children or ())

    def render_heading(self, token: block_token.Heading) -> str:
        """A heading inside a quote or list item, level-shifted like the post's own headings."""
        level = heading_level(token.level)
        return f"<h{level}>{self.render_inner(token)}</h{level}>"

    def render_image(self, token: span_token.Image) -> str:
        """An inline ``<img>`` (title kept); one without alt text is noted."""
        self._note_url(token.src)
        alt = self.render_to_plain(token)
        if not alt.strip():
            self.images_without_alt.append(token.src)
        title = f' title="{html.escape(token.title)}"' if token.title else ""
        return f'<img src="{self.escape_url(token.src)}" alt="{alt}"{title} />'

    def render_link(self, token: span_token.Link) -> str:
        """A link, its URL noted, with the ``rel`` the sanitiser would add (so safe prose passes it unchanged)."""
        self._note_url(token.target)
        title = f' title="{html.escape(token.title)}"' if token.title else ""
        return f'<a href="{self.escape_url(token.target)}"{title} rel="{LINK_REL}">{self.render_inner(token)}</a>'

    def render_auto_link(self, token: span_token.AutoLink) -> str:
        """An autolink (``<https://...>``), its URL noted."""
        if not token.mailto:
            self._note_url(token.target)
        target = self.escape_url(f"mailto:{token.target}" if token.mailto else token.target)
        return f'<a href="{target}" rel="{LINK_REL}">{self.escape_html_text(token.target)}</a>'

    def render_html_span(self, token: span_token.HtmlSpan) -> str:
        """Inline raw HTML as written (the sanitiser decides what stays)."""
        self.needs_audit = True
        return token.content

    def render_html_block(self, token: block_token.HtmlBlock) -> str:
        """A raw HTML block as written (the sanitiser decides what stays)."""
        self.needs_audit = True
        return super().render_html_block(token)

    def _note_url(self, url: str) -> None:
        scheme = _SCHEME.match(url)
        if (scheme and scheme.group(1).lower() not in URL_SCHEMES) or any(ord(ch) < 32 for ch in url):
            self.needs_audit = True


@contextlib.contextmanager
def mistletoe_html() -> Iterator[PostRenderer]:
    """A post renderer whose context parses Markdown as posts are rendered (raw HTML recognised).

    Parse with ``mistletoe.Document(text)`` inside the ``with`` block; the lock keeps other
    threads' parses from swapping mistletoe's global token set meanwhile.
    """
    with _MISTLETOE_LOCK, PostRenderer() as renderer:
        yield renderer
