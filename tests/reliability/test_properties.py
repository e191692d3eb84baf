"""Property tests: decoding, dates, publication dates, debris, alias matching, CSV cells, export names.

100 examples each in the default suite; the reliability command runs them with the ``reliability``
Hypothesis profile (1,000 or more). Every example run is counted for the summary.
"""

from __future__ import annotations

import calendar
import codecs
import csv
import datetime as dt
import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from desktop.aliases import AliasMatcher, fold, fold_keep_offsets, is_acronym
from desktop.dates import PRECISIONS, DateError, FuzzyDate, parse_user_date
from desktop.export.csv_export import neutralise
from desktop.export.filenames import MAX_NAME_BYTES, export_path, safe_file_name
from desktop.ingest.debris import find_debris
from desktop.ingest.decode import Decoded, DecodeError, decode
from desktop.ingest.pubdates import find_publication_dates
from tests.reliability.conftest import Figures

_EXAMPLES = {"count": 0}


@pytest.fixture(autouse=True)
def _count_examples(figures: Figures) -> Iterator[None]:
    before = _EXAMPLES["count"]
    yield
    figures.add("property examples", _EXAMPLES["count"] - before)


def _ran() -> None:
    _EXAMPLES["count"] += 1


# Text a reader might meet: letters of the archive's scripts, digits, punctuation, spaces, line breaks.
_SCRIPTS = st.sampled_from(
    [
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.characters(min_codepoint=0x400, max_codepoint=0x4FF),
        st.characters(min_codepoint=0x900, max_codepoint=0x97F),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF),
        st.characters(min_codepoint=0x370, max_codepoint=0x3FF),
        st.sampled_from(list("\n\r\t \u00a0\u200b\u202e\ufeff-–•*:：年月日")),
    ]
)
news_text = st.lists(_SCRIPTS.flatmap(lambda s: st.text(s, min_size=1, max_size=20)), max_size=30).map(
    "".join
)
any_text = st.one_of(st.text(max_size=300), news_text)


# --------------------------------------------------------------------------------------------- decoding


@given(st.binary(max_size=2000))
def test_any_bytes_decode_to_text_or_a_clean_rejection(data: bytes) -> None:
    _ran()
    try:
        got = decode(data)
    except DecodeError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert isinstance(got, Decoded) and got.text.strip()
    assert "\x00" not in got.text
    # The text is exactly what the recorded encoding makes of the bytes: stored as decoded, nothing lost.
    assert data.decode(got.encoding) == got.text


@given(any_text)
def test_utf8_text_decodes_to_itself(text: str) -> None:
    _ran()
    data = text.encode("utf-8")
    assume(not text.startswith("\ufeff"))  # that is a byte-order mark, read as one
    try:
        got = decode(data)
    except DecodeError:
        # Only what is not a document is rejected: blank text, control characters, binary signatures.
        controls = sum(
            1 for ch in text if (ord(ch) < 32 and ch not in "\t\n\r\x0b\x0c") or 0x7F <= ord(ch) <= 0x9F
        )
        assert not text.strip() or controls or text.startswith(("%PDF", "GIF8"))
        return
    if "\x00" in text:
        # NULs beside ASCII are also UTF-16 without a byte-order mark: either reading keeps every byte.
        assert data.decode(got.encoding) == got.text
    else:
        assert got == Decoded(text, "utf-8")


@given(news_text, st.sampled_from(["utf-16", "utf-32", "utf-8-sig"]), st.sampled_from(["le", "be"]))
def test_text_with_a_byte_order_mark_decodes_to_itself(text: str, name: str, order: str) -> None:
    _ran()
    assume(text.strip() and not text.startswith("\ufeff"))
    codec = "utf-8" if name == "utf-8-sig" else f"{name}-{order}"
    bom = {
        "utf-8": codecs.BOM_UTF8,
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE,
        "utf-32-be": codecs.BOM_UTF32_BE,
    }[codec]
    try:
        got = decode(bom + text.encode(codec))
    except DecodeError as exc:
        assert "control" in str(exc) or "whitespace" in str(exc)
        return
    assert got.text == text and got.encoding == name


# --------------------------------------------------------------------------------------------- dates


@given(
    st.one_of(st.text(max_size=20), st.from_regex(r"\A(\d{4}|XXXX)(-\d{2}(-\d{2})?)?\Z")),
    st.sampled_from(PRECISIONS),
)
def test_fuzzy_dates_parse_or_refuse_and_parsed_ones_are_real_days(value: str, precision: str) -> None:
    _ran()
    try:
        date = FuzzyDate.parse(value, precision, "stated")
    except DateError as exc:
        assert str(exc)
        return
    date.display()
    bounds = date.bounds()
    if bounds is not None:
        lo, hi = (dt.date.fromisoformat(b) for b in bounds)
        assert lo <= hi


@given(st.dates(min_value=dt.date(1000, 1, 1)), st.sampled_from(["day", "month", "year"]))
def test_real_dates_round_trip_with_honest_bounds(day: dt.date, precision: str) -> None:
    _ran()
    value = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4]}[precision]
    date = FuzzyDate.parse(value, precision, "stated")
    lo, hi = date.bounds() or ("", "")
    assert lo <= day.isoformat() <= hi
    if precision == "month":
        assert hi.endswith(f"-{calendar.monthrange(day.year, day.month)[1]:02d}")
    assert parse_user_date(value, end=False) == lo and parse_user_date(value, end=True) == hi


@given(st.text(max_size=30))
def test_typed_dates_are_real_days_or_refused(text: str) -> None:
    _ran()
    for end in (False, True):
        try:
            iso = parse_user_date(text, end=end)
        except DateError as exc:
            assert str(exc)
            continue
        dt.date.fromisoformat(iso)


# ----------------------------------------------------------------------------------------- publication dates


@given(any_text)
def test_publication_dates_are_valid_days_inside_the_text(text: str) -> None:
    _ran()
    found = find_publication_dates(text)
    assert [d.start for d in found] == sorted(d.start for d in found)
    for d in found:
        dt.date.fromisoformat(d.date)
        assert 0 <= d.start < d.end <= len(text)


_DATE_LINES = [
    ("Release time: {y}-{m:02d}-{d:02d}", "en"),
    ("发布时间:{y}年{m:02d}月{d:02d}日", "zh"),
    ("Дата публикации: {d:02d}.{m:02d}.{y}", "ru"),
    ("Published on {month} {d}, {y}", "en-month"),
]


@given(
    any_text,
    any_text,
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
    st.sampled_from(_DATE_LINES),
)
def test_a_stated_publication_date_is_found(
    before: str, after: str, day: dt.date, form: tuple[str, str]
) -> None:
    _ran()
    month = calendar.month_name[day.month]
    line = form[0].format(y=day.year, m=day.month, d=day.day, month=month)
    text = f"{before}\n{line}\n{after}"
    found = [
        d
        for d in find_publication_dates(text)
        if text[d.start : d.end] in line or line in text[d.start : d.end]
    ]
    assert day.isoformat() in {d.date for d in found}, (line, found)


# --------------------------------------------------------------------------------------------- debris


@given(
    st.one_of(
        any_text,
        st.lists(
            st.sampled_from(
                [
                    "- headline",
                    "News",
                    "Release time: 2021-01-02",
                    "Title again here!",
                    "(Editor: X)",
                    "plain text",
                    "",
                ]
            ),
            max_size=20,
        ).map("\n".join),
    )
)
def test_debris_spans_are_inside_sorted_and_disjoint(text: str) -> None:
    _ran()
    spans = find_debris(text)
    last_end = 0
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.start >= last_end, spans
        assert span.reason and span.kind
        last_end = span.end


# --------------------------------------------------------------------------------------------- aliases


_NAME_CHARS = st.sampled_from(
    [
        st.characters(min_codepoint=0x41, max_codepoint=0x5A),
        st.characters(min_codepoint=0x61, max_codepoint=0x7A),
        st.characters(min_codepoint=0x410, max_codepoint=0x44F),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF),
        st.characters(min_codepoint=0x905, max_codepoint=0x939),
        st.characters(min_codepoint=0x391, max_codepoint=0x3C9),
        st.sampled_from(list("İıßẞǅŉΣσςёЁ")),
    ]
)
alias_word = _NAME_CHARS.flatmap(lambda s: st.text(s, min_size=1, max_size=10))
alias_text = st.lists(alias_word, min_size=1, max_size=4).map(" ".join)


@given(st.lists(alias_text, min_size=1, max_size=5), any_text)
def test_alias_matches_are_inside_the_text_sorted_and_disjoint(aliases: list[str], text: str) -> None:
    _ran()
    matcher = AliasMatcher(enumerate(aliases))
    last_end = 0
    for m in matcher.find(text):
        assert 0 <= m.start < m.end <= len(text)
        assert m.start >= last_end
        last_end = m.end


@given(alias_text, any_text, any_text, st.sampled_from(["lower", "upper", "same"]))
def test_an_alias_put_into_any_text_is_found(alias: str, before: str, after: str, case: str) -> None:
    _ran()
    shown = {"lower": alias.lower(), "upper": alias.upper(), "same": alias}[case]
    assume(len(shown) == len(alias) and fold(shown) == fold(alias))
    # An abbreviation in capitals (BSU, HAS) is matched only in capitals: "has" is not the HAS.
    assume(not is_acronym(alias) or shown.isupper())
    text = f"{before} {shown} {after}"
    start = len(before) + 1
    found = AliasMatcher([("x", alias)]).find(text)
    # Another occurrence may overlap it (leftmost wins), but the place it was put is always covered.
    assert any(m.start < start + len(shown) and m.end > start for m in found), (alias, text, found)


@given(st.text(max_size=200))
def test_fold_keep_offsets_keeps_every_offset(text: str) -> None:
    _ran()
    assert len(fold_keep_offsets(text)) == len(text)


# --------------------------------------------------------------------------------------------- CSV


@given(st.lists(st.lists(st.text(max_size=40), min_size=1, max_size=6), min_size=1, max_size=8))
def test_csv_cells_round_trip_with_the_quote_exactly_on_dangerous_ones(rows: list[list[str]]) -> None:
    _ran()
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)  # as export_events writes
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    back = list(csv.reader(io.StringIO(buffer.getvalue(), newline="")))
    assert len(back) == len(rows)
    for row, got in zip(rows, back, strict=True):
        # csv writes a row of one empty cell as an empty line, which reads back as no cells.
        got = got or [""]
        assert len(got) == len(row)
        for cell, read in zip(row, got, strict=True):
            dangerous = cell.startswith(("=", "+", "-", "@", "\t", "\r", "\n"))
            assert read == ("'" + cell if dangerous else cell)


# --------------------------------------------------------------------------------------------- export names


@given(
    st.one_of(
        st.text(max_size=300),
        st.sampled_from(
            [
                "..",
                ".",
                "../../etc/passwd",
                "/",
                "a/../../b",
                "CON",
                "nul.csv",
                "-rf",
                " .csv",
                "\x00",
                "~",
                "events.csv",
            ]
        ),
    )
)
def test_export_names_never_leave_the_chosen_folder(text: str) -> None:
    _ran()
    folder = Path("/tmp/chosen folder")
    name = safe_file_name(text)
    path = export_path(folder, text)
    assert path.parent == folder and path.name == name
    assert os.path.realpath(path).startswith(str(folder) + os.sep)
    assert name.endswith(".csv") and len(name) > len(".csv")
    assert "/" not in name and "\\" not in name and "\x00" not in name
    assert not name.startswith((".", "-")) and len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert all(ch.isprintable() for ch in name)
