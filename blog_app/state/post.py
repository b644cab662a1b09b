"""State of a post page: the post whose slug is in the URL, and its neighbours."""

from __future__ import annotations

import dataclasses

import reflex as rx

from blog_app import run_mode
from blog_app.assets import flag_missing_images, image_missing
from blog_app.post_source import current_post
from blog_app.queries import PostDetail, PostLink
from blog_app.state.live import FollowsContent
from blog_app.state.outage import ReadsDatabase, tolerates_outage

# The post arrives after the page renders, too late for the browser's own jump to ``#section``:
# once the heading exists (a few frames at most), scroll to it.
SCROLL_TO_HASH = """(() => {
  const id = decodeURIComponent(window.location.hash.slice(1));
  let frames = 0;
  const jump = () => {
    const target = id && document.getElementById(id);
    if (target) target.scrollIntoView();
    else if (id && frames++ < 60) requestAnimationFrame(jump);
  };
  jump();
})()"""


class PostState(FollowsContent, ReadsDatabase, rx.State):
    """The post shown on ``/blog/[slug]``."""

    post: PostDetail = PostDetail()
    newer: PostLink = PostLink()
    older: PostLink = PostLink()
    loaded: bool = False
    found: bool = False
    # The slug ``post`` / ``found`` were loaded for; the page compares it with the address.
    loaded_slug: str = ""

    @rx.event
    @tolerates_outage
    def on_load(self):
        """Load the post named by the route's ``slug`` and jump to ``#section``; in development, keep following it."""
        events = self._load_and_follow()
        return [rx.call_script(SCROLL_TO_HASH), *events] if self.found else events

    def _load(self) -> None:
        slug = str(self.slug)  # the [slug] route argument
        stored = current_post(slug, run_mode.current_audience())
        detail = None
        if stored is not None:
            # Image files are checked on every visit: adding a missing one fixes the page without an ingest.
            shown = stored.detail
            segments = flag_missing_images(shown.segments)
            detail = dataclasses.replace(shown, segments=segments, cover_missing=image_missing(shown.cover_image))
        self.found = detail is not None
        self.post = detail or PostDetail()
        self.newer = (stored and stored.newer) or PostLink()
        self.older = (stored and stored.older) or PostLink()
        self.loaded = True
        self.loaded_slug = slug
