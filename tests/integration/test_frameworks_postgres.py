"""Frameworks and traits on the machine's real PostgreSQL: stored, replaced and read like on SQLite."""

from __future__ import annotations

from sqlmodel import Session

from blog_app.core import database
from blog_app.explorer.filtering import filter_frameworks
from blog_app.explorer.params import ExplorerParams
from blog_app.explorer.queries import framework_sections, list_frameworks
from blog_app.publishing.ingest import ingest
from tests.support.fixture_posts import SEED, SEED_SLUG
from tests.support.stored import framework_counts


def test_seed_frameworks_are_stored_replaced_and_removed(postgres_engine, content_dir):
    database.upgrade_schema(postgres_engine)
    ingest(postgres_engine, content_dir)
    assert framework_counts(postgres_engine) == (7, 40)
    with Session(postgres_engine) as db:
        frameworks = list_frameworks(db)
        sections = framework_sections(db, SEED_SLUG)
    assert [f.name for f in filter_frameworks(frameworks, ExplorerParams(pros=("performance",)))] == ["FastAPI"]
    assert sections["reflex-frontend-backend-pure-python"].slug == "reflex"

    seed = content_dir / SEED.name
    seed.write_bytes(seed.read_bytes().replace(b"- **Callbacks**:", b"- **Callback hell**:"))
    ingest(postgres_engine, content_dir)
    assert framework_counts(postgres_engine) == (7, 40)
    with Session(postgres_engine) as db:
        dash = next(f for f in list_frameworks(db) if f.slug == "dash")
    assert [t.title for t in dash.of_kind("con")] == ["Callback hell", "Cloud deployment"]

    seed.unlink()
    ingest(postgres_engine, content_dir)
    assert framework_counts(postgres_engine) == (0, 0)
