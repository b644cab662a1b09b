"""Sanitise rendered prose HTML with nh3 (ammonia): no script, handler or unsafe URL survives."""

from __future__ import annotations

import re
from html.parser import HTMLParser

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
    "code": {"class"},
}
# Only the classes the renderer itself adds survive: ``table-wrap`` and a code block's
# ``language-python`` (CommonMark's mark of its language); other class names never reach the page.
PROSE_CLASSES = {"div": {"table-wrap"}}
CODE_LANGUAGE_CLASS = re.compile(r"language-[^\s]+")
URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "noopener noreferrer"  # on every link of a post


def _only_language_classes(tag: str, attribute: str, value: str) -> str | None:
    """nh3's attribute filter: a ``code`` element keeps its class only when it names a language."""
    if attribute == "class" and tag == "code" and not CODE_LANGUAGE_CLASS.fullmatch(value):
        return None
    return value


def _prose_cleaner(**options) -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(PROSE_TAGS),
        attributes={tag: set(names) for tag, names in PROSE_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        allowed_classes={tag: set(names) for tag, names in PROSE_CLASSES.items()},
        attribute_filter=_only_language_classes,
        clean_content_tags={"script", "style"},
        link_rel=LINK_REL,
        strip_comments=True,
        **options,
    )


_CLEANER = _prose_cleaner()


def sanitize_html(html: str) -> str:
    """Return ``html`` with only prose tags, safe attributes and http(s)/mailto/relative URLs.

    Args:
        html: HTML rendered from an author's Markdown (which may embed raw HTML).

    Returns:
        HTML that is safe to insert into a reader's page.
    """
    return _CLEANER.clean(html)


def removed_markup(html: str) -> list[str]:
    """What :func:`sanitize_html` leaves out of ``html``, for telling the author (nh3 still decides).

    Args:
        html: HTML rendered from one block of an author's Markdown.

    Returns:
        One short description per removed element or attribute, e.g. ``<script>``,
        ``<img onerror>`` or ``<a href="javascript:alert(1)">``; empty when nothing is removed.
    """
    cleaned = sanitize_html(html)
    if cleaned == html:
        # Most blocks come out of nh3 unchanged; parsing both sides would cost a fifth of ingest.
        return []
    before, after = _markup(html), _markup(cleaned)
    removed = []
    for tag, attributes in before.items():
        if tag not in after:
            removed.append(f"<{tag}>")
            continue
        removed += [_describe(tag, name, value) for name, value in sorted(attributes - after[tag])]
    return removed


def html_tags(text: str) -> list[str]:
    """The names of the HTML elements written in ``text``, sorted (``["img", "script"]``); empty for plain text."""
    return sorted(_markup(text)) if "<" in text else []


def _describe(tag: str, name: str, value: str) -> str:
    # A URL attribute is named with its value, so the author sees which link was refused.
    # Control characters (a tab hidden in "java\tscript:") are shown escaped, on the one line.
    shown = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode() for ch in value)
    return f'<{tag} {name}="{shown}">' if name in {"href", "src"} else f"<{tag} {name}>"


class _MarkupCollector(HTMLParser):
    """Every tag and its attributes, as the browser's parser would see them (entities decoded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: dict[str, set[tuple[str, str]]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.setdefault(tag, set()).update((name, value or "") for name, value in attrs)

    def handle_endtag(self, tag: str) -> None:
        self.tags.setdefault(tag, set())


def _markup(html: str) -> dict[str, set[tuple[str, str]]]:
    collector = _MarkupCollector()
    collector.feed(html)
    collector.close()
    return collector.tags


def absolute_links(html: str, page_url: str) -> str:
    """Sanitised prose with its relative links and image sources resolved as a browser would on ``page_url``.

    For copies of a post read away from the site, such as feed entries.

    Args:
        html: Prose HTML (sanitised again on the way, with the same policy).
        page_url: The absolute address of the page the prose belongs to.

    Returns:
        The HTML with ``/blog/x.webp`` written as ``https://example.com/blog/x.webp`` and
        ``#section`` as ``<page_url>#section``.
    """
    return _prose_cleaner(url_relative=("rewrite_with_base", page_url)).clean(html)


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
