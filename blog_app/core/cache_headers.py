"""Long-lived caching for the production build's hashed assets: a second page view asks nothing again.

The build (React Router on Vite) writes its scripts, stylesheets and fonts under ``/assets/``
with a hash of their content in the name (``_index-J7z8lKJQ.js``): a new build of a changed
file gets a new name, so a browser may keep each such file for a year without asking again.
Reflex's static server sends them with an ETag and no ``Cache-Control``, so every page view
revalidates each one. ``ImmutableAssets``, an ASGI middleware given to
``rx.App(api_transformer=[...])``, marks their successful responses
``Cache-Control: public, max-age=31536000, immutable`` and leaves every other response as
it is: pages keep their ``no-cache`` and ETag, and the project's own files from ``assets/``
(``/favicon.ico``, ``/blog/ag-grid.webp``), served under names that do not change, keep
revalidating.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from reflex_base.config import get_config

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

IMMUTABLE = b"public, max-age=31536000, immutable"
CACHE_CONTROL = b"cache-control"
# Vite names each emitted file ``[name]-[hash].[ext]``, the hash 8 characters of base64url.
_HASHED_NAME = re.compile(r"[^/]+-[A-Za-z0-9_-]{8}\.[A-Za-z0-9]+")
# A missing file's 404 must stay revalidated: a later build may add a file under that name.
_CACHED_STATUSES = frozenset({200, 206, 304})


def is_hashed_asset(path: str, assets_prefix: str = "/assets/") -> bool:
    """Whether ``path`` names a file the build emitted with its content hash in the name.

    Args:
        path: The request's path, as the server received it.
        assets_prefix: Where the build's assets folder is served (``/assets/``, after the
            frontend path when one is configured).
    """
    if not path.startswith(assets_prefix):
        return False
    return _HASHED_NAME.fullmatch(path[len(assets_prefix) :]) is not None


def build_assets_prefix() -> str:
    """Where the build's assets folder is served: ``/assets/`` under the configured frontend path."""
    return get_config().prepend_frontend_path("/assets/")


def with_immutable_caching(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """``headers`` with any ``Cache-Control`` replaced by :data:`IMMUTABLE`."""
    return [(name, value) for name, value in headers if name.lower() != CACHE_CONTROL] + [(CACHE_CONTROL, IMMUTABLE)]


class ImmutableAssets:
    """Marks the successful HTTP responses for hashed build assets as cacheable for a year, unchanged.

    Args:
        app: The ASGI application to wrap.
        assets_prefix: Where the build's assets folder is served (by default read from Reflex's config).
    """

    def __init__(self, app: ASGIApp, assets_prefix: str | None = None):
        self.app = app
        self.assets_prefix = assets_prefix if assets_prefix is not None else build_assets_prefix()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve the request, marking a hashed asset's response immutable."""
        if scope["type"] != "http" or not is_hashed_asset(scope.get("path", ""), self.assets_prefix):
            await self.app(scope, receive, send)
            return

        async def send_cached(message: Message) -> None:
            if message["type"] == "http.response.start" and message.get("status") in _CACHED_STATUSES:
                message["headers"] = with_immutable_caching(list(message.get("headers", [])))
            await send(message)

        await self.app(scope, receive, send_cached)
