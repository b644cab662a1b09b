"""Where a SQLite database may live: the default folder is made, any other must exist and be writable."""

from __future__ import annotations

import pytest

from blog_app.core import settings
from blog_app.core.database_file import DatabaseLocationError, prepare_location, sqlite_file
from tests.support.folders import unwritable_folder


@pytest.fixture
def default_path(tmp_path, monkeypatch):
    """The default database path, moved into a temporary project."""
    path = tmp_path / "project" / ".data" / "blog.db"
    monkeypatch.setattr(settings, "DEFAULT_SQLITE_PATH", path)
    return path


def test_the_default_folder_is_created_and_the_new_file_reported(default_path):
    assert not default_path.parent.exists()
    assert prepare_location(f"sqlite:///{default_path}") is True
    assert default_path.parent.is_dir() and not default_path.exists()
    default_path.write_bytes(b"")
    assert prepare_location(f"sqlite:///{default_path}") is False


def test_a_missing_folder_elsewhere_is_refused_in_one_line_naming_it(default_path, tmp_path):
    path = tmp_path / "srv" / "blog" / "blog.db"
    with pytest.raises(DatabaseLocationError) as raised:
        prepare_location(f"sqlite:///{path}")
    message = str(raised.value)
    assert "\n" not in message
    assert str(path) in message and f"mkdir -p {path.parent}" in message
    assert not path.parent.exists(), "a typo in DATABASE_URL must not create folders"


def test_an_unwritable_folder_is_refused(tmp_path):
    folder = unwritable_folder(tmp_path)
    with pytest.raises(DatabaseLocationError, match="cannot write there") as raised:
        prepare_location(f"sqlite:///{folder / 'blog.db'}")
    assert str(folder / "blog.db") in str(raised.value)


def test_an_existing_writable_file_passes(tmp_path):
    path = tmp_path / "blog.db"
    path.write_bytes(b"")
    assert prepare_location(f"sqlite:///{path}") is False


@pytest.mark.parametrize(
    "url", ["postgresql+psycopg://u@db.invalid/blog", "sqlite://", "sqlite:///:memory:", "redis://x"]
)
def test_other_databases_pass_unchecked(url):
    assert sqlite_file(url) is None
    assert prepare_location(url) is False


def test_a_relative_sqlite_path_is_taken_from_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert sqlite_file("sqlite:///data/blog.db?timeout=5") == tmp_path / "data" / "blog.db"
