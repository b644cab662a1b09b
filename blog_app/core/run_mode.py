"""Whether this process serves an author (``reflex run``) or readers (``reflex run --env prod``, exports)."""

from __future__ import annotations

from reflex_base.constants import Env
from reflex_base.environment import environment

from blog_app.core import visibility

# `reflex run --env preview` hot-reloads like dev, only with a built frontend: an author's mode too.
DEVELOPMENT_MODES = frozenset({Env.DEV, Env.PREVIEW})


def is_development() -> bool:
    """True under ``reflex run`` (dev or preview); False in production and whenever the mode is unset.

    ``reflex run`` always sets ``REFLEX_ENV_MODE``; a server started any other way counts as
    production, so it never shows drafts or starts the content watcher by accident.
    """
    mode = environment.REFLEX_ENV_MODE
    return mode.is_set() and mode.get() in DEVELOPMENT_MODES


def current_audience() -> visibility.Audience:
    """Who the pages of this process are for: authors in development, readers otherwise."""
    return visibility.authors() if is_development() else visibility.readers()
