"""Where a SQLite database lives: its folder created (the default) or checked (any other) before anything opens it.

Light on purpose: ``rxconfig.py`` runs this on every ``reflex`` command, before Reflex's own
schema check opens the database, so it imports SQLAlchemy's URL parser and nothing heavier.
"""

from __future__ import annotations

import pathlib
import tempfile

from sqlalchemy.engine import make_url

from blog_app.core import settings


class DatabaseLocationError(RuntimeError):
    """The SQLite file ``DATABASE_URL`` names cannot be created or written where it is (one line, for people)."""


def sqlite_file(url: str) -> pathlib.Path | None:
    """The file a SQLite URL names (absolute), or None for another database or an in-memory one."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return pathlib.Path(parsed.database).absolute()


def prepare_location(url: str) -> bool:
    """Make sure a SQLite database can live where ``url`` says.

    The default location (``.data/`` in the project) is created when missing. Any other
    folder must exist already and be writable: a typo in ``DATABASE_URL`` should not
    quietly start an empty database somewhere else.

    Args:
        url: A database URL; anything but a SQLite file passes unchecked.

    Returns:
        True when the URL names a SQLite file that does not exist yet (its first user creates it).

    Raises:
        DatabaseLocationError: The folder is missing or not writable, with what to do.
    """
    path = sqlite_file(url)
    if path is None:
        return False
    folder = path.parent
    if path == settings.DEFAULT_SQLITE_PATH:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatabaseLocationError(
                f"cannot create {folder} for the default database ({error.strerror}): "
                "set DATABASE_URL to a SQLite file in a writable folder, or to a PostgreSQL database"
            ) from None
    if not folder.is_dir():
        raise DatabaseLocationError(
            f"DATABASE_URL names {path}, but the folder {folder} does not exist: "
            f"create it (mkdir -p {folder}) or point DATABASE_URL at a file in an existing folder"
        )
    if not _writable(path):
        raise DatabaseLocationError(
            f"DATABASE_URL names {path}, but this user cannot write there: "
            f"let it write in {folder} or point DATABASE_URL at a writable folder"
        )
    return not path.exists()


def _writable(path: pathlib.Path) -> bool:
    # Tried rather than asked: os.access says yes to root even where the kernel refuses files.
    # SQLite writes the file and, for its WAL and the start-up lock, new files beside it.
    try:
        with tempfile.TemporaryFile(dir=path.parent):
            pass
        if path.exists():
            path.open("r+b").close()
    except OSError:
        return False
    return True
