"""The timeline strip above the event list: events per month or year, and a date filter by dragging."""

from __future__ import annotations

import calendar
import datetime as dt
import math

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QApplication, QSizePolicy, QToolTip, QWidget

from desktop.gui.firstpaint import TIMELINE_PAD_TOP, timeline_height, timeline_label_font
from desktop.gui.i18n import tr
from desktop.gui.localdates import local_date
from desktop.gui.widgets import plural
from desktop.services import Bucket, Timeline, period_label

_PAD_X = 6.0
_PAD_TOP = TIMELINE_PAD_TOP
_NICE_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)


def _with_alpha(color: QColor, alpha: int) -> QColor:
    out = QColor(color)
    out.setAlpha(alpha)
    return out


class TimelineStrip(QWidget):
    """A strip of bars, one per month or year, showing how the filtered events spread over time.

    Each bar stacks the events dated for certain inside its period (solid, in the palette's highlight
    colour) under those whose date is only known roughly — a year seen month by month, a span across
    periods — which are counted at their earliest possible day and drawn hatched. Events without a known
    year are only counted, at the right ("12 undated").

    Dragging across the bars emits ``rangeSelected`` with the first day of the first bar and the last day
    of the last one; a single click selects one bar (after the double-click interval, so that a
    double-click does not filter first); a double-click or Esc emits ``rangeCleared``. The host applies
    the filter and calls ``set_selection`` back, which draws the active range as a band.

    All geometry is computed on ``set_timeline``, ``set_selection`` and resize; painting only draws it.
    """

    rangeSelected = Signal(str, str)
    rangeCleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._timeline: Timeline | None = None
        self._date_from: str | None = None
        self._date_to: str | None = None
        # Drag state: bucket indices of where the drag started and where the pointer is now.
        self._anchor: int | None = None
        self._current: int | None = None
        self._press_x = 0.0
        self._hover: int | None = None
        self._pending_click: int | None = None
        self._click_timer = QTimer(self)
        self._click_timer.setSingleShot(True)
        self._click_timer.timeout.connect(self._emit_pending_click)

        # Geometry, recomputed by _relayout().
        self._label_font = QFont()
        self._fm = QFontMetricsF(self._label_font)
        self._plot = QRectF()
        self._axis_y = 0.0
        self._slot = 0.0
        self._exact_rects: list[QRectF] = []
        self._imprecise_rects: list[QRectF] = []
        self._major_ticks: list[float] = []
        self._minor_ticks: list[float] = []
        self._labels: list[tuple[QRectF, str]] = []
        self._undated_rect = QRectF()
        self._undated_text = ""
        self._selection_band: tuple[float, float] | None = None

        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)  # hover highlight and cursor feedback without a button held
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Esc clears: it must be able to take focus
        self.setAccessibleName(tr("Timeline"))
        self._update_fonts()

    # ------------------------------------------------------------------ public API

    def timeline(self) -> Timeline | None:
        return self._timeline

    def set_timeline(self, timeline: Timeline) -> None:
        """Show new counts (the filter changed); an unfinished drag is dropped."""
        self._timeline = timeline
        self._anchor = self._current = self._hover = None
        self._cancel_pending_click()
        self._relayout()
        dated = timeline.dated
        first, last = timeline.first, timeline.last
        events, undated = plural(dated, "dated event"), timeline.undated
        if first and last:
            said = tr(
                "{events} from {first} to {last}; {undated:,} undated. Drag across the bars to filter by "
                "date."
            ).format(
                events=events,
                first=local_date(period_label(first)),
                last=local_date(period_label(last)),
                undated=undated,
            )
        else:
            said = tr("{events}; {undated:,} undated. Drag across the bars to filter by date.").format(
                events=events, undated=undated
            )
        self.setAccessibleDescription(said)
        self.update()

    def set_selection(self, date_from: str | None, date_to: str | None) -> None:
        """Show the active date filter (ISO days; None for an open end) as a band over the bars."""
        self._date_from, self._date_to = date_from, date_to
        self._selection_band = self._band_for(date_from, date_to)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(640, self._strip_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(160, self._strip_height())

    # ------------------------------------------------------------------ geometry

    def _buckets(self) -> list[Bucket]:
        return self._timeline.buckets if self._timeline is not None else []

    def _strip_height(self) -> int:
        return timeline_height(self._label_font)

    def _update_fonts(self) -> None:
        font = timeline_label_font(self.font())
        self._label_font = font
        self._fm = QFontMetricsF(font)
        self.setFixedHeight(self._strip_height())
        self._relayout()

    def _relayout(self) -> None:
        fm = self._fm
        w, h = float(self.width()), float(self.height())
        label_h = fm.height()
        self._axis_y = math.floor(h - label_h - 6) + 0.5  # half-pixel: a crisp 1-px line
        undated = self._timeline.undated if self._timeline is not None else 0

        # The undated count takes a column of its own at the right, so it never collides with labels.
        self._undated_text = ""
        self._undated_rect = QRectF()
        right = w - _PAD_X
        if undated:
            text = tr("{n:,} undated").format(n=undated)
            if (
                fm.horizontalAdvance(text) > w * 0.35
            ):  # very narrow strip: the number alone (tooltip says more)
                text = f"{undated:,}"
            tw = fm.horizontalAdvance(text)
            self._undated_text = text
            self._undated_rect = QRectF(w - _PAD_X - tw, self._axis_y - label_h / 2 - 1, tw, label_h)
            right = self._undated_rect.left() - 10
        self._plot = QRectF(_PAD_X, _PAD_TOP, max(1.0, right - _PAD_X), self._axis_y - 1 - _PAD_TOP)

        buckets = self._buckets()
        n = len(buckets)
        self._slot = self._plot.width() / n if n else 0.0
        self._exact_rects, self._imprecise_rects = [], []
        self._major_ticks, self._minor_ticks, self._labels = [], [], []
        if n:
            self._layout_bars(buckets)
            self._layout_axis(buckets)
        self._selection_band = self._band_for(self._date_from, self._date_to)

    def _layout_bars(self, buckets: list[Bucket]) -> None:
        slot, plot = self._slot, self._plot
        gap = 0.0 if slot < 3 else min(3.0, slot * 0.2)
        peak = max(1, max(b.total for b in buckets))
        scale = plot.height() / peak
        base = math.floor(plot.bottom())
        for i, b in enumerate(buckets):
            x = plot.left() + i * slot + gap / 2
            bw = max(1.0, slot - gap)
            exact_h = round(b.exact * scale)
            total_h = round(b.total * scale)
            # A bar of one event among thousands still shows: at least 2 px, given to its kind.
            if b.total and total_h < 2:
                total_h = 2
                exact_h = 2 if b.exact else 0
            self._exact_rects.append(QRectF(x, base - exact_h, bw, exact_h))
            self._imprecise_rects.append(QRectF(x, base - total_h, bw, total_h - exact_h))

    def _layout_axis(self, buckets: list[Bucket]) -> None:
        fm, slot, plot = self._fm, self._slot, self._plot
        monthly = len(buckets[0].period) == 7
        per_year = slot * 12 if monthly else slot
        label_w = fm.horizontalAdvance("0000") + 12  # a label and the space it needs from the next
        # Label every 1, 2, 5, 10… years: round numbers, so skipped labels never look arbitrary.
        step = next((s for s in _NICE_STEPS if s * per_year >= label_w), _NICE_STEPS[-1])
        while step * per_year < label_w:
            step *= 10

        labels: list[tuple[float, int]] = []  # (x where the labelled period starts, year)
        for i, b in enumerate(buckets):
            x = plot.left() + i * slot
            tick_x = round(x) + 0.5
            year = int(b.period[:4])
            if monthly:
                if b.period.endswith("-01"):
                    self._major_ticks.append(tick_x)
                    if year % step == 0:
                        labels.append((x, year))
                else:
                    if i == 0:  # a month view starting mid-year still says which year it is
                        labels.append((x, year))
                    if slot >= 6:  # denser month ticks read as a comb, not as a scale
                        self._minor_ticks.append(tick_x)
            elif year % step == 0:
                self._major_ticks.append(tick_x)
                labels.append((x, year))
            elif slot >= 6:
                self._minor_ticks.append(tick_x)

        last_right = -math.inf
        label_top = self._axis_y + 3
        for x, year in labels:
            text = str(year)
            tw = fm.horizontalAdvance(text)
            # Twelve bars to a year: labelled from its start, just right of its tick. A bar per year:
            # the label sits under its own bar.
            left = max(x + 2 if monthly else x + slot / 2 - tw / 2, 1.0)
            if left < last_right + 6 or left + tw > plot.right() + _PAD_X - 1:
                continue  # would overlap the previous label or run off the strip: skip it
            self._labels.append((QRectF(left, label_top, tw, fm.height()), text))
            last_right = left + tw

    def _x_of_day(self, iso: str, end: bool) -> float:
        """Where a day starts (or ends) on the strip, clamped to the bars' extent."""
        buckets = self._buckets()
        assert buckets
        first = buckets[0].period
        try:
            day = dt.date.fromisoformat(iso)
        except ValueError:
            return self._plot.left()
        if len(first) == 7:
            index = (day.year * 12 + day.month - 1) - (int(first[:4]) * 12 + int(first[5:7]) - 1)
            frac = (day.day - (0 if end else 1)) / calendar.monthrange(day.year, day.month)[1]
        else:
            index = day.year - int(first)
            days = 366 if calendar.isleap(day.year) else 365
            frac = (day.timetuple().tm_yday - (0 if end else 1)) / days
        pos = min(max(index + frac, 0.0), float(len(buckets)))
        return self._plot.left() + pos * self._slot

    def _band_for(self, date_from: str | None, date_to: str | None) -> tuple[float, float] | None:
        if not self._buckets() or (date_from is None and date_to is None):
            return None
        left = self._x_of_day(date_from, end=False) if date_from else self._plot.left()
        right = self._x_of_day(date_to, end=True) if date_to else self._plot.right()
        if right - left < 2:  # a range outside the bars still shows, as a thin mark at the edge
            mid = (left + right) / 2
            left, right = mid - 1, mid + 1
        return left, right

    def _index_at(self, x: float) -> int | None:
        n = len(self._buckets())
        if not n:
            return None
        return min(max(int((x - self._plot.left()) // self._slot), 0), n - 1)

    def _over_bars(self, x: float, y: float) -> bool:
        return bool(self._buckets()) and self._plot.left() <= x < self._plot.right() and y <= self._axis_y + 2

    def _slot_rect(self, index: int) -> QRectF:
        return QRectF(
            self._plot.left() + index * self._slot,
            self._plot.top(),
            self._slot,
            self._axis_y - self._plot.top(),
        )

    # ------------------------------------------------------------------ painting

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        pal = self.palette()
        group = QPalette.ColorGroup.Active if self.isEnabled() else QPalette.ColorGroup.Disabled
        highlight = pal.color(group, QPalette.ColorRole.Highlight)
        text = pal.color(group, QPalette.ColorRole.WindowText)
        plot = self._plot

        # Selection first, behind the bars: the active filter is the context, the bars are the content.
        if self._selection_band is not None:
            left, right = self._selection_band
            band = QRectF(left, plot.top() - 2, right - left, self._axis_y - plot.top() + 2)
            p.fillRect(band, _with_alpha(highlight, 45))
            p.setPen(QPen(_with_alpha(highlight, 170), 1))
            p.drawLine(QPointF(round(left) + 0.5, band.top()), QPointF(round(left) + 0.5, band.bottom()))
            p.drawLine(QPointF(round(right) - 0.5, band.top()), QPointF(round(right) - 0.5, band.bottom()))

        if self._hover is not None and self._anchor is None and self._hover < len(self._exact_rects):
            p.fillRect(self._slot_rect(self._hover), _with_alpha(text, 22))

        # Exact counts: solid. Imprecise counts stacked on top: a pale fill under a hatch, so they read
        # as "the same kind of thing, less sure" in any palette without needing a legend. On a dark
        # window a pale highlight sinks into the background, so there the hatch is drawn lighter instead.
        dark = pal.color(group, QPalette.ColorRole.Window).lightness() < 128
        p.setPen(Qt.PenStyle.NoPen)
        solid = QBrush(highlight)
        pale = QBrush(_with_alpha(highlight, 110 if dark else 80))
        hatch = QBrush(highlight.lighter(150) if dark else highlight, Qt.BrushStyle.BDiagPattern)
        for rect in self._exact_rects:
            if rect.height() > 0:
                p.fillRect(rect, solid)
        for rect in self._imprecise_rects:
            if rect.height() > 0:
                p.fillRect(rect, pale)
                p.fillRect(rect, hatch)

        if self._anchor is not None and self._current is not None:
            lo, hi = sorted((self._anchor, self._current))
            band = self._slot_rect(lo).united(self._slot_rect(hi))
            p.fillRect(band, _with_alpha(highlight, 60))
            p.setPen(QPen(highlight, 1))
            p.drawRect(band.adjusted(0.5, 0.5, -0.5, -0.5))

        # Axis, ticks and labels.
        p.setPen(QPen(_with_alpha(text, 110), 1))
        axis_y = self._axis_y
        p.drawLine(QPointF(plot.left(), axis_y), QPointF(plot.right(), axis_y))
        for x in self._minor_ticks:
            p.drawLine(QPointF(x, axis_y), QPointF(x, axis_y + 2))
        p.setPen(QPen(_with_alpha(text, 170), 1))
        for x in self._major_ticks:
            p.drawLine(QPointF(x, axis_y), QPointF(x, axis_y + 4))
        p.setFont(self._label_font)
        p.setPen(_with_alpha(text, 190))
        for rect, label in self._labels:
            p.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, label)
        if self._undated_text:
            p.setPen(_with_alpha(text, 160))
            p.drawText(
                self._undated_rect,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                self._undated_text,
            )
        if self._timeline is not None and not self._buckets():
            p.setPen(_with_alpha(text, 140))
            p.drawText(plot, Qt.AlignmentFlag.AlignCenter, tr("No dated events"))

        if self.hasFocus():
            p.setPen(QPen(_with_alpha(highlight, 150), 1))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        p.end()

    # ------------------------------------------------------------------ interaction

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if event.button() == Qt.MouseButton.LeftButton and self._over_bars(pos.x(), pos.y()):
            self._cancel_pending_click()
            self._anchor = self._current = self._index_at(pos.x())
            self._press_x = pos.x()
            self.setCursor(Qt.CursorShape.SizeHorCursor)
            self.update()
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._anchor is not None:
            index = self._index_at(pos.x())  # clamped: dragging past the ends selects up to them
            if index != self._current:
                self._current = index
                self.update()
            return
        hover = self._index_at(pos.x()) if self._over_bars(pos.x(), pos.y()) else None
        if hover != self._hover:
            self._hover = hover
            self.update()
        if hover is None:
            self.unsetCursor()
        else:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._anchor is None or self._current is None:
            super().mouseReleaseEvent(event)
            return
        lo, hi = sorted((self._anchor, self._current))
        dragged = lo != hi or abs(event.position().x() - self._press_x) >= QApplication.startDragDistance()
        self._anchor = self._current = None
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.update()
        if dragged:
            self._emit_range(lo, hi)
        else:
            # A plain click selects its bar, but only once it is clear no double-click (= clear) follows.
            self._pending_click = lo
            self._click_timer.start(QApplication.doubleClickInterval())

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mouseDoubleClickEvent(event)
            return
        self._cancel_pending_click()
        self._anchor = self._current = None
        self.update()
        self.rangeCleared.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() != Qt.Key.Key_Escape:
            super().keyPressEvent(event)
            return
        if self._anchor is not None:  # Esc during a drag abandons the drag, the filter stays
            self._anchor = self._current = None
            self.update()
        else:
            self._cancel_pending_click()
            self.rangeCleared.emit()
        event.accept()

    def leaveEvent(self, event: QEvent) -> None:
        if self._hover is not None:
            self._hover = None
            self.update()
        super().leaveEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            self._show_tooltip(event)
            return True
        return super().event(event)

    def _show_tooltip(self, event: QHelpEvent) -> None:
        pos = QPointF(event.pos())
        if self._undated_text and self._undated_rect.adjusted(-4, -4, 4, 4).contains(pos):
            n = self._timeline.undated if self._timeline is not None else 0
            text = tr("{events} with no known year: counted here, not placed on the timeline").format(
                events=plural(n, "event")
            )
            QToolTip.showText(event.globalPos(), text, self, self._undated_rect.toAlignedRect())
            return
        if self._over_bars(pos.x(), pos.y()):
            index = self._index_at(pos.x())
            assert index is not None
            QToolTip.showText(
                event.globalPos(), self._bucket_tooltip(index), self, self._slot_rect(index).toAlignedRect()
            )
            return
        QToolTip.showText(
            event.globalPos(),
            tr("Drag across the bars to filter by date; double-click or Esc clears the date filter"),
            self,
            QRect(),
        )

    def _bucket_tooltip(self, index: int) -> str:
        b = self._buckets()[index]
        events = plural(b.total, "event")
        if not b.imprecise:
            return f"{local_date(b.label)}: {events}"
        said = (
            tr(
                "{period}: {events} ({n:,} with imprecise dates)\nHatched: events whose date is not known to "
                "lie within this year;\neach is counted at the earliest day it can have happened."
            )
            if len(b.period) == 4
            else tr(
                "{period}: {events} ({n:,} with imprecise dates)\nHatched: events whose date is not known to "
                "lie within this month;\neach is counted at the earliest day it can have happened."
            )
        )
        return said.format(period=local_date(b.label), events=events, n=b.imprecise)

    # ------------------------------------------------------------------ helpers

    def _emit_range(self, lo: int, hi: int) -> None:
        buckets = self._buckets()
        self.rangeSelected.emit(buckets[lo].first_day, buckets[hi].last_day)

    def _emit_pending_click(self) -> None:
        index, self._pending_click = self._pending_click, None
        if index is not None and index < len(self._buckets()):
            self._emit_range(index, index)

    def _cancel_pending_click(self) -> None:
        self._click_timer.stop()
        self._pending_click = None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._update_fonts()
        elif event.type() == QEvent.Type.PaletteChange:
            self.update()  # colours are read from the palette at paint time


__all__ = ["TimelineStrip"]
