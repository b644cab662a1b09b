"""The machine's PostgreSQL and Redis for tests: a throwaway database per use, keys cleaned up.

``TEST_POSTGRES_URL`` (default ``postgresql://postgres@127.0.0.1:5432/postgres``) names a role that
may create databases; ``TEST_REDIS_URL`` (default database 14 on 127.0.0.1:6379) the Redis to use.
Runs never collide: every database has a unique name, and every key the app processes write for
a test holds that test's random tab token; the tests drop the databases and delete the keys.
"""

from __future__ import annotations

import contextlib
import os
import time
import uuid
from collections.abc import Iterable, Iterator

import psycopg
import redis
import sqlalchemy as sa
from psycopg import sql

from harness.availability import require

ADMIN_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/14")


def _shown(url: str) -> str:
    return sa.make_url(url).render_as_string(hide_password=True)


def require_postgres() -> None:
    """Skip (or fail) unless PostgreSQL answers at ``ADMIN_URL``."""
    try:
        with psycopg.connect(ADMIN_URL, connect_timeout=5) as connection:
            connection.execute("SELECT 1")
    except psycopg.Error as error:
        require(False, f"PostgreSQL is not reachable at {_shown(ADMIN_URL)} (set TEST_POSTGRES_URL): {error}")


def require_redis() -> None:
    """Skip (or fail) unless Redis answers at ``REDIS_URL``."""
    try:
        with redis.Redis.from_url(REDIS_URL, socket_connect_timeout=5) as client:
            client.ping()
    except redis.RedisError as error:
        require(False, f"Redis is not reachable at {_shown(REDIS_URL)} (set TEST_REDIS_URL): {error}")


@contextlib.contextmanager
def throwaway_database(label: str) -> Iterator[str]:
    """Create an empty PostgreSQL database, yield its ``postgresql://`` URL, then drop it.

    Args:
        label: A short word for the database name (``blog_test_<label>_<random>``).
    """
    require_postgres()
    name = f"blog_test_{label}_{uuid.uuid4().hex[:10]}"
    create_database(name)
    try:
        yield sa.make_url(ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        drop_database(name)


def drop_database(name: str) -> None:
    """Drop ``name`` if it exists, closing any connection still open to it."""
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def create_database(name: str) -> None:
    """Create the empty database ``name``."""
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def delete_redis_keys(fragments: Iterable[str]) -> int:
    """Delete every key in ``REDIS_URL`` that contains one of ``fragments``; return how many."""
    deleted = 0
    with redis.Redis.from_url(REDIS_URL) as client:
        for fragment in fragments:
            keys = list(client.scan_iter(match=f"*{fragment}*", count=1000))
            deleted += client.delete(*keys) if keys else 0
    return deleted


def wait_until_tab_released(token: str, timeout: float = 30) -> None:
    """Wait until no app process holds a live connection for ``token``.

    Reflex records each connected tab under ``token_manager_socket_record_<token>`` and removes
    it when the connection closes; a process that still finds it treats a new connection with the
    token as a duplicated tab and hands out a new token (with fresh state).
    """
    key = f"token_manager_socket_record_{token}"
    deadline = time.monotonic() + timeout
    with redis.Redis.from_url(REDIS_URL) as client:
        while client.exists(key):
            if time.monotonic() > deadline:
                raise AssertionError(f"the app still holds a connection for tab {token} after {timeout} s")
            time.sleep(0.05)
