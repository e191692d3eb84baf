"""The timeline strip: its counts (exact, imprecise, undated; in SQL) and its widget (paint, drag, clear)."""

from __future__ import annotations

import itertools
import random
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from desktop.gui.timeline import TimelineStrip
from desktop.services import Archive
from desktop.store.queries import EventFilter, count_events
from desktop.store.timeline import Bucket, Timeline, period_bounds, period_label, timeline_counts
from tests.conftest import BACKENDS


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """These run on a file and on a server, with the same expected results (issue 21)."""
    return request.param  # type: ignore[no-any-return]


SCREENSHOT = "/tmp/timeline.png"


def _nonzero(tl: Timeline) -> dict[str, tuple[int, int]]:
    return {b.period: (b.exact, b.imprecise) for b in tl.buckets if b.total}


def _add_event(archive: Archive, key: str, lo: str | None, hi: str | None, type_: str = "visit") -> None:
    """A bare event row, enough for the timeline (which reads only dates and the filter's columns)."""
    from desktop.store.schema import Event

    row = dict(key=key, title=key, title_sort=key, type=type_, mode="unknown", uncatalogued=False,
               start_precision="day", start_certainty="stated", end_precision="unknown",
               end_certainty="unknown", date_lo=lo, date_hi=hi, sort_date=lo or "", place_name="",
               countries="", languages="", source_count=0)  # fmt: skip
    with archive._store.engine.begin() as conn:
        conn.execute(Event.__table__.insert(), row)


# ------------------------------------------------------------------------------------------ query


def test_month_buckets_split_exact_from_imprecise(mini_archive: Archive) -> None:
    with mini_archive._connect() as conn:
        tl = timeline_counts(conn, EventFilter(), "month")
    assert tl.granularity == "month"
    assert (tl.first, tl.last) == ("2021-01", "2022-03")
    # The year-only 2021 event is imprecise in January (its earliest day); day and month dates are exact.
    assert _nonzero(tl) == {"2021-01": (0, 1), "2021-06": (1, 0), "2022-03": (1, 0)}
    # The undated catalogued talk and the uncatalogued document's provisional event.
    assert tl.undated == 2


def test_buckets_are_contiguous(mini_archive: Archive) -> None:
    with mini_archive._connect() as conn:
        tl = timeline_counts(conn, EventFilter(), "month")
    periods = [b.period for b in tl.buckets]
    assert periods == [f"2021-{m:02d}" for m in range(1, 13)] + ["2022-01", "2022-02", "2022-03"]
    assert tl.buckets[1] == Bucket("2021-02", 0, 0)
    assert tl.dated == 3 and tl.max_total == 1


def test_year_buckets(mini_archive: Archive) -> None:
    with mini_archive._connect() as conn:
        tl = timeline_counts(conn, EventFilter(), "year")
    assert tl.granularity == "year"
    assert tl.buckets == [Bucket("2021", 2, 0), Bucket("2022", 1, 0)]
    assert (tl.first, tl.last, tl.undated) == ("2021", "2022", 2)


def test_auto_granularity(mini_archive: Archive) -> None:
    with mini_archive._connect() as conn:
        assert timeline_counts(conn, EventFilter()).granularity == "month"  # 2021–2022
    _add_event(mini_archive, "evt.2016", "2016-04-30", "2016-04-30")
    with mini_archive._connect() as conn:
        assert timeline_counts(conn, EventFilter()).granularity == "month"  # Apr 2016 – Mar 2022: 72 months
    _add_event(mini_archive, "evt.2015", "2015-12-31", "2015-12-31")
    with mini_archive._connect() as conn:
        tl = timeline_counts(conn, EventFilter())
    assert tl.granularity == "year"  # Dec 2015 – Mar 2022: 76 months, too thin as bars
    assert [b.period for b in tl.buckets] == [str(y) for y in range(2015, 2023)]
    assert tl.buckets[2] == Bucket("2017", 0, 0)


def test_spans_are_imprecise_where_they_do_not_fit(mini_archive: Archive) -> None:
    _add_event(mini_archive, "evt.span-months", "2021-11-20", "2021-12-05")
    _add_event(mini_archive, "evt.span-years", "2021-12-30", "2022-01-02")
    with mini_archive._connect() as conn:
        months = timeline_counts(conn, EventFilter(), "month")
        years = timeline_counts(conn, EventFilter(), "year")
    assert _nonzero(months)["2021-11"] == (0, 1)  # across two months: imprecise, at its first month
    assert _nonzero(months)["2021-12"] == (0, 1)
    assert _nonzero(years) == {"2021": (3, 1), "2022": (1, 0)}  # the November span fits in 2021


def test_the_filter_applies_but_not_its_date_range(mini_archive: Archive) -> None:
    with mini_archive._connect() as conn:
        signing = timeline_counts(conn, EventFilter().with_value("type", "signing"), "month")
        # One event in March 2022: the strip shows that year's twelve months, March's bar the only one up.
        assert [b.period for b in signing.buckets] == [f"2022-{m:02d}" for m in range(1, 13)]
        assert _nonzero(signing) == {"2022-03": (1, 0)}
        assert signing.undated == 0
        everything = timeline_counts(conn, EventFilter(), "month")
        ranged = EventFilter(date_from="2022-01-01", date_to="2022-12-31")
        assert count_events(conn, ranged) == 1  # the range does filter the list…
        assert timeline_counts(conn, ranged, "month") == everything  # …but not the strip that shows it
        assert timeline_counts(conn, replace(ranged, include_imprecise=True), "month") == everything
        visits = timeline_counts(conn, EventFilter(date_from="2022-01-01").with_value("type", "visit"))
        assert _nonzero(visits) == {"2021-01": (0, 1), "2021-06": (1, 0)}


def test_filtered_and_unfiltered_plans_agree(mini_archive: Archive) -> None:
    # With no filter the query walks the date index in order; with one it groups with the index
    # disabled. A filter that excludes nothing must give the same answer either way.
    for i in range(40):
        day = f"20{19 + i % 5}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        _add_event(mini_archive, f"evt.extra.{i}", day, day if i % 3 else f"20{19 + i % 5}-12-31")
    _add_event(mini_archive, "evt.extra.undated", None, None)
    no_op = EventFilter().with_excluded("type", "no-such-type")
    with mini_archive._connect() as conn:
        for granularity in ("month", "year", "auto"):
            assert timeline_counts(conn, no_op, granularity) == timeline_counts(
                conn, EventFilter(), granularity
            )


def test_every_event_is_counted_once(seeds_archive: Archive) -> None:
    with seeds_archive._connect() as conn:
        total = count_events(conn, EventFilter())
        for granularity in ("month", "year", "auto"):
            tl = timeline_counts(conn, EventFilter(), granularity)
            assert tl.dated + tl.undated == total
            assert len(tl.buckets) == len({b.period for b in tl.buckets})


def test_empty_result(mini_archive: Archive) -> None:
    with mini_archive._connect() as conn:
        tl = timeline_counts(conn, EventFilter(ids=frozenset()))
    assert tl == Timeline("month", [], 0, None, None)
    with pytest.raises(ValueError, match="granularity"), mini_archive._connect() as conn:
        timeline_counts(conn, EventFilter(), "week")


def test_period_helpers() -> None:
    assert period_bounds("2024-02") == ("2024-02-01", "2024-02-29")
    assert period_bounds("2023-02") == ("2023-02-01", "2023-02-28")
    assert period_bounds("2021") == ("2021-01-01", "2021-12-31")
    assert period_label("2021-06") == "Jun 2021"
    assert period_label("2021") == "2021"


# ------------------------------------------------------------------------------------------ widget


def _sample(months: int = 30, undated: int = 42) -> Timeline:
    rnd = random.Random(7)
    buckets = []
    for i in range(months):
        index = 2020 * 12 + 3 + i  # from Apr 2020
        period = f"{index // 12:04d}-{index % 12 + 1:02d}"
        exact = 0 if i % 11 == 5 else rnd.randint(2, 40)
        imprecise = rnd.randint(10, 30) if period.endswith("-01") else rnd.randint(0, 3)
        buckets.append(Bucket(period, exact, imprecise))
    return Timeline("month", buckets, undated, buckets[0].period, buckets[-1].period)


def _years(first: int = 1995, last: int = 2025, undated: int = 1234) -> Timeline:
    rnd = random.Random(3)
    buckets = [
        Bucket(str(y), int(abs(rnd.gauss(40 + (y - first) * 4, 20))), rnd.randint(0, 25))
        for y in range(first, last + 1)
    ]
    return Timeline("year", buckets, undated, buckets[0].period, buckets[-1].period)


@pytest.fixture
def strip(qtbot: Any) -> TimelineStrip:
    widget = TimelineStrip()
    qtbot.addWidget(widget)
    widget.resize(800, widget.height())
    widget.set_timeline(_sample())
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _bar(widget: TimelineStrip, index: int) -> QPoint:
    return widget._slot_rect(index).center().toPoint()


def test_geometry(strip: TimelineStrip) -> None:
    assert 64 <= strip.height() <= 96
    assert strip.sizeHint().height() == strip.height()
    assert strip.minimumSizeHint().width() <= 200


@pytest.mark.parametrize("width", [1280, 400, 160])
def test_paints_at_any_width(qtbot: Any, width: int) -> None:
    widget = TimelineStrip()
    qtbot.addWidget(widget)
    widget.resize(width, widget.height())
    for timeline in (_sample(), _years(), _years(1900, 2025)):
        widget.set_timeline(timeline)
        widget.set_selection("2021-02-10", None)
        pixmap = widget.grab()
        assert not pixmap.isNull()
        assert pixmap.width() == width
        # Labels never overlap and never leave the strip.
        rects = [rect for rect, _ in widget._labels]
        assert all(a.right() < b.left() for a, b in itertools.pairwise(rects))
        assert all(r.left() >= 0 and r.right() <= width for r in rects)
        if widget._undated_text:
            assert widget._undated_rect.right() <= width
            assert not rects or rects[-1].right() < widget._undated_rect.left()


def test_empty_timeline_paints(qtbot: Any) -> None:
    widget = TimelineStrip()
    qtbot.addWidget(widget)
    assert not widget.grab().isNull()  # before any data
    widget.resize(500, widget.height())
    widget.set_timeline(Timeline("month", [], 3, None, None))
    widget.set_selection("2021-01-01", "2021-12-31")
    assert not widget.grab().isNull()
    widget.show()
    qtbot.waitExposed(widget)
    with qtbot.assertNotEmitted(widget.rangeSelected, wait=50):
        qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=QPoint(100, 20))
        qtbot.mouseMove(widget, QPoint(300, 20))
        qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=QPoint(300, 20))


def test_drag_selects_the_bars_dragged_over(qtbot: Any, strip: TimelineStrip) -> None:
    # Bucket 2 is Jun 2020, bucket 9 is Jan 2021.
    with qtbot.waitSignal(strip.rangeSelected, timeout=1000) as blocker:
        qtbot.mousePress(strip, Qt.MouseButton.LeftButton, pos=_bar(strip, 2))
        qtbot.mouseMove(strip, _bar(strip, 5))
        qtbot.mouseMove(strip, _bar(strip, 9))
        qtbot.mouseRelease(strip, Qt.MouseButton.LeftButton, pos=_bar(strip, 9))
    assert blocker.args == ["2020-06-01", "2021-01-31"]


def test_drag_backwards_and_past_the_end(qtbot: Any, strip: TimelineStrip) -> None:
    last = len(strip.timeline().buckets) - 1  # type: ignore[union-attr]
    beyond = QPoint(strip._undated_rect.toRect().center().x(), _bar(strip, 0).y())
    with qtbot.waitSignal(strip.rangeSelected, timeout=1000) as blocker:
        qtbot.mousePress(strip, Qt.MouseButton.LeftButton, pos=_bar(strip, last - 1))
        qtbot.mouseMove(strip, beyond)
        qtbot.mouseMove(strip, _bar(strip, 10))
        qtbot.mouseRelease(strip, Qt.MouseButton.LeftButton, pos=_bar(strip, 10))
    assert blocker.args == ["2021-02-01", "2022-08-31"]
    with qtbot.waitSignal(strip.rangeSelected, timeout=1000) as blocker:
        qtbot.mousePress(strip, Qt.MouseButton.LeftButton, pos=_bar(strip, last - 1))
        qtbot.mouseMove(strip, beyond)  # clamped to the last bar
        qtbot.mouseRelease(strip, Qt.MouseButton.LeftButton, pos=beyond)
    assert blocker.args == ["2022-08-01", "2022-09-30"]


def test_click_selects_one_bar(qtbot: Any, strip: TimelineStrip) -> None:
    with qtbot.waitSignal(strip.rangeSelected, timeout=3000) as blocker:
        qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=_bar(strip, 10))
    assert blocker.args == ["2021-02-01", "2021-02-28"]


def test_year_view_drag(qtbot: Any, strip: TimelineStrip) -> None:
    strip.set_timeline(_years())
    with qtbot.waitSignal(strip.rangeSelected, timeout=1000) as blocker:
        qtbot.mousePress(strip, Qt.MouseButton.LeftButton, pos=_bar(strip, 15))
        qtbot.mouseMove(strip, _bar(strip, 20))
        qtbot.mouseRelease(strip, Qt.MouseButton.LeftButton, pos=_bar(strip, 20))
    assert blocker.args == ["2010-01-01", "2015-12-31"]


def test_double_click_clears_and_selects_nothing(qtbot: Any, strip: TimelineStrip) -> None:
    # Longer than the double-click interval: the first click of the pair must not select its bar.
    wait = QApplication.doubleClickInterval() + 200
    with (
        qtbot.assertNotEmitted(strip.rangeSelected, wait=wait),
        qtbot.waitSignal(strip.rangeCleared, timeout=1000),
    ):
        qtbot.mouseDClick(strip, Qt.MouseButton.LeftButton, pos=_bar(strip, 4))


def test_escape_clears_but_only_cancels_a_drag(qtbot: Any, strip: TimelineStrip) -> None:
    strip.setFocus()
    with qtbot.waitSignal(strip.rangeCleared, timeout=1000):
        qtbot.keyClick(strip, Qt.Key.Key_Escape)
    with qtbot.assertNotEmitted(strip.rangeCleared), qtbot.assertNotEmitted(strip.rangeSelected, wait=50):
        qtbot.mousePress(strip, Qt.MouseButton.LeftButton, pos=_bar(strip, 2))
        qtbot.mouseMove(strip, _bar(strip, 6))
        qtbot.keyClick(strip, Qt.Key.Key_Escape)
        qtbot.mouseRelease(strip, Qt.MouseButton.LeftButton, pos=_bar(strip, 6))


def test_selection_band_is_drawn(strip: TimelineStrip) -> None:
    before = strip.grab().toImage()
    strip.set_selection("2021-01-01", "2021-06-30")
    assert strip._selection_band is not None
    left, right = strip._selection_band
    assert left == pytest.approx(strip._slot_rect(9).left(), abs=0.5)
    assert right == pytest.approx(strip._slot_rect(14).right(), abs=0.5)
    assert strip.grab().toImage() != before
    strip.set_selection(None, None)
    assert strip._selection_band is None
    assert strip.grab().toImage() == before


def test_tooltip_text(strip: TimelineStrip) -> None:
    strip.set_timeline(
        Timeline("month", [Bucket("2021-05", 3, 0), Bucket("2021-06", 9, 3)], 0, "2021-05", "2021-06")
    )
    assert strip._bucket_tooltip(0) == "May 2021: 3 events"
    assert strip._bucket_tooltip(1).splitlines()[0] == "Jun 2021: 12 events (3 with imprecise dates)"


def test_timeline_from_the_archive(qtbot: Any, mini_archive: Archive, strip: TimelineStrip) -> None:
    with mini_archive._connect() as conn:
        strip.set_timeline(timeline_counts(conn, EventFilter()))
    assert strip._undated_text == "2 undated"
    last = len(strip.timeline().buckets) - 1  # type: ignore[union-attr]
    with qtbot.waitSignal(strip.rangeSelected, timeout=1000) as blocker:
        qtbot.mousePress(strip, Qt.MouseButton.LeftButton, pos=_bar(strip, 0))
        qtbot.mouseMove(strip, _bar(strip, last))
        qtbot.mouseRelease(strip, Qt.MouseButton.LeftButton, pos=_bar(strip, last))
    assert blocker.args == ["2021-01-01", "2022-03-31"]


def _dark(widget: TimelineStrip) -> None:
    pal = QPalette(widget.palette())
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e0e0e0"),
        (QPalette.ColorRole.Highlight, "#3d8fd6"),
    ):
        pal.setColor(role, QColor(colour))
    widget.setPalette(pal)


def test_screenshot(qtbot: Any) -> None:
    """Realistic strips, light and dark, wide and narrow, stacked into one PNG to look at."""
    shots = []
    for timeline, width, selection, dark in (
        (_sample(), 1024, ("2021-01-01", "2021-06-30"), False),
        (_sample(), 400, None, False),
        (_years(), 1024, ("2010-01-01", None), True),
        (_years(1950, 2025, 7), 400, None, True),
    ):
        widget = TimelineStrip()
        qtbot.addWidget(widget)
        widget.setAutoFillBackground(True)
        if dark:
            _dark(widget)
        widget.resize(width, widget.height())
        widget.set_timeline(timeline)
        if selection:
            widget.set_selection(*selection)
        shots.append(widget.grab())
    gap = 8
    sheet = QPixmap(max(s.width() for s in shots) + 2 * gap, sum(s.height() + gap for s in shots) + gap)
    sheet.fill(QColor("#9a9a9a"))
    painter = QPainter(sheet)
    y = gap
    for shot in shots:
        painter.drawPixmap(gap, y, shot)
        y += shot.height() + gap
    painter.end()
    assert sheet.save(SCREENSHOT)


def test_cursor_feedback(qtbot: Any, strip: TimelineStrip) -> None:
    qtbot.mouseMove(strip, _bar(strip, 3))
    assert strip.cursor().shape() == Qt.CursorShape.PointingHandCursor
    assert strip._hover == 3
    qtbot.mousePress(strip, Qt.MouseButton.LeftButton, pos=_bar(strip, 3))
    assert strip.cursor().shape() == Qt.CursorShape.SizeHorCursor
    qtbot.mouseRelease(strip, Qt.MouseButton.LeftButton, pos=_bar(strip, 3))
    qtbot.mouseMove(strip, strip._undated_rect.toRect().center())
    assert strip.cursor().shape() == Qt.CursorShape.ArrowCursor
    assert strip._hover is None
