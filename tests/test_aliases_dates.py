"""Name matching across spellings and inflections, and honest archival dates."""

from __future__ import annotations

import pytest

from desktop.aliases import AliasMatcher, fold
from desktop.dates import DateError, FuzzyDate, display_range, parse_user_date


def _found(matcher: AliasMatcher, text: str) -> list[tuple[str, object]]:
    return [(text[m.start : m.end], m.key) for m in matcher.find(text)]


def test_russian_inflection_case_and_yo() -> None:
    m = AliasMatcher([(1, "Национальная академия наук Беларуси"), (2, "Куньшань"), (3, "Алёшин")])
    text = "в Национальной академии наук Беларуси; Куньшанем и Куньшаня; АЛЕШИН"
    assert _found(m, text) == [
        ("Национальной академии наук Беларуси", 1),
        ("Куньшанем", 2),
        ("Куньшаня", 2),
        ("АЛЕШИН", 3),
    ]


def test_whitespace_variants_and_word_boundaries() -> None:
    m = AliasMatcher([(1, "Andrey Popov"), (2, "Belarus"), (3, "Минск")])
    text = "Andrey\u00a0Popov and andrey  popov; Belarusian is not Belarus; Минскэнерго, Минске"
    assert _found(m, text) == [
        ("Andrey\u00a0Popov", 1),
        ("andrey  popov", 1),
        ("Belarus", 2),
        ("Минске", 3),
    ]


def test_longest_match_wins_and_chinese_needs_no_spaces() -> None:
    m = AliasMatcher([(1, "Shandong"), (2, "Shandong Academy of Sciences"), (3, "中白工业园")])
    text = "Shandong Academy of Sciences in Shandong; 中白工业园区"
    assert _found(m, text) == [("Shandong Academy of Sciences", 2), ("Shandong", 1), ("中白工业园", 3)]


def test_devanagari_names_are_not_matched_inside_longer_words() -> None:
    m = AliasMatcher([(1, "ली युज़ोंग"), (2, "चीन")])
    text = "ली युज़ोंग ने कहा; चीनी उद्योग; चीन और बेलारूस"
    assert _found(m, text) == [("ली युज़ोंग", 1), ("चीन", 2)]


def test_whole_name_lookup_tolerates_inflection() -> None:
    m = AliasMatcher([(1, "Национальная академия наук Беларуси")])
    assert m.whole("Национальной академии наук Беларуси") == {1}
    assert m.whole("академии") == set()


def test_fold() -> None:
    assert fold("  Ёлка\u00a0  МИНСК ") == "елка минск"


@pytest.mark.parametrize(
    ("value", "precision", "certainty", "shown", "bounds"),
    [
        ("2021-12-03", "day", "stated", "3 Dec 2021", ("2021-12-03", "2021-12-03")),
        ("2021-12", "month", "inferred", "Dec 2021?", ("2021-12-01", "2021-12-31")),
        ("2024-02", "month", "stated", "Feb 2024", ("2024-02-01", "2024-02-29")),
        ("2021", "year", "stated", "2021", ("2021-01-01", "2021-12-31")),
        ("XXXX-12-03", "day", "stated", "3 Dec, year unknown", None),
        (None, "unknown", "unknown", "undated", None),
    ],
)
def test_dates_display_and_bounds(value, precision, certainty, shown, bounds) -> None:  # type: ignore[no-untyped-def]
    reason = "because" if certainty == "inferred" else None
    d = FuzzyDate.parse(value, precision, certainty, reason)
    assert d.display() == shown
    assert d.bounds() == bounds


@pytest.mark.parametrize(
    ("value", "precision", "certainty"),
    [
        ("2021-02-30", "day", "stated"),
        ("2021-13", "month", "stated"),
        ("2021-12", "day", "stated"),
        ("2021", "unknown", "unknown"),
        (None, "day", "stated"),
        ("2021-12-03", "day", "inferred"),  # inferred needs a reason
        ("2021-12-03", "week", "stated"),
    ],
)
def test_impossible_dates_are_refused(value, precision, certainty) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DateError):
        FuzzyDate.parse(value, precision, certainty)


def test_ranges_and_user_dates() -> None:
    start = FuzzyDate.parse("2025-06-04", "day")
    end = FuzzyDate.parse("2025-06-06", "day")
    assert display_range(start, end) == "4–6 Jun 2025"
    assert parse_user_date("2021", end=True) == "2021-12-31"
    assert parse_user_date("2021-02", end=True) == "2021-02-28"
    with pytest.raises(DateError):
        parse_user_date("yesterday", end=False)
