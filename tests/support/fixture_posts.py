"""The frozen posts under tests/fixtures that the tests count from, and what they are known to contain.

Tests never count the live blog in content/: editing a post there must not break a test.
"""

from __future__ import annotations

import pathlib

FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "fixtures"
POSTS = FIXTURES / "posts"
BAD_CONTENT = FIXTURES / "bad-content"
SEED = POSTS / "top-python-web-frameworks-2024.md"
SEED_SLUG = SEED.stem
SEED_TITLE = "The top Python frameworks for building web apps (2024)"
SEED_TEXT = "There are 16 million Python developers"  # from its first paragraph
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
