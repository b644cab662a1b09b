"""URL slugs for headings, framework names and trait titles, remembered: posts repeat them (``Pros``, ``Cons``)."""

from __future__ import annotations

import functools

from slugify import slugify


@functools.lru_cache(maxsize=8192)
def slug(text: str) -> str:
    """``python-slugify``'s slug of ``text`` (``"Reflex—Frontend"`` → ``"reflex-frontend"``), cached.

    Args:
        text: Any text.

    Returns:
        Lowercase ASCII words joined by hyphens; empty when ``text`` has no letter or digit.
    """
    return slugify(text)
