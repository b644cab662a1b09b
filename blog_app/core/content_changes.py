"""The in-process signal that the development watcher changed the posts, for pages that follow them."""

from __future__ import annotations

import asyncio

# How often an open page's follower looks for a new generation.
FOLLOW_POLL_SECONDS = 0.25

_generation = 0


def generation() -> int:
    """A number that grows whenever the watcher changed the posts in the database."""
    return _generation


def announce_change() -> None:
    """Tell the pages that follow the posts that the watcher changed them."""
    global _generation
    _generation += 1


async def content_changes(poll_seconds: float = FOLLOW_POLL_SECONDS):
    """Yield once after each change the watcher makes to the posts (for a page that follows them).

    Runs until cancelled; Reflex cancels a page's background events when the reader leaves it.
    """
    seen = _generation
    while True:
        await asyncio.sleep(poll_seconds)
        if _generation != seen:
            seen = _generation
            yield seen
