"""Which posts exist for whom: drafts and future-dated posts are hidden from readers, previewed by authors.

The one place the rule lives. Code holding a post in memory asks ``is_visible``; every query that
lists or finds posts for a page, a feed or a sitemap filters with the same rule as SQL
(``visibility_sql.visible_condition``, apart so that parsing and checking posts needs no database).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Literal, Protocol

from blog_app.core import settings

Status = Literal["published", "draft", "scheduled"]


class Publishable(Protocol):
    """Anything with a post's publication fields (a ``Post`` row, a parsed ``FrontMatter``)."""

    draft: bool
    published: dt.date


@dataclasses.dataclass(frozen=True)
class Audience:
    """Who is looking: the site's calendar day, and whether unpublished posts are previewed.

    Attributes:
        today: The day on the site's calendar (``settings.site_timezone()``).
        previews_unpublished: True for an author running the app in development, who sees
            drafts and scheduled posts (marked as such); False for readers.
    """

    today: dt.date
    previews_unpublished: bool = False


def site_today(now: dt.datetime | None = None) -> dt.date:
    """The date it is now in the site's time zone (``BLOG_TIMEZONE``, default UTC)."""
    return (now or dt.datetime.now(dt.UTC)).astimezone(settings.site_timezone()).date()


def readers(today: dt.date | None = None) -> Audience:
    """The audience of the published site: only posts that are not drafts and dated today or earlier."""
    return Audience(today=today or site_today(), previews_unpublished=False)


def authors(today: dt.date | None = None) -> Audience:
    """The audience of a development server: every post, drafts and scheduled ones included."""
    return Audience(today=today or site_today(), previews_unpublished=True)


def publication_status(post: Publishable, today: dt.date) -> Status:
    """``draft`` when the front matter says so, ``scheduled`` when dated after ``today``, else ``published``."""
    if post.draft:
        return "draft"
    return "scheduled" if post.published > today else "published"


def is_visible(post: Publishable, audience: Audience) -> bool:
    """Whether ``audience`` may see ``post``."""
    return audience.previews_unpublished or publication_status(post, audience.today) == "published"
