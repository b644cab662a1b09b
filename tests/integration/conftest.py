"""Fixtures for tests against the machine's PostgreSQL and Redis, and real app processes."""

from __future__ import annotations

import pathlib

import pytest
import sqlalchemy as sa

from blog_app.core import settings
from harness import services
from harness.app_process import copy_project


@pytest.fixture
def postgres_url() -> str:
    """The URL of an empty PostgreSQL database, dropped after the test."""
    with services.throwaway_database("unit") as url:
        yield url


@pytest.fixture
def postgres_engine(postgres_url) -> sa.Engine:
    """An engine on an empty PostgreSQL database (psycopg 3, as the app uses)."""
    engine = sa.create_engine(settings.normalize_database_url(postgres_url))
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def redis_url() -> str:
    """The Redis the app processes share (keys are cleaned up by the tests that make them)."""
    services.require_redis()
    return services.REDIS_URL


@pytest.fixture(scope="session")
def project_copy(tmp_path_factory) -> pathlib.Path:
    """The project as an operator checks it out, in a folder of its own.

    Builds write ``.web/`` and zip files into the project; doing that in a copy keeps them away
    from the build the end-to-end tests serve from the working tree.
    """
    return copy_project(tmp_path_factory.mktemp("checkout") / "blog_app")
