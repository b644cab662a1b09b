"""Build cost as content grows: `reflex export` of this app beside the one-page-per-post peer app."""

from __future__ import annotations

import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

from bench.table import Table, megabytes, ratio, seconds
from blog_app.core import settings
from harness.synthetic_posts import write_posts

BENCH_DIR = pathlib.Path(__file__).resolve().parent
TARGET_GROWTH = 1.3


def export(app_dir: pathlib.Path, web_dir: pathlib.Path, repeat: int = 1, **env: str) -> tuple[float, int, int]:
    """Run ``reflex export --frontend-only``; return the median seconds, output bytes and output files."""
    command = [
        str(pathlib.Path(sys.executable).with_name("reflex")),
        "export",
        "--frontend-only",
        "--no-zip",
        "--loglevel",
        "warning",
    ]
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(
            command,
            cwd=app_dir,
            env={**os.environ, "REFLEX_WEB_WORKDIR": str(web_dir), **env},
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - started)
    elapsed = statistics.median(times)
    files = [path for path in (web_dir / "build" / "client").rglob("*") if path.is_file()]
    return elapsed, sum(path.stat().st_size for path in files), len(files)


def bench_build(sizes: list[int]) -> Table:
    """Export both apps for every size (the first export of each warms its package install)."""
    table = Table(
        "Build: `reflex export --frontend-only` with N posts",
        ["posts", "this app", "vs itself at 10", "output", "peer (page per post)", "peer output", "peer / this app"],
    )
    ours_web = settings.PROJECT_ROOT / ".web-bench"
    peer_dir = BENCH_DIR / "peer_app"
    peer_web = peer_dir / ".web-bench"
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        warm_content = write_posts(pathlib.Path(tmp) / "warm", 1)
        export(settings.PROJECT_ROOT, ours_web, BLOG_CONTENT_DIR=str(warm_content))
        export(peer_dir, peer_web, PEER_CONTENT_DIR=str(warm_content))
        for size in sizes:
            content = write_posts(pathlib.Path(tmp) / f"content-{size}", size)
            ours = export(settings.PROJECT_ROOT, ours_web, repeat=3, BLOG_CONTENT_DIR=str(content))
            # One peer export per size: it is the comparison, and its 1,000-post build alone takes minutes.
            peer = export(peer_dir, peer_web, PEER_CONTENT_DIR=str(content))
            results[size] = ours
            table.add(
                size,
                seconds(ours[0]),
                ratio(ours[0], results[min(results)][0]),
                f"{megabytes(ours[1])} ({ours[2]} files)",
                seconds(peer[0]),
                f"{megabytes(peer[1])} ({peer[2]} files)",
                ratio(peer[0], ours[0]),
            )
    smallest, largest = min(results), max(results)
    growth = results[largest][0] / results[smallest][0]
    verdict = table.target(
        f"Build: this app at {largest} posts vs {smallest} posts",
        f"<= {TARGET_GROWTH}x",
        f"{growth:.2f}x",
        growth <= TARGET_GROWTH,
        f"{growth / TARGET_GROWTH:.2f}x the bound",
    )
    table.notes += [
        f"This app at {largest} posts took {growth:.2f}x its time at {smallest} posts (target: within {TARGET_GROWTH}x, "
        f"{verdict}): posts live in the database, so the build does not grow with them.",
        "Each app's package install is warmed by one export before the timed runs; times are the median of 3 runs "
        "for this app, one run for the peer.",
    ]
    return table
