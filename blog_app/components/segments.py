"""Render a post body: the stored segments, in order."""

from __future__ import annotations

import reflex as rx
from reflex_image_zoom import image_zoom


def heading_segment(segment: rx.Var) -> rx.Component:
    """An h2/h3/h4 with the anchor id the table of contents links to."""
    text = segment["text"].to(str)
    anchor = segment["anchor"].to(str)
    return rx.match(
        segment["level"].to(int),
        (2, rx.heading(text, as_="h2", size="6", id=anchor, margin_top="1.5em")),
        (3, rx.heading(text, as_="h3", size="5", id=anchor, margin_top="1.2em")),
        rx.heading(text, as_="h4", size="4", id=anchor, margin_top="1em"),
    )


def image_segment(segment: rx.Var) -> rx.Component:
    """A zoomable image (click to zoom, Esc to close) with its alt text."""
    return rx.el.figure(
        image_zoom(rx.image(src=segment["src"].to(str), alt=segment["alt"].to(str), width="100%")),
        margin="1.5em 0",
    )


def code_segment(segment: rx.Var) -> rx.Component:
    """A code block."""
    return rx.code_block(segment["code"].to(str), language=segment["language"].to(str))


def html_segment(segment: rx.Var) -> rx.Component:
    """Sanitised prose rendered at ingest."""
    return rx.box(rx.html(segment["html"].to(str)), class_name="prose")


def render_segment(segment: rx.Var) -> rx.Component:
    """Pick the renderer for one segment by its kind."""
    return rx.match(
        segment["kind"].to(str),
        ("heading", heading_segment(segment)),
        ("image", image_segment(segment)),
        ("code", code_segment(segment)),
        html_segment(segment),
    )


def post_body(segments: rx.Var) -> rx.Component:
    """Every segment of a post, in order."""
    return rx.box(rx.foreach(segments, render_segment), class_name="post-body")
