"""Backend memory: this app's production server with N posts loaded, beside a blank Reflex app's.

RSS of the whole process tree ``reflex run --env prod`` starts (the CLI, the server and its
worker), read with psutil: after start-up (ingest done), and after every post page, the index
and the explorer have been served (over HTTP, and over the websocket as a browser tab loads them).
"""

from __future__ import annotations

import httpx
import psutil

from bench import prod_site
from bench.table import Table
from harness.reflex_client import Tab, new_token

TAB_PAGES = 20  # post pages one tab opens over the websocket (each runs the post's on_load)


def rss(site: prod_site.Site) -> tuple[float, float]:
    """MB resident: the whole tree, and its largest process (the worker serving requests)."""
    root = psutil.Process(site.app.popen.pid)
    sizes = [process.memory_info().rss for process in [root, *root.children(recursive=True)]]
    return sum(sizes) / 1e6, max(sizes) / 1e6


def open_in_a_tab(base_url: str, paths: list[tuple[str, dict[str, str] | None]]) -> None:
    """One browser tab's token loading each page in turn, waiting for its on_load handlers."""
    token = new_token()
    for path, params in paths:
        with Tab(base_url, token) as tab:
            tab.open(path, params)
            tab.wait_until_hydrated()


def warm_blog(site: prod_site.Site) -> None:
    """Every post page, the index and the explorer over HTTP; the explorer and some posts over the websocket."""
    with httpx.Client(base_url=site.app.url, timeout=60, follow_redirects=True) as client:
        for path in ["/", "/frameworks", *(f"/blog/{slug}" for slug in site.slugs)]:
            client.get(path).raise_for_status()
    step = max(1, len(site.slugs) // TAB_PAGES)
    posts = [(f"/blog/{slug}", {"slug": slug}) for slug in site.slugs[::step]]
    open_in_a_tab(site.app.url, [("/", None), ("/frameworks", None), *posts])


def bench_memory(sizes: list[int]) -> Table:
    """Measure both servers after start-up and after warming."""
    posts = max(sizes)
    table = Table(
        f"Backend memory (RSS, `reflex run --env prod`, one worker, SQLite, {posts} posts)",
        ["server", "after start-up", "after warming", "largest process (warm)"],
    )
    blog = prod_site.blog_site(posts)
    started = rss(blog)
    warm_blog(blog)
    warmed = rss(blog)
    blank = prod_site.blank_site()
    blank_started = rss(blank)
    httpx.get(blank.app.url + "/", timeout=60).raise_for_status()
    open_in_a_tab(blank.app.url, [("/", None)])
    blank_warmed = rss(blank)
    table.add(f"this app, {posts} posts", f"{started[0]:.0f} MB", f"{warmed[0]:.0f} MB", f"{warmed[1]:.0f} MB")
    table.add("blank Reflex app (reference)", *(f"{value:.0f} MB" for value in (blank_started[0], *blank_warmed)))
    table.notes += [
        f"This app above the blank app, warm: +{warmed[0] - blank_warmed[0]:.0f} MB "
        f"({warmed[0] / blank_warmed[0]:.2f}x); the issue sets no target for memory.",
        f"Warming: GET of every post page, `/` and `/frameworks`; then one websocket tab loads `/`, `/frameworks` "
        f"and {len(blog.slugs[:: max(1, len(blog.slugs) // TAB_PAGES)])} post pages (their on_load handlers). "
        "Post pages are kept in memory per process once served (about 16 kB each).",
        "RSS counts shared pages once per process, so the tree total overstates what the processes use together.",
    ]
    return table
