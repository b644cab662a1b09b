"""One ingest measurement in a fresh process (so peak memory is this step's own).

``python -m bench.ingest_worker MODE CONTENT_DIR DATABASE_URL`` prints one JSON line: wall
seconds, CPU seconds (this process, and the parse workers it started), peak RSS.
"""

from __future__ import annotations

import json
import os
import pathlib
import resource
import sys
import time

import sqlalchemy as sa

from blog_app.content import content_hash, parse_post
from blog_app.core import database
from blog_app.publishing.ingest import ingest
from blog_app.publishing.startup import prepare_database


def measure(mode: str, content: pathlib.Path, url: str) -> dict[str, float]:
    """Run ``mode`` once: its wall time, and the CPU time of this process and of the workers it started."""
    files = sorted(content.glob("*.md"))
    engine = sa.create_engine(url)
    if mode == "cold":
        database.upgrade_schema(engine)
    if mode == "changed":
        files[len(files) // 2].write_text(files[len(files) // 2].read_text() + "\nOne more line.\n")
    started, times = time.perf_counter(), os.times()
    if mode in ("cold", "changed"):
        report = ingest(engine, content)
        assert not report.failed, report.summary()
    elif mode == "warm":
        with open("/dev/null", "w") as quiet:
            prepare_database(engine, content, stream=quiet)
    elif mode == "hash":
        for path in files:
            content_hash(path.read_bytes())
    elif mode == "parse":
        for path in files:
            parse_post(str(path), path.read_bytes())
    elif mode != "imports":
        raise SystemExit(f"unknown mode {mode}")
    wall, ended = time.perf_counter() - started, os.times()
    return {
        "seconds": wall,
        "cpu": ended.user - times.user + ended.system - times.system,
        "workers_cpu": ended.children_user - times.children_user + ended.children_system - times.children_system,
    }


def main() -> None:
    """Measure and print ``{"seconds": ..., "cpu": ..., "workers_cpu": ..., "max_rss_mb": ...}``."""
    mode, content, url = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3]
    measured = measure(mode, content, url)
    max_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(measured | {"max_rss_mb": max_rss_mb}))


if __name__ == "__main__":
    main()
