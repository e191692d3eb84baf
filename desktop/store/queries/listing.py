"""The event list: sort orders, keyset pages, counts, every matching event, and the row of one event.

Apart from the filters they apply: this is how a filtered list is ordered, paged and counted.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    FromClause,
    Join,
    Select,
    column,
    func,
    literal_column,
    select,
    table,
    tuple_,
)

from desktop.search import ROWID_MASK, compile_scores, event_rowid, parse_query
from desktop.search.sql import compile_condition
from desktop.store.firstpage import LIST_ROW_COLUMNS, list_date
from desktop.store.queries.errors import search_errors
from desktop.store.queries.filters import ENTITY_KINDS, EventFilter, _where, conditions
from desktop.store.schema import Event, EventEntity, EventLanguage

_ev = Event.__table__.c
_ee = EventEntity.__table__.c
_el = EventLanguage.__table__.c

SORT_COLUMNS: dict[str, Any] = {
    "date": _ev.sort_date,
    "title": _ev.title_sort,
    "type": _ev.type,
    "place": _ev.place_name,
    "countries": _ev.countries,
    "languages": _ev.languages,
    "sources": _ev.source_count,
}

# Orders the list can take besides the columns: by relevance to the search (best first, ascending).
RELEVANCE = "relevance"
SORT_KEYS = (*SORT_COLUMNS, RELEVANCE)

# The rows of a page: the list's block, the command line's and the export's batches.
PAGE = 200


@dataclass(frozen=True)
class EventRow:
    """One line of the event list, pre-formatted (the list asks for it many times a second)."""

    id: int
    key: str
    title: str
    type: str
    date: str
    start: str | None
    end: str | None
    precision: str
    certainty: str
    place: str
    countries: str
    languages: str
    sources: int
    uncatalogued: bool
    sort_value: Any


def _probe_threshold(conn: Connection) -> int:
    """The matches above which probing a condition beats listing it, for a page of :data:`PAGE` rows."""
    events = conn.execute(select(func.max(_ev.id))).scalar() or 0
    # Measured at 100,000 events: a probe costs about as much as collecting and sorting a row (1.5-2 µs).
    return max(1000, math.isqrt(PAGE * events))


def probe_kinds(conn: Connection, f: EventFilter) -> frozenset[str]:
    """The filter's entity and language conditions that match too many events to be listed first.

    A page in order can either walk the sort index and probe each row (cost: rows walked until the page
    is full, about ``limit × events / matches``), or collect the matching events and sort them (cost:
    ``matches``). The two cost the same near ``√(limit × events)`` matches (4,500 of 100,000 events).
    Each condition's matches are counted up to that threshold, which reads at most that many index
    entries (a country matching 600,000 of a million events: about 1 ms instead of counting them all).
    """
    wanted: list[tuple[str, Any, set[Any]]] = []
    for kind in (*ENTITY_KINDS, "language"):
        key = _el.language if kind == "language" else _ee.entity_id
        for name, values in ((kind, f.values(kind)), (f"-{kind}", f.excluded(kind))):
            if values:
                wanted.append((name, key, values))
    if not wanted:
        return frozenset()
    threshold = _probe_threshold(conn)
    out: set[str] = set()
    for name, key, values in wanted:
        some: Select[Any] = (
            select(literal_column("1")).select_from(key.table).where(key.in_(values)).limit(threshold)
        )
        if conn.execute(select(func.count()).select_from(some.subquery())).scalar_one() >= threshold:
            out.add(name)
    return frozenset(out)


def count_events(conn: Connection, f: EventFilter) -> int:
    if len(f.include) == 1 and f == EventFilter(include=f.include):
        # One person, place, country… (a click in the filter panel): its links are its events, counted
        # straight from the link table's index (a country at a million events: 60 ms instead of 700 ms).
        ((kind, value),) = f.include
        if kind in (*ENTITY_KINDS, "language"):
            key = _el.language if kind == "language" else _ee.entity_id
            return int(
                conn.execute(select(func.count()).select_from(key.table).where(key == value)).scalar_one()
            )
    with search_errors(f.text):
        stmt = select(func.count()).select_from(Event.__table__).where(_where(f))
        return int(conn.execute(stmt).scalar_one())


def _row(r: Any, sort_value: Any) -> EventRow:
    return EventRow(
        id=r.id,
        key=r.key,
        title=r.title,
        type=r.type,
        date=list_date(
            r.start_date, r.start_precision, r.start_certainty, r.end_date, r.end_precision, r.end_certainty
        ),
        start=r.start_date,
        end=r.end_date,
        precision=r.start_precision,
        certainty=r.start_certainty,
        place=r.place_name,
        countries=r.countries,
        languages=r.languages,
        sources=r.source_count,
        uncatalogued=bool(r.uncatalogued),
        sort_value=sort_value,
    )


# The fast start's columns (store.firstpage, which must not import SQLAlchemy): one list for both.
_ROW_COLUMNS = tuple(_ev[name] for name in LIST_ROW_COLUMNS)


def _sort_source(f: EventFilter, sort: str) -> tuple[ColumnElement[Any], FromClause]:
    """The column to order by and the rows it comes from; relevance joins the search's scores."""
    if sort == RELEVANCE:
        if not (f.text and f.text.strip()):
            return SORT_COLUMNS["date"], Event.__table__  # nothing to be relevant to: time order
        compiled = compile_scores(parse_query(f.text))
        if compiled.negated:
            return SORT_COLUMNS["date"], Event.__table__  # only exclusions: nothing to rank by
        # (SQLite's bm25, or a server's ts_rank: desktop.search.sql, CompiledQuery.clause)
        scores = compiled.clause().columns(column("event_id"), column("score")).subquery("scores")
        return scores.c.score, Event.__table__.join(scores, scores.c.event_id == _ev.id)
    if sort not in SORT_COLUMNS:
        raise ValueError(f"cannot sort by {sort!r}: choose one of {', '.join(SORT_KEYS)}")
    return SORT_COLUMNS[sort], Event.__table__


def page_events(
    conn: Connection,
    f: EventFilter,
    sort: str = "date",
    descending: bool = False,
    after: tuple[Any, int] | None = None,
    limit: int = PAGE,
    offset: int = 0,
) -> list[EventRow]:
    """One page of events in the given order, continuing after ``(sort value, id)`` of the last row seen.

    ``offset`` is for a first jump far into the list, when no earlier row is known; after that, pages
    continue by keyset (an OFFSET costs time proportional to the rows it skips).
    """
    stmt = page_statement(f, sort, descending, after, limit, offset, probe_kinds(conn, f))
    with search_errors(f.text):
        return [_row(r, r.sort_value) for r in conn.execute(stmt)]


_event_index = table("event_index", column("rowid"))


def _search_in_time_order(
    f: EventFilter,
    descending: bool,
    after: tuple[Any, int] | None,
    limit: int,
    offset: int,
    probe: frozenset[str],
) -> Select[Any] | None:
    """A search's page in date order read straight off the event index, whose rowids are in that order.

    The index is the outer loop: SQLite stops after ``limit`` matching rows instead of collecting every
    event that matches and sorting them (a common word: 0.1 s at 100,000 events, ten times more at a
    million). The other filters are checked on each row as it comes. A server's index has the same
    rowids, and the search as ``event_index.doc @@ …`` (``compile_condition``).
    """
    compiled = compile_condition(parse_query(f.text or ""))
    if compiled.negated:
        return None
    rowid = _event_index.c.rowid
    match = compiled.clause()
    stmt = (
        select(*_ROW_COLUMNS, _ev.sort_date.label("sort_value"))
        .select_from(_event_index.join(Event.__table__, _ev.id == rowid.op("&")(ROWID_MASK)))
        .where(match, _where(replace(f, text=None), probe=probe))
    )
    after_key = event_rowid(after[0], after[1]) if after is not None else None
    return _keyset_page(stmt, [rowid], after_key, descending, limit, offset)


def _keyset_page(
    stmt: Select[Any],
    order: list[Any],
    after: Any,
    descending: bool,
    limit: int,
    offset: int,
) -> Select[Any]:
    """``stmt`` ordered by the columns ``order``, continuing after the key ``after`` (or from ``offset``)."""
    if after is not None:
        key = order[0] if len(order) == 1 else tuple_(*order)
        stmt = stmt.where(key < after if descending else key > after)
    stmt = stmt.order_by(*(c.desc() if descending else c.asc() for c in order)).limit(limit)
    if offset and after is None:
        stmt = stmt.offset(offset)
    return stmt


def page_statement(
    f: EventFilter,
    sort: str = "date",
    descending: bool = False,
    after: tuple[Any, int] | None = None,
    limit: int = PAGE,
    offset: int = 0,
    probe: frozenset[str] = frozenset(),
) -> Select[Any]:
    """The SELECT behind :func:`page_events` (benchmarks run the same SQL in the sqlite3 shell).

    ``probe``: the conditions to test row by row (:func:`probe_kinds`); the rows are the same either way.
    """
    if sort == "date" and f.text and f.text.strip():
        timed = _search_in_time_order(f, descending, after, limit, offset, probe)
        if timed is not None:
            return timed
    col, source = _sort_source(f, sort)
    where = f
    if isinstance(source, Join) and not conditions(replace(f, text=None)):
        return _best_first(source.right, descending, after, limit, offset)
    if source is not Event.__table__:
        # Ranked by relevance: the join to the scores keeps exactly the matching events, so the search's
        # own condition would only run the full-text match a second time (its cost doubled).
        where = replace(f, text=None)
    stmt = (
        select(*_ROW_COLUMNS, col.label("sort_value")).select_from(source).where(_where(where, probe=probe))
    )
    after_key = tuple_(*after) if after is not None else None
    return _keyset_page(stmt, [col, _ev.id], after_key, descending, limit, offset)


def _best_first(
    scores: FromClause,
    descending: bool,
    after: tuple[Any, int] | None,
    limit: int,
    offset: int,
) -> Select[Any]:
    """A search alone, by relevance: the page's scores first, then only its events read.

    Ordering the scores before joining the events lets SQLite keep the best ``limit`` in its sorter and
    read ``limit`` events; joined first, it read every matching event's row (234,000 for a common word at
    a million events: 1.1 s, half of it that reading).
    """
    key = [scores.c.score, scores.c.event_id]
    after_key = tuple_(*after) if after is not None else None
    best = _keyset_page(select(*key), key, after_key, descending, limit, offset).subquery("best")
    stmt = select(*_ROW_COLUMNS, best.c.score.label("sort_value")).select_from(
        Event.__table__.join(best, best.c.event_id == _ev.id)
    )
    order = (best.c.score, _ev.id)
    return stmt.order_by(*(c.desc() if descending else c.asc() for c in order))


def row_of_event(conn: Connection, f: EventFilter, sort: str, descending: bool, event_id: int) -> int | None:
    """The row an event has in the list under a filter and order, or None if it does not match."""
    with search_errors(f.text):
        return _row_of_event(conn, f, sort, descending, event_id)


def _row_of_event(conn: Connection, f: EventFilter, sort: str, descending: bool, event_id: int) -> int | None:
    col, source = _sort_source(f, sort)
    # One event: each condition is a lookup, never a list of every event it matches.
    every = frozenset({k for k, _ in f.include} | {f"-{k}" for k, _ in f.exclude})
    one = select(col).select_from(source).where(_ev.id == event_id, _where(f, probe=every))
    value = conn.execute(one).one_or_none()
    if value is None:
        return None
    key = tuple_(col, _ev.id)
    before = key > tuple_(value[0], event_id) if descending else key < tuple_(value[0], event_id)
    # Counting the rows before it by probing costs a lookup per row before it in the whole archive;
    # listing costs a row per event the filter matches. Probe when the rows before are few (the event
    # was near the top of the list, as a reselected event usually is: 1M, a country: 850 → 7 ms).
    probe: frozenset[str] = frozenset()
    if sort != RELEVANCE:
        limit = 2 * _probe_threshold(conn)
        nearby: Select[Any] = select(literal_column("1")).select_from(source).where(before).limit(limit)
        if conn.execute(select(func.count()).select_from(nearby.subquery())).scalar_one() < limit:
            probe = probe_kinds(conn, f)
    stmt = select(func.count()).select_from(source).where(_where(f, probe=probe), before)
    return int(conn.execute(stmt).scalar_one())


def iter_events(
    conn: Connection, f: EventFilter, sort: str = "date", descending: bool = False, block: int = 1000
) -> Iterator[EventRow]:
    """Every matching event, fetched page by page (for exports and the command line)."""
    after: tuple[Any, int] | None = None
    while True:
        rows = page_events(conn, f, sort, descending, after, block)
        yield from rows
        if len(rows) < block:
            return
        after = (rows[-1].sort_value, rows[-1].id)


def rows_in_date_order(conn: Connection, ids: Sequence[int]) -> list[EventRow]:
    """Events in exactly the order given, each with its date sort key as ``sort_value`` (the key a page in
    date order continues after): a first page found elsewhere (the facet index) read as SQL would."""
    col = SORT_COLUMNS["date"]
    found: dict[int, EventRow] = {}
    for chunk_start in range(0, len(ids), 500):
        chunk = list(ids[chunk_start : chunk_start + 500])
        for r in conn.execute(select(*_ROW_COLUMNS, col.label("sort_value")).where(_ev.id.in_(chunk))):
            found[r.id] = _row(r, r.sort_value)
    return [found[i] for i in ids if i in found]


def rows_by_ids(conn: Connection, ids: Sequence[int]) -> list[EventRow]:
    """Events in exactly the order given (a reader's selection); unknown ids are skipped."""
    found: dict[int, EventRow] = {}
    for chunk_start in range(0, len(ids), 500):
        chunk = list(ids[chunk_start : chunk_start + 500])
        for r in conn.execute(select(*_ROW_COLUMNS).where(_ev.id.in_(chunk))):
            found[r.id] = _row(r, None)
    return [found[i] for i in ids if i in found]
