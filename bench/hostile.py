"""Readers' latency alone and while a hostile client attacks the event websocket, on the same server.

``python -m bench.hostile`` (or ``scripts/bench --only hostile``): a production backend (one
worker, SQLite), fifty readers for 20 s alone, then fifty readers for 20 s while the attacks of
``harness/hostile.py`` run (malformed frames, unknown and private events, a stolen token, 1 MB
frames, 300 sockets, a flood), with the server's memory before and after and what the guard did.
"""

from __future__ import annotations

import gc
import pathlib
import tempfile
import time

from bench.table import Table
from bench.ws_load import ms
from harness.hostile import SHIPPED_GUARD, Attack, in_background
from harness.load import new_run_id, percentiles, reader_token, run_load
from harness.readers import READER_ACTIONS, served_site
from harness.server_sampler import MemorySampler

READERS, SECONDS, THINK = 50, 20, 1.0


def bench_hostile(sizes: list[int]) -> Table:
    """The two runs side by side; ``sizes`` plays no part."""
    table = Table(
        f"Hostile client: {READERS} readers alone and under attack (one worker, SQLite)",
        ["action", "p50 alone", "p95 alone", "p50 attacked", "p95 attacked", "p95 attacked / alone"],
    )
    with (
        tempfile.TemporaryDirectory(prefix="bench-hostile-") as folder,
        served_site(pathlib.Path(folder), 100, **SHIPPED_GUARD) as site,
    ):
        run_load(site, 10, 3, READER_ACTIONS, think=0.2)  # caches filled
        memory = MemorySampler([site.app.popen.pid])
        alone = run_load(site, READERS, SECONDS, READER_ACTIONS, THINK)
        before, log_start = memory.rss(), len(site.app.log())
        run_id = new_run_id()
        attack = Attack(site.app.url, reader_token(run_id, 0))
        attacker = in_background(attack, 3)
        attacked = run_load(site, READERS, SECONDS, READER_ACTIONS, THINK, run_id=run_id)
        attacker.join(120)
        gc.collect()
        time.sleep(2)
        after, log = memory.rss(), site.app.log()[log_start:]
    for action in sorted(alone.results.latencies):
        calm, hit = percentiles(alone.results.latencies[action]), percentiles(attacked.results.latencies[action])
        table.add(action, ms(calm[0]), ms(calm[1]), ms(hit[0]), ms(hit[1]), f"{hit[1] / calm[1]:.2f}x")
    table.notes += [
        f"Failed actions: {alone.failed} alone, {attacked.failed} attacked"
        + (f" {dict(attacked.results.failures)}" if attacked.failed else "")
        + f"; server CPU {alone.server_cpu:.0%} alone, {attacked.server_cpu:.0%} attacked.",
        f"Server RSS {before / 1e6:.0f} MB before the attack, {after / 1e6:.0f} MB after it "
        f"({(after - before) / 1e6:+.1f} MB); tracebacks in the server's log: {log.count('Traceback')}.",
        "What the guard did: " + ", ".join(f"{what} {count}" for what, count in sorted(attack.outcomes.items())),
        "Both runs on one server, minutes apart; the ratio is what to compare. The machine's other work counts too.",
    ]
    return table


if __name__ == "__main__":
    print(bench_hostile([]).markdown())
