"""The site as others link to it: its name, public address and default share image."""

from __future__ import annotations

import dataclasses

from blog_app import routes
from blog_app.core import settings


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
        return self.absolute(routes.post_url(slug))


def current_site() -> Site:
    """The site as configured by the environment and rxconfig."""
    return Site(
        name=settings.site_name(),
        url=settings.site_url(),
        image=settings.share_image(),
        description=settings.site_tagline(),
    )
