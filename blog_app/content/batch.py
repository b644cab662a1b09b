"""Parse many files at once, on every CPU core when there are enough of them to repay the start-up."""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os

from blog_app.content.diagnostics import ContentError, Diagnostic
from blog_app.content.document import Document, parse_post

# Below this many files one process is faster than starting workers (about 0.3 s each).
PARALLEL_THRESHOLD = 64
ParseResult = Document | list[Diagnostic]


def parse_one(item: tuple[str, bytes]) -> ParseResult:
    """Parse one file; its problems come back as data (exceptions with state do not pickle well)."""
    path, data = item
    try:
        return parse_post(path, data)
    except ContentError as error:
        return error.diagnostics


def parse_many(items: list[tuple[str, bytes]]) -> list[ParseResult]:
    """Parse ``(path, bytes)`` pairs, in order: each a Document or that file's error diagnostics.

    Large batches (a cold start with hundreds of posts) are spread over worker
    processes; mistletoe is pure Python, so threads would not help.
    """
    workers = min(os.cpu_count() or 1, 8)
    if len(items) < PARALLEL_THRESHOLD or workers < 2:
        return [parse_one(item) for item in items]
    # forkserver: workers start clean instead of forking a server's threads and sockets.
    context = multiprocessing.get_context("forkserver")
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(parse_one, items, chunksize=max(1, len(items) // (workers * 4))))
