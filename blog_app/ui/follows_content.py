"""A page state that, in development, shows saved changes to posts without a reload."""

from __future__ import annotations

import reflex as rx

from blog_app.core import content_changes, run_mode


class FollowsContent(rx.State, mixin=True):
    """Mixin for page states that read posts: ``_load`` reads them, ``load_and_follow`` is the on_load step.

    In development the page keeps a background event that reloads it after each change the
    content watcher makes. It hangs off the page's on_load chain, so Reflex cancels it when the
    reader navigates elsewhere or closes the tab. In production it is never started.
    """

    def _load(self) -> None:
        raise NotImplementedError

    def _load_and_follow(self) -> list:
        """Load the page's data; the events to return: in development, the one that keeps it current."""
        self._load()
        return [type(self).follow_content] if run_mode.is_development() else []

    @rx.event(background=True)
    async def follow_content(self):
        """Reload the page's data after every change the content watcher makes (development only)."""
        async for _version in content_changes.content_changes():
            async with self:
                self._load()
