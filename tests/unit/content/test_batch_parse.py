"""Parsing many files: the process pool gives the same results, in order, as parsing one by one."""

from __future__ import annotations

import threading

from blog_app.content import Document
from blog_app.content.batch import PARALLEL_THRESHOLD, parse_many, parse_one
from harness.synthetic_posts import synthetic_post


def test_parallel_batch_matches_sequential_results_in_order():
    items = [(f"content/p{n}.md", synthetic_post(n).encode()) for n in range(PARALLEL_THRESHOLD + 6)]
    items[5] = ("content/broken.md", b"---\ntitle: [oops\n---\n")
    results = parse_many(items)
    assert len(results) == len(items)
    assert [str(d) for d in results[5]] == [
        "content/broken.md:2: invalid YAML in front matter: did not find expected ',' or ']' while parsing a flow sequence"
    ]
    documents = [r for r in results if isinstance(r, Document)]
    assert [d.meta.title for d in documents[:2]] == ["Frameworks compared, part 0", "Frameworks compared, part 1"]
    assert [d.source_path for d in documents] == [path for path, _ in items if path != "content/broken.md"]
    assert len(documents[0].toc) == 19 and documents[0].segments == parse_many(items[:1])[0].segments


def test_a_process_with_threads_gets_the_same_results_from_the_forkserver():
    # A server has other threads, so its workers come from the forkserver instead of a fork.
    items = [(f"content/p{n}.md", synthetic_post(n).encode()) for n in range(PARALLEL_THRESHOLD)]
    stop = threading.Event()
    server_thread = threading.Thread(target=stop.wait, daemon=True)
    server_thread.start()
    try:
        assert threading.active_count() > 1
        results = parse_many(items)
    finally:
        stop.set()
        server_thread.join()
    assert results == [parse_one(item) for item in items]
