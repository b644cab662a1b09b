"""A post as plain HTML, for readers without JavaScript and for feed readers.

The page itself renders the stored segments with React; this renders the same segments
as static markup. Prose and heading markup were sanitised at ingest; everything else
(titles, alt texts, code, URLs) is escaped here.
"""

from __future__ import annotations

import html
from urllib.parse import urljoin

from blog_app import routes
from blog_app.content.sanitize import absolute_links
from blog_app.content.segments import Segment
from blog_app.posts.types import PostDetail

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


def byline(post: PostDetail) -> str:
    """``By Ada · November 4, 2024 · 6 min read`` as text."""
    return f"By {post.author} · {post.published_label} · {post.reading_minutes} min read"


def readable_page(post: PostDetail, site_name: str) -> str:
    """The post as a page readable without JavaScript: site link, title, byline, cover and body."""
    cover = figure_html(post.cover_image, "") if post.cover_image else ""
    lede = f"<p>{html.escape(post.description)}</p>" if post.description else ""
    return (
        '<div class="static-page">'
        f'<p><a href="{routes.INDEX}">{html.escape(site_name)}</a></p>'
        f"<article><h1>{html.escape(post.title)}</h1>{lede}"
        f"<p>{html.escape(byline(post))}</p>{cover}"
        f"{body_html(post.segments)}</article></div>"
    )


def readable_message(title: str, message: str, site_name: str) -> str:
    """A short page readable without JavaScript, such as "Post not found"."""
    return (
        '<div class="static-page">'
        f'<p><a href="{routes.INDEX}">{html.escape(site_name)}</a></p>'
        f"<h1>{html.escape(title)}</h1><p>{html.escape(message)}</p></div>"
    )
