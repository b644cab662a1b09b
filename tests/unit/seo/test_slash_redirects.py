"""Redirects that only add a trailing slash become permanent, around a real static file server."""

from __future__ import annotations

import warnings

import pytest
from starlette.applications import Starlette
from starlette.responses import RedirectResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from blog_app.seo.slash_redirects import PermanentSlashRedirects

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette suggests a successor of httpx for its test client
    from starlette.testclient import TestClient


@pytest.fixture
def client(tmp_path):
    (tmp_path / "frameworks").mkdir()
    (tmp_path / "frameworks" / "index.html").write_text("<p>explorer</p>")
    (tmp_path / "café").mkdir()
    (tmp_path / "café" / "index.html").write_text("<p>café</p>")
    app = Starlette(
        routes=[
            Route("/moved", lambda request: RedirectResponse("/elsewhere")),
            Mount("/", StaticFiles(directory=tmp_path, html=True)),
        ]
    )
    with TestClient(PermanentSlashRedirects(app), follow_redirects=False) as test_client:
        yield test_client


@pytest.mark.parametrize(
    ("path", "location"),
    [
        ("/frameworks", "/frameworks/"),
        ("/frameworks?pro=async,orm&q=a%20b", "/frameworks/?pro=async,orm&q=a%20b"),
        ("/caf%C3%A9?x=1", "/caf%C3%A9/?x=1"),
    ],
)
def test_a_folder_without_its_slash_moves_there_permanently_with_its_query(client, path, location):
    response = client.get(path)
    assert (response.status_code, response.headers["location"]) == (308, location)
    assert client.get(location).status_code == 200


def test_other_redirects_and_pages_pass_unchanged(client):
    moved = client.get("/moved")
    assert (moved.status_code, moved.headers["location"]) == (307, "/elsewhere")
    assert client.get("/frameworks/").text == "<p>explorer</p>"
