"""The store's row writer: plain INSERTs of many rows at once, built from the schema.

Bulk writers (the build, and the synthetic-archive generator in ``benchmarks/``) skip the ORM and
SQLAlchemy's per-row parameter processing: one driver-level ``executemany`` per table and batch. The
statements are built from the tables in ``desktop.store.schema``, so a writer names the columns it fills
and never keeps its own copy of a table's column list; a column the schema does not have is an error here,
with its name, not a failed INSERT later.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from sqlalchemy import Connection, Table

from desktop.store.schema import Base


def table_of(table: Table | str) -> Table:
    """The schema's table of that name (a ``Table`` is returned as it is)."""
    if isinstance(table, Table):
        return table
    found = Base.metadata.tables.get(table)
    if found is None:
        raise ValueError(f"the store's schema has no table {table!r}")
    return found


def table_columns(table: Table | str, *, key: bool = True) -> tuple[str, ...]:
    """The table's columns, in the schema's order.

    ``key=False`` leaves out its integer surrogate key (the column SQLite numbers itself when a row leaves
    it out), for writers that let the store number the rows.
    """
    t = table_of(table)
    surrogate = None if key else t.autoincrement_column
    return tuple(c.name for c in t.columns if c is not surrogate)


def insert_sql(table: Table | str, columns: Sequence[str], mark: str = "?") -> tuple[str, tuple[object, ...]]:
    """The driver's INSERT for these columns, plus the values of the table's other columns' defaults.

    The statement's parameters are ``columns`` in their order, then the defaults: a row is written as
    ``(*values, *defaults)``; ``mark`` is the driver's positional placeholder (sqlite3's ``?``, psycopg's
    ``%s``). Raises ValueError naming the table or column the schema does not have.
    """
    return _insert_sql(table_of(table), tuple(columns), mark)


@functools.lru_cache(maxsize=128)
def _insert_sql(table: Table, columns: tuple[str, ...], mark: str) -> tuple[str, tuple[object, ...]]:
    known = {c.name for c in table.columns}
    unknown = [c for c in columns if c not in known]
    if unknown:
        raise ValueError(f"the store's table {table.name!r} has no column {', '.join(map(repr, unknown))}")
    defaults = [
        c for c in table.columns if c.name not in columns and c.default is not None and c.default.is_scalar
    ]
    names = [*columns, *(c.name for c in defaults)]
    quoted = ", ".join(f'"{n}"' for n in names)
    marks = ", ".join([mark] * len(names))
    sql = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({marks})'
    return sql, tuple(c.default.arg for c in defaults)  # type: ignore[union-attr]


def insert_rows(conn: Connection, table: Table | str, rows: Sequence[dict[str, object]]) -> None:
    """Insert rows (dicts with the same keys) with one ``executemany`` of the driver.

    The values are plain str, int, bool or None, so nothing is lost by skipping SQLAlchemy's per-row
    parameter processing, which cost more than SQLite's own inserting (measured on a build's profile).
    """
    if not rows:
        return
    columns = tuple(rows[0])
    sql, defaults = insert_sql(table, columns, "?" if conn.dialect.name == "sqlite" else "%s")
    conn.exec_driver_sql(sql, [(*(row[c] for c in columns), *defaults) for row in rows])
