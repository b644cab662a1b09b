"""``python -m blog_app check`` as CI and a pre-commit hook run it: a whole process, on the shipped posts and many."""

from __future__ import annotations

import math
import pathlib
import re
import subprocess
import sys
import time

from bench.table import Table, ratio, seconds
from blog_app.core import settings

TARGET_SMALL = 0.5  # seconds for content/ (two posts)
TARGET_LARGE = 5.0  # seconds for 1,000 posts
HEAVY = ("reflex", "sqlalchemy", "sqlmodel")  # what a check should not need
CHECK_MODULE = "blog_app.publishing.check"  # what `python -m blog_app check` imports to run


def best_wall_seconds(command: list[str], runs: int, must_succeed: bool = False) -> float:
    """The least wall time of ``runs`` runs of ``command`` from the project folder.

    A check's exit status says whether the posts have problems, not whether it ran: it is judged
    only when ``must_succeed``.
    """
    best = math.inf
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, cwd=settings.PROJECT_ROOT, capture_output=True, check=must_succeed)
        best = min(best, time.perf_counter() - started)
    return best


def heavy_imports(content: pathlib.Path) -> str:
    """The packages of ``HEAVY`` a check imports and what they cost (``-X importtime``), or "none"."""
    command = [sys.executable, "-X", "importtime", "-m", "blog_app", "check", "--content", str(content)]
    log = subprocess.run(command, cwd=settings.PROJECT_ROOT, capture_output=True, text=True, check=False).stderr
    costs = {}
    for match in re.finditer(r"^import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)$", log, re.MULTILINE):
        name = match.group(3)
        if name in HEAVY:
            costs.setdefault(name, int(match.group(1)) / 1e6)
    return ", ".join(f"{name} {cost:.2f} s" for name, cost in costs.items()) or "none"


def bench_check(sizes: list[int], synthetic: pathlib.Path) -> Table:
    """Time ``check`` on content/ and on the largest synthetic folder, beside the interpreter and the imports alone."""
    table = Table(
        "check as a process (wall time)",
        ["what", "posts", "time", "of which imports", "heavy imports (cumulative)", "targets"],
    )
    python = [sys.executable]
    start = best_wall_seconds([*python, "-c", "pass"], 3, must_succeed=True)
    imports = best_wall_seconds([*python, "-c", f"import {CHECK_MODULE}"], 3, must_succeed=True)
    table.add("the interpreter starting (floor)", "-", seconds(start), "-", "-", "-")
    folders = [("content/", settings.PROJECT_ROOT / "content", 2, TARGET_SMALL)]
    largest = max(sizes)
    folders.append((f"{largest:,} synthetic posts", synthetic, largest, TARGET_LARGE if largest == 1000 else None))
    for label, folder, posts, bound in folders:
        took = best_wall_seconds(
            [*python, "-m", "blog_app", "check", "--content", str(folder)], 3 if posts < 100 else 1
        )
        verdict = "-"
        if bound is not None:
            verdict = table.target(
                f"check: {label}", f"< {bound} s", seconds(took), took < bound, ratio(took, bound) + " the bound"
            )
        table.add(f"check {label}", posts, seconds(took), seconds(imports), heavy_imports(folder), verdict)
    table.notes += [
        f"of which imports = a process that only imports `{CHECK_MODULE}` (what every check pays before reading a file).",
        "heavy imports: packages a check does not need (database, UI) that it still imports, with their "
        "cumulative import time (today through blog_app.core.visibility, whose SQL condition needs them).",
    ]
    return table
