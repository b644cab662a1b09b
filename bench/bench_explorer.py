"""The frameworks explorer's work per page view as the number of frameworks grows.

Every change in the explorer navigates, and ``ExplorerState.on_load`` then reads the
frameworks from the database and rebuilds the whole view; this measures those steps.
"""

from __future__ import annotations

import dataclasses
import json
import pathlib
import random
import statistics
import tempfile
import time
from collections.abc import Callable

import sqlalchemy as sa
from sqlmodel import Session

from bench.table import Table
from blog_app.content import parse_post
from blog_app.core import database
from blog_app.explorer.params import parse_explorer_params
from blog_app.explorer.queries import list_frameworks
from blog_app.explorer.view_model import build_view
from blog_app.publishing.ingest import ingest
from harness.synthetic_posts import SEED

TRAITS = [
    f"Trait {word}"
    for word in ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu"]
]
TRAITS += [f"{a} {b}" for a in ("Fast", "Small", "Typed", "Mature", "Async") for b in ("core", "ecosystem", "tooling")]
QUERY = "pro=trait-alpha,performance&con=trait-beta,frontend&q=framework&compare=framework-1,framework-2,reflex,django"


def comparison_post(frameworks: int) -> str:
    """One post comparing ``frameworks`` frameworks, each with 3-5 pros and 2-3 cons (seeded)."""
    sections = []
    for number in range(1, frameworks + 1):
        chosen = random.Random(number).sample(TRAITS, 8)
        pros = "\n".join(f"- **{title}**: Framework {number} is good at {title.lower()}." for title in chosen[:4])
        cons = "\n".join(f"- **{title}**: Framework {number} is weak at {title.lower()}." for title in chosen[5:8])
        sections.append(
            f"## Framework {number}--a tagline\n\nFramework {number} does things.\n\n### Pros\n\n{pros}\n\n### Cons\n\n{cons}\n"
        )
    return "---\ntitle: Compared\nauthor: Bench\ndate: 2024-01-01\n---\n\n" + "\n".join(sections)


def ms(value: float) -> str:
    """A short duration in milliseconds."""
    return f"{value * 1000:.1f} ms"


def best_of(runs: int, action: Callable[[], object]) -> float:
    """The median duration of ``runs`` calls (the first, cold one, is dropped)."""
    action()
    durations = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        durations.append(time.perf_counter() - started)
    return statistics.median(durations)


def measure(folder: pathlib.Path, text: str, size: int) -> list[str]:
    """Ingest one post into a fresh SQLite file; time extraction, the read and the view."""
    content = folder / "content"
    content.mkdir(parents=True)
    (content / "compared.md").write_text(text, encoding="utf-8")
    engine = sa.create_engine(f"sqlite:///{folder / 'explorer.db'}")
    database.upgrade_schema(engine)
    ingest(engine, content)
    with Session(engine) as db:
        frameworks = list_frameworks(db)
        read = best_of(5, lambda: list_frameworks(db))
    engine.dispose()
    assert len(frameworks) == size, f"expected {size} frameworks, read {len(frameworks)}"
    plain, filtered = parse_explorer_params(""), parse_explorer_params(QUERY).restricted(frameworks)
    view = build_view(frameworks, plain)
    return [
        ms(best_of(3, lambda: parse_post("compared.md", text.encode()))),
        ms(read),
        ms(best_of(5, lambda: build_view(frameworks, plain))),
        ms(best_of(5, lambda: build_view(frameworks, filtered))),
        f"{len(json.dumps(dataclasses.asdict(view))) / 1000:.0f} kB",
    ]


def bench_explorer(sizes: list[int]) -> Table:
    """Measure extraction, the database read and the view for each number of frameworks."""
    table = Table(
        "Frameworks explorer (one post comparing N frameworks, SQLite)",
        [
            "frameworks",
            "extract (parse post)",
            "read (list_frameworks)",
            "view, no filter",
            "view, filtered",
            "view JSON",
        ],
    )
    posts = [("7 (the seed post)", SEED.read_text(encoding="utf-8"), 7)]
    posts += [(str(size), comparison_post(size), size) for size in sizes]
    with tempfile.TemporaryDirectory() as tmp:
        for label, text, size in posts:
            table.add(label, *measure(pathlib.Path(tmp) / f"run-{len(table.rows)}", text, size))
    table.notes += [
        "Each explorer change costs one read plus one view on the server (medians of 5 runs).",
        "Facet counts re-filter every framework once per facet value, so the view grows with frameworks x values.",
        "View JSON is the state the server sends to the browser for an unfiltered page.",
    ]
    return table
