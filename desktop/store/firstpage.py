"""The event list's first page read with plain ``sqlite3``, so the window can paint it before SQLAlchemy.

Importing SQLAlchemy, the ORM schema and the query layer costs 0.7-1.4 s on the start path: several times
the whole start of a minimal Qt window. So when the store is ready as it is (present, at the schema head,
built, not flagged for a check), the window paints this page first and opens the store properly after it
(:class:`desktop.services.Archive`: its checks, the writer's lock, the query layer).

This module imports neither SQLAlchemy nor Qt. The page is the list's default view — no filter, newest
first (``ORDER BY sort_date DESC, id DESC``, what ``queries.page_events`` runs for an empty filter). Its
columns (:data:`LIST_ROW_COLUMNS`) and date formatting (:func:`list_date`) are the query layer's own: it
imports them from here. A test checks the two pages equal row for row.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from desktop.dates import FuzzyDate, display_range
from desktop.store.revision import APPLICATION_ID, SCHEMA_HEAD

FIRST_PAGE_ROWS = 200  # the list's block size (EventTableModel.BLOCK): one block fills any screen
# The file beside a store asking the next open for quick_check (desktop.store.engine.check_marker uses it).
CHECK_MARKER_SUFFIX = ".check-needed"
# Set to open every store read-only (the one definition: desktop.store.engine imports it from here).
READ_ONLY_ENV = "ARCHIVE_VIEWER_READ_ONLY"
_SQLITE_MAGIC = b"SQLite format 3\x00"

# The event columns a date is shown from, in list_date's order (the list, the stand-in and the export).
LIST_DATE_COLUMNS = (
    "start_date",
    "start_precision",
    "start_certainty",
    "end_date",
    "end_precision",
    "end_certainty",
)
# The columns a row of the event list is made from, in this order: the query layer selects the same ones
# (queries.listing._ROW_COLUMNS is built from this tuple), and both format the date with list_date.
LIST_ROW_COLUMNS = (
    "id",
    "key",
    "title",
    "type",
    *LIST_DATE_COLUMNS,
    "place_name",
    "countries",
    "languages",
    "source_count",
    "uncatalogued",
)
# The list's default view: no filter, newest first (what queries.page_events runs for an empty filter).
_FIRST_PAGE_SQL = f"SELECT {', '.join(LIST_ROW_COLUMNS)} FROM events ORDER BY sort_date DESC, id DESC LIMIT ?"
# The same page oldest first (the command line's default order: `archive-viewer events --limit N`).
_FIRST_PAGE_OLDEST_SQL = _FIRST_PAGE_SQL.replace("DESC", "ASC")


def list_date(
    start: str | None,
    start_precision: str,
    start_certainty: str,
    end: str | None,
    end_precision: str,
    end_certainty: str,
) -> str:
    """An event's date as the list shows it (the stand-in's and the query layer's, the same function)."""
    return display_range(
        FuzzyDate(start, start_precision, start_certainty), FuzzyDate(end, end_precision, end_certainty)
    )


@dataclass(frozen=True)
class FirstRow:
    """One row of the first page, with the fields the list shows (as ``queries.EventRow`` has them)."""

    id: int
    key: str
    title: str
    type: str
    date: str
    place: str
    countries: str
    languages: str
    sources: int
    uncatalogued: bool


def why_no_first_page(path: Path) -> str | None:
    """Why the store cannot be read ahead of opening it (then the window opens it as before), or None.

    Cheap checks only (no SQLite yet): the file is there, has an SQLite header, and no earlier session
    asked for its pages to be checked before they are trusted.
    """
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return "no store yet"
        if path.with_name(path.name + CHECK_MARKER_SUFFIX).exists():
            return "a check of its pages is pending"
        with path.open("rb") as fh:
            head = fh.read(100)
        if head[:16] != _SQLITE_MAGIC:
            return "not an SQLite file"
        if int.from_bytes(head[68:72], "big") != APPLICATION_ID:
            # Not marked as an archive (another application's database, or a store from before the
            # mark): the ordinary open tells which, and marks an old store.
            return "not marked as an Archive Viewer store"
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    return None


def writable_here(path: Path) -> bool:
    """Whether the store would open for writing (no read-only request, file and folder writable).

    A read-only store opens the ordinary way, so that the window shows why from its first paint.
    """
    if os.environ.get(READ_ONLY_ENV, "") not in ("", "0"):
        return False
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def read_first_page(
    path: Path, limit: int = FIRST_PAGE_ROWS, newest_first: bool = True
) -> list[FirstRow] | None:
    """The first ``limit`` rows of the unfiltered list in date order (newest first unless asked otherwise);
    None when the store is not ready.

    Not ready: missing, flagged for a check, not at :data:`SCHEMA_HEAD` (a migration must run first),
    without documents (the first run builds it), or any SQLite error (a locked or damaged file). In every
    such case the caller opens the store the ordinary way, which explains or repairs what is wrong.
    """
    path = Path(path)
    if why_no_first_page(path) is not None:
        return None
    try:
        # Read-only: nothing here may create, migrate or otherwise change the store.
        con = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True, timeout=1.0)
    except sqlite3.Error:
        return None
    try:
        versioned = con.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone()
        revision = con.execute("SELECT version_num FROM alembic_version").fetchone() if versioned else None
        if revision is None or revision[0] != SCHEMA_HEAD:
            return None
        if con.execute("SELECT NOT EXISTS (SELECT 1 FROM documents)").fetchone()[0]:
            return None
        sql = _FIRST_PAGE_SQL if newest_first else _FIRST_PAGE_OLDEST_SQL
        return [_first_row(r) for r in con.execute(sql, (limit,))]
    except sqlite3.Error:
        return None
    finally:
        con.close()


def _first_row(r: tuple) -> FirstRow:  # type: ignore[type-arg]
    (id_, key, title, type_, start, start_prec, start_cert, end, end_prec, end_cert) = r[:10]
    place, countries, languages, sources, uncatalogued = r[10:]
    return FirstRow(
        id=id_,
        key=key,
        title=title,
        type=type_,
        date=list_date(start, start_prec, start_cert, end, end_prec, end_cert),
        place=place,
        countries=countries,
        languages=languages,
        sources=sources,
        uncatalogued=bool(uncatalogued),
    )
