"""Dates in the window's language: "4–6 Jun 2025?" reads "4–6 июн. 2025?" in Russian, "2025年6月4–6日?"
in Chinese.

The query layer formats an event's date once, in English (``desktop.dates``: the list, the command line and
the CSV export share it). The window rewrites that text for its language as a row is fetched (not per paint):
day, month and year keep their places or move as the language writes them. Month names are CLDR's (Russian
abbreviated: genitive after a day, nominative alone). Light: only ``re``, so the first paint can use it.
"""

from __future__ import annotations

import re

from desktop.dates import MONTH_ABBR

_MONTH = {name: i + 1 for i, name in enumerate(MONTH_ABBR)}
# "4 Jun 2025", "4–6 Jun 2025", "Jun 2025", "4 Jun, year unknown", "Jun, year unknown".
_DATE = re.compile(
    r"(?:(?P<day>\d{1,2}(?:–\d{1,2})?) )?(?P<month>"
    + "|".join(MONTH_ABBR)
    + r")(?P<year> \d{4}|, year unknown)?"
)
# CLDR (v44) abbreviated month names for Russian: format (after a day) and stand-alone (with the year only).
_RU_AFTER_DAY = (
    "янв.",
    "февр.",
    "мар.",
    "апр.",
    "мая",
    "июн.",
    "июл.",
    "авг.",
    "сент.",
    "окт.",
    "нояб.",
    "дек.",
)
_RU_ALONE = ("янв.", "февр.", "март", "апр.", "май", "июнь", "июль", "авг.", "сент.", "окт.", "нояб.", "дек.")
_WORDS = {
    "ru": {"undated": "без даты", "year unknown": "год неизвестен"},
    "zh": {"undated": "无日期", "year unknown": "年份不详"},
}

_language = "en"


def set_language(language: str) -> None:
    """The window's language (set when its translation is installed)."""
    global _language
    _language = language if language in _WORDS else "en"


def local_date(text: str) -> str:
    """A date as ``desktop.dates`` writes it, in the window's language (itself in English)."""
    if _language == "en" or not text:
        return text
    words = _WORDS[_language]
    if text == "undated":
        return words["undated"]
    if _language == "ru":
        return _DATE.sub(_russian, text)
    return _DATE.sub(_chinese, text)


def _russian(m: re.Match[str]) -> str:
    month, day, year = _MONTH[m["month"]], m["day"], m["year"]
    name = (_RU_AFTER_DAY if day else _RU_ALONE)[month - 1]
    if year == ", year unknown":
        year = ", " + _WORDS["ru"]["year unknown"]
    return f"{day + ' ' if day else ''}{name}{year or ''}"


def _chinese(m: re.Match[str]) -> str:
    month, day, year = _MONTH[m["month"]], m["day"], m["year"]
    days = f"{day}日" if day else ""
    if year == ", year unknown":
        return f"{month}月{days}（{_WORDS['zh']['year unknown']}）"
    return f"{year.strip() + '年' if year else ''}{month}月{days}"
