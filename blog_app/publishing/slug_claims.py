"""Which post gets each slug when ingest writes posts while later ones are still being parsed.

The rule is ingest's as it always was: a slug stays with a stored post whose file is unchanged,
fails to parse or keeps that slug; otherwise the first file in order to claim it gets it. Most
posts claim a slug no stored post holds and no earlier file claimed: they are written at once.
A post claiming a slug another stored post still holds waits until every file is parsed (the
holder may give the slug up, keep it, or fail), and so does any later post claiming a slug a
waiting one claims.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping

from blog_app.content import Diagnostic
from blog_app.publishing.content_files import SlugClaim, duplicate_slugs


class Verdict(enum.Enum):
    """What to do with a post's claim now."""

    WRITE = "write"  # the slug is the post's
    WAIT = "wait"  # decided once every file is parsed (``SlugClaims.settle``)


class SlugClaims:
    """The claims of one ingest run, in file order."""

    def __init__(self, held: Mapping[str, str]) -> None:
        """Start from the stored posts whose files are still there.

        Args:
            held: Each slug stored posts hold, by the key (``source_path``) of the post holding it.
        """
        self._held = dict(held)
        self._claimed: dict[str, str] = {}  # slug -> the file (as messages name it) written with it
        self._waiting: set[str] = set()

    def claim(self, key: str, post: SlugClaim) -> Verdict | Diagnostic:
        """Judge the claim of ``post`` (stored under ``key``): write it, wait, or the error rejecting it."""
        if post.slug in self._waiting or self._held.get(post.slug, key) != key:
            self._waiting.add(post.slug)
            return Verdict.WAIT
        owner = self._claimed.setdefault(post.slug, post.source_path)
        if owner != post.source_path:
            return duplicate_slugs([post], {post.slug: owner})[post.source_path]
        return Verdict.WRITE

    def settle(
        self, waiting: list[tuple[str, SlugClaim]], parsed: set[str], shown: Callable[[str], str]
    ) -> dict[str, Diagnostic]:
        """Decide the posts that waited, once every file is parsed.

        Args:
            waiting: The posts ``claim`` told to wait, by key, in file order.
            parsed: The keys of every file that parsed (written, waiting or rejected).
            shown: A file's name in messages, from its key.

        Returns:
            The error of each waiting post that does not get its slug, by its ``source_path``.
        """
        if not waiting:
            return {}
        kept = {slug: shown(key) for slug, key in self._held.items() if key not in parsed}
        # A stored post keeping its slug keeps it before any other claim: it would hold it anyway.
        keeping = {post.slug: post.source_path for key, post in waiting if self._held.get(post.slug) == key}
        return duplicate_slugs([post for _key, post in waiting], kept | self._claimed | keeping)
