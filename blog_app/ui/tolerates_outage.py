"""Page states that survive a database outage: a flag the page renders instead of an error."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import TypeVar

import reflex as rx

from blog_app.core.outage import DATABASE_UNAVAILABLE

logger = logging.getLogger(__name__)
Handler = TypeVar("Handler", bound=Callable)


class ReadsDatabase(rx.State, mixin=True):
    """Mixin for page states whose events read the database: ``unavailable`` while it does not answer."""

    unavailable: bool = False


def tolerates_outage(handler: Handler) -> Handler:
    """Wrap a (synchronous) event handler of a :class:`ReadsDatabase` state.

    When the database does not answer, the handler's changes so far stand, ``unavailable``
    becomes true and the event ends quietly: no error toast, no console error, the page shows
    its "temporarily unavailable" message. The next event that reaches the database clears it.

    Args:
        handler: The event handler function (decorate it before ``@rx.event``).

    Returns:
        The wrapped handler.
    """

    @functools.wraps(handler)
    def guarded(self: ReadsDatabase, *args, **kwargs):
        try:
            result = handler(self, *args, **kwargs)
        except DATABASE_UNAVAILABLE as error:
            # One line, not a traceback: the health endpoint already tells operators.
            logger.warning("database unavailable in %s: %s", handler.__qualname__, str(error).splitlines()[0])
            self.unavailable = True
            return None
        self.unavailable = False
        return result

    return guarded  # type: ignore[return-value]
