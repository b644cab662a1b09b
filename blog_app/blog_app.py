"""The Reflex app: its pages, the database prepared when the backend starts, and (in development) content/ watched."""

from __future__ import annotations

import functools

import reflex as rx

from blog_app import routes
from blog_app.core import event_timing, settings
from blog_app.core.cache_headers import ImmutableAssets
from blog_app.core.security_headers import SecurityHeaders
from blog_app.core.socket_guard import SocketGuard
from blog_app.explorer.page import DESCRIPTION as FRAMEWORKS_DESCRIPTION
from blog_app.explorer.page import TITLE as FRAMEWORKS_TITLE
from blog_app.explorer.page import frameworks_page
from blog_app.explorer.state import ExplorerState
from blog_app.html_first.slot import first_response_slot, state_seed_wrap
from blog_app.posts.index_page import index_page
from blog_app.posts.index_state import IndexState
from blog_app.posts.post_page import post_page, post_title
from blog_app.posts.post_state import PostState
from blog_app.publishing.startup import prepare_database
from blog_app.publishing.watcher import watch_content
from blog_app.seo.critical_css_plugin import full_stylesheet_switch
from blog_app.seo.page_head import default_share_image, feed_links, static_page_head
from blog_app.seo.script_hashes import BuildScriptHashes
from blog_app.seo.server import seo_api
from blog_app.ui.not_found import not_found_page


def register_pages(app: rx.App) -> None:
    """Add every page to ``app``."""
    app.add_page(
        index_page,
        route=routes.INDEX,
        on_load=IndexState.load_posts,
        **static_page_head(routes.INDEX, settings.site_name(), settings.site_tagline()),
    )
    # The server writes a post's description, share image and OpenGraph tags (blog_app/seo/server.py).
    app.add_page(
        post_page, route=routes.POST, title=post_title(), image=default_share_image(), on_load=PostState.on_load
    )
    app.add_page(
        frameworks_page,
        route=routes.FRAMEWORKS,
        on_load=ExplorerState.on_load,
        **static_page_head(routes.FRAMEWORKS, FRAMEWORKS_TITLE, FRAMEWORKS_DESCRIPTION),
    )
    app.add_page(not_found_page, route=routes.NOT_FOUND, title="Page not found · " + settings.site_name())


def static_page_paths(app: rx.App) -> list[str]:
    """Where the registered pages without route arguments answer (not the 404 page), for the sitemap."""
    # Reflex's own sitemap plugin reads the same registry of pages.
    paths = [route for route in app._unevaluated_pages if "[" not in route and route != routes.NOT_FOUND]
    return [routes.prerendered_path(routes.INDEX if path == "index" else f"/{path}") for path in paths]


app = rx.App(
    stylesheets=["/blog.css"],
    html_lang="en",
    head_components=feed_links(),
    # What the shell shows until a page's code has loaded: the page as the server wrote it
    # (blog_app/html_first), and the state that page was written from, for React's first render.
    hydrate_fallback=first_response_slot,
    extra_app_wraps={
        (1, "StateSeed"): state_seed_wrap,
        # Turns on the full stylesheet that a first response with inline critical CSS deferred.
        (1, "FullStylesheetSwitch"): full_stylesheet_switch,
    },
    # Post pages with their own head tags, feeds, sitemap, robots.txt, ahead of the frontend;
    # around them, the build's hashed assets marked cacheable for a year; then security headers
    # around all of it (pages, assets, feeds, health), whose policy allows the inline scripts of
    # the build this process serves; outermost, what one client may send over the event websocket.
    api_transformer=[
        seo_api(lambda: static_page_paths(app)),
        ImmutableAssets,
        functools.partial(SecurityHeaders, script_hashes=BuildScriptHashes()),
        SocketGuard,
    ],
)
register_pages(app)
# Off unless BLOG_EVENT_TIMING names a folder: then every event's time on the server is written there.
event_timing.install()
# A plain function runs to completion before the server accepts requests.
app.register_lifespan_task(prepare_database)
# Development only (it returns at once in production): saved posts are re-ingested without a restart.
app.register_lifespan_task(watch_content)
