"""The index as the server writes it into the first response, on frozen data: the view's cards, in order, escaped."""

from __future__ import annotations

import re

from blog_app.core.search import SnippetPart
from blog_app.html_first.seed import state_values
from blog_app.posts.index_markup import index_page_markup
from blog_app.posts.index_state import IndexState
from blog_app.posts.source import ShownIndex
from blog_app.posts.types import KeywordRef, PostPage, PostSummary, SearchResult

CARD = PostSummary(
    slug="first",
    title="First <post> & more",
    description="About things.",
    author="Ann",
    published="2024-01-02",
    published_label="January 2, 2024",
    cover_image="/blog/first.webp",
    reading_minutes=4,
    keywords=[KeywordRef("Python web", "python-web")],
)
SECOND = PostSummary(slug="second", title="Second post", cover_image="/blog/gone.webp", cover_missing=True)
RESULT = SearchResult(
    slug="found",
    title="Found it",
    description="Fallback text.",
    snippet=[SnippetPart("uses "), SnippetPart("Django", hit=True), SnippetPart(" <b>well</b>")],
)


def titles(markup: str) -> list[str]:
    """The card titles, in order."""
    return re.findall(r'<h2 class="rt-Heading rt-r-size-5"><a [^>]*>(.*?)</a></h2>', markup)


def test_browsing_writes_each_card_in_order_with_its_cover_byline_and_chips():
    page = PostPage(posts=[CARD, SECOND], total=14, page=2, pages=2)
    markup = index_page_markup("page=2", ShownIndex(page, ""))
    assert titles(markup) == ["First &lt;post&gt; &amp; more", "Second post"]
    # The first card's cover is on screen when the page opens: it loads at once, and first.
    assert (
        '<img alt="" class="cover" fetchpriority="high" height="630" loading="eager" width="1200"'
        ' src="/blog/first.webp">' in markup
    )
    assert 'role="img" aria-label="Cover image unavailable"' in markup and "/blog/gone.webp" not in markup
    assert '<time datetime="2024-01-02">January 2, 2024</time> · 4 min read' in markup
    assert 'href="/?tag=python-web"' in markup and ">Python web</span>" in markup
    # Page 2 of 2: a link to the newer page, the older one disabled; no filter line when nothing narrows the list.
    newer = '<a data-accent-color="" class="rt-reset rt-BaseButton rt-r-size-2 rt-variant-soft rt-Button" href="/">'
    assert newer in markup and "Page 2 of 2" in markup and "disabled" in markup
    assert "Clear filters" not in markup


def test_a_search_writes_its_results_with_marked_words_and_its_filter_line():
    page = PostPage(posts=[], total=1, page=1, pages=1, results=[RESULT])
    markup = index_page_markup("tag=python-web&q=django", ShownIndex(page, "Python web"))
    assert titles(markup) == ["Found it"]
    assert "…uses <mark>Django</mark> &lt;b&gt;well&lt;/b&gt;…" in markup
    assert "1 post tagged <strong>Python web</strong> matching <strong>“django”</strong>" in markup
    assert 'data-query="tag=python-web&amp;q=django"' in markup
    assert 'value="django"' in markup and 'aria-label="Pagination"' not in markup


def test_nothing_found_writes_the_empty_state_and_a_wordless_search_its_message():
    empty = index_page_markup("tag=nope", ShownIndex(PostPage([], 0, 1, 1), "nope"))
    assert titles(empty) == [] and "No posts match" in empty and "0 posts tagged <strong>nope</strong>" in empty
    message = "Type a word to search for."
    noise = index_page_markup("q=the", ShownIndex(PostPage([], 0, 1, 1, message=message), ""))
    assert message in noise and "No posts match" not in noise


def test_the_seed_carries_the_view_and_the_query_it_was_loaded_for():
    page = PostPage(posts=[CARD], total=13, page=1, pages=2)
    seed = state_values(IndexState, lambda state: state.show("tag=python-web", ShownIndex(page, "Python web")))
    [values] = seed.values()
    fields = {name.rsplit("_rx_state_", 1)[0]: value for name, value in values.items()}
    assert fields["loaded_query"] == "tag=python-web" and fields["tag"] == "python-web"
    assert [post.title for post in fields["posts"]] == [CARD.title]
    assert fields["older_url"] == "/?tag=python-web&page=2" and fields["newer_url"] == ""
