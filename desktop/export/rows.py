"""The rows of a CSV export as one SQL statement per export, read straight off the SQLite cursor.

Every chosen column is a SQL expression that yields the cell's final text: people, organisations,
documents and the reader's notes are correlated ``group_concat`` sub-selects, dates and flags are
formatted by SQLite. The filter's WHERE and the list's order come from the query layer's own page
statement (:func:`desktop.store.queries.page_statement`) with its page limit lifted, so an export holds
exactly the events the list shows, in the list's order, search and relevance included.

Why not the query layer's row objects: building an ``EventRow`` per event, paging by keyset through
SQLAlchemy and two more look-ups per 500 rows ran at half the throughput of one plain statement; here
Python only moves finished strings from the cursor to ``csv.writer``. The one cell SQLite cannot make
is the list's display date (``date``), formatted in Python from six raw fields only when it is chosen.
"""

from __future__ import annotations

import contextlib
from collections.abc import Generator, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, literal_column, select

from desktop.multivalue import MULTI_SEPARATOR
from desktop.store.dialect import spelled_for
from desktop.store.firstpage import LIST_DATE_COLUMNS, list_date
from desktop.store.queries import EventFilter, page_statement, search_errors
from desktop.store.schema import Event
from desktop.textdigest import text_verified

# Rows per fetch from the cursor: also how often progress is reported and cancellation checked.
BATCH = 500

_EVENTS = Event.__tablename__
_SEP = "'" + MULTI_SEPARATOR.replace("'", "''") + "'"  # the separator as a SQL string literal


def _names(kind: str) -> str:
    # Same rows and order as desktop.store.queries.related_names: direct participants by sort name.
    # x_ee.kind is the entity's type copied into the link (the facets count by it): testing it first
    # skips looking up the other kinds' entities (4 % of the statement's time at 100 k events).
    return f"""coalesce((SELECT group_concat(name, {_SEP}) FROM (
        SELECT x_n.name FROM event_entities x_ee JOIN entities x_n ON x_n.id = x_ee.entity_id
        WHERE x_ee.event_id = {_EVENTS}.id AND x_ee.direct AND x_ee.kind = '{kind}'
          AND x_n.type = '{kind}'
        ORDER BY x_n.sort_name) AS x_names), '')"""


# A document whose stored text no longer matches its digest is exported with this after its SHA-256:
# the file's digest would otherwise vouch for a text that is not the original.
ALTERED_MARK = "TEXT ALTERED IN THE STORE: not the original"

# Each column's cell as SQL over the outer ``events`` row (text, as it goes into the file).
_CELL_SQL: dict[str, str] = {
    "id": f'{_EVENTS}."key"',
    "start": f"coalesce({_EVENTS}.start_date, '')",
    "end": f"coalesce({_EVENTS}.end_date, '')",
    "precision": f"{_EVENTS}.start_precision",
    "certainty": f"{_EVENTS}.start_certainty",
    "title": f"{_EVENTS}.title",
    "type": f"{_EVENTS}.type",
    "place": f"{_EVENTS}.place_name",
    "countries": f"{_EVENTS}.countries",
    "people": _names("person"),
    "organisations": _names("organisation"),
    "languages": f"{_EVENTS}.languages",
    # Same rows and order as desktop.store.queries.documents_of.
    "documents": f"""coalesce((SELECT group_concat(d, {_SEP}) FROM (
        SELECT x_doc.filename || ' (sha256:' || x_doc.sha256 || CASE
            WHEN text_altered(x_doc.text, x_doc.text_sha256) THEN '; {ALTERED_MARK}' ELSE '' END || ')' AS d
        FROM event_documents x_ed JOIN documents x_doc ON x_doc.id = x_ed.document_id
        WHERE x_ed.event_id = {_EVENTS}.id ORDER BY x_doc.filename) AS x_docs), '')""",
    "uncatalogued": f"CASE WHEN {_EVENTS}.uncatalogued THEN 'yes' ELSE 'no' END",
    "date": "''",  # filled in Python from the raw date fields selected after the cells
    "sources": f"CAST({_EVENTS}.source_count AS TEXT)",
    # Same rows and order as desktop.notes.notes_of: oldest first.
    "user_notes": f"""coalesce((SELECT group_concat(text, {_SEP}) FROM (
        SELECT x_un.text FROM user_notes x_un WHERE x_un.event_key = {_EVENTS}."key"
        ORDER BY x_un.created, x_un.id) AS x_notes), '')""",
}

Cells = tuple[Any, ...]
# Batches of rows; closing one early (a cancelled export) closes its cursor at once.
Batches = Generator[list[Cells], None, None]


def _cells(columns: Sequence[str], dialect: str = "sqlite") -> list[ColumnElement[Any]]:
    """The select list: one expression per chosen column, then the raw date fields if ``date`` is chosen."""
    cells: list[ColumnElement[Any]] = [literal_column(spelled_for(_CELL_SQL[c], dialect)) for c in columns]
    if "date" in columns:
        cells += [Event.__table__.c[name] for name in LIST_DATE_COLUMNS]
    return cells


def filter_statement(
    f: EventFilter, sort: str, descending: bool, columns: Sequence[str], dialect: str = "sqlite"
) -> Select[Any]:
    """Every event the list shows under ``f`` in its order, as the export's cells: one statement.

    The list's first page statement with its limit lifted: one statement in that order yields the same rows
    as the list's keyset pages one after another, since its order always ends with the unique event id.
    """
    return page_statement(f, sort, descending).limit(None).with_only_columns(*_cells(columns, dialect))


def _text_altered(text: str | None, recorded: str | None) -> int:
    return int(text is not None and text_verified(text, recorded) is False)


def _run(conn: Connection, stmt: Select[Any]) -> Batches:
    """Execute ``stmt`` on the connection's own sqlite3 cursor and yield its rows ``BATCH`` at a time.

    The statement is compiled by SQLAlchemy (IN lists expanded) but run on the DB-API cursor: the rows are
    plain tuples of finished strings, so SQLAlchemy's per-row result processing is not paid for.
    """
    compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    values = compiled.construct_params()
    params: Any = [values[name] for name in compiled.positiontup] if compiled.positiontup else values
    driver: Any = conn.connection.driver_connection
    if conn.dialect.name == "sqlite":
        # Each exported document's text is checked against its digest (desktop.textdigest), by SQLite
        # calling back into Python: about 5 µs a document, read included (measured on 21,832 synthetic
        # documents). A server has the same function in SQL (migration 0013).
        driver.create_function("text_altered", 2, _text_altered, deterministic=True)
    cursor = driver.cursor()
    try:
        cursor.execute(str(compiled), params)
        while rows := cursor.fetchmany(BATCH):
            yield rows
    finally:
        cursor.close()


def _with_dates(batches: Batches, columns: Sequence[str]) -> Batches:
    """Put the list's display date into the ``date`` cell, from the raw fields at the end of each row."""
    width, at = len(columns), columns.index("date")
    try:
        for rows in batches:
            out: list[Cells] = []
            for row in rows:
                shown = list_date(*row[width:])
                out.append((*row[:at], shown, *row[at + 1 : width]))
            yield out
    finally:
        batches.close()


def filtered_rows(
    conn: Connection, f: EventFilter, sort: str, descending: bool, columns: Sequence[str]
) -> Batches:
    """The cells of every event matching ``f`` in the list's order, in batches of up to ``BATCH`` rows."""
    statement = filter_statement(f, sort, descending, columns, conn.dialect.name)
    batches = _searching(f.text, _run(conn, statement))
    return _with_dates(batches, columns) if "date" in columns else batches


def _searching(query_text: str | None, batches: Batches) -> Batches:
    """The batches, a search SQLite refuses told as a one-line QueryError (queries.search_errors)."""
    with contextlib.closing(batches), search_errors(query_text):
        yield from batches


def selected_rows(conn: Connection, ids: Sequence[int], columns: Sequence[str]) -> Batches:
    """The cells of the given events in exactly the order given (a reader's selection), in batches.

    As :func:`desktop.store.queries.rows_by_ids`: unknown ids are skipped, an id given twice is written
    twice. Each chunk of ids is one statement; its rows are put back in the reader's order.
    """
    ev = Event.__table__.c
    cells = _cells(columns, conn.dialect.name)
    for start in range(0, len(ids), BATCH):
        chunk = list(ids[start : start + BATCH])
        stmt = select(ev.id, *cells).select_from(Event.__table__).where(ev.id.in_(chunk))
        found = {row[0]: row[1:] for rows in _run(conn, stmt) for row in rows}
        batch = [found[i] for i in chunk if i in found]
        if batch:
            yield from _with_dates(_once(batch), columns) if "date" in columns else [batch]


def _once(batch: list[Cells]) -> Batches:
    yield batch
