"""Registers one page per post in ``PEER_CONTENT_DIR``, each compiled from the post's segments.

Built by bench/bench_build.py to compare build cost with blog_app's single dynamic route.
"""

from __future__ import annotations

import os
import pathlib
import sys

import reflex as rx
from reflex_image_zoom import image_zoom

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[3]))  # the project root, for the parser
from blog_app.content import parse_post


def segment_component(segment) -> rx.Component:
    """The same pieces blog_app renders, as static components."""
    if segment.kind == "heading":
        return rx.heading(segment.text, as_=f"h{segment.level}", id=segment.anchor)
    if segment.kind == "image":
        return image_zoom(rx.image(src=segment.src, alt=segment.alt))
    if segment.kind == "code":
        return rx.code_block(segment.code, language=segment.language or "python")
    return rx.html(segment.html)


def post_page(document) -> rx.Component:
    """A whole post page."""
    return rx.container(
        rx.heading(document.meta.title, as_="h1"),
        rx.text(document.meta.author, " · ", document.meta.published.isoformat()),
        *(segment_component(segment) for segment in document.segments),
    )


app = rx.App()
app.add_page(rx.container(rx.heading("Blog")), route="/")
for path in sorted(pathlib.Path(os.environ.get("PEER_CONTENT_DIR", "content")).glob("*.md")):
    post = parse_post(str(path), path.read_bytes())
    app.add_page(post_page(post), route=f"/blog/{post.slug}", title=post.meta.title)
