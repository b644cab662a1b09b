"""The post page and the not-found message as the server writes them into the first response (on frozen data)."""

from __future__ import annotations

import lxml.html

from blog_app.content.segments import Segment, TocEntry
from blog_app.posts.post_markup import post_page_markup
from blog_app.posts.source import ShownPost
from blog_app.posts.types import KeywordRef, PostDetail, PostLink, RelatedLink
from blog_app.ui.not_found_markup import not_found_markup
from tests.support.html_safety import active_content

TITLE = """Tags & "quotes": </script> isn't the </title>"""
SEGMENTS = [
    Segment(kind="html", html='<p>See <a href="/blog/other">other</a>.</p>'),
    Segment(
        kind="heading",
        level=2,
        text="Reflex — pure Python",
        html="Reflex — pure Python",
        anchor="reflex",
        explorer="/frameworks?focus=reflex",
        framework="Reflex",
    ),
    Segment(kind="heading", level=3, text="Pros <b>", html="Pros &lt;b&gt;", anchor="pros"),
    Segment(kind="image", src="/blog/chart.webp", alt='A "chart"', caption="Ranks <2024>"),
    Segment(kind="image", src="/blog/gone.webp", alt="Gone", missing=True),
    Segment(kind="code", language="python", code='print("<b>&</b>")\n'),
    Segment(kind="code", language="", code="plain text"),
]


def post(**overrides) -> PostDetail:
    fields = {
        "slug": "tricky",
        "title": TITLE,
        "description": "A <b>bold</b> lede",
        "author": "O'Brien & <Co>",
        "published": "2024-12-01",
        "published_label": "December 1, 2024",
        "reading_minutes": 3,
        "cover_image": "/blog/cover.webp",
        "keywords": [KeywordRef("html", "html"), KeywordRef("a&b", "a-b")],
        "segments": SEGMENTS,
        "toc": [TocEntry(2, "Reflex — pure Python", "reflex"), TocEntry(3, "Pros <b>", "pros")],
    }
    return PostDetail(**(fields | overrides))


def page(detail: PostDetail | None = None, **shown) -> lxml.html.HtmlElement:
    fields = {"newer": PostLink("newer-one", "Newer & better"), "older": None} | shown
    markup = post_page_markup(ShownPost(detail or post(), **fields))
    return lxml.html.fragment_fromstring(markup, create_parent="div")


def classes(element: lxml.html.HtmlElement) -> set[str]:
    return set((element.get("class") or "").split())


def test_the_header_carries_title_lede_byline_keywords_and_cover_as_text():
    header = page().find(".//header")
    [back, h1] = header.find(".//a"), header.find(".//h1")
    assert (back.get("href"), back.text_content()) == ("/", "All posts")
    assert h1.text_content() == TITLE and {"rt-Heading", "rt-r-size-8", "lg:rt-r-size-9"} <= classes(h1)
    assert header.find_class("post-lede")[0].text_content() == "A <b>bold</b> lede"
    assert header.find_class("byline")[0].text_content() == "O'Brien & <Co> · December 1, 2024 · 3 min read"
    assert header.find(".//time").get("datetime") == "2024-12-01"
    chips = header.find_class("keyword-chip")
    assert [(chip.get("href"), chip.text_content()) for chip in chips] == [("/?tag=html", "html"), ("/?tag=a-b", "a&b")]
    [cover] = header.find_class("cover")
    assert (cover.tag, cover.get("src"), cover.get("alt")) == ("img", "/blog/cover.webp", "")
    assert not header.find_class("status-banner")


def test_a_missing_cover_and_an_absent_lede_are_drawn_as_react_draws_them():
    header = page(post(cover_missing=True, description="")).find(".//header")
    [cover] = header.find_class("cover")
    assert (cover.tag, cover.get("role"), cover.get("aria-label")) == ("div", "img", "Cover image unavailable")
    assert not header.find_class("post-lede")
    assert not page(post(cover_image="")).find_class("cover")


def test_both_tables_of_contents_list_the_headings_with_sub_entries_marked():
    root = page()
    for toc in (root.find_class("toc-collapsible")[0], root.find_class("toc-sidebar")[0]):
        entries = [(li.get("class"), li.find("a").get("href"), li.text_content()) for li in toc.iter("li")]
        assert entries == [("toc-top", "#reflex", "Reflex — pure Python"), ("toc-sub", "#pros", "Pros <b>")]
    assert root.find_class("toc-sidebar")[0].getparent().get("class") == "post-aside"
    bare = page(post(toc=[]))
    assert not bare.find_class("toc-collapsible") and not bare.find_class("post-aside")


def test_body_segments_keep_their_order_and_escape_all_but_sanitised_prose():
    body = page().find_class("post-body")[0]
    kinds = [(child.tag, child.get("class")) for child in body]
    assert kinds == [
        ("div", "rx-Html prose"),
        ("h2", "rt-Heading rt-r-size-7 post-heading"),
        ("a", "rt-Text rt-reset rt-Link rt-underline-none explorer-link"),
        ("h3", "rt-Heading rt-r-size-5 post-heading"),
        ("figure", "post-figure"),
        ("figure", "post-figure"),
        ("div", "rt-Box code-frame"),
        ("div", "rt-Box code-frame"),
    ]
    assert body[0].find(".//a").get("href") == "/blog/other"
    h3 = body[3]
    assert (h3.get("id"), h3.text, h3.find("a").get("href"), h3.find("a").text) == ("pros", "Pros <b>", "#pros", "#")
    assert body[2].get("href") == "/frameworks?focus=reflex"
    assert body[2].text_content() == "Compare Reflex in the frameworks explorer"
    assert not active_content(lxml.html.tostring(body, encoding="unicode"))


def test_images_are_drawn_as_the_zoom_renders_them_before_it_measures():
    [shown, missing] = page().find_class("post-figure")
    content = shown.find("div[@data-rmiz]/div[@data-rmiz-content]")
    assert content.get("data-rmiz-content") == "not-found"
    image = content.find("img")
    assert (image.get("src"), image.get("alt"), image.get("class")) == ("/blog/chart.webp", 'A "chart"', "post-image")
    assert shown.find("figcaption").text == "Ranks <2024>"
    [placeholder] = missing.find_class("image-missing")
    assert (placeholder.get("aria-label"), placeholder.text_content()) == ("Image unavailable: Gone",) * 2
    assert missing.find("figcaption") is None


def test_code_blocks_carry_language_copy_button_and_the_exact_code():
    [python, plain] = page().find_class("code-frame")
    assert python.find_class("code-language")[0].text == "python"
    assert python.find(".//button").get("aria-label") == "Copy code to clipboard"
    code = python.find("pre/code")
    assert (code.get("class"), code.text) == ("language-python", 'print("<b>&</b>")\n')
    assert plain.find_class("code-language")[0].text == "text"
    assert plain.find("pre/code").get("class") == "language-text"


def test_the_footer_links_related_newer_and_older_posts_and_the_way_back():
    footer = page(related=[RelatedLink("next-read", "Next read", "Why & how")]).find(".//footer")
    [related] = footer.find_class("related-post")
    assert related.find("a").get("href") == "/blog/next-read"
    assert related.text_content() == "Next readWhy & how"
    grid = footer.find(".//nav/div")
    [newer, older] = list(grid)
    assert (newer.get("href"), newer.text_content()) == ("/blog/newer-one", "← Newer postNewer & better")
    assert "neighbour-newer" in classes(newer)
    assert (older.tag, older.get("class"), older.text_content()) == ("div", "rt-Box", "")
    assert footer.find_class("back-link")[0].get("href") == "/"
    assert not page().find_class("related-posts")


def test_drafts_carry_the_banner_development_shows():
    [banner] = page(post(status="draft", status_label="Draft")).find_class("status-banner")
    assert banner.get("data-accent-color") == "amber" and banner.get("role") == "status"
    assert banner.text_content().startswith("Draft · Readers cannot see this draft")
    [scheduled] = page(post(status="scheduled", status_label="Scheduled for May 1")).find_class("status-banner")
    assert scheduled.get("data-accent-color") == "cyan"


def test_the_not_found_message_offers_the_ways_back():
    root = lxml.html.fragment_fromstring(not_found_markup("Post <not> found", "Gone & away"), create_parent="div")
    assert [p.text for p in root.iter("p")] == ["404", "Gone & away"]
    assert root.find(".//h1").text == "Post <not> found"
    assert [(a.get("href"), a.text_content()) for a in root.iter("a")] == [
        ("/", "All posts"),
        ("/frameworks", "Frameworks explorer"),
    ]
