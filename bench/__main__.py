"""``python -m bench [--quick] [--only NAME,...] [--write docs/benchmarks.md]``: run the benchmarks."""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import pathlib
import platform
import sys
import time

from bench import prod_site
from bench.table import Table, summary

# name -> "module:function"; each function takes the sizes and returns a Table or a list of them.
# Imported when chosen, so one benchmark runs without the others' imports (browser, websocket).
# Memory comes before serve and browser: the production servers they share are then still fresh.
BENCHMARKS = {
    "build": "bench.bench_build:bench_build",
    "ingest": "bench.bench_ingest:bench_ingest",
    "memory": "bench.bench_memory:bench_memory",
    "serve": "bench.bench_serve:bench_serve",
    "browser": "bench.bench_browser:bench_browser",
    "lighthouse": "bench.bench_lighthouse:bench_lighthouse",
    "interaction": "bench.bench_interaction:bench_interaction",
    "explorer": "bench.bench_explorer:bench_explorer",
    "search": "bench.bench_search:bench_search",
    "watch": "bench.bench_watch:bench_watch",
    "load": "bench.ws_load:bench_load",
    "hostile": "bench.hostile:bench_hostile",
}
RERUN_NOTE = (
    "The machine is shared: compare the ratios within a table (both sides ran minutes apart in the same run), "
    "not absolute times across runs. Re-run on a quiet machine with the command above to refresh every figure."
)


def machine() -> str:
    """CPU count, model and memory, for the record."""
    cpuinfo = pathlib.Path("/proc/cpuinfo").read_text().splitlines()
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), "?")
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({model}), {memory:.0f} GiB, Python {platform.python_version()}"


def run(name: str, sizes: list[int]) -> list[Table]:
    """Run one benchmark by name; a benchmark whose module this checkout lacks is reported, not fatal."""
    module_name, function = BENCHMARKS[name].split(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name != module_name:
            raise
        return [Table(f"{name}: not in this checkout ({module_name})", ["-"])]
    tables = getattr(module, function)(sizes)
    return tables if isinstance(tables, list) else [tables]


def document(header: str, tables: list[Table], load: str) -> str:
    """docs/benchmarks.md: how it was run, the targets, then every table."""
    parts = ["# Benchmarks", "", header, load, "", RERUN_NOTE, "", summary(tables).markdown()]
    return "\n".join(parts + [table.markdown() for table in tables])


def main() -> None:
    """Run the chosen benchmarks and print (and optionally write) their tables."""
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true", help="small sizes only: a smoke run for CI")
    parser.add_argument("--only", default=",".join(BENCHMARKS), help="comma-separated: " + ", ".join(BENCHMARKS))
    parser.add_argument("--write", type=pathlib.Path, help="also write the results as Markdown to this file")
    args = parser.parse_args()
    sizes = [10, 100] if args.quick else [10, 100, 1000]
    command = " ".join(["scripts/bench", *sys.argv[1:]])
    header = f"Run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {machine()}  \nCommand: `{command}`  "
    load_before = os.getloadavg()[0]
    print(header + "\n", flush=True)
    started = time.perf_counter()
    tables = []
    try:
        for name in args.only.split(","):
            for table in run(name, sizes):
                print(table.markdown(), flush=True)
                tables.append(table)
    finally:
        prod_site.close_all()
    minutes = (time.perf_counter() - started) / 60
    load = f"Took {minutes:.1f} min; load average before the run {load_before:.1f}, after {os.getloadavg()[0]:.1f}."
    print(summary(tables).markdown() + "\n" + load)
    if args.write:
        args.write.write_text(document(header, tables, load))


if __name__ == "__main__":
    main()
