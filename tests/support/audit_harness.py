"""Run a Python module or script under an audit hook that records what post content could make it do.

``python tests/integration/audit_harness.py EVENTS.json -m blog_app ingest --content DIR`` (or
``... EVENTS.json SCRIPT.py``) runs the program as ``python -m`` / ``python SCRIPT`` would, and
writes the audit events that would mean a post's code ran: a process started, a command run, a
marker file opened for writing, or a code object built from a post executed. Parsing a post's code
with ``ast`` raises a ``compile`` event too; that is reading, not running, so it is not recorded.
"""

from __future__ import annotations

import json
import os
import runpy
import sys
import types

# Every marker a hostile block would leave starts with this, and no program code mentions it.
MARKER = "pwned"
PROCESS_EVENTS = ("os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "subprocess.Popen", "pty.spawn")
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


def _mentions_marker(code: types.CodeType) -> bool:
    """Whether a code object (or one nested in it) carries the marker among its constants or names."""
    for constant in code.co_consts:
        if isinstance(constant, str) and MARKER in constant:
            return True
        if isinstance(constant, types.CodeType) and _mentions_marker(constant):
            return True
    return any(MARKER in name for name in code.co_names)


def _is_write(mode: object, flags: object) -> bool:
    if isinstance(mode, str):
        return any(letter in mode for letter in "wax+")
    return isinstance(flags, int) and bool(flags & WRITE_FLAGS)


def forbidden(event: str, args: tuple) -> str | None:
    """A description of the event if post content caused it (or could have), else None."""
    if event.startswith(PROCESS_EVENTS):
        return f"{event} {args!r}"[:300]
    if event == "open" and MARKER in str(args[0]) and _is_write(args[1], args[2]):
        return f"open for writing {args[0]!r}"
    if event == "exec" and isinstance(args[0], types.CodeType) and _mentions_marker(args[0]):
        return f"exec of code from {args[0].co_filename!r}"
    return None


def main() -> None:
    """Install the hook, run the program, write the recorded events whatever its exit."""
    out_path, target = sys.argv[1], sys.argv[2:]
    events: list[str] = []

    def hook(event: str, args: tuple) -> None:
        found = forbidden(event, args)
        if found:
            events.append(found)

    sys.addaudithook(hook)
    try:
        if target[0] == "-m":
            sys.argv = [target[1], *target[2:]]
            runpy.run_module(target[1], run_name="__main__", alter_sys=True)
        else:
            sys.argv = target
            runpy.run_path(target[0], run_name="__main__")
    finally:
        recorded = list(events)  # writing the report is not part of what the program did
        with open(out_path, "w", encoding="utf-8") as report:
            json.dump(recorded, report, indent=1)


if __name__ == "__main__":
    main()
