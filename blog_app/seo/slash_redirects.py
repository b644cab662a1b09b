"""Redirects that only add a trailing slash, made permanent.

Reflex's production server serves a prerendered page from its folder (``/frameworks/`` is
``frameworks/index.html``), and Starlette sends ``/frameworks`` there with 307 Temporary
Redirect, so search engines keep both addresses for one page. This ASGI middleware turns
such a redirect into 308 Permanent Redirect, with a relative ``Location`` that keeps the
path as the client wrote it and the query string. Any other redirect passes unchanged.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import quote, unquote, urlsplit

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]


class PermanentSlashRedirects:
    """Makes each 307 that only appends ``/`` to the request's path a 308.

    Args:
        app: The ASGI application to wrap.
    """

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive, send) -> None:
        """Serve the request, rewriting the response start of a slash-only redirect."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_permanent(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 307:
                headers = list(message.get("headers", []))
                location = next((value for name, value in headers if name.lower() == b"location"), None)
                if location is not None and _only_adds_slash(location.decode("latin-1"), scope):
                    message["status"] = 308
                    message["headers"] = [(n, v) for n, v in headers if n.lower() != b"location"]
                    message["headers"].append((b"location", slashed_location(scope)))
            await send(message)

        await self.app(scope, receive, send_permanent)


def _only_adds_slash(location: str, scope: Scope) -> bool:
    target = urlsplit(location)
    return (
        unquote(target.path) == scope["path"] + "/"
        and target.query.encode("latin-1") == scope.get("query_string", b"")
        and not scope["path"].endswith("/")
    )


def slashed_location(scope: Scope) -> bytes:
    """The request's own path (as the client wrote it) with a trailing slash, and its query string."""
    path = scope.get("raw_path") or quote(scope["path"]).encode("latin-1")
    query = scope.get("query_string", b"")
    return path + b"/" + (b"?" + query if query else b"")
