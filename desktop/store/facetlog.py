"""The log of events whose facets changed (``facet_changes``, written by triggers: migration 0012).

The facet index records the log's last sequence number when it is read; later, the events logged after it
are the ones it may count wrongly, and SQL counts those instead. A build trims the log when it has grown
long, and records how far it trimmed (``meta.facet_log_floor``): an index read before that point cannot
know what changed, and is read again.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import numpy as np

FLOOR_KEY = "facet_log_floor"
TRIM_OVER = 200_000  # rows the log may hold before a build trims it (about 4 MB)


def position(conn: Any) -> int | None:
    """The log's last sequence number (0 when nothing was logged yet); None when the store has no log
    (a store at an older schema, opened read-only). ``conn``: a DB-API or SQLAlchemy connection."""
    if not isinstance(conn, sqlite3.Connection) and conn.dialect.name != "sqlite":
        # A server's log: its writers number rows in commit order (migration 0012), so the largest
        # number seen is where this reader stands.
        return int(_one(conn, "SELECT coalesce(max(seq), 0) FROM facet_changes")[0])
    try:
        row = _one(conn, "SELECT seq FROM sqlite_sequence WHERE name = 'facet_changes'")
        if row is None:  # the table exists only if the migration ran: ask it
            _one(conn, "SELECT 1 FROM facet_changes LIMIT 1")
    except sqlite3.Error:
        return None
    except Exception as error:  # SQLAlchemy wraps the driver's error
        if isinstance(getattr(error, "orig", None), sqlite3.Error):
            return None
        raise
    return int(row[0]) if row is not None else 0


def changed_since(conn: Any, seq: int, most: int) -> np.ndarray | None:
    """The events logged after ``seq``, each once; None when there are more than ``most`` or the log was
    trimmed past ``seq`` (then the index must be read again)."""
    if _trimmed_past(conn, seq):
        return None
    rows = _all(conn, f"SELECT DISTINCT event_id FROM facet_changes WHERE seq > {int(seq)} LIMIT {most + 1}")
    if len(rows) > most:
        return None
    return np.array([r[0] for r in rows], dtype=np.int64)


def pending(conn: Any, seq: int) -> int | None:
    """How many log rows there are after ``seq`` (not distinct events: a cheap range count); None when
    the log was trimmed past it."""
    if _trimmed_past(conn, seq):
        return None
    row = _one(conn, f"SELECT count(*) FROM facet_changes WHERE seq > {int(seq)}")
    return int(row[0]) if row is not None else 0


def changed_events(conn: Any, seq: int) -> int | None:
    """How many distinct events were logged after ``seq`` (None when trimmed past it): what a server's
    index re-reads by — a team editing a few events all day logs many rows but changes few events."""
    if _trimmed_past(conn, seq):
        return None
    row = _one(conn, f"SELECT count(DISTINCT event_id) FROM facet_changes WHERE seq > {int(seq)}")
    return int(row[0]) if row is not None else 0


def _trimmed_past(conn: Any, seq: int) -> bool:
    floor = _one(conn, f"SELECT value FROM meta WHERE key = '{FLOOR_KEY}'")
    return floor is not None and int(floor[0]) > seq


def trim(conn: sqlite3.Connection) -> bool:
    """Empty the log if it holds more than :data:`TRIM_OVER` rows, recording how far (in the caller's
    write transaction). Indexes read before then are read again; an index of a few edits ago keeps its
    log, as most trims find nothing to do."""
    row = conn.execute("SELECT count(*), max(seq) FROM facet_changes").fetchone()
    if row is None or row[0] <= TRIM_OVER:
        return False
    conn.execute("DELETE FROM facet_changes")
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (FLOOR_KEY, str(row[1])))
    return True


def _one(conn: Any, sql: str) -> Any:
    return _execute(conn, sql).fetchone()


def _all(conn: Any, sql: str) -> list[Any]:
    return list(_execute(conn, sql).fetchall())


def _execute(conn: Any, sql: str) -> Any:
    if isinstance(conn, sqlite3.Connection):
        return conn.execute(sql)
    return conn.exec_driver_sql(sql)
