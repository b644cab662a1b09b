"""The backend routes that answer crawlers, link previews and feed readers.

Given to ``rx.App(api_transformer=...)``, they take precedence over the frontend that
Reflex mounts in production, so ``/blog/<slug>`` is answered with the client shell plus
the post's own head tags and readable text, and with status 404 for an unknown slug.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from starlette.applications import Starlette
from starlette.convertors import Convertor, register_url_convertor
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from blog_app import database, queries
from blog_app.seo.article import readable_message, readable_page
from blog_app.seo.feeds import ATOM_PATH, RSS_PATH, atom_xml, rss_xml
from blog_app.seo.head import blog_posting, head_html, not_found_head, post_meta
from blog_app.seo.shell import fill_shell, load_shell
from blog_app.seo.site import current_site, post_path
from blog_app.seo.sitemap import ROBOTS_PATH, SITEMAP_PATH, robots_txt, sitemap_xml

HTML = "text/html; charset=utf-8"
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
POST_ROUTE = post_path("{slug:page_name}")


def seo_api(static_paths: Callable[[], list[str]]) -> Starlette:
    """The app for ``api_transformer``: post pages, feeds, sitemap and robots.txt.

    Args:
        static_paths: Returns the paths of the pages that are not posts, for the sitemap.
    """
    return Starlette(routes=seo_routes(static_paths))


def seo_routes(static_paths: Callable[[], list[str]]) -> list[Route]:
    """The routes of :func:`seo_api`, for composing into another Starlette app."""
    compressed = [Middleware(GZipMiddleware, minimum_size=1024)]

    def sitemap(request: Request) -> Response:
        with database.session() as db:
            body = sitemap_xml(static_paths(), queries.visible_posts(db), current_site())
        return _revalidated(request, body, "application/xml; charset=utf-8")

    return [
        Route(POST_ROUTE, post_page, middleware=compressed),
        Route(POST_ROUTE + "/", _without_trailing_slash),
        Route(RSS_PATH, rss_feed, middleware=compressed),
        Route(ATOM_PATH, atom_feed, middleware=compressed),
        Route(SITEMAP_PATH, sitemap, middleware=compressed),
        Route(ROBOTS_PATH, robots),
    ]


def post_page(request: Request) -> Response:
    """A post: the client shell with the post's head tags and text; 404 for an unknown slug."""
    shell = load_shell()
    if shell is None:
        # Without a production build the frontend (Vite in dev) serves post pages itself.
        return PlainTextResponse("No production build to serve pages from.", status_code=404)
    site = current_site()
    with database.session() as db:
        post = queries.get_post(db, request.path_params["slug"])
    if post is None:
        page = fill_shell(
            shell,
            not_found_head(NOT_FOUND_TITLE, site),
            readable_message(NOT_FOUND_TITLE, NOT_FOUND_MESSAGE, site.name),
        )
        return Response(page, status_code=404, media_type=HTML)
    head = head_html(post_meta(post, site), blog_posting(post, site))
    return _revalidated(request, fill_shell(shell, head, readable_page(post, site.name)), HTML)


def rss_feed(request: Request) -> Response:
    """The RSS 2.0 feed of every post."""
    with database.session() as db:
        body = rss_xml(queries.visible_posts(db), current_site())
    return _revalidated(request, body, "application/rss+xml; charset=utf-8")


def atom_feed(request: Request) -> Response:
    """The Atom feed of every post."""
    with database.session() as db:
        body = atom_xml(queries.visible_posts(db), current_site())
    return _revalidated(request, body, "application/atom+xml; charset=utf-8")


def robots(request: Request) -> Response:
    """robots.txt, naming the sitemap."""
    return PlainTextResponse(robots_txt(current_site()))


def _without_trailing_slash(request: Request) -> Response:
    query = f"?{request.url.query}" if request.url.query else ""
    return RedirectResponse(post_path(request.path_params["slug"]) + query, status_code=308)


def _revalidated(request: Request, body: str | bytes, media_type: str) -> Response:
    """``body`` with an ETag, or 304 Not Modified when the client already has it."""
    data = body.encode() if isinstance(body, str) else body
    # Weak, because the same body may travel gzipped or not.
    etag = 'W/"' + hashlib.sha256(data).hexdigest()[:32] + '"'
    headers = {"ETag": etag, "Cache-Control": "no-cache"}
    if etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return Response(data, media_type=media_type, headers=headers)
