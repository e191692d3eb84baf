"""Counts for the timeline strip: how many events fall in each month or year under the current filter.

An event is dated by the range of days it can have happened on (``events.date_lo`` … ``date_hi``). It is
*exact* in a bucket when that whole range lies inside the bucket, and *imprecise* otherwise (a year-only
date seen month by month, a span across months): then it is counted once, in the bucket of its earliest
possible day, and the strip draws it differently. Events whose year is unknown are only counted, as
``undated``; they are never placed on the axis.

Everything is counted by one GROUP BY in SQLite, so the strip stays cheap on a million events. No Qt here.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace

from sqlalchemy import ColumnElement, Connection, and_, case, func, select, true
from sqlalchemy.sql.expression import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from desktop.dates import MONTH_ABBR
from desktop.store.queries import EventFilter, conditions, search_errors
from desktop.store.schema import Event

GRANULARITIES = ("auto", "month", "year")
# "auto" shows months while the dated events span at most six years (≤ 72 month bars); beyond that
# month bars get too thin to read or hit with the mouse, so years are shown instead.
AUTO_MONTH_MAX_YEARS = 6

_ev = Event.__table__.c


@dataclass(frozen=True)
class Bucket:
    """One bar of the strip: a month ('YYYY-MM') or a year ('YYYY') and the events counted in it."""

    period: str
    exact: int
    imprecise: int

    @property
    def total(self) -> int:
        return self.exact + self.imprecise

    @property
    def first_day(self) -> str:
        return period_bounds(self.period)[0]

    @property
    def last_day(self) -> str:
        return period_bounds(self.period)[1]

    @property
    def label(self) -> str:
        return period_label(self.period)


@dataclass(frozen=True)
class Timeline:
    """Buckets from the first to the last dated event, contiguous (empty periods count zero)."""

    granularity: str  # "year" | "month"
    buckets: list[Bucket]
    undated: int
    first: str | None
    last: str | None

    @property
    def max_total(self) -> int:
        return max((b.total for b in self.buckets), default=0)

    @property
    def dated(self) -> int:
        return sum(b.total for b in self.buckets)


def period_bounds(period: str) -> tuple[str, str]:
    """The first and last ISO day of a 'YYYY' or 'YYYY-MM' period."""
    year = int(period[:4])
    if len(period) == 4:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    month = int(period[5:7])
    last = calendar.monthrange(year, month)[1]
    return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"


def period_label(period: str) -> str:
    """'2021' or 'Jun 2021'."""
    if len(period) == 4:
        return period
    return f"{MONTH_ABBR[int(period[5:7]) - 1]} {period[:4]}"


def _month_index(period: str) -> int:
    return int(period[:4]) * 12 + int(period[5:7]) - 1


def _month_period(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def timeline_counts(conn: Connection, f: EventFilter, granularity: str = "auto") -> Timeline:
    """Events per month or year matching ``f`` — except its own date range, which the strip displays
    and edits rather than obeys (otherwise dragging a range would hide everything outside it).
    """
    if granularity not in GRANULARITIES:
        raise ValueError(f"granularity must be one of {', '.join(GRANULARITIES)}, not {granularity!r}")
    rangeless = replace(f, date_from=None, date_to=None, include_imprecise=False)
    conds = conditions(rangeless)
    where = and_(true(), *conds) if conds else true()

    # Inner query: events per distinct (date_lo, date_hi) pair — tens of thousands of rows at most, however
    # many events. Unfiltered, SQLite walks ix_events_date_range in order and needs no sort (5× faster than
    # grouping the million rows by an expression). Filtered, the unary "+" stops the planner from
    # choosing that index for its order, which would look up every row to test the filter; the filter's
    # own index (type, entity, full text…) drives instead and only the matching rows are sorted.
    lo: ColumnElement[str] = _ev.date_lo
    hi: ColumnElement[str] = _ev.date_hi
    if (
        conds and conn.dialect.name == "sqlite"
    ):  # PostgreSQL's planner needs no such hint (nor has a text "+")
        lo = UnaryExpression(lo, operator=custom_op("+"), type_=lo.type)
        hi = UnaryExpression(hi, operator=custom_op("+"), type_=hi.type)
    pairs = (
        select(lo.label("lo"), hi.label("hi"), func.count().label("n")).where(where).group_by(lo, hi)
    ).subquery()
    # Outer query, grouped by month: each group also says how many of its events fit inside their *year*,
    # so the year view is a roll-up of the same rows and "auto" needs no second query. Undated events
    # land in the NULL group (substr of NULL is NULL).
    month = func.substr(pairs.c.lo, 1, 7)
    in_month = case((func.substr(pairs.c.hi, 1, 7) == month, pairs.c.n), else_=0)
    in_year = case((func.substr(pairs.c.hi, 1, 4) == func.substr(pairs.c.lo, 1, 4), pairs.c.n), else_=0)
    stmt = select(
        month.label("period"),
        func.sum(in_month).label("month_exact"),
        func.sum(in_year).label("year_exact"),
        func.sum(pairs.c.n).label("total"),
    ).group_by(month)
    undated = 0
    rows: list[tuple[str, int, int, int]] = []
    with search_errors(f.text):
        found = conn.execute(stmt).all()
    for r in found:
        if r.period is None:
            undated += int(r.total)
        else:
            rows.append((r.period, int(r.month_exact or 0), int(r.year_exact or 0), int(r.total)))

    if not rows:
        return Timeline("month" if granularity == "auto" else granularity, [], undated, None, None)

    rows.sort()
    first_year, last_year = int(rows[0][0][:4]), int(rows[-1][0][:4])
    if granularity == "auto":
        months = _month_index(rows[-1][0]) - _month_index(rows[0][0]) + 1
        granularity = "month" if months <= AUTO_MONTH_MAX_YEARS * 12 else "year"

    if granularity == "month":
        by_month = {_month_index(p): (m_exact, total - m_exact) for p, m_exact, _y, total in rows}
        first_month, last_month = min(by_month), max(by_month)
        if last_month - first_month < 12:
            # Less than a year of months: the whole calendar year(s) around them, so that one year reads as
            # twelve months (an event dated only to the year counts in January, not as the strip's one bar).
            first_month, last_month = first_month - first_month % 12, last_month - last_month % 12 + 11
        buckets = [
            Bucket(_month_period(i), *by_month.get(i, (0, 0)))
            for i in range(first_month, last_month + 1)  # contiguous: the gaps are part of the picture
        ]
    else:
        by_year: dict[int, list[int]] = {}
        for p, _m, y_exact, total in rows:
            acc = by_year.setdefault(int(p[:4]), [0, 0])
            acc[0] += y_exact
            acc[1] += total - y_exact
        buckets = [Bucket(f"{y:04d}", *by_year.get(y, (0, 0))) for y in range(first_year, last_year + 1)]
    return Timeline(granularity, buckets, undated, buckets[0].period, buckets[-1].period)


__all__ = [
    "AUTO_MONTH_MAX_YEARS",
    "GRANULARITIES",
    "Bucket",
    "Timeline",
    "period_bounds",
    "period_label",
    "timeline_counts",
]
