"""Internal links that lead nowhere: to a post that does not exist, a heading it lacks, a missing file."""

from __future__ import annotations

import dataclasses
import datetime as dt
import pathlib
from collections.abc import Mapping
from urllib.parse import unquote, urljoin, urlsplit

from blog_app import routes
from blog_app.content import Diagnostic, Document
from blog_app.content.links import Link
from blog_app.core import visibility
from blog_app.core.assets import asset_exists


@dataclasses.dataclass(frozen=True)
class LinkedPost:
    """What a link to a post needs to know about it."""

    anchors: frozenset[str]
    draft: bool
    published: dt.date


def linked_post(document: Document) -> LinkedPost:
    """A parsed post as a link target: its heading anchors and when readers may see it."""
    anchors = frozenset(segment.anchor for segment in document.segments if segment.kind == "heading")
    return LinkedPost(anchors=anchors, draft=document.meta.draft, published=document.meta.published)


def broken_links(
    document: Document,
    links: list[Link],
    posts: Mapping[str, LinkedPost],
    assets_dir: pathlib.Path,
    today: dt.date,
) -> list[Diagnostic]:
    """A warning for each link of ``document`` that leads nowhere on this site.

    Checked: ``#anchor`` (a heading of this post), ``/blog/<slug>[#anchor]`` and relative links
    (a post, and a heading in it), any other site path (a page of the app or a file under assets/).
    A published post linking to a draft or scheduled one is reported too: readers would get a 404.

    Args:
        document: The post the links are in.
        links: Its links (``Document.links``).
        posts: Every post of the site by slug.
        assets_dir: The folder served at the site root.
        today: The site's date, deciding which posts readers see.

    Returns:
        One warning per broken link, at the link's line.
    """
    source = posts.get(document.slug) or linked_post(document)
    diagnostics = []
    for link in links:
        problem = _problem(link.target, document.slug, source, posts, assets_dir, today)
        if problem:
            diagnostics.append(
                Diagnostic(document.source_path, link.line, f"link to {link.target}: {problem}", "warning")
            )
    return diagnostics


def _problem(
    target: str,
    slug: str,
    source: LinkedPost,
    posts: Mapping[str, LinkedPost],
    assets_dir: pathlib.Path,
    today: dt.date,
) -> str | None:
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None  # another site (http, mailto): not ours to check
    anchor = unquote(parts.fragment)
    if not parts.path:
        return f"this post has no heading with the anchor '#{anchor}'" if anchor not in source.anchors else None
    path = unquote(urljoin(routes.post_url(slug), parts.path))  # relative links resolve like in the browser
    name = path.removeprefix(routes.POST_PREFIX).strip("/")
    if path.startswith(routes.POST_PREFIX) and name and "/" not in name and "." not in name:
        return _post_problem(name, anchor, source, posts, today)
    if (path.rstrip("/") or "/") in routes.APP_PAGES or asset_exists(path, assets_dir):
        return None
    return "no post, page or file under assets/ has this address"


def _post_problem(
    name: str, anchor: str, source: LinkedPost, posts: Mapping[str, LinkedPost], today: dt.date
) -> str | None:
    post = posts.get(name)
    if post is None:
        return f"no post has the slug '{name}'"
    if anchor and anchor not in post.anchors:
        return f"post '{name}' has no heading with the anchor '#{anchor}'"
    readers = visibility.readers(today)
    if visibility.is_visible(source, readers) and not visibility.is_visible(post, readers):
        status = visibility.publication_status(post, today)
        when = "a draft" if status == "draft" else f"scheduled for {post.published.isoformat()}"
        return f"post '{name}' is {when}, so readers would get 'Post not found'"
    return None
