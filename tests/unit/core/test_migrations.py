"""Alembic owns the schema: upgrading an empty database yields exactly the models."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel

import blog_app.core.models  # noqa: F401
from alembic import command
from blog_app.core import database
from blog_app.core.search import include_in_autogenerate

MODEL_TABLES = {"post", "keyword", "postkeyword", "framework", "trait", "searchterm", "postprofile", "relatedpost"}
# FTS5 virtual tables (the migration's, not the models') and the shadow tables FTS5 keeps their data in.
FTS5_TABLES = {"post_search", "framework_search", "searchterm_trigram"}
FTS5_SHADOWS = {f"{table}_{part}" for table in FTS5_TABLES for part in ("data", "idx", "docsize", "config")} | {
    "post_search_content",
    "framework_search_content",
}


def test_upgrade_head_on_empty_database_matches_models(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    database.upgrade_schema(engine)
    with engine.connect() as connection:
        # As alembic/env.py compares: the search tables are left to the migration.
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": include_in_autogenerate}
        )
        assert compare_metadata(context, SQLModel.metadata) == []
        tables = set(sa.inspect(connection).get_table_names())
        assert tables == {"alembic_version"} | MODEL_TABLES | FTS5_TABLES | FTS5_SHADOWS
        # Without the filter, autogenerate would drop exactly the search tables: nothing else is left out.
        unfiltered = MigrationContext.configure(connection, opts={"compare_type": True})
        dropped = {diff[1].name for diff in compare_metadata(unfiltered, SQLModel.metadata)}
        assert dropped == FTS5_TABLES | FTS5_SHADOWS
    command.check(database.alembic_config(engine))  # raises when autogenerate would write anything


def test_every_migration_has_a_message_and_downgrades(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'roundtrip.db'}")
    config = database.alembic_config(engine)
    database.upgrade_schema(engine)
    command.downgrade(config, "base")
    assert set(sa.inspect(engine).get_table_names()) == {"alembic_version"}
    database.upgrade_schema(engine)
    from alembic.script import ScriptDirectory

    for revision in ScriptDirectory.from_config(config).walk_revisions():
        assert revision.doc and revision.doc.strip(), f"migration {revision.revision} has no message"
