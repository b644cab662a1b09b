"""The security-headers middleware around a real Starlette app: every HTTP answer, websockets untouched."""

from __future__ import annotations

import warnings

import pytest
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse, Response, StreamingResponse
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles

from blog_app.core.security_headers import SECURITY_HEADERS, SecurityHeaders, content_security_policy

with warnings.catch_warnings():
    # Starlette 1.x suggests a successor of httpx for its test client; httpx is what the project pins.
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

EXPECTED = {name.decode(): value.decode() for name, value in SECURITY_HEADERS}


async def echo(websocket):
    await websocket.accept()
    await websocket.send_text(await websocket.receive_text())
    await websocket.close()


def stream(request):
    return StreamingResponse(iter([b"a", b"b"]), media_type="text/plain")


def stricter(request):
    return Response("x", headers={"X-Frame-Options": "DENY"})


def boom(request):
    raise RuntimeError("a bug")


def directives(policy: str) -> dict[str, list[str]]:
    return {name: sources for name, *sources in (directive.split() for directive in policy.split(";"))}


@pytest.fixture
def script_hashes():
    """The hash set the middleware is given; a test may change it between requests."""
    return {"current": frozenset({"sha256-AAAA"})}


@pytest.fixture
def client(tmp_path, script_hashes):
    (tmp_path / "app.js").write_text("boot()")
    app = Starlette(
        routes=[
            Route("/page", lambda request: PlainTextResponse("ok")),
            Route("/stream", stream),
            Route("/stricter", stricter),
            Route("/boom", boom),
            WebSocketRoute("/ws", echo),
            Mount("/assets", StaticFiles(directory=tmp_path)),
        ]
    )
    middleware = SecurityHeaders(app, script_hashes=lambda: script_hashes["current"])
    with TestClient(middleware, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.mark.parametrize(
    ("path", "status"), [("/page", 200), ("/stream", 200), ("/assets/app.js", 200), ("/nowhere", 404), ("/boom", 500)]
)
def test_every_http_answer_carries_the_headers(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert {name: response.headers.get(name) for name in EXPECTED} == EXPECTED
    assert response.headers["content-security-policy"] == content_security_policy({"sha256-AAAA"})


def test_a_response_that_sets_a_header_itself_keeps_its_own(client):
    response = client.get("/stricter")
    assert response.headers.get_list("x-frame-options") == ["DENY"]
    assert response.headers["x-content-type-options"] == "nosniff"


def test_head_and_not_modified_answers_carry_them_too(client):
    first = client.get("/assets/app.js")
    again = client.get("/assets/app.js", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    assert again.headers["x-content-type-options"] == "nosniff"
    assert client.head("/page").headers["referrer-policy"] == "strict-origin-when-cross-origin"


def test_websockets_pass_through(client):
    with client.websocket_connect("/ws") as socket:
        socket.send_text("hello")
        assert socket.receive_text() == "hello"


def test_the_policy_allows_only_the_sites_scripts_and_the_given_inline_ones():
    policy = directives(content_security_policy({"sha256-BBBB", "sha256-AAAA"}))
    assert policy["script-src"] == ["'self'", "'sha256-AAAA'", "'sha256-BBBB'"]
    assert policy["default-src"] == ["'self'"]
    assert (policy["object-src"], policy["base-uri"], policy["frame-ancestors"]) == (["'none'"], ["'self'"], ["'self'"])
    assert "'unsafe-inline'" in policy["style-src"], "Radix Themes and Emotion write styles at run time"
    assert policy["connect-src"] == ["'self'"]


def test_a_backend_elsewhere_may_be_reached_over_http_and_its_websocket():
    policy = directives(content_security_policy((), api_url="https://api.blog.example/base"))
    assert policy["connect-src"] == ["'self'", "https://api.blog.example", "wss://api.blog.example"]
    plain = directives(content_security_policy((), api_url="http://10.0.0.5:8000"))
    assert plain["connect-src"] == ["'self'", "http://10.0.0.5:8000", "ws://10.0.0.5:8000"]


def test_the_policy_follows_the_hashes_of_the_build_being_served(client, script_hashes):
    assert "'sha256-AAAA'" in client.get("/page").headers["content-security-policy"]
    script_hashes["current"] = frozenset({"sha256-CCCC"})  # a new build
    policy = directives(client.get("/page").headers["content-security-policy"])
    assert policy["script-src"] == ["'self'", "'sha256-CCCC'"]
