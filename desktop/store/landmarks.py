"""Landmarks for jumping far into a long list: the keyset of every N-th row under a filter and order.

A jump to row 900,000 of a million-row list by ``OFFSET`` walks 900,000 index entries (100 ms and more on
two busy cores). One pass over the sort index, on a worker, notes the ``(sort value, id)`` of the last row
of every block; a jump then continues by keyset from its landmark, as cheap as the next page. No Qt here.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, and_, func, select, true

from desktop.store.queries import SORT_COLUMNS, EventFilter, conditions, search_errors
from desktop.store.schema import Event

_ev = Event.__table__.c


def block_landmarks(
    conn: Connection, f: EventFilter, sort: str, descending: bool, block: int
) -> dict[int, tuple[Any, int]] | None:
    """For each block number b ≥ 1: the keyset of the last row of block b - 1 (the row before b's first).

    None for an order that is not a column (relevance): its pages are fetched by ``OFFSET``.
    """
    col = SORT_COLUMNS.get(sort)
    if col is None:
        return None
    conds = conditions(f)
    order = (col.desc(), _ev.id.desc()) if descending else (col.asc(), _ev.id.asc())
    numbered = (
        select(col.label("value"), _ev.id.label("id"), func.row_number().over(order_by=order).label("n"))
        .where(and_(true(), *conds) if conds else true())
        .subquery()
    )
    every = select(numbered.c.value, numbered.c.id, numbered.c.n).where(numbered.c.n % block == 0)
    with search_errors(f.text):
        rows = conn.execute(every).all()
    return {int(r.n) // block: (r.value, int(r.id)) for r in rows}


__all__ = ["block_landmarks"]
