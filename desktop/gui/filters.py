"""The filter panel (a section per kind, live counts, include/exclude) and the bar of active-filter chips."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)

from desktop.dates import DateError, parse_user_date
from desktop.gui.i18n import N_, tr
from desktop.gui.models import FacetModel
from desktop.gui.widgets import FlowLayout, tool_button
from desktop.safetext import display_title

SECTIONS: list[tuple[str, str]] = [
    ("person", N_("People")),
    ("organisation", N_("Organisations")),
    ("place", N_("Places")),
    ("country", N_("Countries")),
    ("type", N_("Event type")),
    ("language", N_("Language")),
]
KIND_LABELS = dict(SECTIONS)
# The chips of the date range and the search, beside the kinds' (each shown with tr()).
CHIP_LABELS = {**KIND_LABELS, "date": N_("date"), "search": N_("search")}


class _NameThenCount(QStyledItemDelegate):
    """A value as "name  (count)": a long name is cut at its end, the count always shown (cutting in the
    middle gave "National Acade…f Belarus"). The whole name is in the value's tooltip."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        name, sep, count = option.text.rpartition("  (")
        if not sep:
            return
        count = "(" + count
        metrics = option.fontMetrics
        style = option.widget.style() if option.widget is not None else None
        check = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 12 if style is not None else 28
        room = option.rect.width() - check - metrics.horizontalAdvance("  " + count)
        option.text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, max(room, 24)) + "  " + count

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().paint(painter, option, index)
        # Fusion outlines a check box in a shade of the window colour: on a dark base it all but vanishes.
        if option.palette.color(QPalette.ColorRole.Base).lightness() >= 128:
            return
        view = QStyleOptionViewItem(option)
        self.initStyleOption(view, index)
        style = view.widget.style() if view.widget is not None else None
        if style is None or not (view.features & QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator):
            return
        box = style.subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, view, view.widget)
        painter.save()
        painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(box.adjusted(1, 1, -2, -2))
        painter.restore()


class FacetSection(QWidget):
    """One collapsible filter kind: a name box (matches any alias, any script) and the checkable values."""

    nameFilterChanged = Signal(str, str)
    excludeRequested = Signal(str, object)
    removeRequested = Signal(str, object)
    entityEditRequested = Signal(str, object)  # its names and merges (issue 18)

    def __init__(self, kind: str, title: str, model: FacetModel, searchable: bool) -> None:
        super().__init__()
        self.kind = kind
        self.title = title
        self.model = model
        self.header = tool_button(title, checked=True)
        self.header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.header.setArrowType(Qt.ArrowType.DownArrow)
        self.header.setAutoRaise(True)
        self.header.setStyleSheet("QToolButton { font-weight: 600; border: none; }")
        self.header.toggled.connect(self._expand)
        self.name_box = QLineEdit()
        self.name_box.setPlaceholderText(
            tr("Filter {what} — any spelling, any script").format(what=title.lower())
        )
        self.name_box.setClearButtonEnabled(True)
        self.name_box.setAccessibleName(tr("Find {what} by name").format(what=title.lower()))
        self.name_box.setVisible(searchable)
        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(lambda: self.nameFilterChanged.emit(self.kind, self.name_box.text()))
        self.name_box.textChanged.connect(lambda _text: self._debounce.start())
        self.list = QListView()
        self.list.setAccessibleName(title)
        self.list.setModel(model)
        self.list.setUniformItemSizes(True)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.setToolTip(tr("Tick to include (values of one kind are OR'ed); right-click to exclude"))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._names = _NameThenCount(self.list)  # kept: the view does not own its delegate
        self.list.setItemDelegate(self._names)
        model.modelReset.connect(self._fit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        layout.addWidget(self.name_box)
        layout.addWidget(self.list)

    def _expand(self, on: bool) -> None:
        self.header.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.name_box.setVisible(on and self.kind not in ("type", "language"))
        self.list.setVisible(on)

    def _fit(self) -> None:
        # Short lists take only the room they need; long ones scroll inside a bounded height.
        rows = self.model.rowCount()
        row_height = max(18, self.list.sizeHintForRow(0)) if rows else 18
        self.list.setFixedHeight(min(max(rows, 1), 8) * row_height + 6)
        chosen = len(self.model.included) + len(self.model.excluded)
        self.header.setText(f"{self.title} ({chosen})" if chosen else self.title)

    def _menu(self, pos: QPoint) -> None:
        index = self.list.indexAt(pos)
        if index.isValid():
            self.menu_for(index).exec(self.list.viewport().mapToGlobal(pos))

    def menu_for(self, index: QModelIndex) -> QMenu:
        """A value's context menu: only what would change something."""
        value = index.data(Qt.ItemDataRole.UserRole)
        menu = QMenu(self)
        included, excluded = value in self.model.included, value in self.model.excluded
        if not included:
            menu.addAction(
                tr("Include"),
                lambda: self.model.setData(
                    index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
                ),
            )
        if not excluded:
            menu.addAction(tr("Exclude"), lambda: self.excludeRequested.emit(self.kind, value))
        if included or excluded:
            menu.addAction(tr("Remove from filter"), lambda: self.removeRequested.emit(self.kind, value))
        if self.kind in ("person", "organisation", "place", "country"):
            menu.addSeparator()
            menu.addAction(tr("Names and merge…"), lambda: self.entityEditRequested.emit(self.kind, value))
        return menu

    def toggle_row(self, row: int) -> None:
        """Tick or untick a value (what a click on its check box does)."""
        index: QModelIndex = self.model.index(row, 0)
        state = index.data(Qt.ItemDataRole.CheckStateRole)
        new = Qt.CheckState.Unchecked if state == Qt.CheckState.Checked else Qt.CheckState.Checked
        self.model.setData(index, new.value, Qt.ItemDataRole.CheckStateRole)


class DateSection(QWidget):
    """From / to (YYYY, YYYY-MM or YYYY-MM-DD) and whether undated or imprecise events may be included."""

    changed = Signal(object, object, bool)
    invalid = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        header = QLabel("<b>" + tr("Date") + "</b>")
        self.from_box = QLineEdit(placeholderText=tr("from: 2021 or 2021-06"))
        self.from_box.setAccessibleName(tr("From date"))
        self.to_box = QLineEdit(placeholderText=tr("to: 2025-06-30"))
        self.to_box.setAccessibleName(tr("To date"))
        for box in (self.from_box, self.to_box):
            box.setClearButtonEnabled(True)
            box.editingFinished.connect(self._emit)
        self.imprecise = QCheckBox(tr("Include undated / imprecise"))
        self.imprecise.setToolTip(
            tr(
                "Also show events that may fall in the range (a year-only date, a span crossing it) "
                "and undated ones"
            )
        )
        self.imprecise.toggled.connect(self._emit)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 4)
        grid.addWidget(header, 0, 0, 1, 2)
        grid.addWidget(self.from_box, 1, 0)
        grid.addWidget(self.to_box, 1, 1)
        grid.addWidget(self.imprecise, 2, 0, 1, 2)
        self._last: tuple[Any, Any, bool] = (None, None, False)

    def set_values(self, date_from: str | None, date_to: str | None, imprecise: bool) -> None:
        self.blockSignals(True)
        self.from_box.setText(date_from or "")
        self.to_box.setText(date_to or "")
        self.imprecise.setChecked(imprecise)
        self.blockSignals(False)
        self._last = (date_from, date_to, imprecise)

    def _emit(self) -> None:
        try:
            date_from = (
                parse_user_date(self.from_box.text(), end=False) if self.from_box.text().strip() else None
            )
            date_to = parse_user_date(self.to_box.text(), end=True) if self.to_box.text().strip() else None
        except DateError as exc:
            self.invalid.emit(str(exc))
            return
        value = (date_from, date_to, self.imprecise.isChecked())
        if value != self._last:
            self._last = value
            self.changed.emit(*value)


class FilterPanel(QScrollArea):
    """Every filter kind in one scrollable column."""

    def __init__(self, models: dict[str, FacetModel]) -> None:
        super().__init__()
        self.setAccessibleName(tr("Filters"))
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(6, 6, 6, 6)
        self.sections: dict[str, FacetSection] = {}
        for kind, title in SECTIONS:
            section = FacetSection(kind, tr(title), models[kind], searchable=kind not in ("type", "language"))
            self.sections[kind] = section
            layout.addWidget(section)
        self.dates = DateSection()
        layout.addWidget(self.dates)
        layout.addStretch(1)
        self.setWidget(inner)
        self.setMinimumWidth(200)

    def sizeHint(self) -> QSize:
        return QSize(250, 600)


class ChipsBar(QWidget):
    """Active filters as removable chips, and one action that clears them all."""

    removed = Signal(str, object)
    clearAll = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.flow = FlowLayout(self)
        self.chips: list[QToolButton] = []

    def set_chips(self, chips: list[tuple[str, Any, str, bool]]) -> None:
        """chips: (kind, value, label, excluded)."""
        while self.flow.count():
            item = self.flow.takeAt(0)
            widget = item.widget() if isinstance(item, QWidgetItem) else None
            if widget is not None:
                widget.deleteLater()
        self.chips = []
        for kind, value, label, excluded in chips:
            what = tr(CHIP_LABELS[kind]) if kind in CHIP_LABELS else kind
            # A label is a name or a search from the archive or the reader: its controls shown, not obeyed.
            said = tr("{kind}: not {value}") if excluded else "{kind}: {value}"
            chip = tool_button(said.format(kind=what, value=display_title(label)) + "  ×")
            chip.setToolTip(tr("Remove this filter"))
            chip.setAutoRaise(False)
            chip.setStyleSheet(
                "QToolButton { border: 1px solid palette(mid); border-radius: 9px; padding: 1px 6px; }"
            )
            chip.clicked.connect(lambda _=False, k=kind, v=value: self.removed.emit(k, v))
            self.flow.addWidget(chip)
            self.chips.append(chip)
        if chips:
            clear = tool_button(tr("Clear all"))
            clear.setAutoRaise(True)
            clear.clicked.connect(self.clearAll.emit)
            self.flow.addWidget(clear)
        self.setVisible(bool(chips))
        self.updateGeometry()
