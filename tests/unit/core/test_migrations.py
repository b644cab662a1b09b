"""Alembic owns the schema: upgrading an empty database yields exactly the models."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel

import blog_app.core.models  # noqa: F401
from alembic import command
from blog_app.core import database


def test_upgrade_head_on_empty_database_matches_models(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    database.upgrade_schema(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, SQLModel.metadata) == []
        assert set(sa.inspect(connection).get_table_names()) == {
            "alembic_version",
            "post",
            "keyword",
            "postkeyword",
            "framework",
            "trait",
        }
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
