"""A newcomer's checkout: a fresh ``git clone`` of this project, and its commands run as the README writes them.

The clone gets what a newcomer's setup command (``scripts/run`` or ``scripts/test``) would have
built, ``.venv/`` and ``.tools/``, as links to this checkout's (building them again would take
minutes and prove nothing new); nothing else that git ignores: no database, build or state.
"""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess

from blog_app.core import settings
from harness.app_process import AppProcess, app_environment

BUILT_TOOLS = (".venv", ".tools")


def fresh_clone(target: pathlib.Path) -> pathlib.Path:
    """``git clone`` this checkout into ``target``, with ``.venv`` and ``.tools`` linked to this checkout's.

    Changes not committed yet (edited or new files that git does not ignore) are copied over,
    so the clone is what committing everything would give: a run before a commit tests the
    working tree, and in CI (a clean clone) the clone is exactly the commit.
    """
    subprocess.run(["git", "clone", "--quiet", str(settings.PROJECT_ROOT), str(target)], check=True)
    listing = subprocess.run(
        ["git", "ls-files", "-z", "--modified", "--others", "--exclude-standard"],
        cwd=settings.PROJECT_ROOT,
        capture_output=True,
        check=True,
    )
    for name in filter(None, listing.stdout.decode().split("\0")):
        source, copy = settings.PROJECT_ROOT / name, target / name
        if source.is_file():
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy)
        else:  # deleted in the working tree
            copy.unlink(missing_ok=True)
    for tool in BUILT_TOOLS:
        (target / tool).symlink_to((settings.PROJECT_ROOT / tool).resolve(), target_is_directory=True)
    return target


def activated_environment(clone: pathlib.Path, **variables: str) -> dict[str, str]:
    """The environment after ``source .venv/bin/activate`` in ``clone``, plus ``variables``.

    Nothing of this checkout's setup leaks in: its ``.venv`` and ``.tools`` leave ``PATH``
    (``rxconfig.py`` must find the local bun and Node by itself) and Reflex's variables go.
    Only the check for a newer Reflex release stays off, so tests make no call outside.
    """
    own_tools = tuple(str((settings.PROJECT_ROOT / tool).resolve()) for tool in BUILT_TOOLS)
    env = {
        key: value
        for key, value in app_environment().items()
        if not key.startswith(("REFLEX_", "GRANIAN_")) and key != "VIRTUAL_ENV"
    }
    path = [
        entry for entry in env.get("PATH", "").split(os.pathsep) if not os.path.realpath(entry).startswith(own_tools)
    ]
    env["PATH"] = os.pathsep.join([str(clone / ".venv" / "bin"), *path])
    env |= {"VIRTUAL_ENV": str(clone / ".venv"), "REFLEX_CHECK_LATEST_VERSION": "0"}
    return env | variables


def run(
    command: list[str], clone: pathlib.Path, env: dict[str, str], timeout: float = 300
) -> subprocess.CompletedProcess:
    """Run ``command`` in ``clone`` to completion; its output (stdout and stderr together) as text."""
    return subprocess.run(
        command, cwd=clone, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=timeout
    )


def serve(
    command: list[str], clone: pathlib.Path, env: dict[str, str], port: int, log_path: pathlib.Path
) -> AppProcess:
    """Start ``command`` (a server answering ``/_health`` on ``port``) in its own process group; not waited for."""
    with open(log_path, "wb") as log:
        popen = subprocess.Popen(
            command, cwd=clone, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    return AppProcess(port, log_path, popen)
