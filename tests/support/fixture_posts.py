"""The frozen posts under tests/fixtures that the tests count from, and what they are known to contain.

Tests never count the live blog in content/: editing a post there must not break a test.
"""

from __future__ import annotations

import pathlib

from harness.synthetic_posts import SEED_TEXT, SEED_TITLE

FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "fixtures"
POSTS = FIXTURES / "posts"
BAD_CONTENT = FIXTURES / "bad-content"
SEED = POSTS / "top-python-web-frameworks-2024.md"
SEED_SLUG = SEED.stem
__all__ = [
    "BAD_CONTENT",
    "FIXTURES",
    "POSTS",
    "SEED",
    "SEED_FRAMEWORKS",
    "SEED_KEYWORDS",
    "SEED_SLUG",
    "SEED_TEXT",
    "SEED_TITLE",
]
# The frameworks the seed post compares, one ## section each, in its order.
SEED_FRAMEWORKS = ("Reflex", "FastAPI", "Django", "Flask", "Streamlit", "Gradio", "Dash")
# The seed post's keywords, in the order its front matter lists them.
SEED_KEYWORDS = (
    "python web frameworks",
    "AI web apps in Python",
    "data analysis Python",
    "frontend development in Python",
    "backend development in Python",
    "popular Python frameworks 2024",
)
