"""Parsing in one process: the project's parse against mistletoe's own parse of the same files, and huge posts.

Times are CPU seconds of this process (``time.process_time``), the best of a few runs with the two
sides taking turns: the machine is shared, and that is what other work on it disturbs least.
"""

from __future__ import annotations

import gc
import math
import time

import mistletoe

from bench.table import Table, ratio, seconds
from blog_app.content import parse_post
from blog_app.content.front_matter import split_front_matter
from blog_app.content.markdown import mistletoe_html
from harness.synthetic_posts import synthetic_post

TARGET_RATIO = 1.5  # the whole parse, at most this many times mistletoe's parse of the same bodies
TARGET_LARGE = 1.0  # seconds for the 3,000-section post
TARGET_GROWTH = 1.1  # the same post twice over: its time grows at most this much more than mistletoe's own
LARGE_SECTIONS = 3000


def large_post(sections: int) -> str:
    """One very long comparison post: ``sections`` framework sections, each with raw HTML, a link, pros and cons."""
    body = "".join(
        f"## Framework {n}--fast\n\nIt has <b>bold</b> text and [a link](#framework-{n}) back.\n\n"
        f"### Pros\n\n- **Speed**: quick.\n\n### Cons\n\n- **Age**: new.\n\n"
        for n in range(1, sections + 1)
    )
    return f"---\ntitle: A very long post\nauthor: Test Author\ndate: 2024-01-01\n---\n\n{body}"


def alternating_cpu_seconds(files: list[bytes], runs: int) -> tuple[float, float]:
    """CPU seconds of mistletoe alone and of the project's parse over ``files``, the best of ``runs`` runs each.

    The two sides take turns, a whole pass over the files each (each pays for its own garbage
    collection), so a burst of other work on the machine weighs on both alike.
    """
    bodies = [split_front_matter("post.md", data.decode()).body for data in files]

    def mistletoe_alone() -> None:
        for body in bodies:
            with mistletoe_html():
                mistletoe.Document(body)

    def project() -> None:
        for number, data in enumerate(files):
            parse_post(f"post-{number}.md", data)

    best = {mistletoe_alone: math.inf, project: math.inf}
    for _ in range(runs):
        for side in best:
            gc.collect()
            started = time.process_time()
            side()
            best[side] = min(best[side], time.process_time() - started)
    return best[mistletoe_alone], best[project]


def bench_parse(sizes: list[int]) -> Table:
    """Parse against mistletoe alone for each size, then the large post and the same post twice over."""
    table = Table(
        "Parse in one process (CPU time) against mistletoe alone",
        ["input", "size", "mistletoe alone", "project parse", "ratio", "targets"],
    )
    for size in sizes:
        files = [synthetic_post(number).encode() for number in range(1, size + 1)]
        reference, parsed = alternating_cpu_seconds(files, 3 if size <= 100 else 1)
        verdict = table.target(
            f"Parse: {size:,} posts against mistletoe alone",
            f"<= {TARGET_RATIO}x",
            ratio(parsed, reference),
            parsed <= TARGET_RATIO * reference,
            f"{parsed / reference / TARGET_RATIO:.2f}x the bound",
        )
        kilobytes = sum(map(len, files)) / 1000
        table.add(
            f"{size:,} seed-shaped posts",
            f"{kilobytes:,.0f} kB",
            seconds(reference),
            seconds(parsed),
            ratio(parsed, reference),
            verdict,
        )
    _large_rows(table)
    table.notes += [
        "mistletoe alone = `mistletoe.Document(body)` for each file's body, with the raw-HTML tokens the "
        "project's renderer adds; project parse = `parse_post` (front matter, segments, sanitised HTML, "
        "table of contents, frameworks, links) on the same files.",
        f"Large post: {LARGE_SECTIONS:,} `##` sections, each with raw HTML, a link and `### Pros`/`### Cons` lists; "
        "twice over = the same shape with twice the sections: linear parsing takes twice the time, and the "
        "project's parse may grow no faster than mistletoe's own parse of the same post (which its garbage "
        "collection makes a little more than linear).",
    ]
    return table


def _large_rows(table: Table) -> None:
    """The large post, and the same post twice over: its parse must grow no faster than mistletoe's own."""
    measured = {}
    for sections in (LARGE_SECTIONS, 2 * LARGE_SECTIONS):
        data = large_post(sections).encode()
        measured[sections] = alternating_cpu_seconds([data], 3)
        reference, parsed = measured[sections]
        if sections == LARGE_SECTIONS:
            verdict = table.target(
                f"Parse: one post of {sections:,} sections",
                f"< {TARGET_LARGE:.0f} s",
                seconds(parsed),
                parsed < TARGET_LARGE,
                ratio(parsed, TARGET_LARGE) + " the bound",
            )
        else:
            growth = parsed / measured[LARGE_SECTIONS][1]
            own_growth = reference / measured[LARGE_SECTIONS][0]
            verdict = table.target(
                "Parse: twice the post, time grows (mistletoe's own growth beside it)",
                f"<= {TARGET_GROWTH}x mistletoe's",
                f"{growth:.2f}x (mistletoe {own_growth:.2f}x)",
                growth <= TARGET_GROWTH * own_growth,
                f"{growth / own_growth / TARGET_GROWTH:.2f}x the bound",
            )
        table.add(
            f"one post, {sections:,} sections",
            f"{len(data) / 1000:,.0f} kB",
            seconds(reference),
            seconds(parsed),
            ratio(parsed, reference),
            verdict,
        )
