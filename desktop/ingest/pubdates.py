"""Publication-date lines in the forms the sources use (Chinese, English, Hindi, Russian)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_EN_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_HI_MONTHS = {
    "जनवरी": 1,
    "फ़रवरी": 2,
    "फरवरी": 2,
    "मार्च": 3,
    "अप्रैल": 4,
    "मई": 5,
    "जून": 6,
    "जुलाई": 7,
    "अगस्त": 8,
    "सितंबर": 9,
    "सितम्बर": 9,
    "अक्टूबर": 10,
    "अक्तूबर": 10,
    "नवंबर": 11,
    "नवम्बर": 11,
    "दिसंबर": 12,
    "दिसम्बर": 12,
}
_RU_MONTHS = {
    "январ": 1,
    "феврал": 2,
    "март": 3,
    "апрел": 4,
    "ма": 5,
    "июн": 6,
    "июл": 7,
    "август": 8,
    "сентябр": 9,
    "октябр": 10,
    "ноябр": 11,
    "декабр": 12,
}

_ZH = re.compile(r"(发布时间|发布日期|时间)\s*[:：]\s*(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})")
# Possessive quantifiers (``\s*+[:：]?+\s*+``, ``\s*+-?+\s*+``, ``[A-Za-z]++``): what follows each is a
# character it cannot take (a digit or letter after a separator, a separator after a month's letters), so
# only its longest run can lead to a match and giving characters back never helps — but the plain
# ``\s*[:：]?\s*`` tried every way of splitting a run of spaces between its two halves: 20 kB of spaces
# after "Published" took 9 s. What they match is unchanged.
_EN = re.compile(
    r"(Release\s+time|Release\s+date|Published(?:\s+on)?|Publication\s+date|Posted(?:\s+on)?|Post\s+time)"
    r"\s*+[:：]?+\s*+"
    r"(?:(\d{4})-(\d{1,2})-(\d{1,2})|([A-Za-z]++)\s*+-?+\s*+(\d{1,2})\s*[,-]\s*(\d{4}))",
    re.IGNORECASE,
)
_HI = re.compile(r"(पोस्ट\s+टाइम|प्रकाशित|प्रकाशन तिथि)\s*[:：]\s*(\S+?)\s*+-?+\s*+(\d{1,2})\s*-\s*(\d{4})")
_RU = re.compile(
    r"(Дата\s+публикации|Опубликовано|Дата)\s*+[:：]?+\s*+"
    r"(?:(\d{1,2})\.(\d{1,2})\.(\d{4})|(\d{1,2})\s+([а-яё]+)\s+(\d{4}))",
    re.IGNORECASE,
)
# The longest stretch of text one stated date may take, its label included (``_finditer`` matches within
# it). Real ones take 15–40 characters. Without a bound each candidate's month (``[A-Za-z]+``, ``\S+?``)
# ran on to the end of its run of letters, and in a file of "postedposted…" or "प्रकाशित:प्रकाशित:…" (a
# candidate every few characters, all in one run) that was quadratic: 40 kB took 8 s, 100 kB 33 s.
_LONGEST = 200


# Words one of which every match of a pattern contains, in ``str.casefold()`` form: a text without any of
# them is not searched with the (case-blind, hence slow) pattern at all. Chosen without "i": the
# case-blind regex also takes the dotless "ı" for "i", which casefold() leaves apart ("ſ" folds to "s").
_EN_WORDS = ("release", "publ", "post")
_RU_WORDS = ("дата", "опубликовано")
_HI_WORDS = ("पोस्ट", "प्रकाश")  # no case in Devanagari: found in the text itself
# The same words found case-blind by the regex engine itself, for the rare text whose casefolded form has
# other offsets (a "ß" anywhere): each pattern's every match starts with one of them, whatever the case.
_EN_START = re.compile("|".join(_EN_WORDS), re.IGNORECASE)
_RU_START = re.compile("|".join(_RU_WORDS), re.IGNORECASE)


@dataclass(frozen=True)
class StatedDate:
    """A publication date stated in the text, with the span of the whole line part that states it."""

    date: str
    label: str
    start: int
    end: int


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None  # "2021-02-30" in a page header is not a date; leave it unrecognised


def _month(name: str) -> int | None:
    low = name.lower()
    if low in _HI_MONTHS:
        return _HI_MONTHS[low]
    for i, en in enumerate(_EN_MONTHS, start=1):
        if len(low) >= 3 and en.startswith(low):
            return i
    for stem, number in _RU_MONTHS.items():
        if low.startswith(stem) and (stem != "ма" or low in ("мая", "май")):
            return number
    return None


def _finditer(
    pattern: re.Pattern[str],
    text: str,
    folded: str,
    words: tuple[str, ...],
    start_pattern: re.Pattern[str] | None = None,
) -> list[re.Match[str]]:
    """``pattern.finditer(text)``, trying the pattern only where one of ``words`` starts in ``folded``.

    Every match of the pattern starts with one of the words, so where the folded text keeps every offset
    (it does unless a letter folds to several, like "ß"), matching at those places finds what
    ``finditer`` finds: leftmost first, each after the end of the one before. Where it does not, the
    places are found by ``start_pattern`` (the words, case-blind) in the text itself. Each match may take
    at most ``_LONGEST`` characters (see there).
    """
    if not any(w in folded for w in words):
        return []
    starts: set[int] = set()
    if len(folded) != len(text):
        assert start_pattern is not None
        # None of the words can overlap another's start (no suffix of one begins another), so finditer's
        # non-overlapping matches are every place one starts.
        starts.update(m.start() for m in start_pattern.finditer(text))
    else:
        for word in words:
            pos = folded.find(word)
            while pos >= 0:
                starts.add(pos)
                pos = folded.find(word, pos + 1)
    found: list[re.Match[str]] = []
    reach = 0
    for pos in sorted(starts):
        if pos >= reach:
            m = pattern.match(text, pos, pos + _LONGEST)
            if m:
                found.append(m)
                reach = max(m.end(), pos + 1)
    return found


def find_publication_dates(text: str) -> list[StatedDate]:
    found: list[StatedDate] = []
    folded = text.casefold()
    for m in _ZH.finditer(text):
        iso = _iso(int(m[2]), int(m[3]), int(m[4]))
        if iso:
            found.append(StatedDate(iso, m[1], m.start(), m.end()))
    for m in _finditer(_EN, text, folded, _EN_WORDS, _EN_START):
        if m[2]:
            iso = _iso(int(m[2]), int(m[3]), int(m[4]))
        else:
            month = _month(m[5])
            iso = _iso(int(m[7]), month, int(m[6])) if month else None
        if iso:
            found.append(StatedDate(iso, m[1], m.start(), m.end()))
    for m in _finditer(_HI, text, text, _HI_WORDS):
        month = _month(m[2])
        iso = _iso(int(m[4]), month, int(m[3])) if month else None
        if iso:
            found.append(StatedDate(iso, m[1], m.start(), m.end()))
    for m in _finditer(_RU, text, folded, _RU_WORDS, _RU_START):
        if m[2]:
            iso = _iso(int(m[4]), int(m[3]), int(m[2]))
        else:
            month = _month(m[6])
            iso = _iso(int(m[7]), month, int(m[5])) if month else None
        if iso:
            found.append(StatedDate(iso, m[1], m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)
