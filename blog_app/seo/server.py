"""The backend routes that answer crawlers, link previews and feed readers.

Given to ``rx.App(api_transformer=...)``, they take precedence over the frontend that
Reflex mounts in production, so ``/blog/<slug>`` is answered with the client shell plus
the post's own head tags and readable text, and with status 404 for an unknown slug.
"""

from __future__ import annotations

import functools
import hashlib
import time
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
from blog_app.posts.types import PostDetail
from blog_app.seo.article import readable_message, readable_page
from blog_app.seo.critical_css import critical_css, inline_critical_css
from blog_app.seo.feeds import atom_xml, rss_xml
from blog_app.seo.head import blog_posting, head_html, not_found_head, post_meta
from blog_app.seo.outage_responses import outage_handlers
from blog_app.seo.shell import fill_shell, load_shell
from blog_app.seo.site import Site, current_site
from blog_app.seo.sitemap import robots_txt, sitemap_xml
from blog_app.seo.slash_redirects import PermanentSlashRedirects

HTML = "text/html; charset=utf-8"
# How long a process serves post pages without asking whether the posts changed (they change
# only when some process ingests: at start-up, or `python -m blog_app ingest`).
VERSION_TTL = 1.0
NOT_FOUND_TITLE = "Post not found"
NOT_FOUND_MESSAGE = "No post lives at this address. It may have been renamed or removed."


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
        Route(POST_ROUTE, PostPages().respond, middleware=compressed),
        Route(POST_ROUTE + "/", _without_trailing_slash),
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
        body, etag = self._built(path, version, current_site())
        return _revalidated(request, body, self.documents[path][0], etag)

    def _build(self, path: str, version: tuple[int, str], site: Site) -> tuple[bytes, str]:
        # ``version`` is unused but part of the cache key: a change of the posts builds anew.
        with database.session() as db:
            body = self.documents[path][1](db, site)
        return body, _etag(body)


class PostPages:
    """Post pages as served: built once per post and change of the posts, then answered from memory.

    Building a page reads the post and writes its head and text into the shell (about 6 ms);
    answering from memory costs nothing more than a static file would, save one cheap query of
    ``content_version`` at most every ``VERSION_TTL`` seconds (``scripts/bench --only serve``).
    Only the current version's pages are kept (at most one per visible post); unknown slugs never are.
    """

    def __init__(self) -> None:
        # (version, shell, site), pages, when the version was read: one attribute, swapped whole,
        # because requests run on several threads.
        self._current: tuple[tuple, dict[str, tuple[bytes, str]], float] = ((), {}, -VERSION_TTL)

    def respond(self, request: Request) -> Response:
        """A post: the client shell with the post's head tags and text; 404 for an unknown slug."""
        shell = load_shell()
        if shell is None:
            # Without a production build the frontend (Vite in dev) serves post pages itself.
            return PlainTextResponse("No production build to serve pages from.", status_code=404)
        site, slug = current_site(), request.path_params["slug"]
        pages = self._pages_for(shell, site)
        built = pages.get(slug)
        if built is None:
            with database.session() as db:
                post = queries.get_post(db, slug)
            if post is None:
                return _not_found(shell, site)
            built = pages[slug] = _built_page(post, shell, site)
        return _revalidated(request, built[0], HTML, built[1])

    def _pages_for(self, shell: str, site: Site) -> dict[str, tuple[bytes, str]]:
        key, pages, checked = self._current
        # The shell is the cached string of the current build: compared by identity first.
        if time.monotonic() - checked < VERSION_TTL and key[1:] == (shell, site):
            return pages
        with database.session() as db:
            # Read before any post, so a page built afterwards is never older than its key.
            fresh = (content_version(db), shell, site)
        pages = pages if fresh == key else {}
        self._current = (fresh, pages, time.monotonic())
        return pages


def _built_page(post: PostDetail, shell: str, site: Site) -> tuple[bytes, str]:
    head = head_html(post_meta(post, site), blog_posting(post, site))
    page = _first_response(fill_shell(shell, head, readable_page(post, site.name))).encode()
    return page, _etag(page)


def _not_found(shell: str, site: Site) -> Response:
    page = fill_shell(
        shell,
        not_found_head(NOT_FOUND_TITLE, site),
        readable_message(NOT_FOUND_TITLE, NOT_FOUND_MESSAGE, site.name),
    )
    return Response(_first_response(page), status_code=404, media_type=HTML)


def _first_response(page: str) -> str:
    """``page`` with the build's critical CSS inline in place of the blocking stylesheet, when the build has one."""
    css = critical_css()
    return page if css is None else inline_critical_css(page, css)


def robots(request: Request) -> Response:
    """robots.txt, naming the sitemap."""
    return PlainTextResponse(robots_txt(current_site()))


def _without_trailing_slash(request: Request) -> Response:
    query = f"?{request.url.query}" if request.url.query else ""
    return RedirectResponse(routes.post_url(request.path_params["slug"]) + query, status_code=308)


def _etag(body: bytes) -> str:
    # Weak, because the same body may travel gzipped or not.
    return 'W/"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def _revalidated(request: Request, body: bytes, media_type: str, etag: str) -> Response:
    """``body`` with its ETag, or 304 Not Modified when the client already has it."""
    headers = {"ETag": etag, "Cache-Control": "no-cache"}
    if etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=media_type, headers=headers)
