"""Parse many files at once, on every CPU core when there are enough of them to repay the start-up."""

from __future__ import annotations

import concurrent.futures
import contextlib
import functools
import gc
import multiprocessing
import multiprocessing.connection
import os
import threading
from collections.abc import Callable, Iterator
from multiprocessing.context import BaseContext
from typing import TypeVar

from blog_app.content.diagnostics import ContentError, Diagnostic
from blog_app.content.document import Document, parse_post

# Below this many files one process is faster than starting workers.
PARALLEL_THRESHOLD = 64
# Work handed out in pieces this many times the workers: a worker that finishes early takes more.
CHUNKS_PER_WORKER = 16
Result = TypeVar("Result")
ParseResult = Document | list[Diagnostic]


def parse_one(item: tuple[str, bytes], then: Callable[[Document], Result] | None = None) -> Result | ParseResult:
    """Parse one file; its problems come back as data (exceptions with state do not pickle well).

    Args:
        item: The file's name as messages show it, and its bytes.
        then: Applied to the Document where it was parsed (what a worker sends back is its result).
    """
    path, data = item
    try:
        document = parse_post(path, data)
    except ContentError as error:
        return error.diagnostics
    return then(document) if then else document


def parse_many(
    items: list[tuple[str, bytes]], then: Callable[[Document], Result] | None = None
) -> Iterator[Result | ParseResult]:
    """Parse ``(path, bytes)`` pairs, yielding in order, each as soon as it and those before it are parsed.

    Each result is a Document (or ``then`` of it) or that file's error diagnostics. Large batches
    (a cold start with hundreds of posts) are spread over worker processes; mistletoe is pure
    Python, so threads would not help. The caller works on early results while the workers parse
    the rest; ``then`` runs in the workers too, and sends back less than a whole Document.

    Args:
        items: The files, in the order the results come back.
        then: A module-level function (or a ``functools.partial`` of one), so that workers can run it.
    """
    workers = min(os.cpu_count() or 1, 8)
    if len(items) < PARALLEL_THRESHOLD or workers < 2:
        yield from (parse_one(item, then) for item in items)
        return
    chunk = max(1, len(items) // (workers * CHUNKS_PER_WORKER))
    with _process_pool(workers, then) as pool:
        yield from pool.map(functools.partial(parse_one, then=then), items, chunksize=chunk)


@contextlib.contextmanager
def _process_pool(workers: int, then: Callable | None) -> Iterator[concurrent.futures.ProcessPoolExecutor]:
    """Worker processes that start with what this process has imported, and leave its objects alone.

    Forked workers share this process's memory until they write to it, and the garbage collector
    writes to every object it scans: frozen while the workers fork, the objects already here are
    never scanned in the workers (nor copied into them page by page); here they are thawed again.
    """
    context = _worker_context(then)
    start = {"max_workers": workers, "mp_context": context, "initializer": _end_with_parent}
    with concurrent.futures.ProcessPoolExecutor(**start) as pool:
        if context.get_start_method() == "fork":
            gc.freeze()
            try:
                pool.submit(int)  # a pool that forks starts every worker with its first task
            finally:
                gc.unfreeze()
        yield pool


def _end_with_parent() -> None:
    """In each worker: end it when the process that started it ends, even when that one is killed.

    A worker forked from ingest shares its open files, the start-up lock's among them; left
    running after a killed ingest, it would keep the next ingest waiting for that lock.
    """
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_when_ready, args=(parent.sentinel,), daemon=True).start()


def _exit_when_ready(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(1)


def _worker_context(then: Callable | None) -> BaseContext:
    """How worker processes start: forked when that is safe, else from a server that imported the parser once.

    A process running one thread (the CLI, a benchmark) forks: the workers start at once with
    everything already imported. A server has other threads, which a fork would copy in the
    middle of whatever they were doing; its workers come from the forkserver, which imports this
    package (and the module of ``then``) once and forks them from there (a fresh interpreter per
    worker would import mistletoe and pydantic again, a quarter of a second each).
    """
    if threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    context = multiprocessing.get_context("forkserver")
    modules = [__name__]
    if then is not None:
        modules.append(getattr(then, "func", then).__module__)
    context.set_forkserver_preload(modules)
    return context
