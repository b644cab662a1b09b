"""Load content/*.md into the database: one transaction, incremental by content hash."""

from __future__ import annotations

import dataclasses
import pathlib
import time

import sqlalchemy as sa
from slugify import slugify
from sqlmodel import Session, col, delete, select

from blog_app.content import Diagnostic, Document, content_hash
from blog_app.content.batch import parse_many
from blog_app.core import content_version
from blog_app.core.models import Keyword, Post, PostKeyword, utc_now
from blog_app.publishing.content_files import display_path, duplicate_slugs, missing_images
from blog_app.publishing.framework_store import delete_frameworks, replace_frameworks
from blog_app.publishing.search_store import index_posts


@dataclasses.dataclass
class IngestReport:
    """What one ingest run did, with every problem it found."""

    loaded: list[str] = dataclasses.field(default_factory=list)
    unchanged: list[str] = dataclasses.field(default_factory=list)
    removed: list[str] = dataclasses.field(default_factory=list)
    failed: list[str] = dataclasses.field(default_factory=list)
    diagnostics: list[Diagnostic] = dataclasses.field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        """One line: ``ingest: 2 loaded, 0 unchanged, 0 removed, 1 failed, 3 warnings in 0.04 s``."""
        warnings = sum(d.severity == "warning" for d in self.diagnostics)
        return (
            f"ingest: {len(self.loaded)} loaded, {len(self.unchanged)} unchanged, "
            f"{len(self.removed)} removed, {len(self.failed)} failed, {warnings} warnings "
            f"in {self.seconds:.2f} s"
        )


@dataclasses.dataclass(frozen=True)
class _Stored:
    """The columns of an existing post that ingest compares against."""

    id: int
    slug: str
    source_path: str
    content_hash: str


def ingest(engine: sa.Engine, content_dir: pathlib.Path, assets_dir: pathlib.Path | None = None) -> IngestReport:
    """Bring the database in line with the Markdown files in ``content_dir``.

    Unchanged files (same hash) are skipped, changed and new ones parsed and
    upserted, posts whose file is gone removed, and the search index, vocabulary and related
    posts brought in line, all in one transaction. A file
    that fails to parse is reported and skipped; its previous version stays.

    Args:
        engine: The database (already migrated).
        content_dir: The folder of ``*.md`` posts (searched recursively).
        assets_dir: When given, images a post references must exist under it.

    Returns:
        The report; nothing is committed if any step raises.

    Raises:
        FileNotFoundError: If ``content_dir`` does not exist (nothing is removed).
    """
    started = time.perf_counter()
    if not content_dir.is_dir():
        raise FileNotFoundError(f"content folder {content_dir} does not exist")
    report = IngestReport()
    with Session(engine) as db:
        stored = {row.source_path: row for row in _stored_posts(db)}
        files = {path.relative_to(content_dir).as_posix(): path for path in sorted(content_dir.rglob("*.md"))}
        documents = _parse_changed(files, stored, report, assets_dir)
        _reject_duplicate_slugs(documents, stored, files, report)
        posts = _store_posts(db, documents, stored)
        report.loaded.extend(document.source_path for document in documents.values())
        gone = [row for key, row in stored.items() if key not in files]
        index_posts(db, {posts[key].id: document for key, document in documents.items()}, [row.id for row in gone])
        for row in gone:
            _remove_post(db, row)
            report.removed.append(display_path(content_dir / row.source_path))
        _remove_orphan_keywords(db)
        db.commit()
    content_version.forget_versions()
    report.seconds = time.perf_counter() - started
    return report


def _stored_posts(db: Session) -> list[_Stored]:
    rows = db.exec(select(Post.id, Post.slug, Post.source_path, Post.content_hash)).all()
    return [_Stored(*row) for row in rows]


def _parse_changed(
    files: dict[str, pathlib.Path],
    stored: dict[str, _Stored],
    report: IngestReport,
    assets_dir: pathlib.Path | None,
) -> dict[str, Document]:
    """Parse every new or changed file; record unchanged and failed ones."""
    pending: dict[str, tuple[str, bytes]] = {}
    for key, path in files.items():
        data = path.read_bytes()
        if key in stored and stored[key].content_hash == content_hash(data):
            report.unchanged.append(display_path(path))
        else:
            pending[key] = (display_path(path), data)
    documents: dict[str, Document] = {}
    for key, result in zip(pending, parse_many(list(pending.values())), strict=True):
        if not isinstance(result, Document):
            report.failed.append(pending[key][0])
            report.diagnostics.extend(result)
            continue
        if assets_dir is not None:
            result.warnings.extend(missing_images(result, assets_dir))
        report.diagnostics.extend(result.warnings)
        documents[key] = result
    return documents


def _reject_duplicate_slugs(
    documents: dict[str, Document],
    stored: dict[str, _Stored],
    files: dict[str, pathlib.Path],
    report: IngestReport,
) -> None:
    """Fail a new or changed file whose slug another file already holds (naming both)."""
    taken = {row.slug: display_path(files[key]) for key, row in stored.items() if key in files and key not in documents}
    rejected = duplicate_slugs(documents.values(), taken)
    for key, document in list(documents.items()):
        if document.source_path in rejected:
            report.diagnostics.append(rejected[document.source_path])
            report.failed.append(document.source_path)
            del documents[key]


def _store_posts(db: Session, documents: dict[str, Document], stored: dict[str, _Stored]) -> dict[str, Post]:
    """Insert or update every parsed post, then relink their keywords; the posts by file key.

    One flush for all posts: flushing per post makes the session re-scan every
    object it holds each time, which grows quadratically with the number of posts.
    """
    posts = {key: _store_post(db, document, key, stored.get(key)) for key, document in documents.items()}
    db.flush()
    updated = [stored[key].id for key in posts if key in stored]
    if updated:
        db.exec(delete(PostKeyword).where(col(PostKeyword.post_id).in_(updated)))
    links = [
        {"post_id": posts[key].id, "keyword_id": _keyword_id(db, name), "position": position}
        for key, document in documents.items()
        for position, name in enumerate(document.meta.keywords)
    ]
    if links:  # a core executemany: building thousands of ORM objects costs more than the insert
        db.exec(sa.insert(PostKeyword), params=links)
    replace_frameworks(db, {posts[key].id: document.frameworks for key, document in documents.items()}, updated)
    return posts


def _store_post(db: Session, document: Document, key: str, existing: _Stored | None) -> Post:
    """Stage the insert or update of one post (flushed by the caller)."""
    meta = document.meta
    values = {
        "slug": meta.slug,
        "title": meta.title,
        "description": meta.description,
        "author": meta.author,
        "published": meta.published,
        "updated": meta.updated,
        "cover_image": meta.image,
        "source_path": key,
        "content_hash": document.content_hash,
        "segments": [segment.to_dict() for segment in document.segments],
        "toc": [entry.to_dict() for entry in document.toc],
        "body_text": document.text,
        "excerpt": document.excerpt,
        "word_count": document.word_count,
        "reading_minutes": document.reading_minutes,
        "draft": meta.draft,
    }
    post = db.get(Post, existing.id) if existing else None
    if post is None:
        post = Post(**values)
        db.add(post)
    else:
        for name, value in values.items():
            setattr(post, name, value)
        post.updated_at = utc_now()
    return post


def _keyword_id(db: Session, name: str) -> int:
    """The id of the keyword named ``name``, created if new (ids cached for the session)."""
    if "keyword_ids" not in db.info:  # one query per run instead of one per keyword
        db.info["keyword_ids"] = dict(db.exec(select(Keyword.slug, Keyword.id)).all())
    ids: dict[str, int] = db.info["keyword_ids"]
    slug = slugify(name) or "keyword"
    if slug not in ids:
        keyword = Keyword(name=name, slug=slug)
        db.add(keyword)
        db.flush()
        ids[slug] = keyword.id
    return ids[slug]


def _remove_post(db: Session, row: _Stored) -> None:
    delete_frameworks(db, [row.id])
    db.exec(delete(PostKeyword).where(col(PostKeyword.post_id) == row.id))
    db.exec(delete(Post).where(col(Post.id) == row.id))


def _remove_orphan_keywords(db: Session) -> None:
    linked = select(PostKeyword.keyword_id)
    db.exec(delete(Keyword).where(col(Keyword.id).not_in(linked)))
