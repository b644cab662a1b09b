"""Head tags of the pages Reflex prerenders (index, explorer), and the feed links every page carries."""

from __future__ import annotations

from typing import Any

import reflex as rx

from blog_app import routes
from blog_app.seo.head import page_meta, social_tags
from blog_app.seo.site import current_site


def static_page_head(path: str, title: str, description: str) -> dict[str, Any]:
    """Keyword arguments for ``app.add_page``: title, description, share image, OpenGraph and canonical.

    Args:
        path: The page's route (``/``, ``/frameworks``); its canonical address is its folder.
        title: The page's own title; the site name is appended unless it is the site name.
        description: One or two sentences for results and previews.

    Returns:
        ``title``, ``description``, ``image`` and ``meta`` for ``add_page``.
    """
    meta = page_meta(title, description, routes.prerendered_path(path), current_site())
    # add_page writes the description and og:image tags itself.
    tags = [{attr: key, "content": value} for attr, key, value in social_tags(meta) if key != "og:image"]
    return {
        "title": meta.document_title,
        "description": meta.description,
        "image": meta.image,
        "meta": [*tags, rx.el.link(rel="canonical", href=meta.url)],
    }


def default_share_image() -> str:
    """The absolute share image of the site, for routes whose own image the server writes in."""
    site = current_site()
    return site.absolute(site.image)


def feed_links() -> list[rx.Component]:
    """``<link rel="alternate">`` to the RSS and Atom feeds, for the head of every page."""
    name = current_site().name
    return [
        rx.el.link(rel="alternate", type="application/rss+xml", title=f"{name} (RSS)", href=routes.RSS),
        rx.el.link(rel="alternate", type="application/atom+xml", title=f"{name} (Atom)", href=routes.ATOM),
    ]
