"""The tags a page's head carries for search engines and link previews, and a post's JSON-LD."""

from __future__ import annotations

import dataclasses
import html
import json
from typing import Any

from blog_app import routes
from blog_app.core.assets import image_missing
from blog_app.posts.types import PostDetail
from blog_app.seo.site import Site

TWITTER_CARD = "summary_large_image"


@dataclasses.dataclass(frozen=True)
class PageMeta:
    """What a page says about itself when it is found or shared.

    Attributes:
        title: The page's own title (a post's title; the site name for the index).
        description: One or two sentences for results and previews.
        url: The canonical absolute address.
        image: The absolute address of the share image.
        site_name: The site's name, appended to the document title.
        kind: The OpenGraph type: ``website`` or ``article``.
        article: ``article:*`` properties as (property, content), in order.
    """

    title: str
    description: str
    url: str
    image: str
    site_name: str
    kind: str = "website"
    article: tuple[tuple[str, str], ...] = ()

    @property
    def document_title(self) -> str:
        """The ``<title>``: the page title and the site name (the site name alone on the index)."""
        return self.title if self.title == self.site_name else f"{self.title} · {self.site_name}"


def page_meta(title: str, description: str, path: str, site: Site) -> PageMeta:
    """The metadata of a page of the site that is not a post."""
    return PageMeta(
        title=title,
        description=description,
        url=site.absolute(path),
        image=site.absolute(site.image),
        site_name=site.name,
    )


def post_meta(post: PostDetail, site: Site) -> PageMeta:
    """The metadata of a post: its cover as the share image (the site's when it has none)."""
    cover = post.cover_image if post.cover_image and not image_missing(post.cover_image) else site.image
    return PageMeta(
        title=post.title,
        description=post_description(post),
        url=site.post_url(post.slug),
        image=site.absolute(cover),
        site_name=site.name,
        kind="article",
        article=(
            ("article:published_time", post.published),
            *((("article:modified_time", post.updated),) if post.updated != post.published else ()),
            ("article:author", post.author),
            *(("article:tag", keyword.name) for keyword in post.keywords),
        ),
    )


def post_description(post: PostDetail) -> str:
    """The author's description, else the opening of the post."""
    return post.description or post.excerpt


def social_tags(meta: PageMeta) -> list[tuple[str, str, str]]:
    """Every ``<meta>`` beyond the description, as (attribute, key, content): OpenGraph, article, Twitter."""
    return [
        ("property", "og:type", meta.kind),
        ("property", "og:site_name", meta.site_name),
        ("property", "og:title", meta.title),
        ("property", "og:description", meta.description),
        ("property", "og:url", meta.url),
        ("property", "og:image", meta.image),
        *(("property", key, value) for key, value in meta.article),
        ("name", "twitter:card", TWITTER_CARD),
    ]


def head_html(meta: PageMeta, json_ld: dict[str, Any] | None = None) -> str:
    """The head tags of a page as HTML, every value escaped.

    Args:
        meta: What the page says about itself.
        json_ld: Structured data, written as an ``application/ld+json`` script.

    Returns:
        ``<title>``, description, canonical link, social ``<meta>`` tags and the JSON-LD.
    """
    parts = [
        f"<title>{html.escape(meta.document_title)}</title>",
        f'<meta name="description" content="{html.escape(meta.description)}"/>',
        f'<link rel="canonical" href="{html.escape(meta.url)}"/>',
    ]
    parts += [f'<meta {attr}="{key}" content="{html.escape(value)}"/>' for attr, key, value in social_tags(meta)]
    if json_ld is not None:
        parts.append(f'<script type="application/ld+json">{json_for_script(json_ld)}</script>')
    return "".join(parts)


def not_found_head(title: str, site: Site) -> str:
    """The head tags of a not-found answer: a title, and no indexing."""
    return f'<title>{html.escape(title)} · {html.escape(site.name)}</title><meta name="robots" content="noindex"/>'


def blog_posting(post: PostDetail, site: Site) -> dict[str, Any]:
    """The schema.org ``BlogPosting`` describing a post, for search engines."""
    meta = post_meta(post, site)
    return {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": post.title,
        "description": meta.description,
        "url": meta.url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": meta.url},
        "datePublished": post.published,
        "dateModified": post.updated,
        "author": {"@type": "Person", "name": post.author},
        "publisher": {"@type": "Organization", "name": site.name, "url": site.absolute(routes.INDEX)},
        "image": [meta.image],
        "keywords": [keyword.name for keyword in post.keywords],
        "wordCount": post.word_count,
    }


def json_for_script(data: dict[str, Any]) -> str:
    """JSON that is safe inside ``<script>``: ``<``, ``>`` and ``&`` written as unicode escapes."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
