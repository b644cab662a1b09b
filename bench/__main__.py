"""``python -m bench [--quick] [--only NAME,...] [--write docs/benchmarks.md]``: run the benchmarks."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import pathlib
import platform
import sys

from bench.bench_build import bench_build
from bench.bench_explorer import bench_explorer
from bench.bench_ingest import bench_ingest
from bench.bench_interaction import bench_interaction
from bench.bench_watch import bench_watch
from bench.ws_load import bench_load

BENCHMARKS = {"build": bench_build, "ingest": bench_ingest, "explorer": bench_explorer, "watch": bench_watch}
BENCHMARKS |= {"interaction": bench_interaction, "load": bench_load}


def machine() -> str:
    """CPU count, model and memory, for the record."""
    cpuinfo = pathlib.Path("/proc/cpuinfo").read_text().splitlines()
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), "?")
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({model}), {memory:.0f} GiB, Python {platform.python_version()}"


def main() -> None:
    """Run the chosen benchmarks and print (and optionally write) their tables."""
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true", help="small sizes only: a smoke run for CI")
    parser.add_argument("--only", default=",".join(BENCHMARKS), help="comma-separated: " + ", ".join(BENCHMARKS))
    parser.add_argument("--write", type=pathlib.Path, help="also write the results as Markdown to this file")
    args = parser.parse_args()
    sizes = [10, 100] if args.quick else [10, 100, 1000]
    header = f"Run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {machine()}\nCommand: `scripts/bench {' '.join(sys.argv[1:])}`\n"
    print(header)
    sections = [header]
    for name in args.only.split(","):
        table = BENCHMARKS[name](sizes)
        print(table.markdown(), flush=True)
        sections.append(table.markdown())
    if args.write:
        args.write.write_text("\n".join(sections))


if __name__ == "__main__":
    main()
