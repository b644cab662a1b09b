"""Every route of the site, in one place."""

from __future__ import annotations

import reflex as rx

from blog_app import settings
from blog_app.components.route import route_param
from blog_app.pages.frameworks import DESCRIPTION as FRAMEWORKS_DESCRIPTION
from blog_app.pages.frameworks import TITLE as FRAMEWORKS_TITLE
from blog_app.pages.frameworks import frameworks_page
from blog_app.pages.index import index_page
from blog_app.pages.not_found import not_found_page
from blog_app.pages.post import post_page
from blog_app.seo.page_head import default_share_image, static_page_head
from blog_app.seo.site import prerendered_path
from blog_app.state.frameworks import ExplorerState
from blog_app.state.index import IndexState
from blog_app.state.post import PostState

INDEX = "/"
POST = "/blog/[slug]"
FRAMEWORKS = "/frameworks"
NOT_FOUND = "404"


def register_pages(app: rx.App) -> None:
    """Add every page to ``app``."""
    app.add_page(
        index_page,
        route=INDEX,
        on_load=IndexState.load_posts,
        **static_page_head(INDEX, settings.site_name(), settings.site_tagline()),
    )
    # The server writes a post's description, share image and OpenGraph tags (blog_app/seo/routes.py).
    app.add_page(
        post_page,
        route=POST,
        title=post_title(),
        image=default_share_image(),
        on_load=PostState.on_load,
    )
    app.add_page(
        frameworks_page,
        route=FRAMEWORKS,
        on_load=ExplorerState.on_load,
        **static_page_head(FRAMEWORKS, FRAMEWORKS_TITLE, FRAMEWORKS_DESCRIPTION),
    )
    app.add_page(not_found_page, route=NOT_FOUND, title="Page not found · " + settings.site_name())


def post_title() -> rx.Var[str]:
    """The post page's tab title: the post's, "Post not found", or the site's while the post loads."""
    # Like the page, it trusts the state only once it holds the slug in the address.
    current = PostState.loaded_slug == route_param("slug")
    site = settings.site_name()
    return rx.cond(
        current & PostState.found,
        PostState.post.title + " · " + site,
        rx.cond(current, "Post not found · " + site, site),
    )


def static_page_paths(app: rx.App) -> list[str]:
    """Where the registered pages without route arguments answer (not the 404 page), for the sitemap."""
    # Reflex's own sitemap plugin reads the same registry of pages.
    routes = [route for route in app._unevaluated_pages if "[" not in route and route != NOT_FOUND]
    return [prerendered_path("/" if route == "index" else f"/{route}") for route in routes]
