"""Command line: ``python -m blog_app ingest [--content DIR]``."""

from __future__ import annotations

import argparse
import pathlib
import sys

from blog_app import settings


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every sub-command."""
    parser = argparse.ArgumentParser(prog="python -m blog_app", description="blog_app content tools")
    commands = parser.add_subparsers(dest="command", required=True)
    ingest = commands.add_parser(
        "ingest", help="migrate the database (DATABASE_URL, default SQLite) and load the posts into it"
    )
    ingest.add_argument("--content", type=pathlib.Path, default=None, help="posts folder (default: content/)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run a sub-command and return its exit status.

    Returns:
        0 on success, 1 when a post failed to load, 2 when the content folder is missing.
    """
    args = build_parser().parse_args(argv)
    if args.command == "ingest":
        return _ingest(args.content or settings.content_dir())
    return 2


def _ingest(content_dir: pathlib.Path) -> int:
    from blog_app.startup import prepare_database  # deferred: argument errors stay instant

    try:
        report = prepare_database(content_dir=content_dir.resolve(), stream=sys.stdout)
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 1 if report.failed else 0
