"""Sanitise rendered prose HTML with nh3 (ammonia): no script, handler or unsafe URL survives."""

from __future__ import annotations

import nh3

PROSE_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "code", "del", "details", "div", "em", "h2", "h3", "h4", "h5",
        "h6", "hr", "i", "img", "kbd", "li", "mark", "ol", "p", "pre", "s", "small", "span", "strong",
        "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
PROSE_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"align"},
    "td": {"align"},
    "ol": {"start"},
}
# Only the classes the renderer itself adds survive; an author's class names never reach the page.
PROSE_CLASSES = {"div": {"table-wrap"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})

_CLEANER = nh3.Cleaner(
    tags=set(PROSE_TAGS),
    attributes={tag: set(names) for tag, names in PROSE_ATTRIBUTES.items()},
    url_schemes=set(URL_SCHEMES),
    allowed_classes={tag: set(names) for tag, names in PROSE_CLASSES.items()},
    clean_content_tags={"script", "style"},
    link_rel="noopener noreferrer",
    strip_comments=True,
)


def sanitize_html(html: str) -> str:
    """Return ``html`` with only prose tags, safe attributes and http(s)/mailto/relative URLs.

    Args:
        html: HTML rendered from an author's Markdown (which may embed raw HTML).

    Returns:
        HTML that is safe to insert into a reader's page.
    """
    return _CLEANER.clean(html)


def strip_tags(html: str) -> str:
    """Strip every tag, keeping only the text (for titles and attributes).

    Args:
        html: Any HTML or text.

    Returns:
        The text content, with entities still escaped.
    """
    return nh3.clean(html, tags=set())


def is_safe_image_src(src: str) -> bool:
    """Whether an image source may be put in a page: site-relative or http(s).

    Args:
        src: The ``src`` an author wrote.

    Returns:
        True for ``/path``, ``path`` and ``http(s)://`` sources; False for
        ``javascript:``, ``data:`` and every other scheme or control character.
    """
    if not src or any(ord(ch) < 32 for ch in src) or src.startswith("//"):
        return False
    scheme, colon, _ = src.partition(":")
    if not colon or "/" in scheme:
        return True
    return scheme.lower() in {"http", "https"}
