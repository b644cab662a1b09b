"""Ingest cost as content grows: cold, warm restart, one file changed; beside reading and parsing alone."""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys
import tempfile

from bench.check_speed import bench_check
from bench.parse_speed import bench_parse
from bench.profile_parse import parse_time_by_module
from bench.table import Table, ratio, seconds
from harness.synthetic_posts import write_posts

TARGET_COLD_1000 = 5.0
TARGET_WARM = 0.5
TARGET_COLD_VS_PARSE = 0.6  # both cores: cold ingest against parsing the same files in one process


def run_worker(mode: str, content: pathlib.Path, url: str) -> dict:
    """Run one measurement in a fresh interpreter and return its JSON result."""
    output = subprocess.run(
        [sys.executable, "-m", "bench.ingest_worker", mode, str(content), url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def verdicts(table: Table, size: int, cold: float, warm: float, parse: float) -> str:
    """The targets' verdicts at 1,000 posts (recorded for the summary); a dash for other sizes."""
    if size != 1000:
        return "-"
    share = cold / parse
    parallel_verdict = table.target(
        "Ingest: 1,000 posts cold against parsing them in one process",
        f"<= {TARGET_COLD_VS_PARSE}x",
        f"{share:.2f}x",
        share <= TARGET_COLD_VS_PARSE,
        f"{share / TARGET_COLD_VS_PARSE:.2f}x the bound",
    )
    cold_verdict = table.target(
        "Ingest: 1,000 posts cold",
        f"< {TARGET_COLD_1000:.0f} s",
        seconds(cold),
        cold < TARGET_COLD_1000,
        ratio(cold, TARGET_COLD_1000) + " the bound",
    )
    warm_verdict = table.target(
        "Ingest: warm restart, 1,000 posts",
        f"< {TARGET_WARM} s",
        seconds(warm),
        warm < TARGET_WARM,
        ratio(warm, TARGET_WARM) + " the bound",
    )
    return f"cold {cold_verdict}, cold vs parse {parallel_verdict}, warm {warm_verdict}"


def bench_ingest(sizes: list[int]) -> list[Table]:
    """Measure every mode for every size; then parsing alone, and ``check``, beside their references."""
    table = Table(
        "Ingest (synthetic posts shaped like the seed)",
        [
            "posts",
            "read+hash (floor)",
            "parse only",
            "cold ingest",
            "posts/s",
            "peak RSS (cold)",
            "warm restart",
            "one file changed",
            "targets",
        ],
    )
    with tempfile.TemporaryDirectory() as tmp:
        baseline = run_worker("imports", pathlib.Path(tmp), "sqlite://")["max_rss_mb"]
        for size in sizes:
            content = write_posts(pathlib.Path(tmp) / f"content-{size}", size)
            url = f"sqlite:///{tmp}/bench-{size}.db"
            floor = run_worker("hash", content, url)
            parse = run_worker("parse", content, url)
            cold = run_worker("cold", content, url)
            warm = run_worker("warm", content, url)
            changed = run_worker("changed", content, url)
            table.add(
                size,
                seconds(floor["seconds"]),
                seconds(parse["seconds"]),
                f"{seconds(cold['seconds'])} ({ratio(cold['seconds'], parse['seconds'])} of parse)",
                f"{size / cold['seconds']:.0f}",
                f"{cold['max_rss_mb']:.0f} MB (+{cold['max_rss_mb'] - baseline:.0f})",
                seconds(warm["seconds"]),
                seconds(changed["seconds"]),
                verdicts(table, size, cold["seconds"], warm["seconds"], parse["seconds"]),
            )
        check = bench_check(sizes, content)
    table.notes += [
        f"Targets: 1,000 posts cold in under {TARGET_COLD_1000:.0f} s and in at most {TARGET_COLD_VS_PARSE}x the "
        f"time one process parses them (both cores used, the pool's start-up included); warm restart under "
        f"{TARGET_WARM} s.",
        f"Peak RSS is the whole worker process; + is above a worker that only imports the app ({baseline:.0f} MB).",
        "Warm restart = the app's start-up path (lock, alembic upgrade check, ingest finding nothing changed).",
        "Parse only = one process; cold ingest parses in a process pool (one worker per core, from 64 files).",
    ]
    if any(not target.met for target in table.targets):
        table.notes.append(
            "Where the time goes: parsing (mistletoe) dominates cold ingest; own time while parsing, by module "
            f"(cProfile): {parse_time_by_module()}."
        )
    return [table, bench_parse(sizes), check]
