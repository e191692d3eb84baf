"""Locating passages in an original text: quotes, paragraphs, overlaps. Offsets are ``str`` indices."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate

_LINE = re.compile(r"[^\r\n]+")


def find_quote(text: str, quote: str, occurrence: int = 1) -> tuple[int, int] | None:
    """The span of the ``occurrence``-th verbatim appearance of ``quote`` in ``text``, or None."""
    if not quote:
        return None
    pos = -1
    for _ in range(occurrence):
        pos = text.find(quote, pos + 1)
        if pos < 0:
            return None
    return pos, pos + len(quote)


def count_quote(text: str, quote: str) -> int:
    count, pos = 0, text.find(quote)
    while pos >= 0 and quote:
        count += 1
        pos = text.find(quote, pos + 1)
    return count


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: each non-blank line is one paragraph (how every seed lays its text out)."""
    return [(m.start(), m.end()) for m in _LINE.finditer(text) if m.group().strip()]


def overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether ``[start, end)`` overlaps any of the spans (one question: for many, use :class:`SpanSet`)."""
    return any(start < s_end and s_start < end for s_start, s_end in spans)


class SpanSet:
    """Spans asked "does ``[start, end)`` overlap any of you?" many times, each in O(log n).

    ``overlaps`` scans every span for every question: a name-dense document with tens of thousands of
    mentions and of debris lines made an import quadratic (a 19 MB file took 35 minutes). Here the spans
    are sorted by start with the furthest end reached so far: the spans starting before ``end`` are a
    prefix, and one of them overlaps exactly when the furthest of their ends lies past ``start`` — the
    same condition as ``overlaps``, for empty and inverted spans too, so the answers are identical.
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _e in ordered]
        self._reach = list(accumulate((e for _s, e in ordered), max))

    def __len__(self) -> int:
        return len(self._starts)

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect_left(self._starts, end)  # how many spans start before ``end``
        return before > 0 and self._reach[before - 1] > start

    def covers(self, start: int, end: int) -> bool:
        """Whether one span contains ``[start, end)``: one starting at or before ``start`` reaches ``end``."""
        upto = bisect_right(self._starts, start)  # how many spans start at or before ``start``
        return upto > 0 and self._reach[upto - 1] >= end


def covered_chars(spans: Iterable[tuple[int, int]]) -> int:
    """How many characters a set of possibly overlapping spans covers."""
    total, reach = 0, -1
    for start, end in sorted(spans):
        if end <= reach:
            continue
        total += end - max(start, reach)
        reach = end
    return total
