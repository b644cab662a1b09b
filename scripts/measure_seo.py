"""Time the SEO routes for a site of N posts (a table on stdout).

    .venv/bin/python scripts/measure_seo.py 10 100 1000

Each post is a copy of the seed post (about 1,100 words, seven sections, two images) under its
own slug and date, ingested into a throwaway SQLite database. "post page" builds one post's
head tags and readable text into a shell; the feeds and sitemap go through the real routes
(gzip included): "first" builds the document, "again" is a later request answered from the
per-process cache. Times are medians of five runs.
"""

from __future__ import annotations

import datetime as dt
import os
import pathlib
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

from sqlmodel import Session

with warnings.catch_warnings(action="ignore"):  # Starlette would rather have httpx2
    from starlette.testclient import TestClient

from blog_app import database, queries, settings
from blog_app.ingest import ingest
from blog_app.seo.article import readable_page
from blog_app.seo.head import blog_posting, head_html, post_meta
from blog_app.seo.routes import seo_api
from blog_app.seo.shell import fill_shell
from blog_app.seo.site import Site

SEED = settings.PROJECT_ROOT / "content" / "top-python-web-frameworks-2024.md"
SITE = Site(name="Python Web Journal", url="https://blog.example.com", image="/og-default.png")
# A stand-in of the production shell's size (about 3.5 kB) when no build is at hand.
SHELL = "<!DOCTYPE html><html><head>" + "<link rel='modulepreload' href='/a.js'/>" * 60 + "</head><body></body></html>"


def write_posts(folder: pathlib.Path, count: int) -> None:
    """``count`` copies of the seed post, one day apart."""
    text = SEED.read_text(encoding="utf-8")
    for number in range(count):
        day = dt.date(2020, 1, 1) + dt.timedelta(days=number)
        copy = text.replace("date: 2024-11-04", f"date: {day}\nslug: post-{number:05d}", 1)
        (folder / f"post-{number:05d}.md").write_text(copy, encoding="utf-8")


def median_ms(action: Callable[[], object], runs: int = 5) -> float:
    """The median wall time of ``action`` in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(count: int) -> dict[str, float]:
    """Milliseconds per request (and the RSS feed's size) for a site of ``count`` posts."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp) / "content"
        folder.mkdir()
        write_posts(folder, count)
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/blog.db"  # what the routes' sessions open
        engine = database.get_engine()
        database.upgrade_schema(engine)
        ingest(engine, folder)
        with Session(engine) as db:

            def post_page() -> str:
                post = queries.get_post(db, f"post-{count // 2:05d}")
                head = head_html(post_meta(post, SITE), blog_posting(post, SITE))
                return fill_shell(SHELL, head, readable_page(post, SITE.name))

            row = {"post page (ms)": median_ms(post_page)}
        with TestClient(seo_api(lambda: ["/"])) as client:
            for path in ("/rss.xml", "/atom.xml", "/sitemap.xml"):
                row[f"{path} first (ms)"] = median_ms(lambda path=path: client.get(path), runs=1)
                row[f"{path} again (ms)"] = median_ms(lambda path=path: client.get(path))
            row["rss.xml MB"] = len(client.get("/rss.xml").content) / 1e6
        engine.dispose()
    return row


def main(counts: list[int]) -> None:
    """Print one row per site size."""
    rows = {count: measure(count) for count in counts}
    columns = list(next(iter(rows.values())))
    print("| posts | " + " | ".join(columns) + " |")
    print("|---:" * (len(columns) + 1) + "|")
    for count, row in rows.items():
        print(
            f"| {count} | " + " | ".join(f"{row[c]:,.0f}" if row[c] >= 10 else f"{row[c]:.1f}" for c in columns) + " |"
        )


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [10, 100, 1000])
