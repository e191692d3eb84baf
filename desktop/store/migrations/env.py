"""Alembic environment: migrations always run on a connection handed over by ``desktop.store.engine``."""

from alembic import context

from desktop.store.schema import Base

connection = context.config.attributes["connection"]
# render_as_batch: SQLite cannot ALTER most things, so Alembic copies and swaps tables instead.
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
