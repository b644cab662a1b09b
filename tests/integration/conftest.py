"""Fixtures for tests against the machine's PostgreSQL and Redis, and real app processes."""

from __future__ import annotations

import pathlib
import shutil

import pytest
import sqlalchemy as sa

from blog_app import settings
from tests.integration import services

# What an operator's checkout would not have: local tools, builds, databases, caches.
_NOT_COPIED = (".git", ".venv", ".tools", ".web*", ".states", ".data", "__pycache__", "*.zip", ".*_cache", "artifacts")


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
    target = tmp_path_factory.mktemp("checkout") / "blog_app"
    shutil.copytree(settings.PROJECT_ROOT, target, ignore=shutil.ignore_patterns(*_NOT_COPIED))
    return target
