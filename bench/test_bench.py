"""The benchmark tables render as Markdown, and the targets collect into one summary (no timings here)."""

from __future__ import annotations

from bench.__main__ import BENCHMARKS, document, run
from bench.table import Table, summary


def test_a_table_renders_its_rows_notes_and_target_verdicts():
    table = Table("Serving", ["request", "requests/s"])
    verdict = table.target("post page vs static", ">= 0.5x", "0.42x", False, "0.84x the bound")
    table.add("`/blog/<slug>`", "1,234")
    table.notes.append(f"Target {verdict}.")
    assert table.markdown().splitlines() == [
        "### Serving",
        "",
        "| request | requests/s |",
        "|---|---|",
        "| `/blog/<slug>` | 1,234 |",
        "",
        "- Target **missed**.",
    ]
    met = Table("Build", ["posts"])
    met.target("build at 1,000 vs 10", "<= 1.3x", "1.05x", True, "0.81x the bound")
    rows = summary([table, met]).markdown().splitlines()[4:]
    assert rows == [
        "| post page vs static | >= 0.5x | 0.42x | **missed** | 0.84x the bound |",
        "| build at 1,000 vs 10 | <= 1.3x | 1.05x | met | 0.81x the bound |",
    ]
    written = document("Run today", [table, met], "Took 1 min.")
    assert written.startswith("# Benchmarks\n") and written.index("### Targets") < written.index("### Serving")


def test_every_benchmark_is_named_once_and_a_missing_one_is_reported_not_fatal(monkeypatch):
    assert list(BENCHMARKS)[:5] == ["build", "ingest", "memory", "serve", "browser"]
    assert "interaction" in BENCHMARKS
    monkeypatch.setitem(BENCHMARKS, "absent", "bench.no_such_benchmark:run")
    (table,) = run("absent", [10])
    assert "not in this checkout" in table.title
