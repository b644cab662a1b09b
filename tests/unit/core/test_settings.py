"""Configuration from the environment: the variables the README documents reach the app and Reflex."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from blog_app.core import settings
from blog_app.core.settings import normalize_database_url
from harness.app_process import app_environment

PRINT_CONFIG = (
    "import json; from reflex_base.config import get_config; c = get_config(); "
    "print(json.dumps({k: getattr(c, k) for k in ('db_url', 'redis_url', 'api_url', 'deploy_url')}))"
)


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("postgres://u:p@db:5432/blog", "postgresql+psycopg://u:p@db:5432/blog"),
        ("postgresql://u@db/blog?sslmode=require", "postgresql+psycopg://u@db/blog?sslmode=require"),
        ("postgresql+psycopg://u@db/blog", "postgresql+psycopg://u@db/blog"),
        ("sqlite:////srv/blog.db", "sqlite:////srv/blog.db"),
    ],
)
def test_postgres_urls_use_the_installed_psycopg_driver(given, used):
    assert normalize_database_url(given) == used


def reflex_config(**variables: str) -> dict[str, str | None]:
    """The Reflex config a fresh process builds from rxconfig.py with ``variables`` set."""
    result = subprocess.run(
        [sys.executable, "-c", PRINT_CONFIG],
        cwd=settings.PROJECT_ROOT,
        env=app_environment(**variables),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout.splitlines()[-1])


def test_environment_sets_database_redis_and_public_urls():
    config = reflex_config(
        DATABASE_URL="postgres://blog@db.internal/blog",
        REDIS_URL="redis://cache.internal:6379/0",
        API_URL="https://api.blog.example",
        DEPLOY_URL="https://blog.example",
    )
    assert config == {
        "db_url": "postgresql+psycopg://blog@db.internal/blog",
        "redis_url": "redis://cache.internal:6379/0",
        "api_url": "https://api.blog.example",
        "deploy_url": "https://blog.example",
    }


def test_without_variables_the_app_uses_sqlite_in_the_project_and_no_redis():
    config = reflex_config()
    assert config["db_url"] == f"sqlite:///{settings.DEFAULT_SQLITE_PATH}"
    assert config["redis_url"] is None
    assert config["api_url"] == "http://localhost:8000", "Reflex's default: the page's own host"


def test_feeds_carry_20_posts_unless_blog_feed_posts_says_otherwise(monkeypatch):
    monkeypatch.delenv("BLOG_FEED_POSTS", raising=False)
    assert settings.feed_posts() == 20
    monkeypatch.setenv("BLOG_FEED_POSTS", " 5 ")
    assert settings.feed_posts() == 5


@pytest.mark.parametrize("value", ["0", "-3", "ten", "2.5"])
def test_a_feed_size_that_is_not_a_count_of_posts_is_refused_by_name(monkeypatch, value):
    monkeypatch.setenv("BLOG_FEED_POSTS", value)
    with pytest.raises(ValueError, match="BLOG_FEED_POSTS"):
        settings.feed_posts()
