"""The pure SEO builders: head tags, JSON-LD, the filled shell, the feeds' article HTML, feeds and sitemap."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import feedparser
import lxml.html
import pytest

from blog_app.content.sanitize import absolute_links
from blog_app.content.segments import Segment
from blog_app.html_first.shell import fill_shell
from blog_app.posts.types import KeywordRef, PostDetail
from blog_app.seo.article import body_html
from blog_app.seo.feeds import atom_xml, rss_xml
from blog_app.seo.head import blog_posting, head_html, json_for_script, post_meta
from blog_app.seo.site import Site
from blog_app.seo.sitemap import robots_txt, sitemap_xml

SITE = Site(name="Journal & Co", url="https://example.com", image="/og-default.png", description="About <Python>")
TITLE = """Tags & "quotes": </script> isn't the </title>"""
SHELL = (
    '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>'
    '<meta content="width=device-width, initial-scale=1" name="viewport"/>'
    '<title>Generic</title><meta content="Generic site" name="description"/>'
    '<meta content="favicon.ico" property="og:image"/><meta name="twitter:card" content="summary"/>'
    '<link href="/old" rel="canonical"/><link href="/rss.xml" rel="alternate" type="application/rss+xml"/>'
    '<link href="/assets/app.css" rel="stylesheet"/></head>'
    '<body class="x"><div id="root"><div id="first-response"></div></div><script>boot()</script></body></html>'
)


def post(**overrides) -> PostDetail:
    fields = {
        "slug": "tricky",
        "title": TITLE,
        "description": "A <b>bold</b> & 'quoted' description",
        "author": "O'Brien & <Co>",
        "published": "2024-12-01",
        "published_label": "December 1, 2024",
        "updated": "2024-12-01",
        "cover_image": "",
        "keywords": [KeywordRef("html", "html"), KeywordRef("a&b", "a-b")],
        "segments": [
            Segment(kind="html", html='<p>See <a href="/blog/other">other</a> and <a href="#end">the end</a>.</p>'),
            Segment(kind="heading", level=2, html="The <em>end</em>", anchor="end"),
            Segment(kind="image", src="/blog/chart.webp", alt='A "chart"', caption="Ranks <2024>"),
            Segment(kind="code", language="python", code='print("<b>&</b>")'),
        ],
        "word_count": 42,
    }
    return PostDetail(**(fields | overrides))


def head(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(f"<html><head>{html}</head><body></body></html>").head


def test_head_tags_are_escaped_and_each_appears_once():
    element = head(head_html(post_meta(post(), SITE), blog_posting(post(), SITE)))
    assert [t.text_content() for t in element.iter("title")] == [f"{TITLE} · Journal & Co"]
    metas = [(m.get("name") or m.get("property"), m.get("content")) for m in element.iter("meta")]
    assert metas == [
        ("description", "A <b>bold</b> & 'quoted' description"),
        ("og:type", "article"),
        ("og:site_name", "Journal & Co"),
        ("og:title", TITLE),
        ("og:description", "A <b>bold</b> & 'quoted' description"),
        ("og:url", "https://example.com/blog/tricky"),
        ("og:image", "https://example.com/og-default.png"),
        ("article:published_time", "2024-12-01"),
        ("article:author", "O'Brien & <Co>"),
        ("article:tag", "html"),
        ("article:tag", "a&b"),
        ("twitter:card", "summary_large_image"),
    ]
    assert [link.get("href") for link in element.iter("link")] == ["https://example.com/blog/tricky"]


def test_a_revision_and_the_excerpt_fill_in_what_the_author_left_out():
    meta = post_meta(post(description="", excerpt="The opening words.", updated="2025-01-02"), SITE)
    assert meta.description == "The opening words."
    assert ("article:modified_time", "2025-01-02") in meta.article


def test_json_ld_describes_the_post_and_cannot_end_its_script():
    data = blog_posting(post(), SITE)
    assert data["headline"] == TITLE
    assert (data["datePublished"], data["dateModified"], data["wordCount"]) == ("2024-12-01", "2024-12-01", 42)
    assert data["author"] == {"@type": "Person", "name": "O'Brien & <Co>"}
    assert data["keywords"] == ["html", "a&b"]
    text = json_for_script(data)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == data


def test_fill_shell_swaps_generic_page_tags_and_writes_the_page_into_the_slot():
    page = fill_shell(SHELL, "<title>Mine</title>", "<p>Readable</p>")
    assert "Generic" not in page and "favicon.ico" not in page and 'content="summary"' not in page
    assert 'href="/old"' not in page
    assert '<meta content="width=device-width, initial-scale=1" name="viewport"/>' in page
    assert '<link href="/rss.xml" rel="alternate" type="application/rss+xml"/>' in page
    assert '<link href="/assets/app.css" rel="stylesheet"/><title>Mine</title></head>' in page
    assert '<body class="x"><div id="root"><div id="first-response"><p>Readable</p></div></div>' in page
    assert "noscript" not in page


def test_fill_shell_refuses_a_shell_without_head_and_slot():
    with pytest.raises(ValueError, match="</head>"):
        fill_shell("<div>no document</div>", "", "")
    with pytest.raises(ValueError, match="first-response"):
        fill_shell("<html><head></head><body><div id='root'></div></body></html>", "", "")


def test_body_html_escapes_what_is_not_sanitised_prose():
    html = body_html(post().segments)
    assert '<h2 id="end">The <em>end</em></h2>' in html
    assert '<img src="/blog/chart.webp" alt="A &quot;chart&quot;" loading="lazy">' in html
    assert "<figcaption>Ranks &lt;2024&gt;</figcaption>" in html
    assert '<pre><code class="language-python">print(&quot;&lt;b&gt;&amp;&lt;/b&gt;&quot;)</code></pre>' in html


def test_body_html_for_feeds_makes_every_link_absolute():
    html = body_html(post().segments, page_url="https://example.com/blog/tricky")
    assert 'href="https://example.com/blog/other"' in html
    assert 'href="https://example.com/blog/tricky#end"' in html
    assert 'src="https://example.com/blog/chart.webp"' in html


def test_absolute_links_keeps_the_sanitiser_policy():
    html = absolute_links(
        '<p onclick="x()"><a href="javascript:alert(1)">x</a><script>y()</script></p>', "https://e.com/"
    )
    assert html == '<p><a rel="noopener noreferrer">x</a></p>'


@pytest.mark.parametrize(("build", "version"), [(rss_xml, "rss20"), (atom_xml, "atom10")])
def test_feeds_parse_and_carry_every_post_in_full(build, version):
    older = post(slug="older", title="Older & wiser", published="2020-01-01", updated="2020-01-01", keywords=[])
    feed = feedparser.parse(build([post(), older], SITE))
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == version
    assert feed.feed.title == "Journal & Co"
    assert [entry.title for entry in feed.entries] == [TITLE, "Older & wiser"]
    entry = feed.entries[0]
    assert entry.link == "https://example.com/blog/tricky"
    assert entry.author == "O'Brien & <Co>"
    assert [tag.term for tag in entry.tags] == ["html", "a&b"]
    assert 'src="https://example.com/blog/chart.webp"' in entry.content[0].value


def test_the_rss_channel_links_to_the_site_and_names_itself_only_as_self():
    channel = ET.fromstring(rss_xml([post()], SITE)).find("channel")
    assert channel.findtext("link") == "https://example.com/"
    assert (channel.find("image").findtext("url"), channel.find("image").findtext("link")) == (
        "https://example.com/og-default.png",
        "https://example.com/",
    )
    [self_link] = channel.findall("{http://www.w3.org/2005/Atom}link")
    assert (self_link.get("rel"), self_link.get("href")) == ("self", "https://example.com/rss.xml")
    atom = feedparser.parse(atom_xml([post()], SITE)).feed
    assert atom.link == "https://example.com/"
    assert {(link.rel, link.href) for link in atom.links} == {
        ("self", "https://example.com/atom.xml"),
        ("alternate", "https://example.com/"),
    }


def test_an_unchanged_feed_is_the_same_document_whenever_it_is_built():
    # Every process builds its own copy: equal bytes keep one ETag behind a load balancer.
    assert rss_xml([post()], SITE) == rss_xml([post()], SITE)
    assert atom_xml([post()], SITE) == atom_xml([post()], SITE)


def test_an_empty_site_still_has_valid_feeds():
    assert not feedparser.parse(rss_xml([], SITE)).bozo
    assert not feedparser.parse(atom_xml([], SITE)).bozo


def test_sitemap_lists_static_pages_then_posts_with_lastmod():
    older = post(slug="older", updated="2020-01-01")
    root = ET.fromstring(sitemap_xml(["/", "/frameworks"], [post(updated="2025-02-03"), older], SITE))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    rows = [(u.findtext("s:loc", namespaces=ns), u.findtext("s:lastmod", namespaces=ns)) for u in root]
    assert rows == [
        ("https://example.com/", "2025-02-03"),
        ("https://example.com/frameworks", "2025-02-03"),
        ("https://example.com/blog/tricky", "2025-02-03"),
        ("https://example.com/blog/older", "2020-01-01"),
    ]


def test_robots_txt_names_the_sitemap():
    assert robots_txt(SITE) == "User-agent: *\nAllow: /\n\nSitemap: https://example.com/sitemap.xml\n"
