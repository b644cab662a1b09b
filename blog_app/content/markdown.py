"""mistletoe set up the way posts are parsed and rendered, one parse at a time."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

from mistletoe.html_renderer import HtmlRenderer

# mistletoe keeps its token registry in module globals; one parse at a time.
_MISTLETOE_LOCK = threading.Lock()


@contextlib.contextmanager
def mistletoe_html() -> Iterator[HtmlRenderer]:
    """An HTML renderer whose context parses Markdown as posts are rendered (raw HTML recognised).

    Parse with ``mistletoe.Document(text)`` inside the ``with`` block; the lock keeps other
    threads' parses from swapping mistletoe's global token set meanwhile.
    """
    with _MISTLETOE_LOCK, HtmlRenderer() as renderer:
        yield renderer
