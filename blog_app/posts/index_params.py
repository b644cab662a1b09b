"""The index's URL parameters: which page, keyword and search the reader asked for (pure, no Reflex)."""

from __future__ import annotations

import dataclasses
import re
from urllib.parse import parse_qs

from blog_app import routes

PAGE_SIZE = 12
MAX_SEARCH_CHARS = 200
MAX_PAGE = 10_000
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclasses.dataclass(frozen=True)
class IndexParams:
    """Which posts the index shows."""

    page: int = 1
    tag: str = ""
    q: str = ""

    @property
    def is_filtered(self) -> bool:
        """Whether a keyword or a search narrows the list."""
        return bool(self.tag or self.q)

    def url(self) -> str:
        """The canonical address of this view of the index."""
        return routes.index_url(tag=self.tag, q=self.q, page=self.page)


def parse_index_params(query_string: str) -> IndexParams:
    """Read ``page``, ``tag`` and ``q`` from a query string, ignoring anything malformed.

    Args:
        query_string: The raw query (``page=2&tag=python``), with or without ``?``.

    Returns:
        The query; a bad page becomes 1, a bad tag is dropped, search text is trimmed.
    """
    values = parse_qs(query_string.lstrip("?"), keep_blank_values=False)

    def first(name: str) -> str:
        return values.get(name, [""])[0].strip()

    page_text = first("page")
    page = int(page_text) if page_text.isdigit() else 1
    tag = first("tag").lower()
    return IndexParams(
        page=min(max(page, 1), MAX_PAGE),
        tag=tag if _SLUG.match(tag) and len(tag) <= 200 else "",
        q=clean_search(first("q")),
    )


def clean_search(text: str) -> str:
    """Search text as the index uses it: single spaces, at most ``MAX_SEARCH_CHARS``."""
    return " ".join(text.split())[:MAX_SEARCH_CHARS].strip()
