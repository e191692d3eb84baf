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

# The advisory lock a server's log writers hold till they commit (any number the app uses nowhere else).
LOG_LOCK = 20_0012
# (table, its event id column, the columns whose change changes a facet; None: any)
_LOGGED = (("event_entities", "event_id", None), ("event_languages", "event_id", None),
           ("events", "id", "type, date_lo, date_hi, id"))  # fmt: skip


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _upgrade_server()
        return
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


def _upgrade_server() -> None:
    """The same log on PostgreSQL: statement-level triggers reading the changed rows as transition tables
    (one INSERT … SELECT per statement, not one per row: an upload writes millions of links).

    PostgreSQL allows no column list on a trigger with transition tables, so any update of ``events``
    logs its event (SQLite's watch only the facet columns): on a server the log also tells open windows
    which events others changed.

    Writers of the log take one transaction-long lock first, so sequence numbers are given in commit
    order, as SQLite's single writer gives them: a reader that saw the log up to N will see every later
    change numbered above N (concurrent writers could otherwise commit a smaller number after it read).
    """
    op.execute("CREATE TABLE facet_changes (seq BIGSERIAL PRIMARY KEY, event_id INTEGER NOT NULL)")
    log = "INSERT INTO facet_changes(event_id) SELECT"
    for table, column, _watched in _LOGGED:
        bodies = {
            "insert": ("NEW TABLE AS new_rows", f"{log} {column} FROM new_rows;"),
            "delete": ("OLD TABLE AS old_rows", f"{log} {column} FROM old_rows;"),
            "update": (
                "OLD TABLE AS old_rows NEW TABLE AS new_rows",
                f"{log} {column} FROM old_rows; "
                f"{log} {column} FROM new_rows EXCEPT SELECT {column} FROM old_rows;",
            ),
        }
        for action, (referencing, body) in bodies.items():
            name = f"facet_log_{table}_{action}"
            op.execute(
                f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
                f"BEGIN PERFORM pg_advisory_xact_lock({LOG_LOCK}); {body} RETURN NULL; END $$"
            )
            op.execute(
                f"CREATE TRIGGER {name} AFTER {action.upper()} ON {table} REFERENCING {referencing} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table, _column, _watched in _LOGGED:
            for action in ("insert", "delete", "update"):
                op.execute(f"DROP TRIGGER IF EXISTS facet_log_{table}_{action} ON {table}")
                op.execute(f"DROP FUNCTION IF EXISTS facet_log_{table}_{action}()")
        op.execute("DROP TABLE facet_changes")
        return
    for table, _column, _watched in _LOGGED:
        for action in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS facet_log_{table}_{action}")
    op.execute("DROP TABLE facet_changes")
