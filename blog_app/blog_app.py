"""The Reflex app: pages, and the database prepared when the backend starts."""

from __future__ import annotations

import reflex as rx

from blog_app.routes import register_pages
from blog_app.startup import prepare_database

app = rx.App(stylesheets=["/blog.css"], html_lang="en")
register_pages(app)
# A plain function runs to completion before the server accepts requests.
app.register_lifespan_task(prepare_database)
