"""A page's dates, told apart: when it was published, when it was captured (a "today" bar), and when the
reported event happened — from the date mentions of :mod:`desktop.ingest.textdates` and the page's layout.

Publication: a date labelled as such ("Published", «发布时间», «Опубликовано») wins; else an "updated" one;
else the first full date in the page's own lines between the headline and the article (or just above the
headline); else a full date with a time of day outside lists of other articles. A today/weather bar is the
capture date, never the publication date; dates in "related news" lists are neither.

The event: the first date in the article's opening sentences that is not background (a year alone, or a date
well before the publication), a range kept as a range; a day and month without a year take the publication
date's year (the year before when that would put the event months after it: the December/January turn);
"yesterday" and weekdays count back from the publication date. Every finding says how it was reached.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass

from desktop.ingest.pagelayout import Layout
from desktop.ingest.textdates import DateMention, RelativeMention, find_dates, find_relative
from desktop.textspans import SpanSet


@dataclass(frozen=True, slots=True)
class DateFinding:
    """A date (or a range) read from a span of the text, with its precision, certainty and reason."""

    start_date: str
    end_date: str
    precision: str  # "day", "month" or "year"
    certainty: str  # "stated" or "inferred"
    start: int
    end: int
    reason: str
    confidence: float


@dataclass(frozen=True, slots=True)
class PageDates:
    published: DateFinding | None
    captured: tuple[DateFinding, ...]
    event: DateFinding | None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _full(m: DateMention) -> str | None:
    if m.year is None or m.month is None or m.day is None:
        return None
    return _iso(m.year, m.month, m.day)


def find_page_dates(text: str, layout: Layout, mentions: list[DateMention] | None = None) -> PageDates:
    mentions = find_dates(text) if mentions is None else mentions
    lines = layout.lines
    body = layout.body
    body_span = layout.body_span()
    head = layout.headline

    starts = [line.start for line in lines]

    def line_index(pos: int) -> int | None:
        i = bisect_right(starts, pos) - 1
        return i if i >= 0 and pos <= lines[i].end else None

    def in_list(m: DateMention) -> bool:
        """In a list of other articles: a short line with a date, among others like it, after the body."""
        i = line_index(m.start)
        if i is None or body is None or i <= body[1]:
            return False
        return lines[i].size <= 25

    captured = tuple(
        DateFinding(
            d, d, "day", "stated", m.start, m.end, "a today/weather bar: when the page was saved", 0.8
        )
        for m in mentions
        if m.label == "capture" and (d := _full(m))
    )
    usable = [m for m in mentions if m.label != "capture" and not in_list(m)]

    published: DateFinding | None = None

    def stated(m: DateMention, reason: str, confidence: float) -> DateFinding | None:
        d = _full(m)
        return DateFinding(d, d, "day", "stated", m.start, m.end, reason, confidence) if d else None

    for label, reason, confidence in (
        ("published", "labelled as the publication date", 0.95),
        ("updated", "labelled as the date the page was updated (no publication date)", 0.7),
    ):
        found = next((f for m in usable if m.label == label and (f := stated(m, reason, confidence))), None)
        if found:
            published = found
            break
    if published is None and body_span is not None:
        top = lines[head].start if head is not None else 0
        window_start = lines[max(0, (head if head is not None else 0) - 2)].start
        for m in usable:
            if window_start <= m.start < body_span[0] and not (top <= m.start < lines[head or 0].end):
                published = stated(m, "the page's date line between the headline and the article", 0.8)
                if published:
                    break
    if published is None:
        for m in usable:
            if m.has_time and (body_span is None or not body_span[0] <= m.start < body_span[1]):
                published = stated(m, "a date with a time of day in the page's own lines", 0.6)
                if published:
                    break
    if published is None:
        # A dateline with a full date ("MINSK, 14 May 2024 (BelTA)") is when the report was filed.
        published = next(
            (f for m in usable if m.dateline and (f := stated(m, "the dateline's date", 0.6))), None
        )
    event = _event(text, usable, layout, published)
    return PageDates(published, captured, event)


def _event(
    text: str,
    mentions: list[DateMention],
    layout: Layout,
    published: DateFinding | None,
) -> DateFinding | None:
    span = layout.body_span()
    if span is None:
        return None
    chrome = SpanSet((c.start, c.end) for c in layout.chrome)

    def in_article(pos: int) -> bool:
        return span[0] <= pos < span[1] and not chrome.overlaps(pos, pos + 1)

    pub = dt.date.fromisoformat(published.start_date) if published else None
    # The month a day alone belongs to: the dateline's ("新华社明斯克5月15日电 … 14日至15日"), else the
    # publication's.
    dateline = next((m for m in mentions if m.dateline and m.month), None)
    # In order of trust: a date with its month, then a day alone, then "yesterday" or a weekday; within
    # each, the first in the article (the lead reports the event; later dates are more often background).
    explicit = [m for m in mentions if in_article(m.start) and not m.dateline and m.day]

    def relatives() -> list[RelativeMention]:
        # Only read when no date is stated (most articles state one): the article alone, not the page.
        return [
            RelativeMention(r.start + span[0], r.end + span[0], r.kind, r.weekday, r.text)
            for r in find_relative(text[span[0] : span[1]])
            if in_article(r.start + span[0])
        ]

    tiers = (
        lambda: [m for m in explicit if m.month],
        lambda: [m for m in explicit if not m.month],
        relatives,
    )
    for tier in tiers:
        found_in_tier = _first_event(tier(), pub, dateline)
        if found_in_tier is not None:
            return found_in_tier
    return None


def _first_event(
    candidates: list[DateMention] | list[RelativeMention],
    pub: dt.date | None,
    dateline: DateMention | None,
) -> DateFinding | None:
    for c in candidates:
        found = _relative(c, pub) if isinstance(c, RelativeMention) else _resolve(c, pub, dateline)
        if found is None:
            continue
        start, end, certainty, why = found
        if pub is not None and ((pub - start).days > 60 or (start - pub).days > 1):
            continue  # background (an earlier event the article recalls) or a plan
        confidence = 0.7 if certainty == "stated" else 0.55
        return DateFinding(
            start.isoformat(), end.isoformat(), "day", certainty, c.start, c.end, why, confidence
        )
    return None


def _relative(r: RelativeMention, pub: dt.date | None) -> tuple[dt.date, dt.date, str, str] | None:
    """ "Yesterday", "on Tuesday", "last Thursday": counted back from the publication date."""
    if pub is None:
        return None
    day: dt.date | None = None
    if r.kind == "yesterday":
        day = pub - dt.timedelta(days=1)
    elif r.kind == "today":
        day = pub
    elif r.kind in ("weekday", "last-weekday") and r.weekday is not None:
        back = (pub.weekday() - r.weekday) % 7
        if r.kind == "last-weekday" and back == 0:
            back = 7
        day = pub - dt.timedelta(days=back)
    if day is None:
        return None
    reason = f"“{r.text}” counted back from the publication date {pub.isoformat()}"
    return day, day, "inferred", reason


def _resolve(
    m: DateMention, pub: dt.date | None, dateline: DateMention | None = None
) -> tuple[dt.date, dt.date, str, str] | None:
    """The mention's first and last day; a missing year from the publication date (December/January turn),
    a missing month from the dateline or the publication date."""
    assert m.day is not None
    year, certainty, why = m.year, "stated", "the first date in the article"
    month = m.month
    if month is None:
        month = dateline.month if dateline is not None else (pub.month if pub is not None else None)
        if month is None:
            return None
        certainty = "inferred"
        why = "a day in the article; its month from the " + ("dateline" if dateline else "publication date")
        if year is None and dateline is not None and dateline.year is not None:
            year = dateline.year
    m_month = month
    if year is None:
        if pub is None:
            return None
        year = pub.year - 1 if m_month > pub.month + 1 else pub.year
        certainty = "inferred"
        turn = " (the year before: the month comes after the publication's)" if year < pub.year else ""
        why = f"{why}; its year from the publication date {pub.isoformat()}{turn}"
    first = _iso(year, m_month, m.day)
    if first is None:
        return None
    end_year = m.end_year or year
    end_month = m.end_month or m_month
    last = _iso(end_year, end_month, m.end_day) if m.end_day else first
    if last is None or last < first:
        last = first
    return dt.date.fromisoformat(first), dt.date.fromisoformat(last), certainty, why
