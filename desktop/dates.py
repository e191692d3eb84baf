"""Archival dates: a value with a precision and a certainty, and the honest range it stands for.

An event known only as "December, year unknown" has no range at all: it is never silently dated.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

PRECISIONS = ("day", "month", "year", "unknown")
CERTAINTIES = ("stated", "inferred", "unknown")
# A date the first pass read from an uncatalogued document: a machine's proposal that no person has reviewed.
# Never a catalogue's certainty (``parse`` refuses it): only the store's provisional events carry it.
PROPOSED = "proposed"
_DOUBTFUL = ("inferred", PROPOSED)
MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# ASCII digits only (``\d`` alone would take "٢٠٢١" and store a value no ISO date reader accepts), and
# ``\Z`` rather than ``$``, which also matches before a final newline.
_FORMS = {
    "day": re.compile(r"^(\d{4}|XXXX)-(\d{2})-(\d{2})\Z", re.ASCII),
    "month": re.compile(r"^(\d{4}|XXXX)-(\d{2})\Z", re.ASCII),
    "year": re.compile(r"^(\d{4})\Z", re.ASCII),
}


class DateError(ValueError):
    """A date value that does not fit its precision, or is not a real day."""


@dataclass(frozen=True)
class FuzzyDate:
    """A date as the sources know it: ``2021-12-03`` / ``2021-12`` / ``2021`` / ``XXXX-12-03`` / unknown."""

    value: str | None
    precision: str = "unknown"
    certainty: str = "unknown"
    reason: str | None = None

    @classmethod
    def parse(
        cls, value: str | None, precision: str, certainty: str = "stated", reason: str | None = None
    ) -> FuzzyDate:
        if precision not in PRECISIONS:
            raise DateError(f"precision must be one of {', '.join(PRECISIONS)}, not {precision!r}")
        if certainty not in CERTAINTIES:
            raise DateError(f"certainty must be one of {', '.join(CERTAINTIES)}, not {certainty!r}")
        if certainty == "inferred" and not (reason and reason.strip()):
            raise DateError("an inferred date needs a reason")
        if precision == "unknown":
            if value:
                raise DateError(f"precision is 'unknown' but a date {value!r} is given")
            return cls(None, "unknown", certainty, reason)
        if not value:
            raise DateError(f"precision is {precision!r} but no date is given")
        m = _FORMS[precision].match(value)
        if not m:
            raise DateError(f"{value!r} does not match precision {precision!r}")
        groups = m.groups()
        year = 2000 if groups[0] == "XXXX" else int(groups[0])  # 2000 is a leap year: 29 Feb stays valid
        if year < 1:
            raise DateError(f"{value!r}: there is no year 0 (the calendar starts at year 1)")
        if precision in ("day", "month"):
            month = int(groups[1])
            if not 1 <= month <= 12:
                raise DateError(f"{value!r}: there is no month {month}")
            if precision == "day":
                day = int(groups[2])
                if not 1 <= day <= calendar.monthrange(year, month)[1]:
                    raise DateError(f"{value!r}: there is no such day")
        return cls(value, precision, certainty, reason)

    @property
    def year_known(self) -> bool:
        return self.value is not None and not self.value.startswith("XXXX")

    def bounds(self) -> tuple[str, str] | None:
        """The first and last ISO day this date can mean, or None when the year is unknown."""
        if not self.year_known or self.value is None:
            return None
        parts = self.value.split("-")
        year = int(parts[0])
        if self.precision == "year":
            return f"{year:04d}-01-01", f"{year:04d}-12-31"
        month = int(parts[1])
        if self.precision == "month":
            last = calendar.monthrange(year, month)[1]
            return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
        return self.value, self.value

    def display(self) -> str:
        """'3 Dec 2021', 'Dec 2021?' (inferred), '3 Dec, year unknown', 'undated'."""
        if self.value is None:
            return "undated"
        parts = self.value.split("-")
        mark = "?" if self.certainty in _DOUBTFUL else ""
        if not self.year_known:
            month = MONTH_ABBR[int(parts[1]) - 1]
            day = f"{int(parts[2])} " if self.precision == "day" else ""
            return f"{day}{month}, year unknown"
        if self.precision == "year":
            return f"{parts[0]}{mark}"
        month = MONTH_ABBR[int(parts[1]) - 1]
        if self.precision == "month":
            return f"{month} {parts[0]}{mark}"
        return f"{int(parts[2])} {month} {parts[0]}{mark}"


def display_range(start: FuzzyDate, end: FuzzyDate | None) -> str:
    """A start–end pair for the event list: '4–6 Jun 2025', '1 Dec 2021 – 5 Jan 2022', 'undated'."""
    if end is None or end.value is None or end.value == start.value:
        return start.display()
    if (
        start.precision == end.precision == "day"
        and start.value is not None
        and start.value[:7] == end.value[:7]
        and start.year_known
    ):
        mark = "?" if start.certainty in _DOUBTFUL or end.certainty in _DOUBTFUL else ""
        month = MONTH_ABBR[int(start.value[5:7]) - 1]
        return f"{int(start.value[8:])}–{int(end.value[8:])} {month} {start.value[:4]}{mark}"
    return f"{start.display()} – {end.display()}"


def parse_user_date(text: str, *, end: bool) -> str:
    """A date typed by a user for a filter ('2021', '2021-06', '2021-06-04') as an ISO day.

    ``end`` picks the last day of a month or year instead of the first.
    """
    text = text.strip()
    for precision in ("day", "month", "year"):
        if _FORMS[precision].match(text) and not text.startswith("XXXX"):
            bounds = FuzzyDate.parse(text, precision).bounds()
            assert bounds is not None
            return bounds[1] if end else bounds[0]
    raise DateError(f"{text!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
