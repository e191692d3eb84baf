"""Every date expression in a text, with exact spans: English, German, Russian, Belarusian, Ukrainian,
Chinese and Hindi (issue 16's first pass).

The archive never alters a document, so every span indexes the text exactly as given. The text is only
normalised by 1:1 character translation (full-width digits, colon and punctuation, Devanagari digits and the
odd spaces to ASCII) with ``str.translate``: offsets in the normalised copy are offsets in the original.

:func:`find_dates` returns :class:`DateMention` s (numeric, month-name and Chinese dates, ranges, a time or a
weekday word attached, the label before them, news datelines, "today" bars); :func:`find_relative` returns
:class:`RelativeMention` s ("yesterday", "on Tuesday", "last year", 近日 …); :func:`find_years` the bare
years ``find_dates`` leaves alone. Pure ``re``: every pattern is linear (no nested quantifiers, bounded
repeats), and the look-arounds beside a match read at most a few dozen characters.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, replace

__all__ = ["DateMention", "RelativeMention", "YearMention", "find_dates", "find_relative", "find_years"]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date (or a range of days) stated in a text: ``text[start:end]`` is the expression."""

    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    has_time: bool = False
    weekday: int | None = None
    label: str | None = None
    dateline: bool = False
    text: str = ""

    @property
    def complete(self) -> bool:
        """Year, month and day all known."""
        return self.year is not None and self.month is not None and self.day is not None

    @property
    def is_range(self) -> bool:
        return self.end_day is not None or self.end_month is not None


@dataclass(frozen=True, slots=True)
class RelativeMention:
    """A date stated relative to the text's own date ("yesterday", "on Tuesday", "last year")."""

    start: int
    end: int
    kind: str
    weekday: int | None = None
    text: str = ""


@dataclass(frozen=True, slots=True)
class YearMention:
    """A year standing alone (not part of a date; not a copyright line)."""

    start: int
    end: int
    year: int
    text: str = ""


# --- normalisation: 1:1 only -------------------------------------------------------------------------

_TRANS: dict[int, str] = {0xFF10 + i: str(i) for i in range(10)}
_TRANS.update({0x0966 + i: str(i) for i in range(10)})  # Devanagari digits
_TRANS.update(
    {
        0xFF1A: ":",
        0xFF0F: "/",
        0xFF0E: ".",
        0xFF0D: "-",
        0xFF0C: ",",
        0xFF08: "(",
        0xFF09: ")",
        0x3000: " ",
        0x00A0: " ",
        0x2007: " ",
        0x2009: " ",
        0x202F: " ",
        0x2212: "-",  # minus sign
        0x2010: "-",
        0x2011: "-",
        0x2012: "–",
        0x2015: "—",
        0xFF5E: "~",
        0x2019: "'",
        0x02BC: "'",
    }
)
_TABLE = str.maketrans(_TRANS)


# The characters the table changes: replaced one by one where they occur (``str.translate`` looks every
# character of the text up in the table, which cost more than finding the dates).
_TO_NORMALISE = re.compile("[" + "".join(re.escape(chr(c)) for c in _TABLE) + "]")


def _normalise(text: str) -> str:
    out = _TO_NORMALISE.sub(lambda m: m.group().translate(_TABLE), text)
    assert len(out) == len(text)
    return out


# --- vocabulary ------------------------------------------------------------------------------------------

_MONTH_WORDS: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "januar", "jänner", "января", "янв", "студзеня", "студз", "січня", "січ", "जनवरी"),
    2: ("february", "feb", "februar", "февраля", "фев", "февр", "лютага", "лют", "лютого", "फ़रवरी", "फरवरी"),
    3: ("march", "mar", "märz", "maerz", "mär", "mrz", "марта", "мар", "сакавіка", "сак", "березня", "бер"),
    4: ("april", "apr", "апреля", "апр", "красавіка", "крас", "квітня", "квіт", "अप्रैल"),
    5: ("may", "mai", "мая", "май", "травня", "трав", "मई"),
    6: ("june", "jun", "juni", "июня", "июн", "чэрвеня", "чэрв", "червня", "черв", "जून"),
    7: ("july", "jul", "juli", "июля", "июл", "ліпеня", "ліп", "липня", "лип", "जुलाई"),
    8: ("august", "aug", "августа", "авг", "жніўня", "жн", "серпня", "серп", "अगस्त"),
    9: ("september", "sept", "sep", "сентября", "сент", "сен", "верасня", "вер", "вересня", "вер", "सितंबर"),
    10: ("october", "oct", "oktober", "okt", "октября", "окт", "кастрычніка", "каст", "жовтня", "жовт"),
    11: ("november", "nov", "ноября", "нояб", "ноя", "лістапада", "ліст", "листопада", "лист"),
    12: ("december", "dec", "dezember", "dez", "декабря", "дек", "снежня", "снеж", "грудня", "груд"),
}
_MONTH_WORDS[3] += ("मार्च",)
_MONTH_WORDS[9] += ("सितम्बर",)
_MONTH_WORDS[10] += ("अक्टूबर", "अक्तूबर")
_MONTH_WORDS[11] += ("नवंबर", "नवम्बर")
_MONTH_WORDS[12] += ("दिसंबर", "दिसम्बर")
_MONTH_WORDS[2] += ("\u092b\u093c\u0930\u0935\u0930\u0940",)  # फ़ written with a separate nukta
_MONTHS: dict[str, int] = {w: n for n, words in _MONTH_WORDS.items() for w in words}
# Abbreviations ("Sept.", "сен."): a full stop after them belongs to the date.
_ABBREVIATIONS = {
    w for words in _MONTH_WORDS.values() for w in words if any(x != w and x.startswith(w) for x in words)
}
_ABBREVIATIONS |= {"mrz"}
# Month names that can come before the day ("May 14", "जुलाई 12"): English and Hindi.
_MONTH_FIRST = {
    w
    for w in _MONTHS
    if w.isascii() and w not in {"januar", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember"}
}
_MONTH_FIRST |= {w for w in _MONTHS if any("\u0900" <= c <= "\u097f" for c in w)}
# Month names that stand with a year alone ("May 2024", "im März 2024", "मई 2024"): full names only.
_MONTH_YEAR = {
    w for w in _MONTHS if (w.isascii() and len(w) > 4) or w in {"may", "mai", "märz", "june", "juni"}
}
_MONTH_YEAR |= {w for w in _MONTHS if any("\u0900" <= c <= "\u097f" for c in w)}
_MONTH_YEAR.discard("sept")

_WEEKDAY_WORDS: dict[int, tuple[str, ...]] = {
    0: ("monday", "montag", "понедельник", "панядзелак", "понеділок", "सोमवार"),
    1: ("tuesday", "dienstag", "вторник", "аўторак", "вівторок", "मंगलवार"),
    2: ("wednesday", "mittwoch", "среда", "среду", "серада", "сераду", "середа", "середу", "बुधवार"),
    3: ("thursday", "donnerstag", "четверг", "чацвер", "четвер", "गुरुवार", "बृहस्पतिवार"),
    4: ("friday", "freitag", "пятница", "пятницу", "пятніца", "пятніцу", "п'ятниця", "п'ятницю", "शुक्रवार"),
    5: ("saturday", "samstag", "sonnabend", "суббота", "субботу", "субота", "суботу", "शनिवार"),
    6: ("sunday", "sonntag", "воскресенье", "нядзеля", "нядзелю", "неділя", "неділю", "रविवार"),
}
_WEEKDAY_ABBR: dict[int, tuple[str, ...]] = {
    0: ("mon",),
    1: ("tue", "tues"),
    2: ("wed",),
    3: ("thu", "thur", "thurs"),
    4: ("fri",),
    5: ("sat",),
    6: ("sun",),
}
_WEEKDAYS: dict[str, int] = {w: n for n, words in _WEEKDAY_WORDS.items() for w in words}
_WEEKDAYS_ANY: dict[str, int] = dict(_WEEKDAYS)
_WEEKDAYS_ANY.update({w: n for n, words in _WEEKDAY_ABBR.items() for w in words})
_ZH_WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}

# A word character, Devanagari's vowel signs and virama included (Python's \w leaves them out).
_W = r"\w\u0900-\u097F'"
_NB = rf"(?<![{_W}])"
_NA = rf"(?![{_W}])"


def _alt(words: set[str] | dict[str, int] | dict[str, str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def _initials(*groups: Iterable[str]) -> str:
    """A look-ahead for the first letters (either case) of ``groups``' words: a place no word starts at is
    passed over at once instead of trying every alternative (1 MB of spaces took 3 s without it)."""
    chars: set[str] = set()
    for group in groups:
        for w in group.split("|") if isinstance(group, str) else group:
            chars |= {w[0], w[0].lower(), w[0].upper()}
    return "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])"


_MON = _alt(_MONTHS)
_MON_FIRST = _alt(_MONTH_FIRST)
_MON_YEAR = _alt(_MONTH_YEAR)
_WD = _alt(_WEEKDAYS)
_WD_ANY = _alt(_WEEKDAYS_ANY)
_ZH_WD = r"(?:星期|礼拜|周)[一二三四五六日天]"

_YEAR = r"(?:19|20)[0-9]{2}(?![0-9])"
_DAY = r"[0-3]?[0-9]"
_S = r"[ \t]"
_DASH = r"[-–—]"
_YEAR_WORD = r"(?:года|году|год|г\.|г(?![\w])|р\.|року|рік|р(?![\w]))"

# "14 May 2024", "14. März", "14–15 мая 2024 г.", "с 4 по 6 июня", "vom 4. bis 6. Juni", "5-6 फ़रवरी, 2024"
_DMY = re.compile(
    rf"(?=[0-9fvabсзів])(?<![{_W}.,:/\-–—])"
    rf"(?:(?P<pre>from|vom|von|ab|с|со|з|із|від|between){_S}+)?"
    rf"(?P<d1>{_DAY})(?:\.|st|nd|rd|th|-?го)?"
    rf"(?:(?P<rs>{_S}?{_DASH}{_S}?|{_S}+(?:and|und|bis|to|till|until|through|и|по|до|і|па|да|та|й){_S}+)"
    rf"(?P<d2>{_DAY})(?:\.|st|nd|rd|th|-?го)?)?"
    rf"(?:{_S}+of)?{_S}+{_initials(_MONTHS)}(?P<mon>{_MON}){_NA}\.?"
    rf"(?:,?{_S}+(?P<y>{_YEAR})(?:{_S}?{_YEAR_WORD})?)?",
    re.IGNORECASE,
)
# "May 14, 2024", "Oct 5 2023", "June 4-6", "from June 4 to 6", "Dec. 6", "जुलाई 12, 2024"
_MDY = re.compile(
    rf"{_initials(_MONTH_FIRST, ['from', 'between'])}(?<![{_W}.,:/])"
    rf"(?:(?P<pre>from|between){_S}+)?"
    rf"(?P<mon>{_MON_FIRST}){_NA}\.?{_S}+"
    rf"(?P<d1>{_DAY})(?:st|nd|rd|th)?"
    rf"(?:(?P<rs>{_S}?{_DASH}{_S}?|{_S}+(?:to|and|through|until|till){_S}+)(?P<d2>{_DAY})(?:st|nd|rd|th)?)?"
    rf"(?![0-9])(?![.:][0-9])"
    rf"(?:,?{_S}+(?P<y>{_YEAR}))?",
    re.IGNORECASE,
)
# "May 2024", "im März 2024", "मई 2024"
_MY = re.compile(
    rf"{_initials(_MONTH_YEAR)}{_NB}(?P<mon>{_MON_YEAR}){_NA}\.?,?{_S}+(?P<y>{_YEAR})", re.IGNORECASE
)
# "2024-05-14", "2024/05/14", "2024.05.14"
_YMD = re.compile(
    r"(?=[12])(?<![0-9.\-/+)])(?<![0-9] )(?P<y>(?:19|20)[0-9]{2})"
    r"(?P<s>[-/.])(?P<m>[01]?[0-9])(?P=s)(?P<d>[0-3]?[0-9])"
    r"(?![0-9])(?![-/.][0-9])"
)
# "14.05.2024", "05/14/2024" (slash or hyphen only when unambiguous)
_NDMY = re.compile(
    r"(?=[0-9])(?<![0-9.\-/+])(?P<a>[0-3]?[0-9])(?P<s>[./-])(?P<b>[01]?[0-9])(?P=s)"
    r"(?P<y>(?:19|20)[0-9]{2})"
    r"(?![0-9])(?![-/.][0-9])"
)
# "2024年5月14日", "5月14日", "5月14日至15日", "5月14—15日", "5月30日至6月2日"
_ZH_RANGE_SEP = r"(?:至|到|—{1,2}|–|-|~)"
_ZH = re.compile(
    rf"(?=[0-9])(?<![0-9])(?:(?P<y>{_YEAR}) ?年 ?)?(?P<m>[01]?[0-9]) ?月 ?(?P<d>{_DAY}) ?"
    rf"(?:[日号](?: ?{_ZH_RANGE_SEP} ?(?:(?P<m2>[01]?[0-9]) ?月 ?)?(?P<d2>{_DAY}) ?[日号])?"
    rf"|{_ZH_RANGE_SEP} ?(?P<d3>{_DAY}) ?[日号])"
)
_ZH_YM = re.compile(rf"(?=[12])(?<![0-9])(?P<y>{_YEAR}) ?年 ?(?P<m>[01]?[0-9]) ?月(?! ?[0-9])")
# "14日", "14日至15日", "19—20日": only in a paragraph opened by a Chinese dateline (the month is its)
_ZH_DAY = re.compile(
    rf"(?=[0-9])(?<![0-9月年第])(?P<d>{_DAY}) ?"
    rf"(?:日(?: ?{_ZH_RANGE_SEP} ?(?P<d2>{_DAY}) ?日)?|{_ZH_RANGE_SEP} ?(?P<d3>{_DAY}) ?日)(?!电)"
)

_TIME_AFTER = re.compile(
    rf"(?:,?{_S}{{0,3}}(?:(?:um|at|в|о|à|a las|,){_S}{{1,2}})?)"
    r"(?<![0-9])(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?(?![0-9])"
    rf"(?:{_S}?(?:Uhr|AM|PM|a\.m\.|p\.m\.|अपराह्न|पूर्वाह्न|बजे)(?![{_W}]))?"
    rf"(?:{_S}?(?:IST|MSK|GMT|UTC|CST|BJT|MEZ|MESZ|CET|CEST|EET)(?![{_W}]))?",
    re.IGNORECASE,
)
_TIME_BEFORE = re.compile(
    r"(?<![0-9:])(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?,?[ \t]{1,3}\Z",
)
_WEEKDAY_BEFORE = re.compile(
    rf"{_NB}(?:(?P<prep>on|am|в|во|у|ў){_S}+)?(?P<wd>{_WD_ANY}|{_ZH_WD}){_NA}\.?[,，]?{_S}{{1,3}}\Z",
    re.IGNORECASE,
)
_WEEKDAY_AFTER = re.compile(rf"[ \t,，]{{0,3}}\(?(?P<wd>{_WD}|{_ZH_WD}){_NA}\)?", re.IGNORECASE)

_LABEL = re.compile(
    r"(?:(?P<updated>Last\s+updated|Updated(?:\s+on)?|Update|Aktualisiert(?:\s+am)?|Обновлено|Обновлён|"
    r"Абноўлена|Оновлено|更新时间|更新日期|अपडेट(?:ेड)?)"
    r"|(?P<published>Published(?:\s+on)?|Publication\s+date|Release\s+time|Release\s+date|Posted(?:\s+on)?|"
    r"Veröffentlicht(?:\s+am)?|Datum|Опубликовано|Дата\s+публикации|Дата\s+публікацыі|Апублікавана|"
    r"Опубліковано|Дата\s+публікації|发布时间|发布日期|发表时间|时间(?=[ \t]*[:：])|"
    r"日期(?=[ \t]*[:：])|प्रकाशित(?:\s+तिथि)?|प्रकाशन\s+तिथि|"
    r"दिनांक)"
    r"|(?P<date>Date|Дата)"
    r"|(?P<capture>今天是|今日是|Today\s+is|Heute\s+ist|Сегодня|Сёння|Сьогодні))"
    r"[ \t:：]{0,3}\Z",
    re.IGNORECASE,
)

# After a date: the agency of a dateline ("(BelTA) –", ". /ТАСС/.", " — РИА Новости.", ". ІНТЕРФАКС-УКРАЇНА")
_UP = "A-ZА-ЯЁІЇЄҐЎ"
_AGENCY_AFTER = re.compile(
    rf"{_S}*\((?P<a1>[^()\n0-9]{{2,30}})\)(?:{_S}*[-–—]{{1,2}})?"
    rf"|\.?{_S}*/[^/\n0-9]{{2,20}}/\.?"
    rf"|{_S}*[-–—]{_S}*[{_UP}][\w-]{{1,20}}(?:{_S}[{_UP}][\w-]{{1,20}})?\."
    rf"|\.{_S}+[{_UP}][{_UP}-]{{3,30}}{_NA}"
)
# Before a date: the city a dateline opens with, alone at the start of its line ("MINSK, ", "КИЇВ. ")
_CITY_BEFORE = re.compile(r"^[ \t]*(?P<city>[^\W\d_][^\n,.()|:;0-9]{1,40}?)[,.][ \t]{1,3}\Z", re.MULTILINE)

_TEMPERATURE = re.compile(r"(?<![\w.,])[+-][0-9]{1,2}(?![0-9.,:])|[0-9]{1,2} ?(?:°|℃)")
_CURRENCY = re.compile(r"(?:USD|EUR|RUB|CNY|BYN|UAH|\$|€)\s?[0-9]{1,4}[.,][0-9]{2,4}|Курс[ыи]|汇率")
_WEATHER_ZH = re.compile(r"[晴阴]|多云|小雨|中雨|大雨|雷阵雨|小雪|大雪")
_WEATHER = re.compile(
    r"(?<!\w)(?:sunny|cloudy|rain|snow|overcast|sonnig|bewölkt|regen|облачно|ясно|дождь|снег|воблачна|"
    r"сонечна|хмарно|ясно)(?!\w)",
    re.IGNORECASE,
)
_BAR_REST = re.compile(r"[\s|·•/,，]*")


# --- helpers ----------------------------------------------------------------------------------------------


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    if month is not None and not 1 <= month <= 12:
        return False
    if day is None:
        return True
    if day < 1:
        return False
    if month is None:
        return day <= 31
    last = calendar.monthrange(year if year is not None else 2000, month)[1]
    return day <= last


def _after(
    a: tuple[int | None, int | None, int | None], b: tuple[int | None, int | None, int | None]
) -> bool:
    """Whether day ``b`` comes after day ``a`` (unknown years taken as equal)."""
    ya, ma, da = a
    yb, mb, db = b
    key_a = (ya if ya is not None and yb is not None else 0, ma or 0, da or 0)
    key_b = (yb if ya is not None and yb is not None else 0, mb or 0, db or 0)
    return key_b > key_a


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    zh: bool = False
    has_time: bool = False
    weekday: int | None = None
    dateline: bool = False
    label: str | None = None


def _month_of(word: str) -> int | None:
    if word[0].isascii() and word[0].islower():
        return None  # English and German write month names capitalised: "you may 5 …" is no date
    return _MONTHS.get(word.lower().rstrip("."))


def _ranged(c: _Cand, d2: int | None, m2: int | None = None) -> _Cand | None:
    """``c`` with its range's last day, or None when the range is not one (the end before the start)."""
    if d2 is None:
        return c
    end_month = m2 if m2 is not None else c.month
    if not _valid(c.year, end_month, d2) or not _after((None, c.month, c.day), (None, end_month, d2)):
        return None
    c.end_year, c.end_month, c.end_day = c.year, end_month, d2
    return c


def _word_dates(text: str, out: list[_Cand]) -> None:
    for m in _DMY.finditer(text):
        month = _month_of(m["mon"])
        d1 = int(m["d1"])
        year = int(m["y"]) if m["y"] else None
        if month is None or not _valid(year, month, d1):
            continue
        start = m.start() if m["d2"] else m.start("d1")
        end = m.end()
        if year is None and m["mon"].lower() not in _ABBREVIATIONS and m.end("mon") < end:
            end = m.end("mon")  # "on 26 September." : the full stop ends the sentence, not an abbreviation
        c = _ranged(_Cand(start, end, year, month, d1), int(m["d2"]) if m["d2"] else None)
        if c is not None:
            out.append(c)
    for m in _MDY.finditer(text):
        month = _month_of(m["mon"])
        d1 = int(m["d1"])
        year = int(m["y"]) if m["y"] else None
        if month is None or not _valid(year, month, d1):
            continue
        start = m.start() if m["d2"] else m.start("mon")
        c = _ranged(_Cand(start, m.end(), year, month, d1), int(m["d2"]) if m["d2"] else None)
        if c is not None:
            out.append(c)
    for m in _MY.finditer(text):
        month = _month_of(m["mon"])
        if month is not None:
            out.append(_Cand(m.start(), m.end(), int(m["y"]), month, None))


def _numeric_dates(text: str, out: list[_Cand]) -> None:
    for m in _YMD.finditer(text):
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        if _valid(y, mo, d):
            out.append(_Cand(m.start(), m.end(), y, mo, d))
    for m in _NDMY.finditer(text):
        a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        if m["s"] == "." or a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            day, month = b, a
        elif a == b:
            day, month = a, b
        else:
            continue  # "05/06/2024": day-month or month-day, the text does not say
        if _valid(y, month, day):
            out.append(_Cand(m.start(), m.end(), y, month, day))


def _zh_dates(text: str, out: list[_Cand]) -> None:
    if "月" not in text:
        return
    for m in _ZH.finditer(text):
        year = int(m["y"]) if m["y"] else None
        month, day = int(m["m"]), int(m["d"])
        if not _valid(year, month, day):
            continue
        d2 = m["d2"] or m["d3"]
        c = _ranged(
            _Cand(m.start(), m.end(), year, month, day, zh=True),
            int(d2) if d2 else None,
            int(m["m2"]) if m["m2"] else None,
        )
        if c is not None:
            out.append(c)
    for m in _ZH_YM.finditer(text):
        year, month = int(m["y"]), int(m["m"])
        if _valid(year, month, None):
            out.append(_Cand(m.start(), m.end(), year, month, None, zh=True))


class _Spans:
    """Disjoint spans kept in order: whether a new one overlaps any, in log time."""

    __slots__ = ("ends", "starts")

    def __init__(self, spans: list[tuple[int, int]] | None = None) -> None:
        self.starts: list[int] = [s for s, _ in spans or ()]
        self.ends: list[int] = [e for _, e in spans or ()]

    def overlaps(self, start: int, end: int) -> bool:
        # the last span starting before ``end`` is the only one that can reach past ``start``: an earlier
        # one reaching past it would overlap that last one
        i = bisect_left(self.starts, end) - 1
        return i >= 0 and self.ends[i] > start

    def add(self, start: int, end: int) -> None:
        i = bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def _longest_first(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates, the longest winning, in text order."""
    chosen: list[_Cand] = []
    taken = _Spans()
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if taken.overlaps(c.start, c.end):
            continue
        chosen.append(c)
        taken.add(c.start, c.end)
    chosen.sort(key=lambda c: c.start)
    return chosen


_RANGE_JOIN = re.compile(
    r"[ \t]{0,3}(?:[-–—]{1,2}|to|bis|till|until|through|по|до|па|да|至|到|~)[ \t]{0,3}\Z", re.IGNORECASE
)
_RANGE_FROM = re.compile(rf"{_NB}(?:from|vom|von|с|со|з|із|від|between){_S}{{1,2}}\Z", re.IGNORECASE)


def _join_ranges(text: str, cands: list[_Cand]) -> list[_Cand]:
    """ "30 мая – 2 июня 2024", "May 30 to June 2", "5月30日至6月2日": two dates joined into one range."""
    out: list[_Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.end_day is None
            and prev.day is not None
            and c.day is not None
            and c.end_day is None
            and c.start - prev.end <= 12
            and _RANGE_JOIN.match(text[prev.end : c.start]) is not None
            and (prev.year is None or c.year is None or prev.year <= c.year)
        ):
            year = prev.year if prev.year is not None else c.year
            end_year = c.year if c.year is not None else year
            if _after((year, prev.month, prev.day), (end_year, c.month, c.day)):
                start = prev.start
                f = _RANGE_FROM.search(text, max(0, start - 12), start)
                if f is not None:
                    start = f.start()
                out[-1] = replace(
                    prev,
                    start=start,
                    end=c.end,
                    year=year,
                    end_year=end_year,
                    end_month=c.month,
                    end_day=c.day,
                )
                continue
        out.append(c)
    return out


def _free(cands: list[_Cand], i: int) -> tuple[int, int]:
    lo = cands[i - 1].end if i > 0 else 0
    hi = cands[i + 1].start if i + 1 < len(cands) else -1
    return lo, hi


def _extend(text: str, cands: list[_Cand]) -> None:
    """Attach the time, the weekday word and a dateline's city and agency to each date, in place."""
    n = len(text)
    for i, c in enumerate(cands):
        lo, hi = _free(cands, i)
        hi = n if hi < 0 else hi
        # a time after the date ("14.05.2024 12:40", "2023年09月12日08:35", "um 17:20 Uhr")
        t = _TIME_AFTER.match(text, c.end, min(hi, c.end + 40))
        if t is not None and c.day is not None:
            c.end, c.has_time = t.end(), True
        # a weekday word after it ("2024年6月21日 星期五", "14 мая 2024 (вторник)")
        if not c.has_time:
            w = _WEEKDAY_AFTER.match(text, c.end, min(hi, c.end + 20))
            if w is not None and c.day is not None:
                c.end, c.weekday = w.end(), _weekday_value(w["wd"])
        # a time before it ("12:40 14.05.2024")
        if not c.has_time:
            t = _TIME_BEFORE.search(text, max(lo, c.start - 12), c.start)
            if t is not None and c.day is not None:
                c.start, c.has_time = t.start(), True
        # a weekday word before it ("Tuesday, 4 June 2024", "Thu, Oct 5", "в среду, 4 жовтня")
        if c.weekday is None and c.day is not None:
            w = _WEEKDAY_BEFORE.search(text, max(lo, c.start - 30), c.start)
            if w is not None:
                c.start, c.weekday = w.start(), _weekday_value(w["wd"])
        _dateline(text, c, lo, hi)


def _weekday_value(word: str) -> int | None:
    low = word.lower().replace("’", "'")
    if low in _WEEKDAYS_ANY:
        return _WEEKDAYS_ANY[low]
    return _ZH_WEEKDAY.get(low[-1])


def _dateline(text: str, c: _Cand, lo: int, hi: int) -> None:
    if c.day is None or (c.end_day is not None and not c.zh):
        return
    if c.zh:
        # "新华社明斯克5月14日电": the agency and city run straight into the date; 电 closes it
        if c.end < hi and text[c.end] == "电" and c.year is None:
            s = c.start
            while s > max(lo, c.start - 15) and "\u4e00" <= text[s - 1] <= "\u9fff":
                s -= 1
            if s < c.start:
                c.start, c.end, c.dateline = s, c.end + 1, True
        return
    city = _CITY_BEFORE.search(text, max(lo, c.start - 48), c.start)
    if city is None:
        return
    agency = _AGENCY_AFTER.match(text, c.end, min(hi, c.end + 40))
    name = city["city"].strip()
    if agency is None and not (name.isupper() and len(name) >= 3):
        return
    if agency is not None and agency["a1"] is not None and not _AGENCY_WORD.search(agency["a1"]):
        return
    c.start, c.dateline = city.start("city"), True
    if agency is not None:
        c.end = agency.end()


_AGENCY_WORD = re.compile(rf"^[^\W\d_][{_W} .&-]{{0,28}}$")


def _label(text: str, c: _Cand, lo: int) -> str | None:
    m = _LABEL.search(text, max(lo, c.start - 40), c.start)
    if m is None:
        return None
    return m.lastgroup


def _line(text: str, start: int, end: int) -> tuple[int, int]:
    a = text.rfind("\n", max(0, start - 300), start) + 1 or max(0, start - 300)
    b = text.find("\n", end, end + 300)
    return a, (b if b >= 0 else min(len(text), end + 300))


def _is_capture(text: str, c: _Cand) -> bool:
    """A "today" bar: a weekday-dated line with the weather, a temperature or exchange rates, or alone
    (nothing else on its line) among the page's first lines."""
    if c.weekday is None or c.day is None or c.dateline:
        return False
    a, b = _line(text, c.start, c.end)
    rest = text[a : c.start] + " " + text[c.end : b]
    if (
        _TEMPERATURE.search(rest)
        or _CURRENCY.search(rest)
        or _WEATHER.search(rest)
        or _WEATHER_ZH.search(rest)
    ):
        return True
    if c.has_time or c.year is None or not _BAR_REST.fullmatch(rest):
        return False
    return a < 3000 and sum(1 for line in text[:a].splitlines() if line.strip()) < 5


def find_dates(text: str) -> list[DateMention]:
    """Every date expression in ``text``, in text order and non-overlapping (the longest match wins)."""
    norm = _normalise(text)
    cands: list[_Cand] = []
    _numeric_dates(norm, cands)
    _word_dates(norm, cands)
    _zh_dates(norm, cands)
    cands = _join_ranges(norm, _longest_first(cands))
    _extend(norm, cands)
    cands = _zh_dateline_days(norm, cands)
    out: list[DateMention] = []
    for i, c in enumerate(cands):
        lo, _ = _free(cands, i)
        label = _label(norm, c, lo)
        if label == "capture" or (label is None and _is_capture(norm, c)):
            label = "capture"
        out.append(
            DateMention(
                start=c.start,
                end=c.end,
                year=c.year,
                month=c.month,
                day=c.day,
                end_year=c.end_year,
                end_month=c.end_month,
                end_day=c.end_day,
                has_time=c.has_time,
                weekday=c.weekday,
                label=label,
                dateline=c.dateline,
                text=text[c.start : c.end],
            )
        )
    return out


def _zh_dateline_days(text: str, cands: list[_Cand]) -> list[_Cand]:
    """ "新华社明斯克5月15日电 … 当地时间14日": bare days in the paragraph a Chinese dateline opens."""
    extra: list[_Cand] = []
    for i, c in enumerate(cands):
        if not (c.zh and c.dateline):
            continue
        stop = text.find("\n", c.end, c.end + 400)
        stop = c.end + 400 if stop < 0 else stop
        if i + 1 < len(cands):
            stop = min(stop, cands[i + 1].start)
        for m in _ZH_DAY.finditer(text, c.end, stop):
            day = int(m["d"])
            d2 = m["d2"] or m["d3"]
            if not _valid(None, None, day):
                continue
            end_day = int(d2) if d2 else None
            if end_day is not None and not (day < end_day <= 31):
                continue
            extra.append(_Cand(m.start(), m.end(), None, None, day, None, None, end_day, zh=True))
    if not extra:
        return cands
    return sorted(cands + extra, key=lambda c: c.start)


# --- relative dates ------------------------------------------------------------

_RELATIVE_WORDS: dict[str, tuple[str, ...]] = {
    "yesterday": ("yesterday", "gestern", "вчера", "учора", "ўчора", "вчора", "昨天", "昨日", "कल"),
    "today": ("today", "heute", "сегодня", "сёння", "сьогодні", "今天", "今日", "आज"),
    "tomorrow": ("tomorrow", "завтра", "заўтра", "明天"),
    "last-week": (
        "last week",
        "vergangene woche",
        "vergangenen woche",
        "letzte woche",
        "letzten woche",
        "vorige woche",
        "на прошлой неделе",
        "на минувшей неделе",
        "на мінулым тыдні",
        "минулого тижня",
        "на минулому тижні",
        "上周",
        "上星期",
        "पिछले सप्ताह",
        "पिछले हफ्ते",
        "पिछले हफ़्ते",
    ),
    "this-week": (
        "this week",
        "diese woche",
        "diesen woche",
        "на этой неделе",
        "на гэтым тыдні",
        "цього тижня",
        "本周",
    ),
    "this-year": (
        "this year",
        "earlier this year",
        "in diesem jahr",
        "dieses jahr",
        "в этом году",
        "в текущем году",
        "у гэтым годзе",
        "цього року",
        "今年",
        "इस साल",
        "इस वर्ष",
    ),
    "last-year": (
        "last year",
        "im vergangenen jahr",
        "vergangenes jahr",
        "letztes jahr",
        "im letzten jahr",
        "в прошлом году",
        "в минувшем году",
        "у мінулым годзе",
        "летась",
        "минулого року",
        "торік",
        "去年",
        "पिछले साल",
        "पिछले वर्ष",
    ),
    "start-of-this-year": (
        "at the beginning of this year",
        "at the start of this year",
        "early this year",
        "anfang des jahres",
        "anfang dieses jahres",
        "в начале этого года",
        "в начале текущего года",
        "в начале года",
        "у пачатку года",
        "на початку року",
        "今年年初",
        "年初",
    ),
    "start-of-last-year": (
        "at the beginning of last year",
        "at the start of last year",
        "early last year",
        "anfang des vergangenen jahres",
        "anfang vergangenen jahres",
        "anfang letzten jahres",
        "в начале прошлого года",
        "у пачатку мінулага года",
        "на початку минулого року",
        "去年年初",
        "去年初",
    ),
    "end-of-last-year": (
        "at the end of last year",
        "late last year",
        "end of last year",
        "ende des vergangenen jahres",
        "ende vergangenen jahres",
        "ende letzten jahres",
        "в конце прошлого года",
        "у канцы мінулага года",
        "наприкінці минулого року",
        "в кінці минулого року",
        "去年年底",
        "去年底",
        "去年年末",
    ),
    "end-of-this-year": (
        "by the end of this year",
        "at the end of this year",
        "ende des jahres",
        "ende dieses jahres",
        "в конце этого года",
        "в конце года",
        "до конца года",
        "у канцы года",
        "наприкінці року",
        "今年年底",
        "年底",
        "年内",
    ),
    "recently": (
        "recently",
        "kürzlich",
        "vor kurzem",
        "недавно",
        "на днях",
        "нядаўна",
        "нещодавно",
        "近日",
        "日前",
        "近期",
        "最近",
        "हाल ही में",
    ),
}
_RELATIVE_KIND = {w: k for k, words in _RELATIVE_WORDS.items() for w in words}
_LAST = (
    r"(?:last|this\s+past|vergangenen|letzten|vorigen|прошлый|прошлую|прошлое|минувший|минувшую|минувшее|"
    r"мінулы|мінулую|мінулае|минулого|минулий|минулу|минулої|पिछले)"
)
_WD_REL = rf"(?P<wd>{_WD})"
_RELATIVE = re.compile(
    rf"{_initials(_RELATIVE_KIND, _WEEKDAYS, _LAST[3:-1], list('oaвуўі上星礼周'))}{_NB}(?:"
    rf"(?P<fixed>{_alt(_RELATIVE_KIND)})"
    rf"|(?:(?:on|am|в|во|у|ў|від){_S}+)?(?:(?P<last>{_LAST}){_S}+)?{_WD_REL}(?:{_S}+को)?"
    rf"|(?P<zhlast>上)?(?P<zhwd>{_ZH_WD})"
    rf"){_NA}",
    re.IGNORECASE,
)
# A weekday word alone ("Tuesday") is a relative date only with its preposition ("on", "am", "в", "को") or
# "last"; a nominative one ("Вторник, 14 мая") heads a date.
_NEEDS_PREP = re.compile(rf"{_NB}(?:on|am|в|во|у|ў){_S}|{_S}को\Z|{_LAST}", re.IGNORECASE)


def find_relative(text: str) -> list[RelativeMention]:
    """Relative date expressions ("yesterday", "on Tuesday", "в конце прошлого года", 近日), in text order."""
    norm = _normalise(text)
    spans = _Spans([(d.start, d.end) for d in find_dates(text)])
    found: list[tuple[int, int, str, int | None]] = []
    for m in _RELATIVE.finditer(norm):
        s, e = m.start(), m.end()
        if m["fixed"] is not None:
            kind = _RELATIVE_KIND.get(re.sub(r"\s+", " ", m["fixed"].lower()))
            if kind is None:
                continue
            if m["fixed"] in ("今天", "今日") and re.match(r"是|[ \t]*[:：]", norm[e : e + 2]):
                continue  # "今天是：2024年6月2日": the label of a today bar
            found.append((s, e, kind, None))
        elif m["zhwd"] is not None:
            found.append((s, e, "last-weekday" if m["zhlast"] else "weekday", _ZH_WEEKDAY[m["zhwd"][-1]]))
        else:
            if not m["last"] and not _NEEDS_PREP.search(m[0]):
                continue
            found.append((s, e, "last-weekday" if m["last"] else "weekday", _weekday_value(m["wd"])))
    out: list[RelativeMention] = []
    for s, e, kind, weekday in found:
        if spans.overlaps(s, e):
            continue
        out.append(RelativeMention(s, e, kind, weekday, text[s:e]))
    return out


# --- bare years ------------------------------------------------------------

_BARE_YEAR = re.compile(rf"(?<![0-9.,:/\-–—+])(?P<y>{_YEAR})(?![.,:/\-][0-9])(?: ?年(?![0-9]))?")
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)[ \t]*(?:(?:19|20)[0-9]{2}[ \t]*[-–—][ \t]*)?\Z", re.IGNORECASE
)


def find_years(text: str) -> list[YearMention]:
    """Years standing alone ("in 2015", "1992年"), outside every date and every copyright line."""
    norm = _normalise(text)
    spans = _Spans([(d.start, d.end) for d in find_dates(text)])
    out: list[YearMention] = []
    for m in _BARE_YEAR.finditer(norm):
        s, e = m.start(), m.end()
        if spans.overlaps(s, e):
            continue
        if _COPYRIGHT.search(norm, max(0, s - 20), s):
            continue
        out.append(YearMention(s, e, int(m["y"]), text[s:e]))
    return out
