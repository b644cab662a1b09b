"""Serving in production: post pages and the index beside the same bytes as a static file (the limit).

One ``reflex run --env prod`` process (one worker, SQLite) serves N synthetic posts; ``wrk``
(bench/load.py) loads it from another process with fixed concurrency. The static file is a post
page's HTML written into the build's folder, so the same server sends the same bytes without
running any of the app's code: as fast as this server can answer.
"""

from __future__ import annotations

import statistics
import time

import httpx

from bench import prod_site
from bench.load import CONCURRENCY, THREADS, Load, load
from bench.table import Table

TARGET_SHARE_OF_STATIC = 0.5
STATIC_NAME = "bench-static-post.html"
LISTINGS = ("/rss.xml", "/atom.xml", "/sitemap.xml")


def ms(value: float) -> str:
    """Milliseconds with one decimal."""
    return f"{value:.1f} ms"


def measured(base_url: str, paths: list[str], duration: float) -> tuple[int, Load]:
    """The first path's body size; then a short warm-up and the timed run."""
    size = len(httpx.get(base_url + paths[0], headers={"Accept-Encoding": "identity"}, timeout=30).content)
    load(base_url, paths, min(duration, 2.0))
    return size, load(base_url, paths, duration)


def static_copy(site: prod_site.Site, path: str) -> str:
    """Write the page at ``path`` into the build's static folder; return its URL path."""
    (site.static_dir / STATIC_NAME).write_bytes(httpx.get(site.app.url + path, timeout=30).content)
    return f"/{STATIC_NAME}"


def bench_serve(sizes: list[int]) -> list[Table]:
    """Load each kind of page for ``duration`` seconds; then time the feeds and the sitemap."""
    posts = max(sizes)
    duration = 10.0 if posts >= 1000 else 3.0
    site = prod_site.blog_site(posts)
    base = site.app.url
    post_paths = [f"/blog/{slug}" for slug in site.slugs]
    static_path = static_copy(site, post_paths[len(post_paths) // 2])
    try:
        runs = {
            "static file (a post page's bytes)": measured(base, [static_path], duration),
            f"`/blog/<slug>` ({posts} slugs in turn)": measured(base, post_paths, duration),
            "`/` (prerendered index)": measured(base, ["/"], duration),
        }
    finally:
        (site.static_dir / STATIC_NAME).unlink(missing_ok=True)
    return [serving_table(posts, duration, runs), listings_table(posts, base)]


def serving_table(posts: int, duration: float, runs: dict[str, tuple[int, Load]]) -> Table:
    """The load results, each beside the static file's throughput."""
    table = Table(
        f"Serving in production ({posts} posts, `reflex run --env prod`, one worker)",
        ["request", "body", "requests/s", "p50", "p99", "vs static", "errors / non-2xx"],
    )
    static = next(iter(runs.values()))[1]
    for label, (size, result) in runs.items():
        table.add(
            label,
            f"{size / 1000:.1f} kB",
            f"{result.per_second:,.0f}",
            ms(result.p50_ms),
            ms(result.p99_ms),
            f"{result.per_second / static.per_second:.2f}x",
            f"{result.errors} / {result.non_2xx}",
        )
    post = list(runs.values())[1][1]
    share = post.per_second / static.per_second
    verdict = table.target(
        f"Serving: post page throughput vs static file ({posts} posts)",
        f">= {TARGET_SHARE_OF_STATIC}x",
        f"{share:.2f}x",
        share >= TARGET_SHARE_OF_STATIC,
        f"{share / TARGET_SHARE_OF_STATIC:.2f}x the bound",
    )
    table.notes += [
        f"Target: a post page at least {TARGET_SHARE_OF_STATIC}x the static file's throughput — "
        f"{verdict} ({share:.2f}x).",
        f"Load: wrk, {THREADS} thread, {CONCURRENCY} connections, {duration:g} s per row after a 2 s warm-up, "
        "no compression asked; wrk and the server share the machine's 2 cores.",
        "A post page is built on its first request (the post read, head and text written into the shell: "
        "about 6 ms) and then kept by the process until the posts change (`blog_app/seo/server.py` `PostPages`, "
        "which asks at most once a second); so after the warm-up this measures kept pages.",
    ]
    return table


def listings_table(posts: int, base: str) -> Table:
    """Feeds and sitemap through the running server: the first request builds, later ones are cached."""
    table = Table(
        f"Feeds and sitemap ({posts} posts, same server)",
        ["path", "first request (builds)", "again (median of 5)", "body", "gzipped"],
    )
    with httpx.Client(base_url=base, timeout=120) as client:
        for path in LISTINGS:
            first = timed(lambda path=path: client.get(path))
            again = statistics.median(timed(lambda path=path: client.get(path)) for _ in range(5))
            plain = len(client.get(path, headers={"Accept-Encoding": "identity"}).content)
            zipped = client.get(path, headers={"Accept-Encoding": "gzip"}).num_bytes_downloaded
            table.add(
                f"`{path}`", ms(first * 1000), ms(again * 1000), f"{plain / 1e6:.2f} MB", f"{zipped / 1000:.0f} kB"
            )
    table.notes += [
        "Each process builds a document once per change of the posts and then answers from memory (with gzip).",
    ]
    return table


def timed(action) -> float:
    """Seconds ``action()`` took."""
    started = time.perf_counter()
    action()
    return time.perf_counter() - started
