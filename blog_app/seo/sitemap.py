"""sitemap.xml (every page a crawler should know, with its last change) and the robots.txt pointing to it."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from blog_app import routes
from blog_app.posts.types import PostDetail
from blog_app.seo.site import Site

SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"


def sitemap_xml(static_paths: list[str], posts: list[PostDetail], site: Site) -> bytes:
    """The sitemap: the static pages, then every post.

    Args:
        static_paths: Paths of the pages that are not posts (``/``, ``/frameworks``).
        posts: The posts readers may see.
        site: Whose addresses to write.

    Returns:
        The sitemap XML. A static page's ``lastmod`` is the newest post revision,
        since the pages list or summarise the posts.
    """
    newest = max((post.updated for post in posts), default=None)
    urlset = ET.Element("urlset", xmlns=SITEMAP_NAMESPACE)
    for path in static_paths:
        _add_url(urlset, site.absolute(path), newest)
    for post in posts:
        _add_url(urlset, site.post_url(post.slug), post.updated)
    ET.indent(urlset)
    return ET.tostring(urlset, encoding="utf-8", xml_declaration=True)


def _add_url(urlset: ET.Element, loc: str, lastmod: str | None) -> None:
    url = ET.SubElement(urlset, "url")
    ET.SubElement(url, "loc").text = loc
    if lastmod:
        ET.SubElement(url, "lastmod").text = lastmod


def robots_txt(site: Site) -> str:
    """robots.txt: everything may be crawled; the sitemap is here."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {site.absolute(routes.SITEMAP)}\n"
