"""The pages the server writes whole into the first response: each page's head, its content in the site frame, its state.

One builder per route, for :class:`blog_app.seo.page_responses.PageResponses`: a post (404 with
the not-found message for an unknown slug), the index in every view, the explorer in every view.
"""

from __future__ import annotations

import functools

from starlette.requests import Request

from blog_app import routes
from blog_app.explorer.first_response import explorer_first_response
from blog_app.explorer.page import DESCRIPTION as EXPLORER_DESCRIPTION
from blog_app.explorer.page import TITLE as EXPLORER_TITLE
from blog_app.html_first.first_response import FirstResponse, seed_element
from blog_app.html_first.shell import fill_shell
from blog_app.posts.first_response import NOT_FOUND_TITLE, post_first_response
from blog_app.posts.index_first_response import index_first_response
from blog_app.seo.critical_css import critical_css, inline_critical_css
from blog_app.seo.head import blog_posting, head_html, not_found_head, page_meta, post_meta
from blog_app.seo.page_responses import BuiltPage
from blog_app.seo.site import Site
from blog_app.ui.layout_markup import site_layout_markup


def write_page(shell: str, head: str, response: FirstResponse) -> str:
    """The shell with ``head`` and the page, in the site frame, with the state it was written from.

    The build's critical CSS is inline in place of the blocking stylesheet, when the build has one.
    """
    return fill_shell(_with_critical_css(shell), head, site_layout_markup(response.main) + seed_element(response.seed))


def _with_critical_css(shell: str) -> str:
    css = critical_css()
    return shell if css is None else _inlined(shell, css)


@functools.lru_cache(maxsize=2)
def _inlined(shell: str, css: str) -> str:
    # Once per build, not once per page: the same object each time also keeps fill_shell's split cached.
    return inline_critical_css(shell, css)


def post_page_for(request: Request):
    """The key (slug) and builder of the post page ``request`` asks for."""
    slug = request.path_params["slug"]

    def build(shell: str, site: Site) -> BuiltPage:
        shown, response = post_first_response(slug)
        if shown is None:
            return BuiltPage.of(write_page(shell, not_found_head(NOT_FOUND_TITLE, site), response), status=404)
        head = head_html(post_meta(shown.detail, site), blog_posting(shown.detail, site))
        return BuiltPage.of(write_page(shell, head, response))

    return slug, build


def index_page_for(request: Request):
    """The key (the query string as sent) and builder of the view of the index ``request`` asks for.

    The key is the query string as the browser sent it, not the normalised view: the page's
    state carries it (``IndexState.loaded_query``) and React shows the view only under that address.
    """
    query = request.url.query

    def build(shell: str, site: Site) -> BuiltPage:
        params, response = index_first_response(query)
        meta = page_meta(site.name, site.description, routes.index_url(params.tag, params.q, params.page), site)
        return BuiltPage.of(write_page(shell, head_html(meta), response))

    return query, build


def explorer_page_for(request: Request):
    """The key and builder of the explorer view ``request`` asks for.

    The key is the query string as the address bar shows it, not the view's canonical query:
    the page's state names the address it was built for, and React shows the view only
    under that address (blog_app/explorer/page.py).
    """
    query = request.url.query

    def build(shell: str, site: Site) -> BuiltPage:
        params, response = explorer_first_response(query)
        canonical = routes.prerendered_url(params.url())
        head = head_html(page_meta(EXPLORER_TITLE, EXPLORER_DESCRIPTION, canonical, site))
        return BuiltPage.of(write_page(shell, head, response))

    return query, build
