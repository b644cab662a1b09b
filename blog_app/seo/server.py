"""The backend routes that answer crawlers, link previews and feed readers.

Given to ``rx.App(api_transformer=...)``, they take precedence over the frontend that
Reflex mounts in production, so ``/blog/<slug>`` is answered with the client shell plus
the post's own head tags and readable text, and with status 404 for an unknown slug.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from sqlmodel import Session
from starlette.applications import Starlette
from starlette.convertors import Convertor, register_url_convertor
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from blog_app import routes
from blog_app.core import database, settings
from blog_app.core.content_version import content_version
from blog_app.posts import queries
from blog_app.seo.feeds import atom_xml, rss_xml
from blog_app.seo.first_pages import explorer_page_for, index_page_for, post_page_for
from blog_app.seo.outage_responses import outage_handlers
from blog_app.seo.page_responses import PageResponses, etag, revalidated
from blog_app.seo.site import Site, current_site
from blog_app.seo.sitemap import robots_txt, sitemap_xml
from blog_app.seo.slash_redirects import PermanentSlashRedirects


class PageNameConvertor(Convertor[str]):
    """A path segment without a dot: ``/blog/<name>`` is a post page, ``/blog/<name>.webp`` a file in assets/."""

    regex = "[^/.]+"

    def convert(self, value: str) -> str:
        """The segment as it is."""
        return value

    def to_string(self, value: str) -> str:
        """The segment as it is."""
        return value


register_url_convertor("page_name", PageNameConvertor())
POST_ROUTE = routes.post_url("{slug:page_name}")


def seo_api(static_paths: Callable[[], list[str]]) -> Starlette:
    """The app for ``api_transformer``: post pages, feeds, sitemap and robots.txt.

    Reflex mounts its own app (the backend and the built pages) inside this one, so the
    middleware also makes the built pages' trailing-slash redirects permanent.

    Args:
        static_paths: Returns the paths of the pages that are not posts, for the sitemap.
    """
    return Starlette(
        routes=seo_routes(static_paths),
        exception_handlers=outage_handlers(),
        middleware=[Middleware(PermanentSlashRedirects)],
    )


def seo_routes(static_paths: Callable[[], list[str]]) -> list[Route]:
    """The routes of :func:`seo_api`, for composing into another Starlette app."""
    compressed = [Middleware(GZipMiddleware, minimum_size=1024, compresslevel=6)]
    feed_posts = settings.feed_posts()  # read once: a wrong BLOG_FEED_POSTS stops the start, not a feed reader
    listings = Listings(
        {
            routes.RSS: (
                "application/rss+xml; charset=utf-8",
                lambda db, site: rss_xml(queries.visible_posts(db, limit=feed_posts), site),
            ),
            routes.ATOM: (
                "application/atom+xml; charset=utf-8",
                lambda db, site: atom_xml(queries.visible_posts(db, limit=feed_posts), site),
            ),
            routes.SITEMAP: (
                "application/xml; charset=utf-8",
                lambda db, site: sitemap_xml(static_paths(), queries.visible_posts(db), site),
            ),
        }
    )
    return [
        Route(routes.INDEX, PageResponses(index_page_for).respond, middleware=compressed),
        Route(POST_ROUTE, PageResponses(post_page_for).respond, middleware=compressed),
        Route(POST_ROUTE + "/", _without_trailing_slash),
        Route(
            routes.prerendered_path(routes.FRAMEWORKS), PageResponses(explorer_page_for).respond, middleware=compressed
        ),
        *(Route(path, listings.respond, middleware=compressed) for path in listings.documents),
        Route(routes.ROBOTS, robots),
    ]


class Listings:
    """Feeds and sitemap: documents of the visible posts, built once per change of the posts.

    A site of 1,000 posts takes seconds to render as a sitemap and full feed (``scripts/bench
    --only serve``), and feed readers poll; so each process keeps the last bodies, keyed by
    ``content_version``, which a single cheap query reads per request.

    Args:
        documents: Per path, the media type and the builder from a database session and the site to the body.
    """

    def __init__(self, documents: dict[str, tuple[str, Callable[[Session, Site], bytes]]]):
        self.documents = documents
        self._built = functools.lru_cache(maxsize=len(documents))(self._build)  # the current version of each, roughly

    def respond(self, request: Request) -> Response:
        """The document at the request's path, or 304 when the client has it already."""
        path = request.url.path
        with database.session() as db:
            version = content_version(db)
        body, tag = self._built(path, version, current_site())
        return revalidated(request, body, self.documents[path][0], tag)

    def _build(self, path: str, version: tuple[int, str], site: Site) -> tuple[bytes, str]:
        # ``version`` is unused but part of the cache key: a change of the posts builds anew.
        with database.session() as db:
            body = self.documents[path][1](db, site)
        return body, etag(body)


def robots(request: Request) -> Response:
    """robots.txt, naming the sitemap."""
    return PlainTextResponse(robots_txt(current_site()))


def _without_trailing_slash(request: Request) -> Response:
    query = f"?{request.url.query}" if request.url.query else ""
    return RedirectResponse(routes.post_url(request.path_params["slug"]) + query, status_code=308)
