"""Every address of the site, and every function that builds a link to one of its pages.

Nothing else in blog_app writes a page's path: pages, links, feeds, the sitemap and the link
check all come here. This module imports no other module of the app, so any of them may use it.
Builders that a component calls with Vars (``post_url(post.slug)``) only concatenate, which works
on both ``str`` and ``rx.Var``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar
from urllib.parse import urlencode

INDEX = "/"
POST_PREFIX = "/blog/"
POST = POST_PREFIX + "[slug]"
FRAMEWORKS = "/frameworks"
NOT_FOUND = "404"
RSS = "/rss.xml"
ATOM = "/atom.xml"
SITEMAP = "/sitemap.xml"
ROBOTS = "/robots.txt"
FAVICON = "/favicon.ico"
# Addresses the app answers itself, besides posts and the files under assets/ (for the link check).
APP_PAGES = frozenset({INDEX, FRAMEWORKS, RSS, ATOM, SITEMAP, ROBOTS})

Text = TypeVar("Text")  # ``str``, or an ``rx.Var[str]`` in a component


def post_url(slug: Text) -> Text:
    """The page of the post with ``slug`` (``/blog/<slug>``)."""
    return POST_PREFIX + slug  # type: ignore[operator,return-value]


def post_section_url(slug: str, anchor: str) -> str:
    """A heading of a post (``/blog/<slug>#<anchor>``), or the post when ``anchor`` is empty."""
    return f"{post_url(slug)}#{anchor}" if anchor else post_url(slug)


def tag_url(slug: Text) -> Text:
    """The index filtered by the keyword with ``slug`` (``/?tag=<slug>``; slugs need no escaping)."""
    return INDEX + "?tag=" + slug  # type: ignore[operator,return-value]


def index_url(tag: str = "", q: str = "", page: int = 1) -> str:
    """The canonical address of a view of the index (defaults left out): ``/`` or ``/?tag=..&q=..&page=..``."""
    params = [(name, value) for name, value in (("tag", tag), ("q", q)) if value]
    if page > 1:
        params.append(("page", str(page)))
    return INDEX + "?" + urlencode(params) if params else INDEX


def explorer_url(
    pros: Iterable[str] = (), cons: Iterable[str] = (), text: str = "", compare: Iterable[str] = (), focus: str = ""
) -> str:
    """The canonical address of a view of the explorer: ``/frameworks?pro=a,b&con=c&q=..&compare=x,y&focus=z``.

    Pros and cons are sorted, so the same filter always has the same address; the comparison
    keeps the order the reader chose its columns in. Empty parts are left out.
    """
    parts = [
        ("pro", ",".join(sorted(pros))),
        ("con", ",".join(sorted(cons))),
        ("q", text),
        ("compare", ",".join(compare)),
        ("focus", focus),
    ]
    query = urlencode([(name, value) for name, value in parts if value], safe=",")
    return f"{FRAMEWORKS}?{query}" if query else FRAMEWORKS


def prerendered_path(route: str) -> str:
    """Where a prerendered page answers 200: ``/``, or its folder (``/frameworks/``).

    Reflex's production server serves the folder's index.html and sends ``/frameworks`` there
    (permanently, see blog_app/seo/slash_redirects.py), so canonical links and the sitemap name the folder.
    """
    return route if route.endswith("/") else route + "/"


def prerendered_url(url: str) -> str:
    """``url`` (a path and maybe a query string) with its path where the prerendered page answers 200."""
    path, _, query = url.partition("?")
    return prerendered_path(path) + (f"?{query}" if query else "")
