"""The frozen search corpus (tests/fixtures/search): eight short posts, a draft and a scheduled one among them."""

from __future__ import annotations

import datetime as dt

from blog_app.core import visibility
from tests.support.fixture_posts import FIXTURES

CORPUS = FIXTURES / "search"
# Readers on a day after every post but the scheduled one (dated 2999).
READERS = visibility.readers(dt.date(2025, 1, 1))
AUTHORS = visibility.authors(dt.date(2025, 1, 1))
UNPUBLISHED = ("unreleased-notes", "future-post")
# A word only the draft and the scheduled post contain.
UNPUBLISHED_WORD = "zanzibar"
