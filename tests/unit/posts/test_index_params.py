"""The index view in the URL: parse and format round trip, garbage ignored."""

from __future__ import annotations

import pytest

from blog_app.posts.index_params import MAX_SEARCH_CHARS, IndexParams, parse_index_params


@pytest.mark.parametrize(
    "query",
    [
        IndexParams(),
        IndexParams(page=3),
        IndexParams(tag="python-web-frameworks"),
        IndexParams(page=2, tag="a", q="fast api & co"),
    ],
)
def test_round_trip(query):
    assert parse_index_params(query.url().partition("?")[2]) == query


def test_canonical_url_leaves_defaults_out():
    assert IndexParams().url() == "/"
    assert IndexParams(page=1, tag="x").url() == "/?tag=x"
    assert IndexParams(page=2, tag="x", q="a b").url() == "/?tag=x&q=a+b&page=2"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("page=banana", IndexParams()),
        ("page=-3", IndexParams()),
        ("page=0", IndexParams()),
        ("page=99999999999", IndexParams(page=10_000)),
        ("tag=<script>alert(1)</script>", IndexParams()),
        ("tag=Python", IndexParams(tag="python")),
        ("q=%20%20two%20%20words%20", IndexParams(q="two words")),
        ("q=a&q=b&page=2&page=5", IndexParams(page=2, q="a")),
        ("unknown=1&&=&page", IndexParams()),
        ("?page=2", IndexParams(page=2)),
    ],
)
def test_garbage_is_ignored(raw, expected):
    assert parse_index_params(raw) == expected


def test_search_text_is_bounded():
    assert len(parse_index_params("q=" + "x" * 5000).q) == MAX_SEARCH_CHARS
