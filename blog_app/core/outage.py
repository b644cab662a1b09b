"""What counts as "the database is not answering", and what readers are told meanwhile.

One definition for the pages (blog_app/ui/tolerates_outage.py) and the backend routes
(blog_app/seo/outage_responses.py): an outage is temporary, so readers get a friendly message and
crawlers a 503 with ``Retry-After``; every request tries the database again, so the site
recovers by itself when it returns.
"""

from __future__ import annotations

import sqlalchemy as sa

# Connection refused or lost, server shutting down, no pooled connection free in time.
# Other database errors (a bad query, a missing table) are bugs and stay loud.
DATABASE_UNAVAILABLE: tuple[type[Exception], ...] = (
    sa.exc.OperationalError,
    sa.exc.InterfaceError,
    sa.exc.TimeoutError,
)
RETRY_AFTER_SECONDS = 30
TITLE = "Temporarily unavailable"
MESSAGE = "The blog is temporarily unavailable — please try again in a moment."
