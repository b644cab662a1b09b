"""What crawlers, link previews and feed readers get from a real production server (plain HTTP, no JavaScript).

reflex.testing.AppHarnessProd serves the built frontend from a static server of its own, so
what the backend answers in front of the pages (post head tags, 404 status, feeds) is only
visible through a real ``reflex run --env prod``: one per session, pages and backend on one
port, with ``DEPLOY_URL`` set to a public address that differs from the local one, so every
absolute link proves it came from configuration.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import feedparser
import lxml.html
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from blog_app.core import settings
from blog_app.explorer.page import DESCRIPTION as FRAMEWORKS_DESCRIPTION
from blog_app.explorer.page import TITLE as FRAMEWORKS_TITLE
from harness.browser import assert_page_is_clean, body_text, new_driver, save_full_page_screenshot, wait_for
from tests.support.e2e_site import (
    DRAFT,
    FEED_POSTS,
    SCHEDULED,
    SEO_WEB_WORKDIR,
    SITE,
    TRICKY_DESCRIPTION,
    TRICKY_SLUG,
    TRICKY_TITLE,
    UNPUBLISHED_WORD,
)
from tests.support.fixture_posts import SEED_FRAMEWORKS, SEED_KEYWORDS, SEED_SLUG, SEED_TEXT, SEED_TITLE
from tests.support.pages import open_post

pytestmark = pytest.mark.e2e
SITE_NAME = "Python Web Journal"
SEED = SEED_SLUG
WEB_WORKDIR = SEO_WEB_WORKDIR
SEED_DESCRIPTION = "The top Python frameworks for building AI and data-driven web applications in 2024"
GUIDE_TITLE = "Writing posts for this blog"
# Each exactly once in the head of a post page.
POST_HEAD_KEYS = [
    ("name", "description"),
    ("property", "og:type"),
    ("property", "og:title"),
    ("property", "og:description"),
    ("property", "og:image"),
    ("property", "og:url"),
    ("property", "article:published_time"),
    ("property", "article:author"),
    ("name", "twitter:card"),
]


def published_slugs(content) -> list[str]:
    """The posts readers may see: every file but the e2e draft and scheduled post."""
    hidden = {DRAFT["slug"], SCHEDULED["slug"]}
    return sorted(post.stem for post in content.glob("*.md") if post.stem not in hidden)


def page(http, path: str, status: int = 200) -> lxml.html.HtmlElement:
    """GET ``path`` as HTML, check its status, and parse it."""
    response = http.get(path)
    assert response.status_code == status, f"{path}: {response.status_code}"
    assert response.headers["content-type"].startswith("text/html")
    return lxml.html.document_fromstring(response.text)


def head_values(doc: lxml.html.HtmlElement, attribute: str, key: str) -> list[str]:
    """The content of every ``<meta attribute=key>`` in the head."""
    return [meta.get("content") for meta in doc.head.findall("meta") if meta.get(attribute) == key]


def only(values: list[str], what: str) -> str:
    """The single value of a list that must hold exactly one."""
    assert len(values) == 1, f"{what}: expected once, found {values}"
    return values[0]


def head_titles(doc: lxml.html.HtmlElement) -> list[str]:
    return [title.text_content() for title in doc.iter("title")]


def links(doc: lxml.html.HtmlElement, rel: str, type_: str | None = None) -> list[str]:
    return [
        link.get("href")
        for link in doc.head.findall("link")
        if link.get("rel") == rel and (type_ is None or link.get("type") == type_)
    ]


def json_ld(doc: lxml.html.HtmlElement) -> dict:
    scripts = [script for script in doc.iter("script") if script.get("type") == "application/ld+json"]
    assert len(scripts) == 1, f"expected one JSON-LD script, found {len(scripts)}"
    assert scripts[0].getparent().tag == "head"
    return json.loads(scripts[0].text)


def test_post_head_carries_every_tag_once_with_exact_values(http):
    doc = page(http, f"/blog/{SEED}")
    url = f"{SITE}/blog/{SEED}"
    assert head_titles(doc) == [f"{SEED_TITLE} · {SITE_NAME}"]
    assert links(doc, "canonical") == [url]
    values = {key: only(head_values(doc, attribute, key), key) for attribute, key in POST_HEAD_KEYS}
    assert values == {
        "description": SEED_DESCRIPTION,
        "og:type": "article",
        "og:title": SEED_TITLE,
        "og:description": SEED_DESCRIPTION,
        "og:image": f"{SITE}/blog/ag-grid.webp",
        "og:url": url,
        "article:published_time": "2024-11-04",
        "article:author": "Elvis Kahoro",
        "twitter:card": "summary_large_image",
    }
    assert head_values(doc, "property", "article:tag") == list(SEED_KEYWORDS)
    assert json_ld(doc) == {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": SEED_TITLE,
        "description": SEED_DESCRIPTION,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": "2024-11-04",
        "dateModified": "2024-11-04",
        "author": {"@type": "Person", "name": "Elvis Kahoro"},
        "publisher": {"@type": "Organization", "name": SITE_NAME, "url": f"{SITE}/"},
        "image": [f"{SITE}/blog/ag-grid.webp"],
        "keywords": list(SEED_KEYWORDS),
        "wordCount": 1124,
    }


def first_response(doc: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The page the server wrote into the shell's slot (outside any ``<noscript>``)."""
    slot = doc.get_element_by_id("first-response")
    assert not [ancestor for ancestor in slot.iterancestors() if ancestor.tag == "noscript"]
    return slot


def test_post_article_text_is_in_the_html_and_the_page_still_boots(http):
    response = http.get(f"/blog/{SEED}")
    doc = lxml.html.document_fromstring(response.text)
    assert not doc.body.findall(".//noscript")
    article = first_response(doc).find(".//article")
    assert article.find(".//h1").text_content() == SEED_TITLE
    text = article.text_content()
    assert SEED_TEXT in text
    assert "Elvis Kahoro · November 4, 2024 · 5 min read" in text
    assert "TODO" not in text
    headings = [h.text for h in article.find_class("post-body")[0].iter("h2")]
    assert [h.split("\u2014")[0] for h in headings] == list(SEED_FRAMEWORKS)
    assert article.xpath(".//img[@src='/blog/github-python_top_language_2024.webp']")
    assert "window.__reactRouterContext" in response.text  # the client shell is still there to hydrate


def test_markup_characters_in_a_title_are_escaped_and_stay_text(http):
    response = http.get(f"/blog/{TRICKY_SLUG}")
    assert response.status_code == 200
    raw = response.text
    escaped_title = "Tags &amp; &quot;quotes&quot;: why &lt;/script&gt; isn&#x27;t a &lt;title&gt;"
    assert f"<title>{escaped_title} · {SITE_NAME}</title>" in raw
    assert f'<meta property="og:title" content="{escaped_title}"/>' in raw
    doc = lxml.html.document_fromstring(raw)
    assert head_titles(doc) == [f"{TRICKY_TITLE} · {SITE_NAME}"]
    assert only(head_values(doc, "property", "og:title"), "og:title") == TRICKY_TITLE
    assert only(head_values(doc, "property", "og:description"), "og:description") == TRICKY_DESCRIPTION
    assert only(head_values(doc, "property", "article:author"), "article:author") == "O'Brien & <Co>"
    assert head_values(doc, "property", "article:tag") == ["html", "a&b"]
    data = json_ld(doc)
    assert (data["headline"], data["description"]) == (TRICKY_TITLE, TRICKY_DESCRIPTION)
    assert data["author"] == {"@type": "Person", "name": "O'Brien & <Co>"}
    script = raw.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in script and "&" not in script, "JSON-LD must escape < and & so it cannot end its script"
    assert first_response(doc).find(".//h1").text_content() == TRICKY_TITLE


def test_unknown_slug_answers_404_with_the_not_found_page(http):
    doc = page(http, "/blog/no-such-post", status=404)
    assert head_titles(doc) == [f"Post not found · {SITE_NAME}"]
    assert only(head_values(doc, "name", "robots"), "robots") == "noindex"
    assert not head_values(doc, "property", "og:title")
    assert first_response(doc).find(".//h1").text_content() == "Post not found"
    assert http.get("/blog/No-Such-Post").status_code == 404


@pytest.mark.parametrize("slug", [DRAFT["slug"], SCHEDULED["slug"]])
def test_unpublished_posts_answer_404_and_give_nothing_away(http, slug):
    response = http.get(f"/blog/{slug}")
    assert response.status_code == 404
    assert UNPUBLISHED_WORD not in response.text
    assert head_titles(lxml.html.document_fromstring(response.text)) == [f"Post not found · {SITE_NAME}"]


def test_a_post_without_its_cover_file_shares_the_site_image(http):
    doc = page(http, "/blog/missing-picture")
    assert only(head_values(doc, "property", "og:image"), "og:image") == f"{SITE}/og-default.png"
    assert http.get("/og-default.png").headers["content-type"] == "image/png"


def test_post_images_and_trailing_slashes_still_work(http):
    image = http.get("/blog/ag-grid.webp")
    assert (image.status_code, image.headers["content-type"]) == (200, "image/webp")
    redirect = http.get(f"/blog/{SEED}/?ref=feed")
    assert (redirect.status_code, redirect.headers["location"]) == (308, f"/blog/{SEED}?ref=feed")


def test_index_and_every_static_page_have_their_own_tags(http):
    routes = json.loads((WEB_WORKDIR / "routes.json").read_text())
    static = ["/" if route == "index" else f"/{route}/" for route in routes if "[" not in route and route != "404"]
    assert {"/", "/frameworks/"} <= set(static)
    for path in static:
        doc = page(http, path)
        url = SITE + path
        assert len(head_titles(doc)) == 1, path
        assert links(doc, "canonical") == [url], path
        assert only(head_values(doc, "property", "og:url"), path) == url
        assert only(head_values(doc, "property", "og:type"), path) == "website"
        assert only(head_values(doc, "property", "og:image"), path) == f"{SITE}/og-default.png"
        assert only(head_values(doc, "name", "twitter:card"), path) == "summary_large_image"
        for attribute, key in (("name", "description"), ("property", "og:title"), ("property", "og:description")):
            assert only(head_values(doc, attribute, key), f"{path} {key}"), f"{path}: empty {key}"
    index = page(http, "/")
    assert head_titles(index) == [SITE_NAME]
    assert head_values(index, "property", "og:title") == [SITE_NAME]
    assert head_values(index, "name", "description") == [settings.site_tagline()]
    explorer = page(http, "/frameworks/")
    assert head_titles(explorer) == [f"{FRAMEWORKS_TITLE} · {SITE_NAME}"]
    assert head_values(explorer, "property", "og:title") == [FRAMEWORKS_TITLE]
    assert head_values(explorer, "name", "description") == [FRAMEWORKS_DESCRIPTION]


@pytest.mark.parametrize(
    ("path", "location"),
    [("/frameworks", "/frameworks/"), ("/frameworks?pro=async&q=a%20b", "/frameworks/?pro=async&q=a%20b")],
)
def test_a_page_asked_for_without_its_trailing_slash_moves_there_permanently(http, path, location):
    # The canonical address is the folder (/frameworks/); a permanent redirect keeps one address per page.
    response = http.get(path)
    assert (response.status_code, response.headers["location"]) == (308, location)
    assert http.get(location).status_code == 200


@pytest.mark.parametrize("path", ["/", f"/blog/{SEED}", "/blog/no-such-post", "/no/such/page"])
def test_every_page_head_links_the_feeds(http, path):
    doc = lxml.html.document_fromstring(http.get(path).text)
    assert links(doc, "alternate", "application/rss+xml") == ["/rss.xml"]
    assert links(doc, "alternate", "application/atom+xml") == ["/atom.xml"]


def sitemap_posts(http) -> list[str]:
    """The post addresses the sitemap lists, in its order (newest first)."""
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [url.findtext("s:loc", namespaces=namespace) for url in ET.fromstring(http.get("/sitemap.xml").content)]
    return [loc for loc in locs if "/blog/" in loc]


@pytest.mark.parametrize(("path", "version"), [("/rss.xml", "rss20"), ("/atom.xml", "atom10")])
def test_feeds_carry_the_newest_posts_in_full_with_absolute_links(http, seo_content, path, version):
    response = http.get(path)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == version
    assert feed.feed.title == SITE_NAME
    titles = [entry.title for entry in feed.entries]
    # BLOG_FEED_POSTS of the site's posts: the newest, in the sitemap's order, which still lists them all.
    assert FEED_POSTS < len(published_slugs(seo_content)) == len(sitemap_posts(http))
    assert [entry.link for entry in feed.entries] == sitemap_posts(http)[:FEED_POSTS]
    assert DRAFT["title"] not in titles and SCHEDULED["title"] not in titles
    assert UNPUBLISHED_WORD not in response.text
    assert titles[:3] == [GUIDE_TITLE, TRICKY_TITLE, SEED_TITLE]  # newest first
    seed = feed.entries[2]
    assert seed.link == f"{SITE}/blog/{SEED}"
    assert seed.id == f"{SITE}/blog/{SEED}"
    assert seed.author == "Elvis Kahoro"
    assert tuple(seed.published_parsed[:3]) == (2024, 11, 4)
    assert [tag.term for tag in seed.tags] == list(SEED_KEYWORDS)
    content = seed.content[0].value
    assert SEED_TEXT in content
    assert f'src="{SITE}/blog/github-python_top_language_2024.webp"' in content
    assert 'src="/' not in content and 'href="/' not in content and 'href="#' not in content
    tricky = feed.entries[1].content[0].value
    assert f'href="{SITE}/blog/{SEED}"' in tricky
    assert f'href="{SITE}/blog/{TRICKY_SLUG}#later"' in tricky


def test_the_rss_channel_and_its_image_link_to_the_site_and_only_atom_link_names_the_feed(http):
    channel = ET.fromstring(http.get("/rss.xml").content).find("channel")
    assert channel.findtext("link") == f"{SITE}/"
    assert channel.find("image").findtext("link") == f"{SITE}/"
    assert channel.find("image").findtext("url") == f"{SITE}/og-default.png"
    self_links = channel.findall("{http://www.w3.org/2005/Atom}link")
    assert [(link.get("rel"), link.get("href")) for link in self_links] == [("self", f"{SITE}/rss.xml")]
    assert f"{SITE}/rss.xml" not in [element.text for element in channel.iter()]
    atom = feedparser.parse(http.get("/atom.xml").content).feed
    assert {(link.rel, link.href) for link in atom.links} == {("self", f"{SITE}/atom.xml"), ("alternate", f"{SITE}/")}


@pytest.mark.parametrize("path", ["/rss.xml", "/atom.xml"])
def test_every_link_in_the_feeds_resolves_on_the_server(http, path):
    # The feeds name the public address (DEPLOY_URL); this server answers for it locally.
    feed = feedparser.parse(http.get(path).content)
    addresses = {
        feed.feed.link,
        feed.feed.image.href if "image" in feed.feed else "",
        *(x.href for x in feed.feed.links),
    }
    for entry in feed.entries:
        addresses |= {entry.link, entry.id}
        content = lxml.html.fragment_fromstring(entry.content[0].value, create_parent="div")
        addresses |= set(content.xpath(".//a/@href | .//img/@src"))
    local = {address.split("#")[0].removeprefix(SITE) for address in addresses if address.startswith(SITE)}
    assert {"/", path, f"/blog/{SEED}", "/blog/github-python_top_language_2024.webp"} <= local
    # A link to a page's folder without its slash (/frameworks, as authors write it) may move once, permanently.
    answers = {address: http.get(address or "/", follow_redirects=True) for address in sorted(local)}
    broken = {
        address: [*(hop.status_code for hop in response.history), response.status_code]
        for address, response in answers.items()
        if response.status_code != 200 or any(hop.status_code != 308 for hop in response.history)
    }
    assert not broken, f"links in {path} that do not answer 200: {broken}"


def test_feeds_answer_304_when_unchanged(http):
    first = http.get("/rss.xml")
    again = http.get("/rss.xml", headers={"If-None-Match": first.headers["etag"]})
    assert (again.status_code, again.content) == (304, b"")


def test_sitemap_lists_static_pages_and_every_post_with_lastmod(http, seo_content):
    response = http.get("/sitemap.xml")
    assert response.status_code == 200
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = ET.fromstring(response.content).findall("s:url", namespace)
    entries = {
        url.findtext("s:loc", namespaces=namespace): url.findtext("s:lastmod", namespaces=namespace) for url in urls
    }
    posts = sorted(loc for loc in entries if "/blog/" in loc)
    assert posts == [f"{SITE}/blog/{slug}" for slug in published_slugs(seo_content)]  # no draft, nothing scheduled
    assert {f"{SITE}/", f"{SITE}/frameworks/"} <= set(entries)
    assert entries[f"{SITE}/blog/{SEED}"] == "2024-11-04"
    assert entries[f"{SITE}/blog/{TRICKY_SLUG}"] == "2024-12-01"
    assert all(lastmod for lastmod in entries.values())


def test_robots_txt_points_to_the_sitemap(http):
    response = http.get("/robots.txt")
    assert response.status_code == 200
    assert response.text == f"User-agent: *\nAllow: /\n\nSitemap: {SITE}/sitemap.xml\n"


def test_post_from_the_server_hydrates_into_the_interactive_post_page(server, chromium):
    driver = new_driver()
    try:
        open_post(driver, server.url, SEED)
        assert driver.find_element(By.CSS_SELECTOR, "article.post-article h1").text == SEED_TITLE
        assert driver.title == f"{SEED_TITLE} · {SITE_NAME}"
        chart = driver.find_element(By.CSS_SELECTOR, "img[src='/blog/github-python_top_language_2024.webp']")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", chart)
        wait_for(lambda: driver.execute_script("return arguments[0].naturalWidth > 0", chart), message="chart")
        chart.click()
        wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "dialog[open] img"), message="the zoom dialog")
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
        wait_for(lambda: not driver.find_elements(By.CSS_SELECTOR, "dialog[open]"), message="the zoom to close")
        assert_page_is_clean(driver)
        # In-app navigation: the tab's title follows, whatever title the server wrote for the first post.
        driver.find_element(By.PARTIAL_LINK_TEXT, TRICKY_TITLE).click()
        wait_for(lambda: driver.title == f"{TRICKY_TITLE} · {SITE_NAME}", message="the newer post's title")
        assert driver.find_element(By.CSS_SELECTOR, "article.post-article h1").text == TRICKY_TITLE
        driver.get(f"{server.url}/blog/no-such-post")
        wait_for(lambda: "Post not found" in body_text(driver), message="the post-not-found page")
        assert driver.title == f"Post not found · {SITE_NAME}"
        assert_page_is_clean(driver, not_found=True)
    finally:
        driver.quit()


def test_readers_without_javascript_read_the_post(server, chromium, artifacts_dir):
    driver = new_driver(javascript=False)
    try:
        driver.get(f"{server.url}/blog/{SEED}")
        text = body_text(driver)
        assert f"All posts\n{SEED_TITLE}\n{SEED_DESCRIPTION}\nElvis Kahoro · November 4, 2024" in text
        assert SEED_TEXT in text
        assert driver.find_element(By.CSS_SELECTOR, "article.post-article h1").text == SEED_TITLE
        save_full_page_screenshot(driver, str(artifacts_dir / "post-without-javascript.png"))
    finally:
        driver.quit()
