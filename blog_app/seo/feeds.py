"""RSS 2.0 and Atom feeds of the newest posts, in full, built with feedgen.

Which posts, and how many (``BLOG_FEED_POSTS``), is the caller's choice: these builders write
what they are given.
"""

from __future__ import annotations

import datetime as dt
import html

from feedgen.feed import FeedGenerator

from blog_app import routes
from blog_app.posts.types import PostDetail
from blog_app.seo.article import body_html, figure_html
from blog_app.seo.head import post_description
from blog_app.seo.site import Site

LANGUAGE = "en"


def rss_xml(posts: list[PostDetail], site: Site) -> bytes:
    """The RSS 2.0 feed of ``posts`` (newest first), each with its full content; its channel links to the site."""
    return _feed(posts, site, self_path=routes.RSS).rss_str(pretty=True)


def atom_xml(posts: list[PostDetail], site: Site) -> bytes:
    """The Atom feed of ``posts`` (newest first), each with its full content."""
    return _feed(posts, site, self_path=routes.ATOM).atom_str(pretty=True)


def _feed(posts: list[PostDetail], site: Site, self_path: str) -> FeedGenerator:
    feed = FeedGenerator()
    feed.load_extension("dc", atom=False, rss=True)  # RSS names authors without an email only through dc:creator
    home = site.absolute(routes.INDEX)
    feed.id(home)
    feed.title(site.name)
    feed.subtitle(site.description or site.name)
    # The feed's own address only as rel="self" (RSS: atom:link). feedgen gives RSS's <link> the
    # last link added, so the site comes last: a reader's "visit site" opens the home page.
    feed.link(href=site.absolute(self_path), rel="self")
    feed.link(href=home, rel="alternate")
    feed.language(LANGUAGE)
    feed.image(url=site.absolute(site.image), title=site.name, link=home)  # also the Atom logo
    feed.icon(site.absolute(routes.FAVICON))
    # The newest revision dates the feed, so an unchanged feed keeps its date (and its ETag,
    # whichever process builds it).
    updated = max((_midnight_utc(post.updated) for post in posts), default=dt.datetime.now(dt.UTC))
    feed.updated(updated)
    feed.lastBuildDate(updated)
    for post in posts:
        _add_entry(feed, post, site)
    return feed


def _add_entry(feed: FeedGenerator, post: PostDetail, site: Site) -> None:
    url = site.post_url(post.slug)
    entry = feed.add_entry(order="append")
    entry.id(url)
    entry.guid(url, permalink=True)
    entry.title(post.title)
    entry.link(href=url, rel="alternate")
    entry.author(name=post.author)
    entry.dc.dc_creator(post.author)
    entry.published(_midnight_utc(post.published))
    entry.updated(_midnight_utc(post.updated))
    # RSS readers render <description> as HTML: the author's text is escaped so markup in it stays text.
    entry.summary(html.escape(post_description(post)), type="html")
    entry.content(content_html(post, url), type="html")
    for keyword in post.keywords:
        entry.category(term=keyword.name)


def content_html(post: PostDetail, url: str) -> str:
    """A post's full content for feed readers: cover and body, every link absolute."""
    cover = figure_html(post.cover_image, "", page_url=url) if post.cover_image else ""
    return cover + body_html(post.segments, page_url=url)


def _midnight_utc(day: str) -> dt.datetime:
    # Posts carry a day, not a time; feeds need a time, so the day starts at midnight UTC.
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(), tzinfo=dt.UTC)
