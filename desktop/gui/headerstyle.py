"""The list's sort arrow pointing the way the rows run (issue 19): Qt draws a descending order — newest
first — with an arrow pointing up; readers of calibre, Zotero and every file manager expect it down."""

from __future__ import annotations

from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QStyleOptionHeader, QWidget


class SortArrows(QProxyStyle):
    """Fusion, with the header's sort arrow turned: down for a descending order, up for an ascending one."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_IndicatorHeaderArrow and isinstance(
            option, QStyleOptionHeader
        ):
            turned = QStyleOptionHeader(option)
            up, down = QStyleOptionHeader.SortIndicator.SortUp, QStyleOptionHeader.SortIndicator.SortDown
            turned.sortIndicator = down if option.sortIndicator == up else up
            super().drawPrimitive(element, turned, painter, widget)
            return
        super().drawPrimitive(element, option, painter, widget)
