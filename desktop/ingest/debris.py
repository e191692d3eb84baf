"""Finding page debris: navigation, metadata lines, repeated titles and lists of unrelated headlines.

Debris is marked as spans and never removed; the catalogue can mark more. Mentions inside debris do not
count toward a document's events.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from desktop.ingest.pubdates import StatedDate, find_publication_dates

_NAV_WORDS = {
    "news",
    "home",
    "index",
    "back",
    "main",
    "новости",
    "главная",
    "新闻",
    "首页",
    "新闻中心",
    "समाचार",
    "होम",
}
_META = re.compile(
    r"(发布时间|浏览次数|来源[:：]|Release\s+time|Correspondent:|Editor\s+in\s+charge|Views:|Source:|"
    r"पोस्ट टाइम|Дата публикации|Источник:|Photo(?:graphy)?:)",
    re.IGNORECASE,
)
# A word every _META match contains (casefolded, without "i": see pubdates._EN_WORDS): lines without any
# are not searched with the case-blind pattern, which tries every alternative at every position.
_META_WORDS = (
    "发布时间",
    "浏览次数",
    "来源",
    "release",
    "correspondent",
    "charge",  # Editor in charge
    "ews:",  # Views:
    "source:",
    "पोस्ट",
    "дата публикации",
    "источник:",
    "photo",
)
_CREDIT = re.compile(
    r"^\s*[(（]\s*(Article\s+by|Editor|Author|Source|作者|编辑|来源|Автор)\b.*[)）]\s*$", re.I
)
_BULLET = re.compile(r"^\s*(?:[-–—•*·]\s+)")
_LINE = re.compile(r"[^\r\n]+")


def _may_be_meta(folded: str) -> bool:
    return any(w in folded for w in _META_WORDS)


def _starts_within(starts: list[int], start: int, end: int) -> bool:
    """Whether any of the sorted offsets ``starts`` lies in ``[start, end)``."""
    i = bisect_left(starts, start)
    return i < len(starts) and starts[i] < end


@dataclass(frozen=True)
class DebrisFound:
    kind: str
    start: int
    end: int
    reason: str


def find_debris(text: str, stated: list[StatedDate] | None = None) -> list[DebrisFound]:
    """Debris spans in the text; ``stated`` is ``find_publication_dates(text)`` when the caller has it."""
    lines = [(m.start(), m.end(), m.group()) for m in _LINE.finditer(text) if m.group().strip()]
    found: list[DebrisFound] = []
    # Sorted, so each line finds whether a stated date starts inside it by bisection: testing every date
    # against every line was quadratic in a long document full of date lines.
    date_starts = sorted({d.start for d in (find_publication_dates(text) if stated is None else stated)})
    seen: dict[str, int] = {}
    bullets: list[tuple[int, int]] = []

    def flush_bullets() -> None:
        if len(bullets) >= 3:
            found.append(
                DebrisFound(
                    "headline-list",
                    bullets[0][0],
                    bullets[-1][1],
                    f"a list of {len(bullets)} bulleted headlines: links to other articles, not this one",
                )
            )
        bullets.clear()

    for index, (start, end, line) in enumerate(lines):
        stripped = line.strip()
        if _BULLET.match(line):
            bullets.append((start, end))
            continue
        flush_bullets()
        if index < 3 and (stripped.lower() in _NAV_WORDS or (">" in stripped and len(stripped) <= 60)):
            found.append(
                DebrisFound("navigation", start, end, "site navigation (breadcrumb or section name)")
            )
        elif (_may_be_meta(stripped.casefold()) and _META.search(stripped)) or _starts_within(
            date_starts, start, end
        ):
            found.append(
                DebrisFound("metadata", start, end, "page metadata (date, source, byline, view count)")
            )
        elif _CREDIT.match(stripped):
            found.append(DebrisFound("credit", start, end, "author or department credit"))
        elif stripped in seen and len(stripped) > 15:
            found.append(DebrisFound("duplicate-title", start, end, "the title repeated by the page layout"))
        seen.setdefault(stripped, start)
    flush_bullets()
    return found
