"""The index in the first response: the view its query string asks for and IndexState as on_load leaves it."""

from __future__ import annotations

from blog_app.core import run_mode
from blog_app.html_first.first_response import FirstResponse
from blog_app.html_first.seed import state_values
from blog_app.posts.index_markup import index_page_markup
from blog_app.posts.index_params import IndexParams, parse_index_params
from blog_app.posts.index_state import IndexState
from blog_app.posts.source import index_to_show


def index_first_response(query: str) -> tuple[IndexParams, FirstResponse]:
    """The view ``query`` (a query string as the browser sends it, no ``?``) asks for, and its first response."""
    params = parse_index_params(query)
    shown = index_to_show(params, run_mode.current_audience())
    seed = state_values(IndexState, lambda state: state.show(query, shown))
    return params, FirstResponse(index_page_markup(query, shown), seed)
