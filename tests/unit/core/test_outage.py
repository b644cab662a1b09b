"""While the database does not answer: the backend routes say 503, page events set a flag instead of failing."""

from __future__ import annotations

import anyio
import httpx
import pytest
import sqlalchemy as sa

from blog_app.core import database, outage
from blog_app.seo.server import seo_api
from blog_app.ui.tolerates_outage import tolerates_outage
from harness.app_process import free_port


@pytest.fixture
def database_away(monkeypatch) -> str:
    """DATABASE_URL names a PostgreSQL server that refuses connections (nothing listens there)."""
    url = f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/gone"
    monkeypatch.setenv("DATABASE_URL", url)
    return url


async def get(path: str) -> httpx.Response:
    """GET ``path`` from the backend routes, in process."""
    transport = httpx.ASGITransport(app=seo_api(lambda: ["/"]))
    async with httpx.AsyncClient(transport=transport, base_url="http://blog.test") as client:
        return await client.get(path)


# (Post pages need a production build: tests/integration/test_faults_live.py covers them.)
@pytest.mark.parametrize("path", ["/rss.xml", "/atom.xml", "/sitemap.xml"])
def test_backend_routes_answer_503_with_retry_after(database_away, path):
    answer = anyio.run(get, path)
    assert answer.status_code == 503
    assert answer.headers["retry-after"] == str(outage.RETRY_AFTER_SECONDS)
    assert outage.MESSAGE in answer.text


class PageState:
    """Stands in for a page state: the decorator only reads and writes ``unavailable``."""

    unavailable = False

    @tolerates_outage
    def load(self):
        with database.session() as db:
            return db.execute(sa.text("SELECT 1")).scalar_one()


def test_an_event_reading_a_dead_database_sets_the_flag_and_the_next_good_one_clears_it(database_away, monkeypatch):
    page = PageState()
    assert page.load() is None and page.unavailable is True
    monkeypatch.setenv("DATABASE_URL", "sqlite://")
    assert page.load() == 1 and page.unavailable is False
