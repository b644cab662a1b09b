"""Alembic environment: migrates the app's database (DATABASE_URL) to the SQLModel schema."""

from __future__ import annotations

from logging.config import fileConfig

from sqlmodel import SQLModel

import blog_app.core.models  # noqa: F401  (registers every table on SQLModel.metadata)
from alembic import context
from blog_app.core.database import get_engine
from blog_app.core.database_file import DatabaseLocationError
from blog_app.core.search import include_in_autogenerate

config = context.config
if config.config_file_name and config.attributes.get("engine") is None:
    # Only the alembic CLI configures logging; the app keeps its own.
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = SQLModel.metadata


def app_engine():
    """The engine the app passed in, else DATABASE_URL's; a database folder that cannot be used fails in one line."""
    try:
        return config.attributes.get("engine") or get_engine()
    except DatabaseLocationError as error:
        # One line, like every other entry point (a CommandError would be logged and printed twice).
        raise SystemExit(f"error: {error}") from None


def run_migrations_offline() -> None:
    """Emit SQL for ``alembic upgrade --sql`` without a database connection."""
    context.configure(
        url=str(app_engine().url),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
        include_name=include_in_autogenerate,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run migrations on the engine the app passed in, or on DATABASE_URL's."""
    engine = app_engine()
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
            # The search indexes (FTS5 tables, tsvector tables) are the migration's, not the models'.
            include_name=include_in_autogenerate,
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
