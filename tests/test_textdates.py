"""Date expressions in seven languages with exact spans (desktop.ingest.textdates, issue 16)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop.ingest.textdates import DateMention, find_dates, find_relative, find_years

ROOT = Path(__file__).resolve().parent.parent

# (text, span text, year, month, day, end (y, m, d) or None, has_time, weekday, label, dateline)
Case = tuple[str, str, int | None, int | None, int | None, tuple[int | None, int | None, int | None] | None]

DATES: list[Case] = [
    # numeric
    ("on 2024-05-14 there", "2024-05-14", 2024, 5, 14, None),
    ("2024/05/14", "2024/05/14", 2024, 5, 14, None),
    ("2024.05.14", "2024.05.14", 2024, 5, 14, None),
    ("Stand 14.05.2024.", "14.05.2024", 2024, 5, 14, None),
    ("14.05.2024 12:40", "14.05.2024 12:40", 2024, 5, 14, None),
    ("12:40 14.05.2024", "12:40 14.05.2024", 2024, 5, 14, None),
    ("05/14/2024", "05/14/2024", 2024, 5, 14, None),
    ("14/05/2024", "14/05/2024", 2024, 5, 14, None),
    ("2023年09月12日08:35 | 来源", "2023年09月12日08:35", 2023, 9, 12, None),
    ("发布日期：2024年5月14日\u300012：40", "2024年5月14日\u300012：40", 2024, 5, 14, None),
    ("２０２４年５月１４日", "２０２４年５月１４日", 2024, 5, 14, None),
    ("2023-10-24 14:05:11    CRI", "2023-10-24 14:05:11", 2023, 10, 24, None),
    # Chinese
    ("2024年5月14日，论坛", "2024年5月14日", 2024, 5, 14, None),
    ("5月14日，论坛", "5月14日", None, 5, 14, None),
    ("5月14日至15日，论坛", "5月14日至15日", None, 5, 14, (None, 5, 15)),
    ("6月4日至6日举行", "6月4日至6日", None, 6, 4, (None, 6, 6)),
    ("5月14—15日举行", "5月14—15日", None, 5, 14, (None, 5, 15)),
    ("5月14日—15日举行", "5月14日—15日", None, 5, 14, (None, 5, 15)),
    ("5月30日至6月2日举行", "5月30日至6月2日", None, 5, 30, (None, 6, 2)),
    ("2024年6月", "2024年6月", 2024, 6, None, None),
    # English
    ("on 14 May 2024.", "14 May 2024", 2024, 5, 14, None),
    ("May 14, 2024", "May 14, 2024", 2024, 5, 14, None),
    ("On May 14 the", "May 14", None, 5, 14, None),
    ("on 14 May.", "14 May", None, 5, 14, None),
    ("Oct 14, 2024", "Oct 14, 2024", 2024, 10, 14, None),
    ("Sep. 27, 2023", "Sep. 27, 2023", 2023, 9, 27, None),
    ("Sept 27", "Sept 27", None, 9, 27, None),
    ("held 14-15 May 2024 in", "14-15 May 2024", 2024, 5, 14, (2024, 5, 15)),
    ("from June 4 to 6 in", "from June 4 to 6", None, 6, 4, (None, 6, 6)),
    ("June 4-6", "June 4-6", None, 6, 4, (None, 6, 6)),
    ("May 14–15,", "May 14–15", None, 5, 14, (None, 5, 15)),
    ("from May 30 to June 2, 2024", "from May 30 to June 2, 2024", 2024, 5, 30, (2024, 6, 2)),
    ("in May 2024", "May 2024", 2024, 5, None, None),
    # German
    ("am 14. Mai 2024 in", "14. Mai 2024", 2024, 5, 14, None),
    ("am 14. März", "14. März", None, 3, 14, None),
    ("vom 4. bis 6. Juni", "vom 4. bis 6. Juni", None, 6, 4, (None, 6, 6)),
    ("26. bis 29. Februar", "26. bis 29. Februar", None, 2, 26, (None, 2, 29)),
    ("Datum 12.03.2024", "12.03.2024", 2024, 3, 12, None),
    # Russian
    ("14 мая 2024 года в", "14 мая 2024 года", 2024, 5, 14, None),
    ("14 мая 2024 г. в", "14 мая 2024 г.", 2024, 5, 14, None),
    ("прошел 14 мая в", "14 мая", None, 5, 14, None),
    ("с 4 по 6 июня", "с 4 по 6 июня", None, 6, 4, (None, 6, 6)),
    ("С 4 по 6 июня", "С 4 по 6 июня", None, 6, 4, (None, 6, 6)),
    ("Форум проходит 14–15 мая.", "14–15 мая", None, 5, 14, (None, 5, 15)),
    ("14 и 15 мая", "14 и 15 мая", None, 5, 14, (None, 5, 15)),
    ("12 сен 2023, 10:15", "12 сен 2023, 10:15", 2023, 9, 12, None),
    ("30 мая – 2 июня 2024", "30 мая – 2 июня 2024", 2024, 5, 30, (2024, 6, 2)),
    # Belarusian
    ("12 сакавіка 2024 г. у", "12 сакавіка 2024 г.", 2024, 3, 12, None),
    ("22 кастрычніка", "22 кастрычніка", None, 10, 22, None),
    ("з 17 па 19 красавіка", "з 17 па 19 красавіка", None, 4, 17, (None, 4, 19)),
    ("25-27 верасня 2024 г.", "25-27 верасня 2024 г.", 2024, 9, 25, (2024, 9, 27)),
    ("4-6 чэрвеня", "4-6 чэрвеня", None, 6, 4, (None, 6, 6)),
    # Ukrainian
    ("5 жовтня 2023 р. у", "5 жовтня 2023 р.", 2023, 10, 5, None),
    ("5 жовтня 2023 р. 14:37", "5 жовтня 2023 р. 14:37", 2023, 10, 5, None),
    ("що проходить 23–24 листопада в", "23–24 листопада", None, 11, 23, (None, 11, 24)),
    # Hindi
    ("14 मई 2024 को", "14 मई 2024", 2024, 5, 14, None),
    ("14-15 मई को", "14-15 मई", None, 5, 14, (None, 5, 15)),
    ("जुलाई 12, 2024 6:20 अपराह्न", "जुलाई 12, 2024 6:20 अपराह्न", 2024, 7, 12, None),
    ("5-6 फ़रवरी, 2024 को", "5-6 फ़रवरी, 2024", 2024, 2, 5, (2024, 2, 6)),
    ("१४ मई २०२४", "१४ मई २०२४", 2024, 5, 14, None),
]


@pytest.mark.parametrize(("text", "span", "year", "month", "day", "end"), DATES)
def test_date_forms(
    text: str,
    span: str,
    year: int | None,
    month: int | None,
    day: int | None,
    end: tuple[int | None, int | None, int | None] | None,
) -> None:
    found = find_dates(text)
    assert [m.text for m in found] == [span]
    m = found[0]
    assert (m.year, m.month, m.day) == (year, month, day)
    assert (m.end_year, m.end_month, m.end_day) == (end if end is not None else (None, None, None))
    assert text[m.start : m.end] == span
    assert m.complete == (year is not None and month is not None and day is not None)


@pytest.mark.parametrize(
    ("text", "span", "has_time", "weekday"),
    [
        ("Thu, Oct 5 2023 09:12", "Thu, Oct 5 2023 09:12", True, 3),
        ("Tuesday, 4 June 2024", "Tuesday, 4 June 2024", False, 1),
        ("Mittwoch, 10. Januar 2024", "Mittwoch, 10. Januar 2024", False, 2),
        ("Воскресенье, 2 июня 2024", "Воскресенье, 2 июня 2024", False, 6),
        ("Аўторак, 8 кастрычніка 2024", "Аўторак, 8 кастрычніка 2024", False, 1),
        ("сказав він в середу, 4 жовтня", "в середу, 4 жовтня", False, 2),
        ("सोमवार, 15 जुलाई 2024", "सोमवार, 15 जुलाई 2024", False, 0),
        ("2024年6月21日 星期五", "2024年6月21日 星期五", False, 4),
        ("Veröffentlicht am 15.05.2024 um 17:20 Uhr", "15.05.2024 um 17:20 Uhr", True, None),
        ("16 May 2024 08:45 PM IST", "16 May 2024 08:45 PM IST", True, None),
        ("14 мая 2024, 12:40", "14 мая 2024, 12:40", True, None),
    ],
)
def test_time_and_weekday(text: str, span: str, has_time: bool, weekday: int | None) -> None:
    (m,) = find_dates(text)
    assert (m.text, m.has_time, m.weekday) == (span, has_time, weekday)


@pytest.mark.parametrize(
    ("text", "span", "month", "day"),
    [
        ("MINSK, May 14 (BelTA) - The forum", "MINSK, May 14 (BelTA) -", 5, 14),
        ("BEIJING, March 3 (Xinhua) -- China", "BEIJING, March 3 (Xinhua) --", 3, 3),
        ("MINSK, Dec. 6 (Xinhua) -- A", "MINSK, Dec. 6 (Xinhua) --", 12, 6),
        ("PEKING, 3. Mai (dpa) - Die", "PEKING, 3. Mai (dpa) -", 5, 3),
        ("МИНСК, 14 мая (БЕЛТА) – Форум", "МИНСК, 14 мая (БЕЛТА) –", 5, 14),
        ("ПЕКИН, 3 мая. /ТАСС/. Китай", "ПЕКИН, 3 мая. /ТАСС/.", 5, 3),
        ("МИНСК, 28 фев — РИА Новости. Делегация", "МИНСК, 28 фев — РИА Новости.", 2, 28),
        (
            "КИЇВ. 24 листопада. ІНТЕРФАКС-УКРАЇНА – Університети",
            "КИЇВ. 24 листопада. ІНТЕРФАКС-УКРАЇНА",
            11,
            24,
        ),
        ("मिन्स्क, 14 मई (भाषा) चीन", "मिन्स्क, 14 मई (भाषा)", 5, 14),
        ("　　新华社明斯克5月14日电（记者）", "新华社明斯克5月14日电", 5, 14),
        ("中新网北京10月22日电 记者", "中新网北京10月22日电", 10, 22),
        ("人民网明斯克9月12日电（记者 张悦）", "人民网明斯克9月12日电", 9, 12),
    ],
)
def test_datelines(text: str, span: str, month: int, day: int) -> None:
    dated = [m for m in find_dates(text) if m.dateline]
    assert [(m.text, m.month, m.day) for m in dated] == [(span, month, day)]


def test_dateline_without_date_is_no_mention() -> None:
    assert find_dates("MOSKAU (dpa) - Die Gespräche") == []


def test_lowercase_city_line_is_no_dateline() -> None:
    (m,) = find_dates("Minsk, 14 May 2024")
    assert not m.dateline


def test_bare_days_after_a_chinese_dateline() -> None:
    text = "新华社明斯克5月15日电 第五届中白地方合作论坛14日至15日在明斯克举行。当地时间14日，"
    found = find_dates(text)
    assert [(m.text, m.day, m.end_day, m.dateline) for m in found] == [
        ("新华社明斯克5月15日电", 15, None, True),
        ("14日至15日", 14, 15, False),
        ("14日", 14, None, False),
    ]
    assert find_dates("论坛14日至15日举行") == []  # no dateline: no month to read the days in


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Published: May 14, 2024", "published"),
        ("Publication date: 14.05.2024", "published"),
        ("Release time: 2024-05-14", "published"),
        ("Posted on 2024-05-14", "published"),
        ("Veröffentlicht am 12. März 2024", "published"),
        ("Datum: 08.03.2024", "published"),
        ("Опубликовано: 05.06.2024 09:12", "published"),
        ("Дата публикации: 05.06.2024", "published"),
        ("Дата публікацыі: 13.03.2024", "published"),
        ("Апублікавана: 13.03.2024", "published"),
        ("Опубліковано: 13.03.2024", "published"),
        ("发布时间：2023-10-23 09:15", "published"),
        ("发布日期：2024年5月20日", "published"),
        ("时间：2024-05-20", "published"),
        ("日期：2024-05-20", "published"),
        ("प्रकाशित: 14 मई 2024", "published"),
        ("दिनांक: 14 मई 2024", "published"),
        ("Updated: 2023-10-23 09:15", "updated"),
        ("Last updated 14 May 2024", "updated"),
        ("Aktualisiert am 14.05.2024", "updated"),
        ("(обновлено: 14:32 28.02.2024)", "updated"),
        ("更新时间：2024-05-14", "updated"),
        ("अपडेट: 14 मई 2024", "updated"),
        ("Updated Thu, 16 May 2024 08:45 PM IST", "updated"),
        ("Date: 2024-01-03", "date"),
        ("今天是：2024年6月2日\u3000星期日\u3000济南\u3000晴\u300028℃", "capture"),
        ("Вторник, 14 мая 2024 | Минск +21 | USD 3,2641", "capture"),
        ("Tuesday, 4 June 2024 | Minsk +19°C", "capture"),
        ("Mittwoch, 10. Januar 2024   |   Hamburg 2 °C", "capture"),
        ("Субота, 25 листопада 2023   Київ +3   Курси НБУ: USD 36,0726", "capture"),
        ("2024年6月21日 星期四 济南 晴", "capture"),
        ("2024-05-14", None),
        ("当地时间14日", None),
    ],
)
def test_labels(text: str, label: str | None) -> None:
    found = find_dates(text) if "当地时间" not in text else find_dates("新华社明斯克5月15日电 " + text)
    assert found[-1].label == label


def test_weekday_dated_line_alone_at_the_top_is_a_today_bar() -> None:
    text = "सोमवार, 15 जुलाई 2024\nडीडी न्यूज़\nहोम | भारत\n\nशीर्षक\n\nपहला\nदूसरा\nबुधवार, 10 जुलाई 2024\n"
    found = find_dates(text)
    assert [m.label for m in found] == ["capture", None]


@pytest.mark.parametrize(
    "text",
    [
        "in 2015 the park was founded",
        "1992年中白建交",
        "第二十三届中国哈尔滨国际经济贸易洽谈会",
        "Тел.: +375 17 284-12-20, факс 284-15-71",
        "京ICP备05070218号 京公网安备11010202000001号",
        "Tel. +86 10 6512 2024",
        "at 12:40 the",
        "10：15",
        "Просмотров: 1 245",
        "USD 3,2620 EUR 3,5401",
        "© 2001–2024 БЕЛТА",
        "© 2024 Xinhua",
        "05/06/2024",
        "version 2.14.2024",
        "31.02.2024",
        "2024-13-01",
        "you may 5 times",
        "MOSKAU (dpa) -",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text) == []


RELATIVE = [
    ("They met yesterday.", "yesterday", "yesterday", None),
    ("today", "today", "today", None),
    ("opened here on Tuesday", "on Tuesday", "weekday", 1),
    ("last Friday", "last Friday", "last-weekday", 4),
    ("last week", "last week", "last-week", None),
    ("earlier this year", "earlier this year", "this-year", None),
    ("at the end of last year", "at the end of last year", "end-of-last-year", None),
    ("recently", "recently", "recently", None),
    ("gestern", "gestern", "yesterday", None),
    ("heute", "heute", "today", None),
    ("am Dienstag", "am Dienstag", "weekday", 1),
    ("am vergangenen Sonntag", "am vergangenen Sonntag", "last-weekday", 6),
    ("vergangene Woche", "vergangene Woche", "last-week", None),
    ("Anfang des Jahres", "Anfang des Jahres", "start-of-this-year", None),
    ("вчера", "вчера", "yesterday", None),
    ("сегодня", "сегодня", "today", None),
    ("во вторник", "во вторник", "weekday", 1),
    ("в понедельник", "в понедельник", "weekday", 0),
    ("на прошлой неделе", "на прошлой неделе", "last-week", None),
    ("в начале прошлого года", "в начале прошлого года", "start-of-last-year", None),
    ("В конце прошлого года", "В конце прошлого года", "end-of-last-year", None),
    ("недавно", "недавно", "recently", None),
    ("учора", "учора", "yesterday", None),
    ("сёння", "сёння", "today", None),
    ("у аўторак", "у аўторак", "weekday", 1),
    ("на мінулым тыдні", "на мінулым тыдні", "last-week", None),
    ("У мінулы чацвер", "У мінулы чацвер", "last-weekday", 3),
    ("вчора", "вчора", "yesterday", None),
    ("сьогодні", "сьогодні", "today", None),
    ("в середу", "в середу", "weekday", 2),
    ("昨天", "昨天", "yesterday", None),
    ("今天", "今天", "today", None),
    ("上周", "上周", "last-week", None),
    ("去年年底", "去年年底", "end-of-last-year", None),
    ("近日", "近日", "recently", None),
    ("日前", "日前", "recently", None),
    ("上周三", "上周三", "last-weekday", 2),
    ("कल", "कल", "yesterday", None),
    ("आज", "आज", "today", None),
    ("गुरुवार को", "गुरुवार को", "weekday", 3),
]


@pytest.mark.parametrize(("text", "span", "kind", "weekday"), RELATIVE)
def test_relative(text: str, span: str, kind: str, weekday: int | None) -> None:
    found = find_relative(text)
    assert [(r.text, r.kind, r.weekday) for r in found] == [(span, kind, weekday)]
    assert text[found[0].start : found[0].end] == span


@pytest.mark.parametrize(
    "text",
    ["Вторник, 14 мая 2024", "Tuesday, 4 June 2024", "Tuesday", "今天是：2024年6月2日", "Montagmorgen"],
)
def test_not_relative(text: str) -> None:
    assert find_relative(text) == []


def test_years() -> None:
    text = "Founded in 2015 (1992年), 14.05.2024. © 2001–2024"
    assert [(y.text, y.year) for y in find_years(text)] == [("2015", 2015), ("1992年", 1992)]


def _check_invariants(text: str, found: list[DateMention]) -> None:
    last_end = -1
    for m in found:
        assert text[m.start : m.end] == m.text
        assert m.start < m.end
        assert m.start >= last_end
        last_end = m.end


def test_full_width_input_keeps_offsets() -> None:
    text = "　发布时间：２０２４年５月１４日　１２：４０　来源：新华网　2024／05／14"
    found = find_dates(text)
    assert [m.text for m in found] == ["２０２４年５月１４日　１２：４０", "2024／05／14"]
    assert found[0].label == "published" and found[0].has_time
    _check_invariants(text, found)


def test_span_invariants_on_the_development_set() -> None:
    for path in sorted((ROOT / "tests" / "data" / "first_pass").glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        found = find_dates(text)
        assert found, path.name
        _check_invariants(text, found)
        for r in find_relative(text):
            assert text[r.start : r.end] == r.text
            assert not any(r.start < m.end and m.start < r.end for m in found)


def test_a_megabyte_of_mixed_text_and_of_adversarial_runs() -> None:
    pages = [
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "tests" / "data" / "first_pass").glob("*/*.txt"))
    ]
    chunk = "".join(pages)
    big = (chunk * (1_000_000 // len(chunk) + 1))[:1_000_000]
    found = find_dates(big)
    assert len(found) > 1000
    _check_invariants(big, found)
    find_relative(big)
    for run in (
        " " * 300_000,
        "14 " * 100_000,
        "14-" * 100_000,
        "5月" * 100_000,
        "MINSK, " * 40_000,
        "12:" * 100_000,
    ):
        _check_invariants(run, find_dates(run))
        find_relative(run)


def test_importable_without_sqlalchemy_or_qt() -> None:
    code = (
        "import sys, desktop.ingest.textdates\n"
        "heavy = {'sqlalchemy', 'PySide6', 'PyQt6'}\n"
        "assert not any(m.split('.')[0] in heavy for m in sys.modules), sorted(sys.modules)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
