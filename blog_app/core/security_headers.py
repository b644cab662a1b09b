"""Security headers on every HTTP response the backend sends: pages, assets, feeds, health checks.

A pure ASGI middleware, given to ``rx.App(api_transformer=[...])`` after the SEO app, so it wraps
everything Reflex serves on its port (in production the built frontend too). Websocket
connections (the ``/_event`` channel) pass through untouched: headers are for HTTP responses.

The Content-Security-Policy lets a page run only the build's own scripts: files from the site
itself, and the inline scripts whose SHA-256 the caller supplies (computed from the build the
process serves, see ``blog_app/seo/script_hashes.py``). No ``'unsafe-inline'`` and no
``'unsafe-eval'`` for scripts: an injected ``<script>``, an ``onclick=`` attribute or ``eval``
is refused by the browser. Styles may be inline (Radix Themes and Emotion write them at run time).
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

from blog_app.core import settings

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
    # Only the site itself may frame its pages (clickjacking): the old header; the CSP says it too.
    (b"x-frame-options", b"SAMEORIGIN"),
)
CSP = b"content-security-policy"


def content_security_policy(script_hashes: Iterable[str] = (), api_url: str = "") -> str:
    """The policy: the site's own scripts and files, the given inline scripts, the backend's address.

    Args:
        script_hashes: ``sha256-<base64>`` of each inline script the pages may run.
        api_url: ``API_URL``, when browsers reach the backend (its websocket) elsewhere than the page.

    Returns:
        The header's value.
    """
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *(f"'{digest}'" for digest in sorted(script_hashes))],
        "style-src": ["'self'", "'unsafe-inline'"],
        # Posts may show pictures from other sites (an author's http(s) image URL).
        "img-src": ["'self'", "data:", "https:", "http:"],
        # 'self' covers the page's own host over ws: and wss: too.
        "connect-src": ["'self'", *_backend_origins(api_url)],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


def _backend_origins(api_url: str) -> list[str]:
    parts = urlsplit(api_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return []
    socket = "wss" if parts.scheme == "https" else "ws"
    return [f"{parts.scheme}://{parts.netloc}", f"{socket}://{parts.netloc}"]


class SecurityHeaders:
    """Adds :data:`SECURITY_HEADERS` and the Content-Security-Policy to each HTTP response that lacks them.

    Args:
        app: The ASGI application to wrap.
        script_hashes: Returns the hashes of the inline scripts the served pages may run (asked
            per response, so it should be cheap; none by default).
    """

    def __init__(self, app: ASGIApp, script_hashes: Callable[[], frozenset[str]] = frozenset):
        self.app = app
        self.script_hashes = script_hashes
        self.api_url = settings.api_url()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve the request, adding the headers to the response start."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                own = _headers_with_policy(self.script_hashes(), self.api_url)
                message["headers"] = with_security_headers(list(message.get("headers", [])), own)
            await send(message)

        await self.app(scope, receive, send_with_headers)


@functools.lru_cache(maxsize=8)
def _headers_with_policy(script_hashes: frozenset[str], api_url: str) -> tuple[tuple[bytes, bytes], ...]:
    # The same few hash sets come back for every response of a build: the policy is written once per set.
    return (*SECURITY_HEADERS, (CSP, content_security_policy(script_hashes, api_url).encode("latin-1")))


def with_security_headers(
    headers: list[tuple[bytes, bytes]], security_headers: Iterable[tuple[bytes, bytes]] = SECURITY_HEADERS
) -> list[tuple[bytes, bytes]]:
    """``headers`` plus each security header it does not set itself (a response may be stricter)."""
    present = {name.lower() for name, _ in headers}
    return headers + [(name, value) for name, value in security_headers if name not in present]
