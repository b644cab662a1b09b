"""The Reflex app: pages, the database prepared when the backend starts, and (in development) content/ watched."""

from __future__ import annotations

import reflex as rx

from blog_app.content_watch import watch_content
from blog_app.routes import register_pages, static_page_paths
from blog_app.security_headers import SecurityHeaders
from blog_app.seo.page_head import feed_links
from blog_app.seo.routes import seo_api
from blog_app.startup import prepare_database

app = rx.App(
    stylesheets=["/blog.css"],
    html_lang="en",
    head_components=feed_links(),
    # Post pages with their own head tags, feeds, sitemap, robots.txt, ahead of the frontend;
    # then security headers around all of it (pages, assets, feeds, health).
    api_transformer=[seo_api(lambda: static_page_paths(app)), SecurityHeaders],
)
register_pages(app)
# A plain function runs to completion before the server accepts requests.
app.register_lifespan_task(prepare_database)
# Development only (it returns at once in production): saved posts are re-ingested without a restart.
app.register_lifespan_task(watch_content)
