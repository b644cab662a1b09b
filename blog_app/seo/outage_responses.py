"""503 instead of 500 from the backend routes while the database does not answer.

Crawlers and feed readers keep what they have and come back after ``Retry-After``. A post page
page (a post, the index, the explorer) still gets the client shell with the message, so a
reader's browser starts the app, which says the same thing and loads the page once the
database is back.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from blog_app import routes
from blog_app.core import outage
from blog_app.html_first.shell import fill_shell, load_shell
from blog_app.seo.article import readable_message
from blog_app.seo.head import not_found_head
from blog_app.seo.site import current_site

HTML = "text/html; charset=utf-8"


def outage_handlers() -> dict:
    """Starlette ``exception_handlers`` answering 503 for every "database unavailable" error."""
    return dict.fromkeys(outage.DATABASE_UNAVAILABLE, service_unavailable)


def service_unavailable(request: Request, _error: Exception) -> Response:
    """503 with ``Retry-After``: a page's shell with the message, else the message as text."""
    headers = {"Retry-After": str(outage.RETRY_AFTER_SECONDS), "Cache-Control": "no-store"}
    shell = load_shell() if _is_page(request.url.path) else None
    if shell is None:
        return PlainTextResponse(outage.MESSAGE, status_code=503, headers=headers)
    site = current_site()
    # The not-found head (a title and noindex) fits: nothing about the post is known.
    page = fill_shell(
        shell, not_found_head(outage.TITLE, site), readable_message(outage.TITLE, outage.MESSAGE, site.name)
    )
    return Response(page, status_code=503, media_type=HTML, headers=headers)


def _is_page(path: str) -> bool:
    return path.startswith(routes.POST_PREFIX) or path in (routes.INDEX, routes.prerendered_path(routes.FRAMEWORKS))
