"""A log of the events whose facets changed (issue 20): ``facet_changes``, kept by triggers.

The facet index (:mod:`desktop.store.facetindex`) is read once — 3-4 s at a million events — and then
counts in milliseconds. Without a log, any edit made it stale until read again, and the counts went back
to SQL (seconds) meanwhile. With it, the index counts every event but those logged since its read, and
SQL counts those few. Triggers write the log, so no write path — an edit, an import, a merge, a
migration, another program — can forget to. A build trims it (:func:`desktop.store.facetlog.trim`).
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# (table, its event id column, the columns whose change changes a facet; None: any)
_LOGGED = (("event_entities", "event_id", None), ("event_languages", "event_id", None),
           ("events", "id", "type, date_lo, date_hi, id"))  # fmt: skip


def upgrade() -> None:
    # AUTOINCREMENT: a sequence number is never reused, even after the log is emptied.
    op.execute(
        "CREATE TABLE facet_changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, event_id INTEGER NOT NULL)"
    )
    for table, column, watched in _LOGGED:
        log = "INSERT INTO facet_changes(event_id) VALUES"
        op.execute(
            f"CREATE TRIGGER facet_log_{table}_insert AFTER INSERT ON {table} BEGIN {log} (new.{column}); END"
        )
        op.execute(
            f"CREATE TRIGGER facet_log_{table}_delete AFTER DELETE ON {table} BEGIN {log} (old.{column}); END"
        )
        of = f" OF {watched}" if watched else ""
        op.execute(
            f"CREATE TRIGGER facet_log_{table}_update AFTER UPDATE{of} ON {table} BEGIN "
            f"{log} (old.{column}); "
            f"INSERT INTO facet_changes(event_id) SELECT new.{column} WHERE new.{column} != old.{column}; END"
        )


def downgrade() -> None:
    for table, _column, _watched in _LOGGED:
        for action in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS facet_log_{table}_{action}")
    op.execute("DROP TABLE facet_changes")
