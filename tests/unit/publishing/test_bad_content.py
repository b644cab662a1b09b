"""The bad-content corpus through ingest into a real SQLite file, and what of it reaches readers.

Every broken or hostile file is reported as ``path:line: reason`` while the others load, and no
stored segment, page head, JSON-LD, readable page or feed of the hostile posts carries a script,
an event handler or a ``javascript:`` URL.
"""

from __future__ import annotations

import json
import re
import shutil

import feedparser
import lxml.html
import pytest
from sqlmodel import Session, select

from blog_app.content.document import parse_post
from blog_app.core.models import Post
from blog_app.posts import queries
from blog_app.posts.post_markup import post_page_markup
from blog_app.posts.source import ShownPost
from blog_app.publishing.ingest import ingest
from blog_app.seo.feeds import atom_xml, rss_xml
from blog_app.seo.head import blog_posting, head_html, post_meta
from blog_app.seo.site import Site
from tests.support.fixture_posts import BAD_CONTENT, SEED, SEED_SLUG
from tests.support.html_safety import active_content, is_script_url

# Files that cannot be published: ingest reports them and leaves them out.
REFUSED = {
    "bad-yaml.md",
    "duplicate-slug.md",
    "empty.md",
    "impossible-date.md",
    "missing-author.md",
    "missing-date.md",
    "missing-title.md",
    "no-front-matter.md",
    "not-utf8.md",
}
# Published, with their hostile parts left out (and reported as warnings).
HOSTILE = [
    "hostile-eval",
    "hostile-exec",
    "html-in-front-matter",
    "javascript-links",
    "script-html",
    "unknown-directive",
]
SITE = Site(name="Journal", url="https://example.com", image="/og-default.png", description="About Python")
DIAGNOSTIC = re.compile(r"^(?P<path>[^:]+\.md):(?P<line>[1-9]\d*): (warning: )?\S")


def stored_text(engine, slug: str) -> str:
    """The plain text ingest stored for a post (what search and excerpts read)."""
    with Session(engine) as db:
        return db.exec(select(Post.body_text).where(Post.slug == slug)).one()


@pytest.fixture
def corpus(tmp_path):
    """The whole bad-content corpus beside the seed post."""
    folder = tmp_path / "content"
    shutil.copytree(BAD_CONTENT, folder)
    shutil.copy(SEED, folder / SEED.name)
    return folder


@pytest.fixture
def report(sqlite_engine, corpus):
    return ingest(sqlite_engine, corpus)


def test_every_problem_is_reported_as_path_line_reason(report, corpus):
    assert report.diagnostics
    for diagnostic in report.diagnostics:
        assert DIAGNOSTIC.match(str(diagnostic)), str(diagnostic)
    assert sorted(path.rsplit("/", 1)[-1] for path in report.failed) == sorted(REFUSED)
    reported = {d.path.rsplit("/", 1)[-1] for d in report.diagnostics}
    assert {f"{name}.md" for name in HOSTILE} | REFUSED <= reported


def test_the_other_posts_load(report, sqlite_engine):
    assert len(report.loaded) == len(list(BAD_CONTENT.glob("*.md"))) + 1 - len(REFUSED)
    with Session(sqlite_engine) as db:
        assert queries.get_post(db, SEED_SLUG).word_count > 1000
    for slug in set(HOSTILE) - {"html-in-front-matter", "javascript-links"}:
        assert "still reach" in stored_text(sqlite_engine, slug), slug


def test_a_duplicate_slug_names_both_files(report):
    [duplicate] = [d for d in report.diagnostics if "already used" in d.reason]
    assert duplicate.path.endswith("duplicate-slug.md") and duplicate.line == 5
    assert duplicate.reason.endswith("broken-links.md")


def test_stored_segments_carry_no_script_handler_or_script_url(report, sqlite_engine):
    with Session(sqlite_engine) as db:
        posts = queries.visible_posts(db)
    assert {post.slug for post in posts} >= set(HOSTILE)
    for post in posts:
        for segment in post.segments:
            assert not active_content(segment.html), (post.slug, segment)
            assert not is_script_url(segment.src), (post.slug, segment)
        assert not is_script_url(post.cover_image)
        assert "alert(" not in stored_text(sqlite_engine, post.slug) + post.excerpt, post.slug


def test_the_hostile_paragraphs_keep_their_text(report, sqlite_engine):
    with Session(sqlite_engine) as db:
        links = queries.get_post(db, "javascript-links")
        script = queries.get_post(db, "script-html")
    prose = " ".join(segment.html for segment in links.segments)
    assert "Markdown link" in prose and "HTML link" in prose and 'href="https://example.com/"' in prose
    assert "A paragraph after the raw HTML" in stored_text(sqlite_engine, script.slug)


def test_front_matter_markup_is_text_in_every_rendering(report, sqlite_engine):
    with Session(sqlite_engine) as db:
        post = queries.get_post(db, "html-in-front-matter")
    assert post.title == '<script>alert("title")</script>Markup in the title'
    assert post.cover_image == ""
    head = head_html(post_meta(post, SITE), blog_posting(post, SITE))
    page_head = f"<html><head>{head}</head><body></body></html>"
    assert not active_content(page_head, allow_json_ld=True)
    document = lxml.html.document_fromstring(page_head)
    assert [title.text_content() for title in document.iter("title")] == [f"{post.title} · Journal"]
    [ld] = [script for script in document.iter("script")]
    assert "</script" not in ld.text.lower() and "<" not in ld.text
    data = json.loads(ld.text)
    assert (data["headline"], data["author"]["name"]) == (post.title, post.author)
    assert data["description"].endswith('</script><script>alert("ld")</script>')
    page = post_page_markup(ShownPost(post, newer=None, older=None))
    assert not active_content(page)
    assert post.title in lxml.html.fragment_fromstring(page, create_parent="div").text_content()


@pytest.mark.parametrize("build", [rss_xml, atom_xml])
def test_feeds_carry_front_matter_markup_as_text(report, sqlite_engine, build):
    with Session(sqlite_engine) as db:
        posts = queries.visible_posts(db)
    feed = feedparser.parse(build(posts, SITE))
    assert not feed.bozo
    entry = next(entry for entry in feed.entries if entry.link.endswith("/html-in-front-matter"))
    assert entry.title == '<script>alert("title")</script>Markup in the title'
    # Readers render the summary as HTML: its text, not its markup, is the author's description.
    summary = lxml.html.fragment_fromstring(entry.summary, create_parent="div").text_content()
    assert summary.endswith('and </script><script>alert("ld")</script>')
    for entry in feed.entries:
        content = " ".join(part.value for part in entry.get("content", []))
        assert not active_content(content + entry.get("summary", "")), entry.link


def test_a_very_large_post_loads_whole(sqlite_engine, tmp_path):
    sections = 3000
    body = "\n\n".join(
        f"## Section {n}\n\nParagraph {n} with <b>bold</b> and a [link](#section-{n})." for n in range(sections)
    )
    text = f"---\ntitle: A very long post\nauthor: Test Author\ndate: 2024-01-01\n---\n\n{body}\n"
    document = parse_post("huge.md", text.encode())
    assert len(document.toc) == sections
    assert len({entry.anchor for entry in document.toc}) == sections
    assert not document.warnings
    folder = tmp_path / "huge"
    folder.mkdir()
    (folder / "huge.md").write_text(text, encoding="utf-8")
    shutil.copy(SEED, folder / SEED.name)
    report = ingest(sqlite_engine, folder)
    assert (len(report.loaded), report.failed) == (2, [])
    with Session(sqlite_engine) as db:
        post = queries.get_post(db, "huge")
    assert sum(segment.kind == "heading" for segment in post.segments) == sections
    assert stored_text(sqlite_engine, "huge").count("Paragraph") == sections
