"""The hostile ``python exec`` / ``python eval`` blocks never run: a real ingest process under an audit hook.

The blocks in tests/fixtures/bad-content/hostile-*.md would each start a process, run a shell
command or write a ``pwned-*`` marker file into the working folder. The ingest runs as
``python -m blog_app ingest`` in that folder under ``audit_harness.py``, which records every
process start, marker write and execution of post code. A control run executes the same blocks
on purpose under the same hook, to show the hook and the markers do catch code that runs.
"""

from __future__ import annotations

import json
import os
import pathlib
import shutil
import subprocess
import sys
import textwrap

from blog_app.core import settings
from tests.support.fixture_posts import BAD_CONTENT

HARNESS = pathlib.Path(__file__).resolve().parent.parent / "support" / "audit_harness.py"
HOSTILE_FILES = ["hostile-exec.md", "hostile-eval.md", "refused-exec.md"]
# Runs every directive block of the hostile files, as a careless renderer would.
CARELESS_RENDERER = textwrap.dedent(
    """
    import pathlib, re, sys
    for path in sys.argv[1:]:
        text = pathlib.Path(path).read_text()
        for mode, source in re.findall(r"```python (exec|eval)\\n(.*?)```", text, re.S):
            try:
                (exec if mode == "exec" else eval)(source, {})
            except Exception:
                pass
    """
)


def run_audited(cwd: pathlib.Path, *target: str) -> tuple[subprocess.CompletedProcess, list[str]]:
    """Run ``target`` under the audit hook in ``cwd``; the process and the forbidden events it caused."""
    events_path = cwd.parent / f"{cwd.name}-events.json"
    env = {key: value for key, value in os.environ.items() if key not in ("BLOG_CONTENT_DIR", "DATABASE_URL")}
    env |= {"DATABASE_URL": f"sqlite:///{cwd.parent / 'blog.db'}", "PYTHONPATH": str(settings.PROJECT_ROOT)}
    result = subprocess.run(
        [sys.executable, str(HARNESS), str(events_path), *target],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    return result, json.loads(events_path.read_text())


def hostile_folder(tmp_path: pathlib.Path) -> pathlib.Path:
    """A working folder whose content/ holds the hostile posts (and nothing that starts with the marker)."""
    work = tmp_path / "work"
    (work / "content").mkdir(parents=True)
    for name in HOSTILE_FILES:
        shutil.copy(BAD_CONTENT / name, work / "content" / name)
    return work


def markers(folder: pathlib.Path) -> list[str]:
    return sorted(path.name for path in folder.rglob("pwned*"))


def test_ingesting_hostile_posts_runs_none_of_their_code(tmp_path):
    work = hostile_folder(tmp_path)
    result, events = run_audited(work, "-m", "blog_app", "ingest", "--content", "content")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 loaded" in result.stderr + result.stdout
    assert events == []
    assert markers(work) == []


def test_the_hook_catches_the_same_blocks_when_something_does_run_them(tmp_path):
    work = hostile_folder(tmp_path)
    script = tmp_path / "careless_renderer.py"
    script.write_text(CARELESS_RENDERER, encoding="utf-8")
    files = [f"content/{name}" for name in HOSTILE_FILES]
    result, events = run_audited(work, str(script), *files)
    assert result.returncode == 0, result.stderr
    assert any(event.startswith("os.system") for event in events), events
    assert any(event.startswith("subprocess.Popen") for event in events), events
    assert any(event.startswith("open for writing") for event in events), events
    assert any(event.startswith("exec of code") for event in events), events
    assert {"pwned-system", "pwned-subprocess", "pwned-open", "pwned-exec", "pwned-eval-open"} <= set(markers(work))
