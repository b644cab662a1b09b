"""A ``<title>`` in every HTML document the build writes: HTML requires one in each ``<head>``.

Reflex prerenders a page's title into its HTML, but the client shell (``__spa-fallback.html``),
which React Router renders before any route matched, has none; and Reflex copies that shell to
``404.html``, the page every unknown path is answered with (status 404). ``ShellTitle``, a Reflex
plugin, gives the shell the site's name as its title right after each production build, before
Reflex copies it and compresses the files; ``ensure_title`` is the edit itself, for any page a
server writes from the shell.
"""

from __future__ import annotations

import html
import pathlib
import re

from reflex_base.constants import ReactRouter
from reflex_base.plugins import Plugin

from blog_app.core import settings

_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
_TITLE = re.compile(r"<title\b", re.IGNORECASE)


def ensure_title(page: str, title: str) -> str:
    """``page`` with ``<title>title</title>`` (escaped) at the end of its head, unless the head has a title.

    Args:
        page: An HTML document.
        title: Plain text.

    Raises:
        ValueError: ``page`` has no ``</head>``.
    """
    head_end = _HEAD_END.search(page)
    if head_end is None:
        raise ValueError("the page has no </head>")
    if _TITLE.search(page, 0, head_end.start()):
        return page
    return f"{page[: head_end.start()]}<title>{html.escape(title, quote=False)}</title>{page[head_end.start() :]}"


def title_shell(static_dir: pathlib.Path, title: str) -> None:
    """Give the client shell in the build folder ``static_dir`` a title, if it has a shell without one."""
    shell = static_dir / ReactRouter.SPA_FALLBACK
    if not shell.is_file():
        return
    page = shell.read_text(encoding="utf-8")
    titled = ensure_title(page, title)
    if titled != page:
        shell.write_text(titled, encoding="utf-8")


class ShellTitle(Plugin):
    """The Reflex plugin (``rx.Config(plugins=[...])``) that titles the client shell after a production build."""

    def post_build(self, **context) -> None:
        """Title the shell with the site's name (``BLOG_SITE_NAME``)."""
        title_shell(context["static_dir"], settings.site_name())
