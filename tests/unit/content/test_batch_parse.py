"""Parsing many files: the process pool gives the same results, in order, as parsing one by one."""

from __future__ import annotations

import os
import pathlib
import signal
import subprocess
import sys
import threading
import time

from blog_app.content import Document
from blog_app.content.batch import PARALLEL_THRESHOLD, parse_many, parse_one
from blog_app.core import settings
from blog_app.publishing.post_rows import post_rows
from harness.synthetic_posts import synthetic_post


def test_parallel_batch_matches_sequential_results_in_order():
    items = [(f"content/p{n}.md", synthetic_post(n).encode()) for n in range(PARALLEL_THRESHOLD + 6)]
    items[5] = ("content/broken.md", b"---\ntitle: [oops\n---\n")
    results = list(parse_many(items))
    assert len(results) == len(items)
    assert [str(d) for d in results[5]] == [
        "content/broken.md:2: invalid YAML in front matter: did not find expected ',' or ']' while parsing a flow sequence"
    ]
    documents = [r for r in results if isinstance(r, Document)]
    assert [d.meta.title for d in documents[:2]] == ["Frameworks compared, part 0", "Frameworks compared, part 1"]
    assert [d.source_path for d in documents] == [path for path, _ in items if path != "content/broken.md"]
    assert len(documents[0].toc) == 19 and documents[0].segments == next(parse_many(items[:1])).segments


def test_a_process_with_threads_gets_the_same_results_from_the_forkserver():
    # A server has other threads, so its workers come from the forkserver instead of a fork.
    items = [(f"content/p{n}.md", synthetic_post(n).encode()) for n in range(PARALLEL_THRESHOLD)]
    stop = threading.Event()
    server_thread = threading.Thread(target=stop.wait, daemon=True)
    server_thread.start()
    try:
        assert threading.active_count() > 1
        results = list(parse_many(items))
        rows = list(parse_many(items, then=post_rows))  # what ingest asks of the workers
    finally:
        stop.set()
        server_thread.join()
    assert results == [parse_one(item) for item in items]
    assert rows == [post_rows(document) for document in results]


# Parses far more posts than the test waits for: the workers are busy when their parent is killed.
KILLED_MIDWAY = """
from blog_app.content.batch import parse_many
from harness.synthetic_posts import synthetic_post
items = [(f"content/p{n}.md", synthetic_post(n).encode()) for n in range(3000)]
for result in parse_many(items):
    print(result.source_path, flush=True)
"""


def test_workers_end_when_the_process_that_started_them_is_killed():
    # Forked workers share their parent's open files (ingest's start-up lock among them): left
    # running after a killed ingest, they would keep the next one waiting.
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_MIDWAY], cwd=settings.PROJECT_ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        process.stdout.readline()  # the workers have parsed a first post
        workers = children(process.pid)
        assert len(workers) >= 2
    finally:
        process.kill()
        process.wait()
    deadline = time.monotonic() + 30
    try:
        while running := [pid for pid in workers if is_running(pid)]:
            assert time.monotonic() < deadline, f"workers {running} outlived the process that started them"
            time.sleep(0.05)
    finally:
        for pid in filter(is_running, workers):
            os.kill(pid, signal.SIGKILL)


def children(pid: int) -> list[int]:
    """The processes ``pid`` started (Linux ``/proc``)."""
    return [int(child) for child in pathlib.Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def is_running(pid: int) -> bool:
    """Whether ``pid`` is a live process (not gone, not a zombie waiting to be reaped)."""
    try:
        state = pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"
