"""One rx.State per page; each reads the database through blog_app.queries."""
