"""Security headers on every HTTP response the backend sends: pages, assets, feeds, health checks.

A pure ASGI middleware, given to ``rx.App(api_transformer=[...])`` after the SEO app, so it wraps
everything Reflex serves on its port (in production the built frontend too). Websocket
connections (the ``/_event`` channel) pass through untouched: headers are for HTTP responses.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    # Browsers must not guess a script out of a file served as text or an image.
    (b"x-content-type-options", b"nosniff"),
    # Other sites learn which site a reader came from, never which page (nor anything over plain HTTP).
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    # Only the site itself may frame its pages (clickjacking): the old header and the CSP one.
    (b"x-frame-options", b"SAMEORIGIN"),
    (b"content-security-policy", b"frame-ancestors 'self'"),
)


class SecurityHeaders:
    """Adds :data:`SECURITY_HEADERS` to each HTTP response that does not already set them.

    Args:
        app: The ASGI application to wrap.
    """

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve the request, adding the headers to the response start."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = with_security_headers(list(message.get("headers", [])))
            await send(message)

        await self.app(scope, receive, send_with_headers)


def with_security_headers(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """``headers`` plus each security header it does not set itself (a response may be stricter)."""
    present = {name.lower() for name, _ in headers}
    return headers + [(name, value) for name, value in SECURITY_HEADERS if name not in present]
