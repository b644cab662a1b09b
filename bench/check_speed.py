"""``python -m blog_app check`` as CI and a pre-commit hook run it: a whole process, on the shipped posts and many."""

from __future__ import annotations

import math
import pathlib
import re
import resource
import subprocess
import sys
import time

from bench.table import Table, seconds
from blog_app.core import settings

TARGET_SMALL = 0.5  # seconds for content/ (two posts)
TARGET_LARGE = 5.0  # seconds for 1,000 posts
HEAVY = ("reflex", "sqlalchemy", "sqlmodel")  # what a check should not need
CHECK_MODULE = "blog_app.publishing.check"  # what `python -m blog_app check` imports to run


def best_seconds(command: list[str], runs: int, must_succeed: bool = False) -> tuple[float, float]:
    """The least wall time and the least CPU time (the process and its workers) of ``runs`` runs of ``command``.

    Run from the project folder. A check's exit status says whether the posts have problems,
    not whether it ran: it is judged only when ``must_succeed``.
    """
    wall = cpu = math.inf
    for _ in range(runs):
        started, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(command, cwd=settings.PROJECT_ROOT, capture_output=True, check=must_succeed)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall = min(wall, time.perf_counter() - started)
        cpu = min(cpu, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall, cpu


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
        "check as a process",
        ["what", "posts", "wall time", "CPU time", "of which imports", "heavy imports (cumulative)", "targets"],
    )
    python = [sys.executable]
    start = best_seconds([*python, "-c", "pass"], 3, must_succeed=True)
    imports = best_seconds([*python, "-c", f"import {CHECK_MODULE}"], 3, must_succeed=True)
    table.add("the interpreter starting (floor)", "-", seconds(start[0]), seconds(start[1]), "-", "-", "-")
    folders = [("content/", settings.PROJECT_ROOT / "content", 2, TARGET_SMALL)]
    largest = max(sizes)
    folders.append((f"{largest:,} synthetic posts", synthetic, largest, TARGET_LARGE if largest == 1000 else None))
    for label, folder, posts, bound in folders:
        command = [*python, "-m", "blog_app", "check", "--content", str(folder)]
        wall, cpu = best_seconds(command, 3 if posts < 100 else 2)
        verdict = "-" if bound is None else _verdicts(table, label, bound, wall, cpu, cores=1 if posts < 64 else 2)
        table.add(
            f"check {label}", posts, seconds(wall), seconds(cpu), seconds(imports[0]), heavy_imports(folder), verdict
        )
    table.notes += [
        f"of which imports = the wall time of a process that only imports `{CHECK_MODULE}` (what every check pays "
        "before reading a file).",
        "CPU time = the check process and its parse workers (from 64 posts, one per core), the least of the runs: the "
        "machine is shared, and CPU time carries other work's load far less than wall time. Over the cores the check "
        "uses, it is the wall time an idle machine would at best give.",
        "heavy imports: packages a check does not need (database, UI) that it still imports, with their "
        "cumulative import time (none: the SQL visibility condition lives apart, in core/visibility_sql.py).",
    ]
    return table


def _verdicts(table: Table, label: str, bound: float, wall: float, cpu: float, cores: int) -> str:
    """Record the wall time target and its CPU time estimate; both verdicts for the row."""
    by_wall = table.under(f"check: {label}", wall, bound)
    by_cpu = table.under(f"check: {label}, in CPU time over {cores} core{'s' * (cores > 1)}", cpu / cores, bound)
    return f"{by_wall} (CPU: {by_cpu})"
