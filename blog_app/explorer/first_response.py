"""The explorer in the first response: the view for a query string, and ExplorerState as on_load leaves it."""

from __future__ import annotations

from blog_app.core import run_mode
from blog_app.explorer.markup import explorer_markup
from blog_app.explorer.page import INTRO, TITLE
from blog_app.explorer.params import ExplorerParams
from blog_app.explorer.source import view_to_show
from blog_app.explorer.state import ExplorerState
from blog_app.html_first.first_response import FirstResponse
from blog_app.html_first.seed import state_values


def explorer_first_response(query: str) -> tuple[ExplorerParams, FirstResponse]:
    """The parameters ``query`` (the address's query string) asks for, and the explorer's first response for it."""
    params, view = view_to_show(query, run_mode.current_audience())
    seed = state_values(ExplorerState, lambda state: state.show(query, params, view))
    return params, FirstResponse(explorer_markup(view, TITLE, INTRO), seed)
