"""HTTP load from a separate process: ``wrk`` (Debian's package) with a Lua script rotating the paths.

wrk reports requests, duration and latency percentiles through the script's ``done`` hook as one
JSON line, so nothing is parsed from its human-readable output.
"""

from __future__ import annotations

import dataclasses
import json
import os
import pathlib
import shutil
import subprocess
import tempfile

CONCURRENCY = 16
# One load thread: the server under test gets the machine's other core.
THREADS = 1
ROTATE_LUA = """
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do paths[#paths + 1] = line end
local next_path = 0
request = function()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "seconds": %.6f, "p50_ms": %.3f, "p99_ms": %.3f, "errors": %d, "non_2xx": %d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout, e.status))
end
"""


@dataclasses.dataclass
class Load:
    """What one load run measured."""

    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int
    non_2xx: int

    @property
    def per_second(self) -> float:
        """Completed requests per second."""
        return self.requests / self.seconds


def wrk_path() -> str:
    """The wrk binary (``scripts/bench`` installs Debian's ``wrk`` when it is missing)."""
    found = shutil.which("wrk")
    if found is None:
        raise SystemExit("wrk is not installed: run the benchmarks through scripts/bench, which installs it")
    return found


def load(base_url: str, paths: list[str], duration: float, concurrency: int = CONCURRENCY) -> Load:
    """GET ``paths`` in turn from ``base_url`` with ``concurrency`` connections for ``duration`` seconds."""
    with tempfile.TemporaryDirectory(prefix="bench-wrk-") as tmp:
        script, listing = pathlib.Path(tmp) / "rotate.lua", pathlib.Path(tmp) / "paths.txt"
        script.write_text(ROTATE_LUA)
        listing.write_text("\n".join(paths) + "\n")
        command = [wrk_path(), f"-t{THREADS}", f"-c{concurrency}", f"-d{duration:g}s", "--timeout", "10s"]
        output = subprocess.run(
            [*command, "-s", str(script), base_url],
            env={**os.environ, "BENCH_PATHS": str(listing)},
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    return Load(**json.loads(line.removeprefix("BENCH ")))
