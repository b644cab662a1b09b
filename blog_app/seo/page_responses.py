"""Pages the server writes itself (posts, the index, the explorer), kept per process until the posts change.

Building a page reads the database and writes its head and content into the client shell
(a few milliseconds); answering it again from memory costs about what a static file does, save
one cheap query of ``content_version`` at most every ``VERSION_TTL`` seconds
(``scripts/bench --only serve``). Only the current version's pages are kept, at most
``max_pages`` of them (the index and explorer have one page per query string).
"""

from __future__ import annotations

import collections
import dataclasses
import hashlib
import threading
import time
from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from blog_app.core import database
from blog_app.core.content_version import content_version
from blog_app.html_first.shell import load_shell
from blog_app.seo.site import Site, current_site

HTML = "text/html; charset=utf-8"
# How long a process serves pages without asking whether the posts changed (they change only
# when some process ingests: at start-up, or `python -m blog_app ingest`).
VERSION_TTL = 1.0


@dataclasses.dataclass(frozen=True)
class BuiltPage:
    """A page as served: its bytes, their ETag and the status it answers with."""

    body: bytes
    etag: str
    status: int = 200

    @classmethod
    def of(cls, html: str, status: int = 200) -> BuiltPage:
        """The page ``html``, with its ETag."""
        body = html.encode()
        return cls(body, etag(body), status)


# From the request, the shell and the site: the key the page is kept under, and how to build it.
PageFor = Callable[[Request], tuple[str, Callable[[str, Site], BuiltPage]]]


class PageResponses:
    """Answers one route's pages from memory, built once per key and change of the posts.

    Args:
        page_for: The key and builder of the page a request asks for.
        max_pages: How many pages of the current version to keep (the oldest used go first).
    """

    def __init__(self, page_for: PageFor, max_pages: int = 512) -> None:
        self.page_for = page_for
        self.max_pages = max_pages
        self._lock = threading.Lock()
        # (version, shell, site), pages, when the version was read: swapped whole.
        self._current: tuple[tuple, collections.OrderedDict[str, BuiltPage], float] = (
            (),
            collections.OrderedDict(),
            -VERSION_TTL,
        )

    def respond(self, request: Request) -> Response:
        """The page, or 304 when the client has it already."""
        shell = load_shell()
        if shell is None:
            # Without a production build the frontend (Vite in dev) serves the pages itself.
            return PlainTextResponse("No production build to serve pages from.", status_code=404)
        site = current_site()
        pages = self._pages_for(shell, site)
        key, build = self.page_for(request)
        with self._lock:
            built = pages.get(key)
            if built is not None:
                pages.move_to_end(key)
        if built is None:
            built = build(shell, site)
            if built.status == 200:
                with self._lock:
                    pages[key] = built
                    while len(pages) > self.max_pages:
                        pages.popitem(last=False)
        return revalidated(request, built.body, HTML, built.etag, built.status)

    def _pages_for(self, shell: str, site: Site) -> collections.OrderedDict[str, BuiltPage]:
        key, pages, checked = self._current
        # The shell is the cached string of the current build: compared by identity first.
        if time.monotonic() - checked < VERSION_TTL and key[1:] == (shell, site):
            return pages
        with database.session() as db:
            # Read before any page is built, so a page built afterwards is never older than its key.
            fresh = (content_version(db), shell, site)
        pages = pages if fresh == key else collections.OrderedDict()
        self._current = (fresh, pages, time.monotonic())
        return pages


def etag(body: bytes) -> str:
    """A weak ETag for ``body`` (weak, because the same body may travel gzipped or not)."""
    return 'W/"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def revalidated(request: Request, body: bytes, media_type: str, tag: str, status: int = 200) -> Response:
    """``body`` with its ETag, or 304 Not Modified when the client already has it."""
    headers = {"ETag": tag, "Cache-Control": "no-cache"}
    if status == 200 and tag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return Response(body, status_code=status, media_type=media_type, headers=headers)
