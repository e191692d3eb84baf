"""Locating passages in an original text: quotes, paragraphs, overlaps. Offsets are ``str`` indices."""

from __future__ import annotations

import re
from collections.abc import Iterable

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
    return any(start < s_end and s_start < end for s_start, s_end in spans)


def covered_chars(spans: Iterable[tuple[int, int]]) -> int:
    """How many characters a set of possibly overlapping spans covers."""
    total, reach = 0, -1
    for start, end in sorted(spans):
        if end <= reach:
            continue
        total += end - max(start, reach)
        reach = end
    return total
