"""Folders with properties a test needs from the machine."""

from __future__ import annotations

import os
import pathlib


def unwritable_folder(tmp_path: pathlib.Path) -> pathlib.Path:
    """An existing folder in which this user cannot create a file.

    A folder without write permission, except for root, whom permissions do not stop: then
    /sys, where the kernel refuses new files to everyone.
    """
    if os.geteuid() == 0:
        return pathlib.Path("/sys")
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    return folder
