"""Parse many files at once, on every CPU core when there are enough of them to repay the start-up."""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import threading
from multiprocessing.context import BaseContext

from blog_app.content.diagnostics import ContentError, Diagnostic
from blog_app.content.document import Document, parse_post

# Below this many files one process is faster than starting workers.
PARALLEL_THRESHOLD = 64
# Work handed out in pieces this many times the workers: a worker that finishes early takes more.
CHUNKS_PER_WORKER = 16
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
    chunk = max(1, len(items) // (workers * CHUNKS_PER_WORKER))
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers, mp_context=_worker_context()) as pool:
        return list(pool.map(parse_one, items, chunksize=chunk))


def _worker_context() -> BaseContext:
    """How worker processes start: forked when that is safe, else from a server that imported the parser once.

    A process running one thread (the CLI, a benchmark) forks: the workers start at once with
    everything already imported. A server has other threads, which a fork would copy in the
    middle of whatever they were doing; its workers come from the forkserver, which imports this
    package once and forks them from there (a fresh interpreter per worker would import
    mistletoe and pydantic again, a quarter of a second each).
    """
    if threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context
