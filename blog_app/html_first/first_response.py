"""A page as the server writes it into the first response: its HTML and the state it was written from."""

from __future__ import annotations

import dataclasses

from blog_app.html_first.markup import Html, element, trusted
from blog_app.html_first.seed import seed_json
from blog_app.html_first.slot import SEED_ID


@dataclasses.dataclass(frozen=True)
class FirstResponse:
    """What a page's first response carries.

    Attributes:
        main: The page's content, as React renders it inside the site layout's ``<main>``.
        seed: The page state's values (:func:`blog_app.html_first.seed.state_values`).
    """

    main: Html
    seed: dict[str, dict]


def seed_element(seed: dict[str, dict]) -> Html:
    """The data block the app root reads its initial state from."""
    return element("script", trusted(seed_json(seed)), type="application/json", id=SEED_ID)
