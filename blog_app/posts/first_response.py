"""A post page in the first response: the post (or its not-found message) and PostState as on_load leaves it."""

from __future__ import annotations

from blog_app.core import run_mode
from blog_app.html_first.first_response import FirstResponse
from blog_app.html_first.seed import state_values
from blog_app.posts.post_markup import post_page_markup
from blog_app.posts.post_state import PostState
from blog_app.posts.source import ShownPost, post_to_show
from blog_app.ui.not_found_markup import not_found_markup

NOT_FOUND_TITLE = "Post not found"
NOT_FOUND_MESSAGE = "No post lives at this address. It may have been renamed or removed."


def post_first_response(slug: str) -> tuple[ShownPost | None, FirstResponse]:
    """The post at ``slug`` the current audience may see (None: not found) and its page's first response."""
    shown = post_to_show(slug, run_mode.current_audience())
    seed = state_values(PostState, lambda state: state.show(slug, shown))
    if shown is None:
        return None, FirstResponse(not_found_markup(NOT_FOUND_TITLE, NOT_FOUND_MESSAGE), seed)
    return shown, FirstResponse(post_page_markup(shown), seed)
