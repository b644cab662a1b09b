"""A page state's seed is what the browser's store holds: the same names and values, safe inside a script element."""

from __future__ import annotations

import json

import lxml.html

import blog_app.blog_app  # noqa: F401  (registers the app's states)
from blog_app.html_first.seed import seed_json, state_values
from blog_app.posts.post_state import PostState
from blog_app.posts.types import PostDetail


def test_values_are_keyed_as_the_client_keys_them():
    def show(state: PostState) -> None:
        state.loaded_slug = "a-post"
        state.found = True
        state.post = PostDetail(slug="a-post", title="A post")

    values = state_values(PostState, show)
    assert list(values) == [PostState.get_full_name()]
    own = values[PostState.get_full_name()]
    assert own["loaded_slug_rx_state_"] == "a-post" and own["found_rx_state_"] is True
    assert json.loads(seed_json(values))[PostState.get_full_name()]["post_rx_state_"]["title"] == "A post"


def test_each_seed_starts_from_the_defaults():
    state_values(PostState, lambda state: setattr(state, "loaded_slug", "first"))
    values = state_values(PostState, lambda state: None)
    assert values[PostState.get_full_name()]["loaded_slug_rx_state_"] == ""


def test_text_that_could_end_the_script_element_stays_inside_it():
    title = "</script><script>alert(1)</script><!-- x"
    values = state_values(PostState, lambda state: setattr(state, "post", PostDetail(title=title)))
    page = f'<html><body><script type="application/json" id="s">{seed_json(values)}</script><p>after</p></body></html>'
    document = lxml.html.fromstring(page)
    [script] = document.xpath("//script")
    assert json.loads(script.text)[PostState.get_full_name()]["post_rx_state_"]["title"] == title
    assert document.xpath("//p")[0].text == "after"
