"""A post body as plain HTML for feed readers, and short messages for readers of a page the server cannot fill.

The page itself renders the stored segments with React (and the server mirrors that in the
first response, blog_app/posts/post_markup.py); this renders the same segments as static
markup. Prose and heading markup were sanitised at ingest; everything else (titles, alt
texts, code, URLs) is escaped here.
"""

from __future__ import annotations

import html
from urllib.parse import urljoin

from blog_app import routes
from blog_app.content.sanitize import absolute_links
from blog_app.content.segments import Segment

_HEADING_LEVELS = range(2, 7)


def body_html(segments: list[Segment], page_url: str | None = None) -> str:
    """The post body as HTML, one block per segment.

    Args:
        segments: The stored segments of a post.
        page_url: The post's absolute address: relative links and images are resolved
            against it (for copies read away from the site). None keeps them as written.

    Returns:
        The HTML of the body.
    """
    return "\n".join(_segment_html(segment, page_url) for segment in segments)


def _segment_html(segment: Segment, page_url: str | None) -> str:
    kind = segment.kind
    if kind == "heading":
        level = segment.level if segment.level in _HEADING_LEVELS else 2
        anchor = html.escape(segment.anchor)
        return f'<h{level} id="{anchor}">{_rebased(segment.html, page_url)}</h{level}>'
    if kind == "image":
        return figure_html(segment.src, segment.alt, segment.caption, page_url)
    if kind == "code":
        language = html.escape(segment.language or "text")
        return f'<pre><code class="language-{language}">{html.escape(segment.code)}</code></pre>'
    return _rebased(segment.html, page_url)


def figure_html(src: str, alt: str, caption: str = "", page_url: str | None = None) -> str:
    """An image with its alt text and optional caption."""
    src = urljoin(page_url, src) if page_url else src
    figcaption = f"<figcaption>{html.escape(caption)}</figcaption>" if caption else ""
    return f'<figure><img src="{html.escape(src)}" alt="{html.escape(alt)}" loading="lazy">{figcaption}</figure>'


def _rebased(prose: str, page_url: str | None) -> str:
    return absolute_links(prose, page_url) if page_url else prose


def readable_message(title: str, message: str, site_name: str) -> str:
    """A short page readable without JavaScript, such as "Post not found"."""
    return (
        '<div class="static-page">'
        f'<p><a href="{routes.INDEX}">{html.escape(site_name)}</a></p>'
        f"<h1>{html.escape(title)}</h1><p>{html.escape(message)}</p></div>"
    )
