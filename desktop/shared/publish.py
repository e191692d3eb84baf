"""Moving an archive between a file and a server: ``publish`` uploads, ``clone`` makes an offline copy.

Both copy every table of the schema, in the order of its foreign keys, through SQLAlchemy Core (which
turns SQLite's 0/1 into PostgreSQL's booleans and back), a few thousand rows per statement, all in one
transaction on the side written: a failed or killed copy leaves nothing half-made. The full-text index
is derived data, so it is not copied but written anew in the target's own form (FTS5 or tsvector); the
facet change log is local bookkeeping and starts empty.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, Table, func, select, text

from desktop.store.schema import Base

_CHUNK = 5_000
# Not copied: the change log is bookkeeping of the store it was written in (and every row copied adds to it).
_SKIPPED = frozenset({"facet_changes"})
# A server's full-text tables and their GIN indexes (migration 0004: ix_<table>_doc).
_INDEXED = ("event_index", "entity_index")


class NotEmpty(Exception):
    """The target already holds an archive; the message says which and what to do."""


@dataclass
class CopyReport:
    """How many rows of each table were copied, and how many search rows were written."""

    rows: dict[str, int]
    indexed: int

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def _tables() -> list[Table]:
    return [t for t in Base.metadata.sorted_tables if t.name not in _SKIPPED]


def _chunks(source: Connection, table: Table) -> Iterator[list[dict[str, object]]]:
    order = list(table.primary_key.columns) or list(table.columns)
    result = source.execution_options(stream_results=True, yield_per=_CHUNK).execute(
        select(table).order_by(*order)
    )
    for part in result.mappings().partitions(_CHUNK):
        yield [dict(row) for row in part]


def is_empty(conn: Connection) -> bool:
    """Whether the archive holds no documents and no events (a new one, fresh from ``server init``)."""
    tables = Base.metadata.tables
    return not any(
        conn.execute(select(func.count()).select_from(tables[t])).scalar() for t in ("documents", "events")
    )


def copy_archive(
    source: Engine, target: Engine, progress: Callable[[str, int], None] | None = None
) -> CopyReport:
    """Copy every table of ``source`` into the empty archive of ``target``, then index it there."""
    from desktop.store.search_index import rebuild_search_index

    rows: dict[str, int] = {}
    with source.connect() as reading, target.begin() as writing:
        if not is_empty(writing):
            raise NotEmpty("it already holds an archive")
        server = writing.dialect.name != "sqlite"
        me = writing.execute(text("SELECT current_user")).scalar() if server else None
        for table in _tables():
            n = 0
            for chunk in _chunks(reading, table):
                if table.name == "user_notes" and me is not None:
                    for row in chunk:  # a file's notes are its reader's: on the server, the publisher's
                        row["author"] = row.get("author") or me
                if server:
                    _copy_in(writing, table, chunk)
                else:
                    writing.execute(table.insert(), chunk)
                n += len(chunk)
                if progress is not None:
                    progress(table.name, n)
            rows[table.name] = n
        if writing.dialect.name == "postgresql":
            _advance_sequences(writing)
        if server:
            # A GIN index is built far faster at once than row by row: dropped, filled, made again.
            writing.execute(text("SET LOCAL maintenance_work_mem = '256MB'"))
            for name in _INDEXED:
                writing.execute(text(f"DROP INDEX IF EXISTS ix_{name}_doc"))
        indexed = rebuild_search_index(writing)
        if server:
            for name in _INDEXED:
                writing.execute(text(f"CREATE INDEX ix_{name}_doc ON {name} USING gin (doc)"))
        # The log's rows of the copy itself (the triggers logged every row copied): gone. A server's by
        # TRUNCATE, which leaves no dead rows for the facet index's log reads to walk past.
        writing.execute(text("TRUNCATE facet_changes" if server else "DELETE FROM facet_changes"))
    return CopyReport(rows, indexed)


def _copy_in(conn: Connection, table: Table, rows: list[dict[str, object]]) -> None:
    """Rows into a server's table with PostgreSQL's COPY (psycopg's, in this transaction): several times
    faster than INSERTs for the millions of rows of a large archive."""
    names = [c.name for c in table.columns]
    quoted = ", ".join(f'"{n}"' for n in names)
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(f'COPY "{table.name}" ({quoted}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row([row.get(n) for n in names])


def _advance_sequences(conn: Connection) -> None:
    """Rows copied with their ids leave each id sequence behind: set it past the largest id."""
    for table in _tables():
        if "id" not in table.columns:
            continue
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)"
            )
        )
