"""The explorer in the first response: the view for a query string, and ExplorerState as on_load leaves it."""

from __future__ import annotations

from blog_app.core import run_mode
from blog_app.explorer.markup import explorer_markup
from blog_app.explorer.page import INTRO, TITLE
from blog_app.explorer.source import current_view, shown_params
from blog_app.explorer.state import ExplorerState
from blog_app.explorer.view_model import ExplorerView
from blog_app.html_first.first_response import FirstResponse
from blog_app.html_first.seed import state_values


def explorer_first_response(query: str) -> FirstResponse:
    """The explorer's page for ``query`` (the address's query string) and the state it was written from."""
    seed = state_values(ExplorerState, lambda state: state.show(query))
    return FirstResponse(explorer_markup(shown_view(query), TITLE, INTRO), seed)


def shown_view(query: str) -> ExplorerView:
    """The view the explorer shows the current audience for ``query`` (the one ``ExplorerState.show`` builds)."""
    audience = run_mode.current_audience()
    return current_view(shown_params(query, audience), audience)
