"""A post's body from its stored segments: prose, headings, zoomable images, code."""

from __future__ import annotations

import reflex as rx
from reflex_image_zoom import image_zoom

from blog_app.content.segments import Segment
from blog_app.ui.anchors import in_page_link


def heading_segment(segment: rx.Var[Segment]) -> rx.Component:
    """An h2/h3/h4 with its anchor (the table of contents links here) and a ``#`` link to it."""
    text = segment.text
    anchor = segment.anchor

    def heading(level: str, size: str) -> rx.Component:
        return rx.heading(
            text,
            in_page_link("#", anchor=anchor, class_name="heading-anchor", aria_label="Link to this section: " + text),
            as_=level,
            size=size,
            id=anchor,
            class_name="post-heading",
        )

    return rx.match(
        segment.level,
        (2, rx.fragment(heading("h2", "7"), explorer_link(segment))),
        (3, heading("h3", "5")),
        heading("h4", "4"),
    )


def explorer_link(segment: rx.Var[Segment]) -> rx.Component:
    """Under a framework's heading: a link to the frameworks explorer focused on that framework."""
    url = segment.explorer
    name = segment.framework
    return rx.cond(
        url != "",
        rx.link(
            rx.badge(
                rx.icon("sliders-horizontal", size=12),
                "Compare ",
                name,
                " in the frameworks explorer",
                rx.icon("arrow-right", size=12),
                variant="soft",
                size="2",
                radius="full",
            ),
            href=url,
            underline="none",
            class_name="explorer-link",
        ),
    )


def image_segment(segment: rx.Var[Segment]) -> rx.Component:
    """A zoomable image with alt text and optional caption, or a placeholder when the file is missing."""
    alt = segment.alt
    caption = segment.caption
    return rx.el.figure(
        rx.cond(
            segment.missing,
            rx.el.div(
                rx.icon("image-off", size=28),
                rx.text("Image unavailable: ", alt, size="2"),
                class_name="image-missing",
                role="img",
                aria_label="Image unavailable: " + alt,
            ),
            image_zoom(rx.image(src=segment.src, alt=alt, loading="lazy", class_name="post-image")),
        ),
        rx.cond(caption != "", rx.el.figcaption(caption)),
        class_name="post-figure",
    )


def code_segment(segment: rx.Var[Segment]) -> rx.Component:
    """A highlighted code block with its language and a copy button that says when it copied."""
    code = segment.code
    language = segment.language
    return rx.box(
        rx.flex(
            rx.text(rx.cond(language != "", language, "text"), size="1", weight="medium", class_name="code-language"),
            rx.button(
                rx.icon("copy", size=14),
                "Copy",
                on_click=[rx.set_clipboard(code), rx.toast.success("Code copied to clipboard", duration=2000)],
                size="1",
                variant="ghost",
                color_scheme="gray",
                aria_label="Copy code to clipboard",
                class_name="code-copy",
            ),
            justify="between",
            align="center",
            class_name="code-header",
        ),
        rx.code_block(
            code, language=rx.cond(language != "", language, "text"), wrap_long_lines=False, class_name="code-body"
        ),
        class_name="code-frame",
    )


def html_segment(segment: rx.Var[Segment]) -> rx.Component:
    """Prose rendered and sanitised at ingest."""
    return rx.html(segment.html, class_name="prose")


def render_segment(segment: rx.Var[Segment]) -> rx.Component:
    """Pick the renderer for one segment by its kind."""
    return rx.match(
        segment.kind,
        ("heading", heading_segment(segment)),
        ("image", image_segment(segment)),
        ("code", code_segment(segment)),
        html_segment(segment),
    )


def post_body(segments: rx.Var[list[Segment]]) -> rx.Component:
    """Every segment of a post, in order."""
    return rx.box(rx.foreach(segments, render_segment), class_name="post-body")
