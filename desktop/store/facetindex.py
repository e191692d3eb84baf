"""Facet counts from per-value lists of event ids, counted in NumPy (issue 20).

SQL counts a facet by joining the links of every matching event and grouping them: 3.7 s for every kind
under a country at a million events. Search engines keep, for each facet value, the set of its documents
(Lucene's and Meilisearch's bitmaps), and count by intersecting those sets with the filter's. Here each
kind's sets are one array in compressed-row form — value ``i``'s events are ``ids[offsets[i]:offsets[i+1]]``
— read from the store in one pass (``group_concat`` per value, parsed by NumPy), and the filter is a
boolean mask over event ids. Counting a kind is one gather and one segmented sum over its array
(``np.add.reduceat``): about 50 ms for every kind under any filter at a million events, in 47 MB. (A Roaring
bitmap per value counted as fast but its 75,000 small bitmaps took 100 MB; this design was measured
against it: see docs/performance.md.)

A filter's entity, type and language conditions become the mask by the same sets; its dates come from a
table of each event's possible days; its search words are the SQL's own condition, run once for the ids
it keeps. The counts are exactly the SQL's (a test compares them under many filters).

The index describes the store as it was when read: :class:`FacetIndexer` checks ``PRAGMA data_version`` —
which changes with every commit by any other connection, in this process or another — before each use,
and reads a fresh index in the background when the store has changed; till then the SQL answers.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import Connection, Engine, Text, and_, cast, func, select

from desktop.memory import give_back_memory
from desktop.store import facetlog
from desktop.store.queries.facets import FacetValue, all_facets
from desktop.store.queries.filters import ENTITY_KINDS, EventFilter, conditions
from desktop.store.schema import Entity, Event

_ev = Event.__table__.c
_en = Entity.__table__.c
_NONE = np.empty(0, dtype=np.uint32)
# Events changed since the read that the index still answers for, counting those in SQL; more, and the
# counts go to SQL till a new read is done (begun after REREAD_AFTER log rows).
OVERLAY_MOST = 20_000
REREAD_AFTER = 2_000


def _ids(text: str | None) -> np.ndarray:
    """Event ids from SQLite's ``group_concat`` (a comma-separated string, or NULL for none): parsed in C,
    never as a million Python strings."""
    return np.fromstring(text, dtype=np.uint32, sep=",") if text else _NONE


class _Links:
    """One kind's values and their events in compressed-row form: value ``i``'s events are
    ``ids[offsets[i]:offsets[i + 1]]``. Entities' names are not kept (75,000 of them were 25 MB at a
    million events): :meth:`counts` asks for those of the values it shows. Entity ids are kept in one
    sorted NumPy array and found by bisection (as Python ints in a list and a dict they took 9 MB)."""

    def __init__(self, values: list[Any], ids: np.ndarray, offsets: np.ndarray) -> None:
        self.ids, self.offsets = ids, offsets
        numbers = np.array(values, dtype=np.int64) if all(type(v) is int for v in values) else None
        if numbers is not None and bool(np.all(numbers[1:] > numbers[:-1])):
            self._sorted: np.ndarray | None = numbers
            self._position: dict[Any, int] = {}
        else:  # types and languages: a handful of strings
            self._sorted, self._position = None, {v: i for i, v in enumerate(values)}
        self._values = values if self._sorted is None else []

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def value(self, i: int) -> Any:
        return int(self._sorted[i]) if self._sorted is not None else self._values[i]

    def position(self, value: Any) -> int | None:
        if self._sorted is None:
            return self._position.get(value)
        if type(value) is not int:
            return None
        i = int(np.searchsorted(self._sorted, value))
        return i if i < len(self._sorted) and int(self._sorted[i]) == value else None

    @classmethod
    def read(cls, groups: Iterable[tuple[Any, str | None]], total: int) -> _Links:
        """From (value, group_concat of its event ids) rows; ``total``: how many ids in all (the array is
        made once at its size: 75,000 small arrays kept till the end fragmented the heap by 100 MB at a
        million events)."""
        values: list[Any] = []
        ids = np.empty(total, dtype=np.uint32)
        ends: list[int] = []
        end = 0
        for value, text in groups:
            events = _ids(text)
            if len(events) and end + len(events) <= total:
                ids[end : end + len(events)] = events
                end += len(events)
                values.append(value)
                ends.append(end)
        offsets = np.zeros(len(ends) + 1, dtype=np.int64)
        offsets[1:] = ends
        kept = ids[:end].copy() if end < total else ids
        return cls(values, kept, offsets)

    def events(self, value: Any) -> np.ndarray:
        i = self.position(value)
        return _NONE if i is None else self.ids[self.offsets[i] : self.offsets[i + 1]]

    def counts(
        self,
        mask: np.ndarray | None,
        limit: int | None,
        names: Callable[[list[Any]], dict[Any, tuple[str, str]]],
        buffer: np.ndarray,
        extra: dict[Any, int] | None = None,
    ) -> list[tuple[int, str, Any, str]]:
        """(count, tie-break, value, label) of the values with events in ``mask`` (None: every event),
        best first; at most ``limit``. ``names`` gives the (label, tie-break key) of the values asked;
        ``buffer``: a scratch array at least as long as ``ids``, shared by every kind; ``extra``: counts
        to add, of events the mask leaves out (those changed since the index was read)."""
        if not len(self) and not extra:
            return []
        if not len(self):
            n = np.zeros(0, dtype=np.int64)
        elif mask is None:
            n = np.diff(self.offsets)
        else:  # every value has an event: no empty segment for reduceat to misread
            # Gathered into a buffer kept for the purpose: a new 10 MB array each time left the heap
            # 40 MB larger after a few filters (the allocator keeps what it was given back).
            gathered = buffer[: len(self.ids)]
            np.take(mask, self.ids, out=gathered)
            n = np.add.reduceat(gathered, self.offsets[:-1], dtype=np.int64)
        outside: dict[Any, int] = {}
        if extra:
            n = n.astype(np.int64, copy=True)
            for value, count in extra.items():
                i = self.position(value)
                if i is None:
                    outside[value] = count  # a value new since the read
                else:
                    n[i] += count
        found = np.flatnonzero(n)
        if limit is not None and len(found) > limit:
            last = np.partition(n[found], len(found) - limit)[len(found) - limit]
            found = found[n[found] >= last]  # the places shown, and any tied with the last of them
        counted = [(self.value(int(i)), int(n[i])) for i in found] + list(outside.items())
        named = names([v for v, _n in counted])
        rows = [(c, named[v][1], v, named[v][0]) for v, c in counted]
        best = sorted(rows, key=lambda c: (-c[0], c[1]))
        return best if limit is None else best[:limit]


def _day(iso: str) -> int:
    """An ISO day as a number that sorts as it does ("2021-06-04" → 20210604)."""
    return int(iso.replace("-", ""))


class _Dates:
    """Every dated event's first and last possible day, in order of the first: a date range is a slice
    of it and a comparison (SQL took 55 ms for 20,000 events of 100,000; this takes ~1 ms)."""

    def __init__(self, ids: np.ndarray, lo: np.ndarray, hi: np.ndarray, undated: np.ndarray) -> None:
        self.ids, self.lo, self.hi, self.undated = ids, lo, hi, undated

    @classmethod
    def read(cls, conn: _Statements) -> _Dates:
        day = "CAST(replace({}, '-', '') AS INTEGER)"
        rows = conn.execute(
            f"SELECT id, {day.format('date_lo')}, {day.format('date_hi')} FROM events"
            " WHERE date_lo IS NOT NULL AND date_hi IS NOT NULL ORDER BY date_lo"
        )
        chunks = [np.empty((0, 3), dtype=np.int64)]
        # 10,000 rows at a time: a million as tuples is 150 MB, and a large chunk holds the interpreter (the
        # window's thread with it) for tens of milliseconds while it is made.
        while chunk := rows.fetchmany(10_000):
            chunks.append(np.array(chunk, dtype=np.int64))
        table = np.concatenate(chunks)
        undated = "SELECT group_concat(id) FROM events WHERE date_lo IS NULL OR date_hi IS NULL"
        return cls(
            table[:, 0].astype(np.uint32),
            table[:, 1].astype(np.int32),  # YYYYMMDD fits: 12 bytes an event in all, not 24
            table[:, 2].astype(np.int32),
            _ids(conn.execute(undated).fetchone()[0]),
        )

    def within(self, date_from: str | None, date_to: str | None, imprecise: bool) -> np.ndarray:
        """The events the SQL's date conditions keep (:func:`desktop.store.queries.filters.conditions`):
        every possible day inside the range; with ``imprecise`` also those that may overlap it, and the
        undated."""
        lo, hi = _day(date_from or "0000-01-01"), _day(date_to or "9999-12-31")
        if imprecise:
            end = int(np.searchsorted(self.lo, hi, side="right"))  # first possible day ≤ hi
            return np.concatenate((self.ids[:end][self.hi[:end] >= lo], self.undated))
        start = int(np.searchsorted(self.lo, lo, side="left"))
        end = int(np.searchsorted(self.lo, hi, side="right"))
        return self.ids[start:end][self.hi[start:end] <= hi]


def _in_date_order(conn: _Statements) -> np.ndarray:
    """Every event id in the order of the list's date sort, by SQLite's own ordering of ``sort_date``
    (10,000 rows at a time, as the date table)."""
    rows = conn.execute("SELECT id FROM events ORDER BY sort_date, id")
    chunks = [np.empty(0, dtype=np.uint32)]
    while chunk := rows.fetchmany(10_000):
        chunks.append(np.fromiter((r[0] for r in chunk), dtype=np.uint32, count=len(chunk)))
    return np.concatenate(chunks)


def _as_named(values: list[Any]) -> dict[Any, tuple[str, str]]:
    """Types and languages are their own labels and order."""
    return {v: (v, v) for v in values}


def _entity_names(conn: Connection, ids: list[Any]) -> dict[Any, tuple[str, str]]:
    """The (name, sort name) of the entities shown: the SQL's label and tie-break (a missing sort name
    sorts first, as SQL's NULL does)."""
    out: dict[Any, tuple[str, str]] = {}
    for start in range(0, len(ids), 10_000):  # within SQLite's limit on bound values
        chunk = ids[start : start + 10_000]
        rows = conn.execute(select(_en.id, _en.name, _en.sort_name).where(_en.id.in_(chunk)))
        out.update({r.id: (r.name or "", r.sort_name or "") for r in rows})
    return {i: out.get(i, ("", "")) for i in ids}


class FacetIndex:
    """The facet lists of one state of the store (see the module's doc)."""

    def __init__(
        self,
        kinds: dict[str, _Links],
        dates: _Dates,
        everything: np.ndarray,
        log_seq: int | None = None,
        in_date_order: np.ndarray | None = None,
    ) -> None:
        self.kinds = kinds  # the entity kinds, type and language
        # Every event id in the list's date order, (sort_date, id) ascending as SQLite sorts them: a first
        # page in date order is the filter's mask read along it (see first_page).
        self.in_date_order = in_date_order
        # The change log's position when read (desktop.store.facetlog); None: the store keeps no log, and
        # the index is only good for the store as read.
        self.log_seq = log_seq
        self.dates = dates
        self.everything = everything  # a mask: True for each event id there is
        # Masks over every event id, made once and reused by each count (one count at a time): new ones
        # for each filter left the allocator 50 MB larger after a few dozen filters at a million events.
        self._lock = threading.Lock()
        self._rest_mask, self._mask, self._scratch = (np.zeros_like(everything) for _ in range(3))
        # One buffer for gathering any kind's links (the longest kind's size), not one per kind.
        self._gathered = np.empty(max((len(k.ids) for k in kinds.values()), default=0), dtype=bool)

    @classmethod
    def read(cls, store: sqlite3.Connection | Connection) -> FacetIndex:
        """Read every list in one read transaction (one consistent state of the store): a file's through
        sqlite3, a server's through SQLAlchemy (in a repeatable-read transaction)."""
        log_seq = facetlog.position(store)
        conn = _Statements(store)
        kinds: dict[str, _Links] = {}
        for kind in ENTITY_KINDS:
            rows = conn.execute(
                "SELECT entity_id, group_concat(event_id) FROM event_entities"
                " WHERE kind = ? GROUP BY entity_id",
                (kind,),
            )
            total = conn.execute("SELECT count(*) FROM event_entities WHERE kind = ?", (kind,)).fetchone()[0]
            kinds[kind] = _Links.read(rows, total)
        types = conn.execute("SELECT type, group_concat(id) FROM events GROUP BY type")
        kinds["type"] = _Links.read(types, conn.execute("SELECT count(*) FROM events").fetchone()[0])
        languages = conn.execute(
            "SELECT language, group_concat(event_id) FROM event_languages GROUP BY language"
        )
        spoken = conn.execute("SELECT count(*) FROM event_languages").fetchone()[0]
        kinds["language"] = _Links.read(languages, spoken)
        dates = _Dates.read(conn)
        top = int(max(dates.ids.max(initial=0), dates.undated.max(initial=0)))
        everything = np.zeros(top + 1, dtype=bool)
        everything[dates.ids] = True  # every event is dated or undated
        everything[dates.undated] = True
        return cls(kinds, dates, everything, log_seq, _in_date_order(conn))

    # ------------------------------------------------------------------ counting

    def facets(
        self, conn: Connection, f: EventFilter, kinds: Sequence[str], limit: int | None
    ) -> dict[str, list[FacetValue]] | None:
        """Each kind's values with the number of events each would give under the rest of the filter; None
        when the store has changed too much since the read (the caller counts in SQL).

        Events changed since the read (the change log's) are left out of the index's counts and counted
        in SQL, on ``conn``: a few dozen events after an edit cost a few milliseconds, not a new read.
        """
        with self._lock:
            changed = self._changed(conn)
            if changed is None:
                return None
            rest = self._rest(conn, f)  # dates, search words, ids: once for every kind
            extra = self._counted_in_sql(conn, f, kinds, changed)
            out: dict[str, list[FacetValue]] = {}
            for kind in kinds:
                mask = self._filtered(f, kind, rest)
                if len(changed):
                    mask = self._without(mask, changed)
                names = (lambda ids: _entity_names(conn, ids)) if kind in ENTITY_KINDS else _as_named
                out[kind] = [FacetValue(kind, value, label, n) for n, _key, value, label in
                             self.kinds[kind].counts(mask, limit, names, self._gathered,
                                                     extra.get(kind))]  # fmt: skip
            return out

    def first_page(self, conn: Connection, f: EventFilter, limit: int, descending: bool) -> list[int] | None:
        """The ids of the first page in date order under ``f`` — the SQL's page exactly — or None when the
        index cannot say: a search (the SQL's full-text order is its own), or events changed since the
        read (their place in the order may have moved). A large place at a million events took the SQL
        40 ms (its events listed and sorted); this is a gather and a slice."""
        if self.in_date_order is None or (f.text and f.text.strip()):
            return None
        with self._lock:
            changed = self._changed(conn)
            if changed is None or len(changed):
                return None
            mask = self._filtered(f, "", self._rest(conn, f))
            order = self.in_date_order
            picked = order if mask is None else order[mask[order]]
            page = picked[::-1][:limit] if descending else picked[:limit]
            return [int(i) for i in page]

    def _changed(self, conn: Connection) -> np.ndarray | None:
        """The events changed since the read (none without a log: the indexer checked the version)."""
        if self.log_seq is None:
            return _NONE.astype(np.int64)
        return facetlog.changed_since(conn, self.log_seq, OVERLAY_MOST)

    def _without(self, mask: np.ndarray | None, events: np.ndarray) -> np.ndarray:
        """``mask`` (None: every event) without ``events``, in the reused mask."""
        if mask is None:
            np.copyto(self._mask, self.everything)
            mask = self._mask
        mask[events[events < len(mask)]] = False
        return mask

    @staticmethod
    def _counted_in_sql(
        conn: Connection, f: EventFilter, kinds: Sequence[str], changed: np.ndarray
    ) -> dict[str, dict[Any, int]]:
        """Each kind's counts among the changed events, as they are now (SQL: the same counts the
        index stands in for)."""
        if not len(changed):
            return {}
        ids = frozenset(int(i) for i in changed)
        only = replace(f, ids=ids if f.ids is None else ids & f.ids)
        counted = all_facets(conn, only, None, kinds)
        return {kind: {v.value: v.count for v in values} for kind, values in counted.items()}

    def _only(self, groups: Iterable[np.ndarray]) -> np.ndarray:
        """The scratch mask set to the events of any of ``groups``."""
        scratch = self._scratch
        scratch.fill(False)
        for events in groups:
            scratch[events[events < len(scratch)]] = True
        return scratch

    def _rest(self, conn: Connection, f: EventFilter) -> np.ndarray | None:
        """The events the filter's other conditions keep — dates (from the index), ids, and search words
        (the SQL's own condition) — as a mask, or None when it has none."""
        groups: list[np.ndarray] = []
        if f.date_from or f.date_to:
            groups.append(self.dates.within(f.date_from, f.date_to, f.include_imprecise))
        if f.ids is not None:
            groups.append(np.fromiter(f.ids, dtype=np.int64, count=len(f.ids)))
        words = conditions(EventFilter(text=f.text)) if f.text else []
        if words:
            listed = (
                func.group_concat(_ev.id)
                if conn.dialect.name == "sqlite"
                else func.string_agg(cast(_ev.id, Text), ",")
            )
            groups.append(_ids(conn.execute(select(listed).where(and_(*words))).scalar()))
        if not groups:
            return None
        rest = self._rest_mask
        np.copyto(rest, self._only(groups[:1]))
        for events in groups[1:]:  # each condition must hold
            np.logical_and(rest, self._only([events]), out=rest)
        return rest

    def _filtered(self, f: EventFilter, skip_kind: str, rest: np.ndarray | None) -> np.ndarray | None:
        """The events matching the whole filter but ``skip_kind``'s own values; None for every event."""
        mask = self._mask
        started = rest is not None
        if rest is not None:
            np.copyto(mask, rest)

        def keep(groups: Iterable[np.ndarray]) -> None:
            nonlocal started
            if started:
                np.logical_and(mask, self._only(groups), out=mask)
            else:
                np.copyto(mask, self._only(groups))
                started = True

        def drop(groups: Iterable[np.ndarray]) -> None:
            nonlocal started
            if not started:
                np.copyto(mask, self.everything)
                started = True
            for events in groups:
                mask[events] = False

        for kind in ENTITY_KINDS:
            if f.values(kind) and kind != skip_kind:
                keep(self._linked(f.values(kind)))
            if f.excluded(kind):
                drop(self._linked(f.excluded(kind)))
        for kind in ("type", "language"):
            links = self.kinds[kind]
            if f.values(kind) and kind != skip_kind:
                keep([links.events(v) for v in f.values(kind)])
            if f.excluded(kind):
                drop([links.events(v) for v in f.excluded(kind)])
        return mask if started else None

    def _linked(self, entities: Iterable[Any]) -> list[np.ndarray]:
        """The events linked to each entity, whatever the kind of the link (as the SQL's ``IN``)."""
        return [self.kinds[kind].events(e) for e in entities for kind in ENTITY_KINDS]


class _Statements:
    """The read's statements, written for SQLite, on either database: as they are through sqlite3, or
    with psycopg's placeholders and ``string_agg`` on a server."""

    def __init__(self, conn: sqlite3.Connection | Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        if isinstance(self.conn, sqlite3.Connection):
            return self.conn.execute(sql, params)
        sql = _GROUP_CONCAT.sub(r"string_agg(CAST(\1 AS text), ',')", sql.replace("?", "%s"))
        return self.conn.exec_driver_sql(sql, params)


_GROUP_CONCAT = re.compile(r"group_concat\((\w+)\)")


class _Keeper:
    """What a file's and a server's indexers share: the index they keep, its one background read at a
    time (owned by the archive, joined when it closes: not one of the window's workers), and closing."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._index: FacetIndex | None = None
        self._reading: threading.Thread | None = None
        self._closed = False

    def current(self, read: bool = True) -> FacetIndex | None:
        raise NotImplementedError

    def _begin_read(self, *args: Any) -> None:
        """Start a read unless one is running (call holding the lock)."""
        if self._reading is None or not self._reading.is_alive():
            self._reading = threading.Thread(
                target=self._read, args=args, name="facet-index-reader", daemon=True
            )
            self._reading.start()

    def _read(self, *args: Any) -> None:
        raise NotImplementedError

    def _keep(self, index: FacetIndex, **facts: Any) -> None:
        """Keep a finished read's index (unless closed meanwhile), and give back the memory its text took
        (25 MB at a million events, freed in the reading thread's arena)."""
        with self._lock:
            if not self._closed:
                self._index = index
                for name, value in facts.items():
                    setattr(self, name, value)
        give_back_memory()

    def wait(self, timeout: float | None = None) -> FacetIndex | None:
        """The index, reading it now if it must be (for tests and benchmarks)."""
        self.current()  # begins a read if one is due
        reading = self._reading
        if reading is not None:
            reading.join(timeout)
        return self.current(read=False)

    def close(self) -> None:
        self._closed = True
        reading = self._reading
        if reading is not None:
            reading.join(30)
        with self._lock:
            self._index = None
            self._release()

    def _release(self) -> None:
        """What else to let go of when closing (under the lock)."""


class FacetIndexer(_Keeper):
    """Keeps a :class:`FacetIndex` of one store file current: ``current()`` is the index when it still
    describes the store, else None (and a fresh one is read on a background thread)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._version: int | None = None  # the store's data_version the index was read at
        # Watches for commits: its data_version changes whenever any other connection commits.
        self._watch = self._connect()

    def _connect(self) -> sqlite3.Connection:
        uri = f"{self.path.resolve().as_uri()}?mode=ro"
        return sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)

    def _data_version(self) -> int:
        with self._lock:
            return int(self._watch.execute("PRAGMA data_version").fetchone()[0])

    def current(self, read: bool = True) -> FacetIndex | None:
        """The index if it describes the store as it is now, or can with its change log (it counts the
        changed events in SQL); else None, and a new one is being read. A new read also begins once the
        log has grown past :data:`REREAD_AFTER` rows, while the old index still answers. ``read=False``:
        never begin one."""
        if self._closed:
            return None
        version = self._data_version()
        with self._lock:
            index = self._index
            if index is not None and self._version == version:
                return index
            usable = False  # whether the old index may answer (with the log's help) meanwhile
            if index is not None and index.log_seq is not None:
                try:
                    grown = facetlog.pending(self._watch, index.log_seq)
                except sqlite3.Error:
                    grown = None  # unreadable: the SQL till a new read
                if grown is not None and grown < REREAD_AFTER:
                    return index
                usable = grown is not None  # None: trimmed past the read
            if read:
                self._begin_read(version)
        return index if usable else None

    def _read(self, *args: Any) -> None:
        # The version is taken before the read: a commit in between makes the index newer than its
        # label, which only costs a second read; never an index older than it claims.
        (version,) = args
        conn = self._connect()
        try:
            conn.execute("BEGIN")
            index = FacetIndex.read(conn)
            conn.execute("COMMIT")
        except (sqlite3.Error, ValueError, MemoryError):
            return  # the store is busy, closing or odd: the SQL answers, the next use tries again
        finally:
            conn.close()
        self._keep(index, _version=version)

    def _release(self) -> None:
        self._watch.close()


class ServerFacetIndexer(_Keeper):
    """The facet index of a shared archive on a server (issue 21): read once in the background in one
    repeatable-read transaction, then kept exact by the change log as a file's is — the events others
    changed since the read are counted in SQL — and read again once :data:`REREAD_AFTER` events have
    changed (twenty readers re-reading their indexes every few minutes of editing kept a 2-core server
    busy).

    A server has no ``data_version``; its log is the whole story: every write that changes a facet logs
    its events (triggers), in commit order (migration 0012 serialises the log's writers), so "logged after
    the read" is exactly "changed since the read"."""

    def __init__(self, engine: Engine) -> None:
        super().__init__()
        self.engine = engine

    def current(self, read: bool = True) -> FacetIndex | None:
        """The index (it answers with the log's help), or None while the first is being read."""
        if self._closed:
            return None
        with self._lock:
            index = self._index
        if index is not None and index.log_seq is not None:
            try:
                with self.engine.connect() as conn:
                    # Distinct events, not log rows: readers' indexes are read again only when much of
                    # the archive has changed, not every few minutes of a team's editing.
                    grown = facetlog.changed_events(conn, index.log_seq)
            except Exception:  # the server is away: the SQL's error will say so, not the index
                return None
            if grown is None:
                index = None
            elif grown < REREAD_AFTER:
                return index
        if read:
            with self._lock:
                self._begin_read()
        return index

    def _read(self, *args: Any) -> None:
        try:
            reading = self.engine.connect().execution_options(isolation_level="REPEATABLE READ")
            with reading as conn, conn.begin():
                index = FacetIndex.read(conn)
        except Exception:  # away, busy or closing: the SQL answers, the next use tries again
            return
        self._keep(index)
