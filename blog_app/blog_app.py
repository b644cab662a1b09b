"""The Reflex app: pages, the database prepared when the backend starts, and (in development) content/ watched."""

from __future__ import annotations

import reflex as rx

from blog_app.content_watch import watch_content
from blog_app.routes import register_pages
from blog_app.startup import prepare_database

app = rx.App(stylesheets=["/blog.css"], html_lang="en")
register_pages(app)
# A plain function runs to completion before the server accepts requests.
app.register_lifespan_task(prepare_database)
# Development only (it returns at once in production): saved posts are re-ingested without a restart.
app.register_lifespan_task(watch_content)
