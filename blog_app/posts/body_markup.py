"""A post's body as the server writes it into the first response: mirrors blog_app/posts/components/post_body.py.

Code blocks keep the box React draws (frame, header, copy button, the ``<pre>`` with the
highlighter's font, padding and colours from assets/blog.css) with the code as plain text: the
syntax colours arrive when React renders the page in place of this one.
"""

from __future__ import annotations

from blog_app.content.segments import Segment
from blog_app.html_first.icons import icon
from blog_app.html_first.markup import Html, element, fragment, trusted
from blog_app.posts.parts_markup import link

_HEADING_SIZES = {2: ("h2", "7"), 3: ("h3", "5")}


def post_body_markup(segments: list[Segment]) -> Html:
    """Mirrors :func:`blog_app.posts.components.post_body.post_body`: every segment, in order."""
    return element("div", fragment(*(segment_markup(segment) for segment in segments)), class_="rt-Box post-body")


def segment_markup(segment: Segment) -> Html:
    """One segment by its kind (prose for any kind the page does not know, as React's match does)."""
    if segment.kind == "heading":
        return heading_markup(segment)
    if segment.kind == "image":
        return image_markup(segment)
    if segment.kind == "code":
        return code_markup(segment)
    return element("div", trusted(segment.html), class_="rx-Html prose")


def heading_markup(segment: Segment) -> Html:
    """An h2/h3/h4 with its ``#`` link; under an h2 that introduces a framework, the link to the explorer."""
    tag, size = _HEADING_SIZES.get(segment.level, ("h4", "4"))
    anchor = element(
        "a",
        "#",
        aria_label="Link to this section: " + segment.text,
        class_="heading-anchor",
        href="#" + segment.anchor,
    )
    heading = element(tag, segment.text, anchor, id=segment.anchor, class_=f"rt-Heading rt-r-size-{size} post-heading")
    if segment.level == 2 and segment.explorer:
        return fragment(heading, explorer_link_markup(segment))
    return heading


def explorer_link_markup(segment: Segment) -> Html:
    """Mirrors :func:`blog_app.posts.components.post_body.explorer_link`."""
    badge = element(
        "span",
        icon("sliders-horizontal", 12),
        f"Compare {segment.framework} in the frameworks explorer",
        icon("arrow-right", 12),
        data_accent_color="",
        data_radius="full",
        class_="rt-reset rt-Badge rt-r-size-2 rt-variant-soft",
    )
    return link(badge, href=segment.explorer, class_="rt-underline-none explorer-link")


def image_markup(segment: Segment) -> Html:
    """A figure: the image as react-medium-image-zoom renders it before it has measured it, or the placeholder."""
    if segment.missing:
        picture = element(
            "div",
            icon("image-off", 28),
            element("p", "Image unavailable: " + segment.alt, class_="rt-Text rt-r-size-2"),
            role="img",
            aria_label="Image unavailable: " + segment.alt,
            class_="image-missing",
        )
    else:
        image = element("img", alt=segment.alt, class_="post-image", loading="lazy", src=segment.src)
        picture = element(
            "div",
            element("div", image, data_rmiz_content="not-found", style="visibility:visible"),
            data_rmiz="",
        )
    caption = element("figcaption", segment.caption) if segment.caption else Html("")
    return element("figure", picture, caption, class_="post-figure")


def code_markup(segment: Segment) -> Html:
    """Mirrors :func:`blog_app.posts.components.post_body.code_segment`, the code unhighlighted."""
    language = segment.language or "text"
    copy = element(
        "button",
        icon("copy", 14),
        "Copy",
        data_accent_color="gray",
        aria_label="Copy code to clipboard",
        class_="rt-reset rt-BaseButton rt-r-size-1 rt-variant-ghost rt-Button code-copy",
    )
    header = element(
        "div",
        element("p", language, class_="rt-Text rt-r-size-1 rt-r-weight-medium code-language"),
        copy,
        class_="rt-Flex rt-r-ai-center rt-r-jc-space-between code-header",
    )
    body = element("pre", element("code", segment.code, class_=f"language-{language}"), class_="code-body")
    return element("div", header, body, class_="rt-Box code-frame")
