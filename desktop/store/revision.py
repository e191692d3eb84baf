"""The schema revision a store must be at to open without a migration.

Its own module, importing nothing, so that the window's fast start (:mod:`desktop.store.firstpage`) can
compare a store's revision without importing SQLAlchemy or Alembic; ``desktop.store.engine`` re-exports it.
"""

from __future__ import annotations

# The newest migration's revision id. A test checks it against Alembic's head, so that opening an
# up-to-date store never has to import Alembic (a third of a second on the start-up path).
SCHEMA_HEAD = "0014"

# The mark every archive carries in its SQLite header (``PRAGMA application_id``, bytes 68-71): "CBAV",
# China–Belarus Archive Viewer. See desktop.store.ownfiles, which explains the mark and reads it.
APPLICATION_ID = 0x43424156
