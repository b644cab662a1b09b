"""The site as others link to it: its name, public address and default share image."""

from __future__ import annotations

import dataclasses

from blog_app import settings


@dataclasses.dataclass(frozen=True)
class Site:
    """Who the pages, feeds and sitemap say they belong to.

    Attributes:
        name: The site's name (``BLOG_SITE_NAME``).
        url: The public address without a trailing slash (``DEPLOY_URL``).
        image: The share image of pages without their own, as a site path or URL.
        description: One line about the site, for feeds.
    """

    name: str
    url: str
    image: str
    description: str = ""

    def absolute(self, path: str) -> str:
        """``path`` on this site (``/blog/x``) as an absolute URL; URLs with a scheme pass unchanged."""
        if "://" in path:
            return path
        return self.url + "/" + path.lstrip("/")

    def post_url(self, slug: str) -> str:
        """The absolute address of the post with ``slug``."""
        return self.absolute(post_path(slug))


def current_site() -> Site:
    """The site as configured by the environment and rxconfig."""
    return Site(
        name=settings.site_name(),
        url=settings.site_url(),
        image=settings.share_image(),
        description=settings.site_tagline(),
    )


def post_path(slug: str) -> str:
    """The path of a post's page (the ``/blog/[slug]`` route)."""
    return f"/blog/{slug}"


def prerendered_path(route: str) -> str:
    """Where a prerendered page answers 200: ``/``, or its folder (``/frameworks/``).

    Reflex's production server redirects ``/frameworks`` to ``/frameworks/`` (the folder's
    index.html), so canonical links and the sitemap name the folder.
    """
    return route if route.endswith("/") else route + "/"
