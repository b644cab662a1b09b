"""Search latency at 1,000 posts on SQLite and PostgreSQL, beside the substring search it replaced.

Each query is what one new search costs the server (``posts.queries.search_posts``: resolve the
words, rank, read one page of 12 with snippets), uncached; the page caches a view per change of
the posts, so this is the cost of a query not seen before. The reference is the index's former
search, measured in the same run on the same database: one ``ILIKE '%word%'`` per word over
title, description and body, newest first, the same page of summaries.
"""

from __future__ import annotations

import pathlib
import random
import statistics
import tempfile
import time
from collections.abc import Callable

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from bench.table import Table, ratio
from blog_app.core import database, settings, visibility
from blog_app.core.models import Post
from blog_app.core.visibility_sql import visible_condition
from blog_app.posts import queries
from blog_app.posts.index_params import PAGE_SIZE, IndexParams
from blog_app.publishing.ingest import ingest
from harness import services
from harness.synthetic_posts import write_posts

TARGET_P95_MS = 100.0  # an answer within 100 ms feels immediate while typing
RUNS = 15  # timed calls of each query
TOPIC_WORDS = 12  # distinctive words added to each synthetic post (a vocabulary of ~10,000 words)


def topic_vocabulary(size: int = 10_000) -> list[str]:
    """Pronounceable made-up words (seeded), so each post has words few others share."""
    rng = random.Random(15)
    consonants, vowels = "bcdfghklmnprstvz", "aeiou"
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def write_corpus(folder: pathlib.Path, posts: int) -> list[str]:
    """Synthetic posts shaped like the seed, each with its own topic words; returns the vocabulary."""
    write_posts(folder, posts)
    vocabulary = topic_vocabulary()
    rng = random.Random(18)
    for path in sorted(folder.glob("*.md")):
        words = " ".join(
            rng.choice(vocabulary[: 1 + rng.randint(100, len(vocabulary) - 1)]) for _ in range(TOPIC_WORDS)
        )
        path.write_text(path.read_text(encoding="utf-8") + f"\nTopics: {words}.\n", encoding="utf-8")
    return vocabulary


def workload(vocabulary: list[str]) -> dict[str, str]:
    """The queries measured, by what they exercise."""
    rare = vocabulary[5000]
    return {
        "word in every post": "django",
        "two words": "python frameworks",
        "stem (deploying)": "deploying",
        'phrase ("web apps")': '"web apps"',
        "prefix (deploy*)": "deploy*",
        "rare word": rare,
        "typo of a rare word": rare[1] + rare[0] + rare[2:],
        "typo (djnago)": "djnago",
        "no match": "kubernetes",
    }


def substring_page(db: Session, text: str) -> int:
    """The index's former search: every word as ``ILIKE '%word%'`` in title, description or body."""
    conditions = [visible_condition(visibility.readers())]
    for word in text.split():
        columns = (col(Post.title), col(Post.description), col(Post.body_text))
        conditions.append(sa.or_(*(column.icontains(word, autoescape=True) for column in columns)))
    total = db.exec(select(func.count()).select_from(Post).where(*conditions)).one()
    posts = db.exec(
        select(Post).where(*conditions).order_by(col(Post.published).desc(), col(Post.title)).limit(PAGE_SIZE)
    ).all()
    queries._summaries(db, list(posts), visibility.site_today())  # the same cards the page built
    return total


def durations(action: Callable[[], object]) -> list[float]:
    """``RUNS`` timed calls after one untimed (warming) call, in milliseconds."""
    action()
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return times


def p95(values: list[float]) -> float:
    """The 95th percentile."""
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def measure(engine: sa.Engine, label: str, work: dict[str, str], table: Table) -> None:
    """Time every query of ``work`` with the search and with the substring reference; one row each."""
    every_search, every_substring = [], []
    with Session(engine) as db:
        for kind, text in work.items():
            found = queries.search_posts(db, IndexParams(q=text)).total
            search_ms = durations(lambda text=text: queries.search_posts(db, IndexParams(q=text)))
            substring_ms = durations(lambda text=text: substring_page(db, text))
            every_search += search_ms
            every_substring += substring_ms
            table.add(
                label,
                f"{kind}: `{text}`",
                found,
                substring_page(db, text),
                f"{statistics.median(search_ms):.1f}",
                f"{p95(search_ms):.1f}",
                f"{p95(substring_ms):.1f}",
                ratio(p95(search_ms), p95(substring_ms)),
            )
    overall = p95(every_search)
    verdict = table.target(
        f"Search p95 at 1,000 posts ({label})",
        f"< {TARGET_P95_MS:.0f} ms",
        f"{overall:.1f} ms",
        overall < TARGET_P95_MS,
        ratio(overall, TARGET_P95_MS) + " the bound",
    )
    table.add(label, "**all queries**", "", "", "", f"**{overall:.1f}**", f"{p95(every_substring):.1f}", verdict)


def bench_search(sizes: list[int]) -> Table:
    """Search at the largest size (1,000 posts; 100 with --quick) on SQLite and PostgreSQL."""
    posts = max(sizes)
    table = Table(
        f"Search ({posts:,} synthetic posts shaped like the seed, each with its own topic words)",
        ["database", "query", "found", "substring found", "p50 ms", "p95 ms", "substring p95 ms", "p95 vs substring"],
    )
    with tempfile.TemporaryDirectory() as tmp:
        content = pathlib.Path(tmp) / "content"
        work = workload(write_corpus(content, posts))
        sqlite = sa.create_engine(f"sqlite:///{tmp}/search.db")
        _load(sqlite, content)
        measure(sqlite, "SQLite", work, table)
        sqlite.dispose()
        services.require_postgres()
        with services.throwaway_database("bench_search") as url:
            postgres = sa.create_engine(settings.normalize_database_url(url))
            _load(postgres, content)
            measure(postgres, "PostgreSQL", work, table)
            postgres.dispose()
    table.notes += [
        f"Each query: {RUNS} timed calls after one warming call; p95 over every call of every query for the totals.",
        "found / substring found: posts each matches. Words every synthetic post holds match all of them on "
        "both sides (the search then ranks them all); the substring search also finds words inside words.",
        "A search the page has already shown is served from its cache (per content version): these are first queries.",
    ]
    return table


def _load(engine: sa.Engine, content: pathlib.Path) -> None:
    database.upgrade_schema(engine)
    ingest(engine, content)
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.execute(sa.text("ANALYZE"))
