"""The index view in the URL: parse and format round trip, garbage ignored."""

from __future__ import annotations

import pytest

from blog_app.index_query import MAX_SEARCH_CHARS, IndexQuery, index_url, parse_index_query


@pytest.mark.parametrize(
    "query",
    [
        IndexQuery(),
        IndexQuery(page=3),
        IndexQuery(tag="python-web-frameworks"),
        IndexQuery(page=2, tag="a", q="fast api & co"),
    ],
)
def test_round_trip(query):
    assert parse_index_query(index_url(query).partition("?")[2]) == query


def test_canonical_url_leaves_defaults_out():
    assert index_url(IndexQuery()) == "/"
    assert index_url(IndexQuery(page=1, tag="x")) == "/?tag=x"
    assert index_url(IndexQuery(page=2, tag="x", q="a b")) == "/?tag=x&q=a+b&page=2"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("page=banana", IndexQuery()),
        ("page=-3", IndexQuery()),
        ("page=0", IndexQuery()),
        ("page=99999999999", IndexQuery(page=10_000)),
        ("tag=<script>alert(1)</script>", IndexQuery()),
        ("tag=Python", IndexQuery(tag="python")),
        ("q=%20%20two%20%20words%20", IndexQuery(q="two words")),
        ("q=a&q=b&page=2&page=5", IndexQuery(page=2, q="a")),
        ("unknown=1&&=&page", IndexQuery()),
        ("?page=2", IndexQuery(page=2)),
    ],
)
def test_garbage_is_ignored(raw, expected):
    assert parse_index_query(raw) == expected


def test_search_text_is_bounded():
    assert len(parse_index_query("q=" + "x" * 5000).q) == MAX_SEARCH_CHARS
