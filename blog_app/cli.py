"""Command line: ``python -m blog_app ingest|check|new|schema``."""

from __future__ import annotations

import argparse
import pathlib
import sys

from blog_app.core import settings


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every sub-command."""
    parser = argparse.ArgumentParser(prog="python -m blog_app", description="blog_app content tools")
    commands = parser.add_subparsers(dest="command", required=True)
    ingest = commands.add_parser(
        "ingest", help="migrate the database (DATABASE_URL, default SQLite) and load the posts into it"
    )
    ingest.add_argument("--content", type=pathlib.Path, default=None, help="posts folder (default: content/)")
    check = commands.add_parser(
        "check", help="validate every post without a database; exit 1 when any has a problem (for CI)"
    )
    check.add_argument("--content", type=pathlib.Path, default=None, help="posts folder (default: content/)")
    check.add_argument(
        "--assets", type=pathlib.Path, default=None, help="folder served at the site root (default: assets/)"
    )
    new = commands.add_parser("new", help="create a draft post with complete front matter and print its path")
    new.add_argument("title", help="the post's title; the file name and slug are made from it")
    new.add_argument("--author", default=None, help="byline (default: git config user.name, else your login)")
    new.add_argument("--content", type=pathlib.Path, default=None, help="posts folder (default: content/)")
    commands.add_parser("schema", help="print the front matter's JSON Schema, for editors that validate YAML")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run a sub-command and return its exit status.

    Returns:
        0 on success, 1 when a post failed to load (ingest) or has a problem (check),
        2 when the content folder or the database's folder is missing, or the arguments are unusable.
    """
    args = build_parser().parse_args(argv)
    if args.command == "schema":
        return _schema()
    content_dir = (args.content or settings.content_dir()).resolve()
    if args.command == "ingest":
        return _ingest(content_dir)
    if args.command == "check":
        return _check(content_dir, args.assets)
    if args.command == "new":
        return _new(content_dir, args.title, args.author)
    return 2


def _ingest(content_dir: pathlib.Path) -> int:
    from blog_app.core.database_file import DatabaseLocationError
    from blog_app.publishing.startup import prepare_database  # deferred: argument errors stay instant

    try:
        report = prepare_database(content_dir=content_dir, stream=sys.stdout)
    except (FileNotFoundError, DatabaseLocationError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 1 if report.failed else 0


def _check(content_dir: pathlib.Path, assets_dir: pathlib.Path | None) -> int:
    from blog_app.publishing.check import check_content

    try:
        report = check_content(content_dir, assets_dir.resolve() if assets_dir else None)
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for diagnostic in report.diagnostics:
        print(diagnostic)
    # The summary goes to stderr, so stdout is exactly one `path:line: reason` line per finding.
    print(report.summary(), file=sys.stderr)
    return 1 if report.problems else 0


def _schema() -> int:
    import json

    from blog_app.content.schema import json_schema  # deferred: only the pure content package

    print(json.dumps(json_schema(), indent=2))
    return 0


def _new(content_dir: pathlib.Path, title: str, author: str | None) -> int:
    from blog_app.core import visibility
    from blog_app.publishing import new_post
    from blog_app.publishing.content_files import display_path

    try:
        path = new_post.create_post(
            content_dir,
            title,
            author or new_post.default_author(content_dir if content_dir.is_dir() else pathlib.Path.cwd()),
            visibility.site_today(),
        )
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(display_path(path))
    print(
        "created as a draft (draft: true): `reflex run` shows it with a Draft banner, readers see nothing "
        "until you delete that line. `python -m blog_app check` checks it.",
        file=sys.stderr,
    )
    return 0
