"""The map of places (issue 19): where the events under the filters are, on the countries' outlines
(Natural Earth, bundled; nothing is fetched). Each place is a disc sized by its count; hovering names it,
a click filters by it. The view fits the places shown (China and Belarus at once when both have events),
never closer than a region's width.

Drawn with QPainter in an equirectangular projection: the outlines are 177 countries at 1:110m, a few
thousand points, drawn in a few milliseconds.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop.gui.firstpaint import MAP_HEIGHTS
from desktop.gui.i18n import tr
from desktop.gui.widgets import plural
from desktop.services import map_outlines

_HOME = ("China", "Belarus")  # the archive's two countries, tinted
_MIN_SPAN = (24.0, 14.0)  # degrees of longitude and latitude shown at least


class MapView(QWidget):
    """Places as discs on the countries' outlines; ``placeClicked(entity id)``."""

    placeClicked = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName(tr("Map of places"))
        self.setMinimumHeight(MAP_HEIGHTS[0])
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the Places filter does the same by keyboard
        self.points: list[dict[str, Any]] = []
        self._paths: list[tuple[str, QPainterPath]] | None = None
        self._extent = (-180.0, -60.0, 180.0, 80.0)  # west, south, east, north
        self._empty = tr("No place of these events is on the map")  # said once, painted often

    def sizeHint(self) -> QSize:
        return QSize(600, MAP_HEIGHTS[1])

    def set_points(self, points: list[dict[str, Any]]) -> None:
        self.points = sorted(points, key=lambda p: -p["count"])
        self._extent = self._fit()
        self.update()

    def _fit(self) -> tuple[float, float, float, float]:
        if not self.points:
            return (-20.0, -10.0, 150.0, 70.0)  # Europe and Asia: Belarus to China
        lons = [p["lon"] for p in self.points]
        lats = [p["lat"] for p in self.points]
        west, east, south, north = min(lons), max(lons), min(lats), max(lats)
        cx, cy = (west + east) / 2, (south + north) / 2
        # Room round the outermost places for their discs and names.
        half_w = max((east - west) * 0.6 + 4, _MIN_SPAN[0] / 2)
        half_h = max((north - south) * 0.6 + 3, _MIN_SPAN[1] / 2)
        return (cx - half_w, cy - half_h, cx + half_w, cy + half_h)

    def _transform(self) -> tuple[float, float, float, float]:
        """scale x, scale y, offset x, offset y: keeps the degrees' aspect (a degree of latitude is as tall
        as one of longitude is wide at the view's middle latitude)."""
        west, south, east, north = self._extent
        mid = math.cos(math.radians((south + north) / 2))
        w, h = max(self.width(), 1), max(self.height(), 1)
        scale = min(w / ((east - west) * mid), h / (north - south))
        used_w, used_h = (east - west) * mid * scale, (north - south) * scale
        return scale * mid, scale, (w - used_w) / 2 - west * scale * mid, (h - used_h) / 2 + north * scale

    def _at(self, lon: float, lat: float) -> QPointF:
        sx, sy, ox, oy = self._transform()
        return QPointF(lon * sx + ox, oy - lat * sy)

    def _radius(self, count: int) -> float:
        return 3.0 + 2.5 * math.sqrt(count)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        p.fillRect(self.rect(), QColor("#1c2733" if dark else "#e8f0f7"))
        land, home = QColor("#3a3f45" if dark else "#fbfaf6"), QColor("#4a4330" if dark else "#fbf0d0")
        p.setPen(QPen(QColor("#5c6670" if dark else "#b8c2cc"), 0.8))
        for name, rings in map_outlines():
            path = QPainterPath()
            for ring in rings:
                path.addPolygon([self._at(x, y) for x, y in ring])
            p.setBrush(home if name in _HOME else land)
            p.drawPath(path)
        accent = palette.color(QPalette.ColorRole.Highlight)
        disc = QColor(accent)
        disc.setAlpha(170)
        p.setPen(QPen(accent.darker(130), 1))
        p.setBrush(disc)
        for point in reversed(self.points):  # the biggest drawn last, on top
            r = self._radius(point["count"])
            p.drawEllipse(self._at(point["lon"], point["lat"]), r, r)
        p.setPen(palette.color(QPalette.ColorRole.Text))
        for point in self.points[:8]:  # the busiest places named
            at = self._at(point["lon"], point["lat"])
            r = self._radius(point["count"])
            p.drawText(QRectF(at.x() + r + 2, at.y() - 8, 160, 16), Qt.AlignmentFlag.AlignLeft, point["name"])
        if not self.points:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._empty)
        p.end()

    def point_at(self, pos: QPointF) -> dict[str, Any] | None:
        """The place whose disc is under ``pos`` (the smallest, when discs overlap)."""
        hits = []
        for pt in self.points:
            at = self._at(pt["lon"], pt["lat"])
            if math.hypot(pos.x() - at.x(), pos.y() - at.y()) <= self._radius(pt["count"]) + 2:
                hits.append(pt)
        return min(hits, key=lambda pt: pt["count"]) if hits else None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = self.point_at(event.position())
        if point is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(
                event.globalPosition().toPoint(),
                tr("{place}: {events} — click to filter").format(
                    place=point["name"], events=plural(point["count"], "event")
                ),
            )

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        point = self.point_at(event.position())
        if point is not None and event.button() == Qt.MouseButton.LeftButton:
            self.placeClicked.emit(int(point["id"]))
