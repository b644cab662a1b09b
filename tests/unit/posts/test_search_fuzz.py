"""Any text typed into the search box gives a page, never an error (real SQLite, random text)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import Session

from blog_app.posts import queries
from blog_app.posts.index_params import IndexParams, clean_search
from blog_app.publishing.ingest import ingest

OPERATORS = st.sampled_from(['"', "*", "-", "+", ":", "^", "(", ")", "AND", "OR", "NOT", "NEAR", "NEAR/3", "{", "}"])
WORDS = st.sampled_from(["django", "djnago", "flask", "reflex", "deploy", "data", "web", "é", "🐍", "%", "_"])


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    import shutil

    import sqlalchemy as sa

    from blog_app.core import database
    from tests.support.fixture_posts import POSTS

    folder = tmp_path_factory.mktemp("content")
    for post in POSTS.glob("*.md"):
        shutil.copy(post, folder / post.name)
    engine = sa.create_engine(f"sqlite:///{tmp_path_factory.mktemp('db') / 'blog.db'}")
    database.upgrade_schema(engine)
    ingest(engine, folder)
    with Session(engine) as db:
        yield db
    engine.dispose()


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(OPERATORS, WORDS, st.text(max_size=8)), max_size=12))
def test_operators_words_and_any_characters_never_fail(session, pieces):
    text = clean_search(" ".join(pieces))
    page = queries.search_posts(session, IndexParams(q=text))
    shown = page.results if text else page.posts
    assert page.total == len(shown) and (page.posts == [] or not text)
    assert all(part.text for result in page.results for part in result.snippet)
