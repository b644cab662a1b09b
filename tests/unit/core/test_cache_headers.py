"""Which responses the build's hashed assets get a year's caching on, and that nothing else does."""

from __future__ import annotations

import warnings

import pytest
from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Route

from blog_app.core.cache_headers import IMMUTABLE, ImmutableAssets, is_hashed_asset, with_immutable_caching

with warnings.catch_warnings():
    # Starlette 1.x suggests a successor of httpx for its test client; httpx is what the project pins.
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient


@pytest.mark.parametrize(
    "path",
    [
        "/assets/_index-J7z8lKJQ.js",
        "/assets/__reflex_global_styles-BVHrTlRr.css",
        "/assets/_blog_.__slug_._index-C3ZCTFkO.js",
        "/assets/abap-C1aVpbp_.js",  # base64url hashes hold "_" and "-"
        "/assets/a-arrow-down-B0x9u-5K.js",
        "/assets/inter-latin-Dx4kXJAl.woff2",
    ],
)
def test_files_vite_names_with_their_hash_are_immutable(path):
    assert is_hashed_asset(path)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/blog/top-python-web-frameworks-2024",
        "/frameworks/",
        "/blog/ag-grid.webp",  # the project's own assets/: names that do not change
        "/favicon.ico",
        "/blog.css",
        "/og-default.png",
        "/blog/_index-J7z8lKJQ.js",  # a hashed-looking name outside the build's folder
        "/assets/",
        "/assets/manifest.json",
        "/assets/app-1234567.js",  # 7 characters: not Vite's hash
        "/assets/app-123456789.js",
        "/assets/nested/app-J7z8lKJQ.js",
        "/assets/_index-J7z8lKJQ",
        "/static/assets/_index-J7z8lKJQ.js",
    ],
)
def test_everything_else_is_not(path):
    assert not is_hashed_asset(path)


def test_a_frontend_path_moves_the_assets_folder():
    assert is_hashed_asset("/docs/assets/_index-J7z8lKJQ.js", "/docs/assets/")
    assert not is_hashed_asset("/assets/_index-J7z8lKJQ.js", "/docs/assets/")


def test_the_header_replaces_any_cache_control():
    headers = [(b"etag", b'"x"'), (b"Cache-Control", b"no-cache")]
    assert with_immutable_caching(headers) == [(b"etag", b'"x"'), (b"cache-control", IMMUTABLE)]


def page(request):
    return Response("<p>hi</p>", media_type="text/html", headers={"Cache-Control": "no-cache", "ETag": '"p"'})


def asset(request):
    if request.headers.get("if-none-match") == '"a"':
        return Response(status_code=304, headers={"ETag": '"a"'})
    return Response("x", media_type="text/javascript", headers={"ETag": '"a"'})


def missing(request):
    return Response("gone", status_code=404)


@pytest.fixture
def client():
    inner = Starlette(
        routes=[
            Route("/", page),
            Route("/assets/_index-J7z8lKJQ.js", asset),
            Route("/assets/gone-J7z8lKJQ.js", missing),
            Route("/blog/ag-grid.webp", asset),
        ]
    )
    return TestClient(ImmutableAssets(inner, assets_prefix="/assets/"))


def test_a_hashed_asset_is_cached_for_a_year_also_when_revalidated(client):
    assert client.get("/assets/_index-J7z8lKJQ.js").headers["cache-control"] == IMMUTABLE.decode()
    revalidated = client.get("/assets/_index-J7z8lKJQ.js", headers={"If-None-Match": '"a"'})
    assert revalidated.status_code == 304
    assert revalidated.headers["cache-control"] == IMMUTABLE.decode()


def test_pages_files_and_missing_assets_keep_their_headers(client):
    assert client.get("/").headers["cache-control"] == "no-cache"
    assert "cache-control" not in client.get("/blog/ag-grid.webp").headers
    assert "cache-control" not in client.get("/assets/gone-J7z8lKJQ.js").headers
