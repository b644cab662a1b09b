"""The client shell of the production build, with a page's own head tags and the page itself written in.

Reflex serves every page the server answers (``/``, ``/blog/<slug>``, ``/frameworks/``) from one
prerendered shell that React hydrates. Its head has no page-specific tags, and its body only
the empty slot of :mod:`blog_app.html_first.slot`. ``fill_shell`` removes whatever generic
title, description, canonical, OpenGraph or Twitter tags the shell carries, writes the page's
own, and writes the page into the slot, where React keeps it until the page's code renders
the same page in its place.
"""

from __future__ import annotations

import functools
import pathlib
import re
from html.parser import HTMLParser

from reflex.config import get_config
from reflex.constants import Dirs, ReactRouter
from reflex.utils.prerequisites import get_web_dir

from blog_app.html_first.slot import SLOT_ID

_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
_SLOT = re.compile(r'<div id="' + re.escape(SLOT_ID) + r'"[^>]*>(</div>)', re.IGNORECASE)
# React writes every ">" inside an attribute value as "&gt;", so a tag ends at the first ">".
_HEAD_TAG = re.compile(r"<title\b[^>]*>.*?</title\s*>|<(?:meta|link)\b[^>]*>", re.IGNORECASE | re.DOTALL)
_PAGE_SPECIFIC_PREFIXES = ("og:", "twitter:", "article:")


def fill_shell(shell: str, head: str, body: str) -> str:
    """The shell with its generic page tags replaced by ``head`` and ``body`` written into its slot.

    Args:
        shell: The prerendered client shell.
        head: HTML for the end of ``<head>`` (already escaped).
        body: The page's HTML (already escaped), readable without JavaScript.

    Returns:
        The page's HTML.

    Raises:
        ValueError: The shell has no ``</head>`` followed by the empty slot.
    """
    head_section, between, rest = _split_shell(shell)
    return f"{head_section}{head}{between}{body}{rest}"


@functools.lru_cache(maxsize=2)
def _split_shell(shell: str) -> tuple[str, str, str]:
    # The same for every page of a build (about a fifth of a post page's time when redone each time).
    head_end, slot = _HEAD_END.search(shell), _SLOT.search(shell)
    if head_end is None or slot is None or slot.start() < head_end.start():
        raise ValueError(f'the client shell has no </head> followed by an empty <div id="{SLOT_ID}">')
    head_section = _HEAD_TAG.sub(_keep_generic, shell[: head_end.start()])
    return head_section, shell[head_end.start() : slot.start(1)], shell[slot.start(1) :]


def _keep_generic(match: re.Match[str]) -> str:
    tag = match.group(0)
    return "" if _is_page_specific(tag) else tag


def _is_page_specific(tag: str) -> bool:
    if tag[:6].lower() == "<title":
        return True
    attributes = _attributes(tag)
    key = (attributes.get("name") or attributes.get("property") or "").lower()
    return (
        key == "description"
        or key.startswith(_PAGE_SPECIFIC_PREFIXES)
        or (attributes.get("rel") or "").lower() == "canonical"
    )


class _StartTag(HTMLParser):
    """Reads the attributes of one start tag."""

    def __init__(self) -> None:
        super().__init__()
        self.attributes: dict[str, str | None] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes = dict(attrs)


def _attributes(tag: str) -> dict[str, str | None]:
    parser = _StartTag()
    parser.feed(tag)
    parser.close()
    return parser.attributes


def build_dir() -> pathlib.Path:
    """The folder of the production build's static files: prerendered pages, the shell, assets."""
    return get_web_dir() / Dirs.STATIC / get_config().frontend_path.strip("/")


def shell_path() -> pathlib.Path:
    """Where the production build keeps the client shell of dynamic routes."""
    return build_dir() / ReactRouter.SPA_FALLBACK


def load_shell() -> str | None:
    """The client shell of the current build, or None without a production build (``reflex run`` in dev)."""
    return read_build_file(shell_path())


def read_build_file(path: pathlib.Path) -> str | None:
    """The text of a file the production build wrote, read again only when a rebuild replaced it; None when missing."""
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return None
    return _read(path, stamp)


@functools.lru_cache(maxsize=4)
def _read(path: pathlib.Path, stamp: int) -> str:
    # The stamp is part of the cache key: a rebuild replaces the file and its stamp.
    return path.read_text(encoding="utf-8")
