"""Every route of the site, in one place."""

from __future__ import annotations

import reflex as rx

from blog_app import settings
from blog_app.pages.frameworks import DESCRIPTION as FRAMEWORKS_DESCRIPTION
from blog_app.pages.frameworks import TITLE as FRAMEWORKS_TITLE
from blog_app.pages.frameworks import frameworks_page
from blog_app.pages.index import index_page
from blog_app.pages.not_found import not_found_page
from blog_app.pages.post import post_page
from blog_app.state.frameworks import ExplorerState
from blog_app.state.index import IndexState
from blog_app.state.post import PostState

INDEX = "/"
POST = "/blog/[slug]"
FRAMEWORKS = "/frameworks"
NOT_FOUND = "404"


def post_url(slug: str) -> str:
    """The path of the post with ``slug``."""
    return f"/blog/{slug}"


def register_pages(app: rx.App) -> None:
    """Add every page to ``app``."""
    app.add_page(
        index_page,
        route=INDEX,
        title=settings.site_name(),
        description=settings.site_tagline(),
        on_load=IndexState.load_posts,
    )
    app.add_page(
        post_page, route=POST, title=PostState.post.title + " · " + settings.site_name(), on_load=PostState.on_load
    )
    app.add_page(
        frameworks_page,
        route=FRAMEWORKS,
        title=FRAMEWORKS_TITLE + " · " + settings.site_name(),
        description=FRAMEWORKS_DESCRIPTION,
        on_load=ExplorerState.on_load,
    )
    app.add_page(not_found_page, route=NOT_FOUND, title="Page not found · " + settings.site_name())
