"""Search on a real SQLite file and the machine's real PostgreSQL: the same results in the same order.

Every test runs once per database over the frozen corpus in tests/fixtures/search.
"""

from __future__ import annotations

import shutil

import pytest
import sqlalchemy as sa
from sqlmodel import Session, func, select

from blog_app.core import database, settings
from blog_app.core.models import SearchTerm
from blog_app.core.search import POSTS, read_rows
from blog_app.posts import queries, search
from blog_app.posts.index_params import IndexParams
from blog_app.publishing.ingest import ingest
from harness import services
from harness.synthetic_posts import write_post
from tests.support.search_corpus import AUTHORS, CORPUS, READERS, UNPUBLISHED, UNPUBLISHED_WORD

# Query -> the slugs readers get, best first.
RANKED = {
    # A title match outranks body mentions; more mentions outrank one.
    "django": ["deploying-django", "orm-tips", "async-python"],
    # Title and headings ("Caching at the edge") outrank a body mention.
    "caching": ["caching", "orm-tips"],
    # Stems: "deploying" finds "deployment" (and no unpublished post does).
    "deploying": ["deploying-django"],
    # Words side by side outrank the same words apart.
    "background tasks": ["async-python", "deploying-django", "background-jobs"],
    # Both words in two titles; side by side ("Python web apps") ranks first.
    "python web": ["caching", "async-python"],
    '"background tasks"': ["async-python", "deploying-django"],  # a phrase: only side by side
    "templ*": ["flask-templates"],  # a prefix
    "deploy*": ["deploying-django"],
    "docker django": ["deploying-django"],  # every word must match
    "async": ["async-python", "background-jobs"],
}
# One wrong, missing or swapped letter finds what the right word finds.
TYPOS = {"djnago": "django", "cachng": "caching", "asnyc": "async", "flaks": "flask", "templtes": "templates"}
HOSTILE = [
    '"',
    '""',
    '"unclosed phrase',
    "AND",
    "OR NOT",
    "django NEAR/2 flask",
    "NEAR(django flask)",
    "title:django",
    "{title body}: django",
    "-django",
    "+django",
    "django^2",
    "*",
    "**",
    "d*",
    "(django",
    "django)",
    "'; DROP TABLE post; --",
    "%_%",
    "\\",
    "🐍 django 🚀",
    "日本語",
    "Ünïcödé façade",
    "\u0000\u0001",
    "\ue000django\ue001",
    "a" * 70,
    "word " * 2000,  # 10 kB
    "!@#$%^&*()",
]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def engine(request, tmp_path_factory):
    """The corpus ingested into a fresh SQLite file or PostgreSQL database."""
    content = tmp_path_factory.mktemp("search-content")
    for post in CORPUS.glob("*.md"):
        shutil.copy(post, content / post.name)
    if request.param == "sqlite":
        engine = sa.create_engine(f"sqlite:///{tmp_path_factory.mktemp('search-db') / 'blog.db'}")
        yield _ingested(engine, content)
        engine.dispose()
        return
    with services.throwaway_database("search") as url:
        engine = sa.create_engine(settings.normalize_database_url(url))
        yield _ingested(engine, content)
        engine.dispose()


def _ingested(engine: sa.Engine, content) -> sa.Engine:
    database.upgrade_schema(engine)
    report = ingest(engine, content)
    assert (len(report.loaded), len(report.failed)) == (8, 0)
    return engine


def found(engine, text, audience=READERS, tag=""):
    with Session(engine) as db:
        return queries.search_posts(db, IndexParams(q=text, tag=tag), audience)


def slugs(page) -> list[str]:
    return [result.slug for result in page.results]


def marked(result) -> list[str]:
    return [part.text for part in result.snippet if part.hit]


@pytest.mark.parametrize("text", list(RANKED))
def test_results_come_best_first(engine, text):
    page = found(engine, text)
    assert slugs(page) == RANKED[text]
    assert page.total == len(RANKED[text]) and page.message == "" and page.posts == []


def test_snippets_mark_the_words_that_matched(engine):
    [deploying] = found(engine, "deploying").results
    assert marked(deploying) == ["deployment"]  # another form of the word, found by its stem
    text = "".join(part.text for part in deploying.snippet)
    assert "The image is the deployment artifact" in text
    [first, *_] = found(engine, '"background tasks"').results
    assert "Background tasks" in marked(first)
    [flask] = found(engine, "jinja").results
    assert marked(flask) == ["Jinja"]
    # Only the title matched: no passage to show (the card shows the description).
    assert found(engine, "strategies").results[0].snippet == []


@pytest.mark.parametrize("typo", list(TYPOS))
def test_one_typo_finds_the_word(engine, typo):
    page, right = found(engine, typo), found(engine, TYPOS[typo])
    assert slugs(page) == slugs(right) and page.total > 0
    assert page.notice.startswith(f"No post contains “{typo}”")
    assert right.notice == ""
    assert TYPOS[typo] in [word.lower() for result in page.results for word in marked(result)] or typo == "templtes"


def test_short_words_and_known_words_are_not_corrected(engine):
    assert found(engine, "dajgno").total == 0  # two swaps
    assert found(engine, "orn").total == 0  # three letters: too short to guess
    assert found(engine, "tips").notice == ""  # a known word is taken as typed


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_never_fails(engine, text):
    with Session(engine) as db:
        direct = search.find_posts(db, text, [], 0, 12)  # the raw text, not trimmed by the URL parser
        assert direct.total == len(direct.posts) or direct.total > 12
        assert direct.message == "" or direct.total == 0
        page = queries.search_posts(db, IndexParams(q=text[:200]), READERS)
        assert page.total >= 0
    nothing = {'"', '""', "AND", "OR NOT", "*", "**", "%_%", "\\", "\u0000\u0001", "!@#$%^&*()", "a" * 70}
    if text in nothing:
        assert direct.message.startswith("Type a word to search for") and direct.posts == []


def test_operators_are_words_never_syntax(engine):
    assert slugs(found(engine, "-django")) == slugs(found(engine, "django"))
    assert slugs(found(engine, "title:django")) == []  # "title" is a word no post body holds
    assert slugs(found(engine, "(django")) == slugs(found(engine, "django"))
    assert slugs(found(engine, "🐍 django 🚀")) == slugs(found(engine, "django"))


def test_drafts_and_scheduled_posts_never_reach_readers(engine):
    assert found(engine, UNPUBLISHED_WORD).total == 0
    for text in ("django", "deploying", "django deployment", "zanzibr"):
        page = found(engine, text)
        assert not set(slugs(page)) & set(UNPUBLISHED), text
        assert all(UNPUBLISHED_WORD not in part.text for r in page.results for part in r.snippet)
    # Authors (a development server) see them, marked.
    authors = found(engine, UNPUBLISHED_WORD, AUTHORS)
    assert set(slugs(authors)) == set(UNPUBLISHED)
    assert {r.status for r in authors.results} == {"draft", "scheduled"}


def test_the_keyword_filter_applies_to_search(engine):
    assert slugs(found(engine, "django", tag="orm")) == ["orm-tips"]


def test_related_posts_share_keywords_and_text(engine):
    with Session(engine) as db:

        def related(slug, audience=READERS):
            return [link.slug for link in queries.related_posts(db, slug, audience)]

        assert related("deploying-django") == ["orm-tips"]
        assert related("async-python") == ["background-jobs", "caching"]
        assert related("flask-templates") == []  # nothing shares enough with it
        # The draft about Django deployment is related, but only authors are offered it.
        assert "unreleased-notes" in related("deploying-django", AUTHORS)
        assert "unreleased-notes" not in related("deploying-django")


def test_ingest_keeps_the_index_and_vocabulary_in_line(engine, tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    for post in CORPUS.glob("*.md"):
        shutil.copy(post, content / post.name)
    write_post(content, "flask-templates.md", "Templating in Flask", date="2024-01-15", body="Now about quokkas.")
    (content / "caching.md").unlink()
    ingest(engine, content)
    try:
        assert slugs(found(engine, "quokka")) == ["flask-templates"]
        assert found(engine, "jinja").total == 0  # the old text left the index
        assert slugs(found(engine, "caching")) == ["orm-tips"]  # the removed post left it
        with Session(engine) as db:
            known = set(db.exec(select(SearchTerm.term)))
            assert "quokkas" in known and "jinja" not in known and "invalidated" not in known
            assert db.exec(select(func.min(SearchTerm.posts))).one() >= 1
            ids = [row[0] for row in db.execute(sa.text("SELECT id FROM post"))]
            assert len(read_rows(db, POSTS, ids)) == len(ids) == 7
    finally:
        ingest(engine, CORPUS)  # back to the corpus for the tests that follow
    assert slugs(found(engine, "caching")) == RANKED["caching"]
