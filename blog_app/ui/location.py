"""The page's route parameters as the browser sees them, before the backend hears of a navigation."""

from __future__ import annotations

import reflex as rx
from reflex_base.utils.imports import ImportVar
from reflex_base.vars.base import VarData

_ROUTE_PARAMS = VarData(
    imports={"react-router": [ImportVar(tag="useParams")]},
    hooks={"const routeParams = useParams();": None},
)


def route_param(name: str) -> rx.Var[str]:
    """The ``[name]`` segment of the current URL, read in the browser (``''`` when absent).

    Args:
        name: The dynamic route argument, e.g. ``slug`` for ``/blog/[slug]``.

    Returns:
        A string Var that changes the moment the address does.
    """
    return rx.Var(f"(routeParams[{name!r}] ?? '')", _var_data=_ROUTE_PARAMS).to(str)


_LOCATION = VarData(
    imports={"react-router": [ImportVar(tag="useLocation")]},
    hooks={"const location = useLocation();": None},
)


def current_address() -> rx.Var[str]:
    """The path and query string in the address bar, as the browser sees them."""
    return rx.Var("(location.pathname + location.search)", _var_data=_LOCATION).to(str)


def current_query() -> rx.Var[str]:
    """The query string in the address bar without its ``?`` (as ``router.url.query`` holds it), as the browser sees it."""
    return rx.Var("location.search.replace(/^\\?/, '')", _var_data=_LOCATION).to(str)
