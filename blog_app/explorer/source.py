"""Where the explorer reads its frameworks and builds its views: once per change of the posts."""

from __future__ import annotations

from blog_app.core import database
from blog_app.core.content_version import per_content_version
from blog_app.core.visibility import Audience
from blog_app.explorer import queries
from blog_app.explorer.params import ExplorerParams, parse_explorer_params
from blog_app.explorer.types import FrameworkRecord
from blog_app.explorer.view_model import ExplorerView, build_view


@per_content_version(maxsize=4)
def current_frameworks(audience: Audience) -> tuple[FrameworkRecord, ...]:
    """The frameworks ``audience`` may see, read anew only when the posts have changed.

    Every filter change reloads the explorer, and reading every post's frameworks costs about
    110 ms at 100 posts (``scripts/bench --only interaction``).
    """
    with database.session() as db:
        return tuple(queries.list_frameworks(db, audience))


@per_content_version(maxsize=256)
def text_matches(text: str, audience: Audience) -> dict[str, float] | None:
    """What the explorer's text search finds (``queries.text_ranks``), searched anew only when the posts have changed."""
    if not text:
        return None
    with database.session() as db:
        return queries.text_ranks(db, text, audience)


@per_content_version(maxsize=128)
def current_view(params: ExplorerParams, audience: Audience) -> ExplorerView:
    """The page for ``params`` (restricted to the known frameworks), built once per view and change of the posts.

    Every filter change and search builds a view (facet counts re-filter every framework), and
    readers ask for the same few views over and over; the tabs showing one view share it, so it
    must never be mutated.
    """
    return build_view(current_frameworks(audience), params, text_matches(params.text, audience))


def shown_params(query: str, audience: Audience) -> ExplorerParams:
    """The parameters the explorer shows for the address's ``query``: parsed, restricted to what ``audience`` may see."""
    return parse_explorer_params(query).restricted(current_frameworks(audience))


def view_to_show(query: str, audience: Audience) -> tuple[ExplorerParams, ExplorerView]:
    """What the address's ``query`` asks ``audience``'s explorer to show: its parameters and their view."""
    params = shown_params(query, audience)
    return params, current_view(params, audience)
