"""The hashes of the inline scripts the production build's pages carry, for the Content-Security-Policy.

The build's HTML (prerendered pages, the client shell that post pages are written into, the
404 page) runs a few inline scripts: React Router's context and route imports, the theme
switch, React's streaming helpers. The policy allows exactly those by their SHA-256, read from
the files the process serves (their gzip copies included), and re-read when a build replaces
them. Data blocks (``<script type="application/json">``, JSON-LD) are not run, so they need no hash.
"""

from __future__ import annotations

import base64
import contextlib
import gzip
import hashlib
import os
import pathlib
import time
from collections.abc import Callable
from html.parser import HTMLParser

from blog_app.html_first.shell import build_dir

# How long a process trusts its last look at the build (a rebuild is seen within this).
RECHECK_SECONDS = 1.0
# Script types a browser runs (or, for import maps and speculation rules, reads as code): the
# HTML standard's JavaScript MIME types, "module", and no type at all.
_JAVASCRIPT_TYPES = frozenset(
    {
        "",
        "module",
        "importmap",
        "speculationrules",
        *(f"text/{name}" for name in ("javascript", "ecmascript", "jscript", "livescript", "x-javascript")),
        *(f"text/javascript1.{minor}" for minor in range(6)),
        "text/x-ecmascript",
        *(f"application/{name}" for name in ("javascript", "ecmascript", "x-javascript", "x-ecmascript")),
    }
)
_PAGE_SUFFIXES = (".html", ".html.gz")


def inline_script_hashes(html: str) -> frozenset[str]:
    """``sha256-<base64>`` of each inline script in ``html`` a browser would run, as CSP writes them."""
    parser = _InlineScripts()
    # Browsers read CR LF and lone CR as LF before parsing, so the hashed text has only LF.
    parser.feed(html.replace("\r\n", "\n").replace("\r", "\n"))
    parser.close()
    return frozenset(
        "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
        for text in parser.scripts
    )


class _InlineScripts(HTMLParser):
    """Collects the text of the runnable ``<script>`` elements without ``src``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "script":
            return
        attributes = dict(attrs)
        kind = (attributes.get("type") or "").split(";")[0].strip().lower()
        runs = "src" not in attributes and kind in _JAVASCRIPT_TYPES
        self._text = [] if runs else None

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._text is not None:
            self.scripts.append("".join(self._text))
            self._text = None


class BuildScriptHashes:
    """The inline-script hashes of every page the current build serves; call it for the current set.

    Looks at the build at most every ``recheck_seconds`` (a listing of its page files, not
    their contents) and reads the pages again only when one has changed.

    Args:
        folder: Returns the build's folder (default: the production build of this project).
        recheck_seconds: How long a look at the build is trusted.
    """

    def __init__(self, folder: Callable[[], pathlib.Path] = build_dir, recheck_seconds: float = RECHECK_SECONDS):
        self.folder = folder
        self.recheck_seconds = recheck_seconds
        # When the build was looked at, what its pages were, their hashes: swapped whole (threads).
        self._current: tuple[float | None, tuple, frozenset[str]] = (None, (), frozenset())

    def __call__(self) -> frozenset[str]:
        """The hashes of the current build (empty without a build)."""
        checked, stamp, hashes = self._current
        now = time.monotonic()
        if checked is not None and now - checked < self.recheck_seconds:
            return hashes
        fresh = _pages_stamp(self.folder())
        if fresh != stamp:
            hashes = frozenset().union(*(_page_hashes(pathlib.Path(path)) for path, *_ in fresh))
        self._current = (now, fresh, hashes)
        return hashes


def _pages_stamp(folder: pathlib.Path) -> tuple[tuple[str, int, int], ...]:
    """Every page file of the build with its modification time and size (the hashed assets/ left out)."""
    pages = []
    for root, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if name != "assets"]
        for name in files:
            if name.endswith(_PAGE_SUFFIXES):
                with contextlib.suppress(FileNotFoundError):  # a rebuild removed it meanwhile
                    info = os.stat(os.path.join(root, name))
                    pages.append((os.path.join(root, name), info.st_mtime_ns, info.st_size))
    return tuple(sorted(pages))


def _page_hashes(path: pathlib.Path) -> frozenset[str]:
    # A file a rebuild removed or is still writing counts as empty: once written, its stamp changes.
    with contextlib.suppress(OSError, EOFError, UnicodeDecodeError):
        data = path.read_bytes()
        return inline_script_hashes((gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8"))
    return frozenset()
