"""Several processes starting at one instant on an empty PostgreSQL, with and without the start-up lock.

Run from the project root (PostgreSQL as for the tests, ``TEST_POSTGRES_URL``)::

    .venv/bin/python -m bench.startup_lock --processes 4 --trials 3

Each trial creates an empty database and releases the processes from one barrier; each then
migrates and ingests ``content/`` exactly as the app's start-up does, either through
``prepare_database`` (the lock) or by calling the same two steps directly (no lock). The table
counts what the start-ups reported and how many posts each database ended with.
"""

from __future__ import annotations

import argparse
import collections
import io
import multiprocessing

import sqlalchemy as sa

from blog_app.core import database, settings
from blog_app.publishing.ingest import ingest
from blog_app.publishing.startup import prepare_database
from harness.services import throwaway_database


def start_up(url: str, barrier, locked: bool, results) -> None:
    """One process's start-up; puts ``loaded`` / ``unchanged`` / ``failed: <error>`` on ``results``."""
    engine = sa.create_engine(url)
    barrier.wait()
    try:
        if locked:
            report = prepare_database(engine, settings.content_dir(), stream=io.StringIO())
        else:
            database.upgrade_schema(engine)
            report = ingest(engine, settings.content_dir(), assets_dir=settings.assets_dir())
        results.put("loaded" if report.loaded else "unchanged")
    except Exception as error:
        results.put(f"failed: {type(error).__name__}: {_first_line(error)}")
    finally:
        engine.dispose()


def _first_line(error: Exception) -> str:
    text = str(getattr(error, "orig", None) or error)
    return text.splitlines()[0] if text else ""


def trial(processes: int, locked: bool) -> tuple[list[str], int]:
    """Run one trial; return every start-up's outcome and the posts the database holds."""
    context = multiprocessing.get_context("spawn")
    with throwaway_database("bench") as url:
        url = settings.normalize_database_url(url)
        barrier, results = context.Barrier(processes), context.Queue()
        workers = [context.Process(target=start_up, args=(url, barrier, locked, results)) for _ in range(processes)]
        for worker in workers:
            worker.start()
        outcomes = [results.get(timeout=120) for _ in workers]
        for worker in workers:
            worker.join(30)
        engine = sa.create_engine(url)
        with engine.connect() as connection:
            posts = connection.execute(sa.text("SELECT count(*) FROM post")).scalar_one()
        engine.dispose()
    return outcomes, posts


def main() -> None:
    """Print one table row per mode."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--trials", type=int, default=3)
    args = parser.parse_args()
    print(f"{'mode':8} {'start-ups':>9} {'loaded':>6} {'unchanged':>9} {'failed':>6}  posts per database  errors")
    for locked in (True, False):
        outcomes: collections.Counter[str] = collections.Counter()
        posts = []
        for _ in range(args.trials):
            found, count = trial(args.processes, locked)
            outcomes.update(found)
            posts.append(str(count))
        failed = {k: v for k, v in outcomes.items() if k.startswith("failed")}
        print(
            f"{'lock' if locked else 'no lock':8} {sum(outcomes.values()):>9} {outcomes['loaded']:>6} "
            f"{outcomes['unchanged']:>9} {sum(failed.values()):>6}  {','.join(posts):18}  "
            + "; ".join(f"{v}x {k.removeprefix('failed: ')}" for k, v in failed.items())
        )


if __name__ == "__main__":
    main()
