"""The window's first paint: the list's first page, painted before the archive is opened.

:class:`FirstPageWindow` shows the rows :mod:`desktop.store.firstpage` read with plain ``sqlite3``, laid out
as the main window lays out its list (the same columns, widths, saved header and geometry). It imports only Qt
and light modules — never SQLAlchemy, the query layer or the main window — so it is on screen in about the
time a bare Qt window takes. ``desktop.gui.app`` then opens the archive and builds the real
:class:`~desktop.gui.window.MainWindow` off the first paint, and swaps it in when its list is ready.
"""

from __future__ import annotations

import math
import struct
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, QSize
from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.gui.i18n import N_, tr
from desktop.gui.localdates import local_date
from desktop.gui.valuenames import type_name
from desktop.safetext import display_title  # plain Python and re: nothing heavy on the start path
from desktop.store.firstpage import FirstRow

if TYPE_CHECKING:  # only a type here: looking QCloseEvent up at run time costs 2 ms of the first paint
    from PySide6.QtGui import QCloseEvent

# The event list's columns and widths, for the stand-in and the window alike (models and window import
# them from here: this module must not import those, which import SQLAlchemy).
COLUMNS: list[tuple[str, str]] = [
    ("date", N_("Date")),
    ("title", N_("Title")),
    ("type", N_("Type")),
    ("place", N_("Place")),
    ("countries", N_("Countries")),
    ("languages", N_("Languages")),
    ("sources", N_("Sources")),
    ("match", N_("Match")),  # shown only while searching: a line around the match; sorts by relevance
]
MATCH_COLUMN = len(COLUMNS) - 1
# Shown once the reader asks for them (the header's menu): at 1280×800 the list has room for the others.
HIDDEN_BY_DEFAULT = ("languages", "sources")
UNCATALOGUED_MARK = "• "
# The columns shown by default fit the list's width at 1280×800 (574 px): none hides off to the right.
COLUMN_WIDTHS = {
    "date": 96,
    "title": 214,
    "type": 78,
    "place": 96,
    "countries": 86,
    "languages": 75,
    "sources": 60,
    "match": 320,
}
# The window's frame, shared with MainWindow so that the stand-in paints the layout the window will have:
# its menus, its toolbar, its three panes at the same sizes, the list where the list will be.
MENU_TITLES = (N_("&File"), N_("&Edit"), N_("&View"), N_("&Help"))
TOOLBAR_LABELS = (
    N_("Export selected…"),
    N_("Export all shown…"),
    N_("Import documents…"),
    N_("Clear all filters"),
)
SEARCH_PLACEHOLDER = N_("Search originals, titles, notes and names in any script   (Ctrl+F)")
# Filters, list and detail: a narrower window takes room from every pane, most from the detail, so that at
# 800 px the list keeps room enough to read titles.
PANE_SIZES = (240, 580, 460)
PANE_STRETCH = (1, 3, 4)
PANE_LEAST_WIDTHS = (200, 160, 190)  # the panes' least widths at the usual font sizes (their contents')
CENTRE_SPACING = 4
FILTERS_PANE_SETTING = "window/filters_pane"  # "false": the reader folded the filters pane away (F9)
MAP_HEIGHTS = (140, 220)  # the map's least and preferred height, above the list when it is shown
TITLE_COLUMN = next(i for i, (key, _label) in enumerate(COLUMNS) if key == "title")
TITLE_LEAST = 160  # ~24 characters: below this a title can't be read; the columns right of it scroll instead
_FILTER_FIELDS = ("include", "exclude", "from", "to", "imprecise", "text")


TIMELINE_PAD_TOP = 6.0
TIMELINE_BAR_AREA = 30.0  # the bars' own height; the strip grows with the font, never squeezes the bars


def column_width(key: str, metrics: QFontMetrics) -> int:
    """A column's width at first: its default, and for the date as wide as the longest date the window's
    language writes ("28–30 Sep 2025?" is "2025年9月28–30日?" in Chinese), so that no date is cut."""
    if key != "date":
        return COLUMN_WIDTHS[key]
    return max(COLUMN_WIDTHS[key], metrics.horizontalAdvance(local_date("28–30 Sep 2025?")) + 8)


def timeline_label_font(font: QFont) -> QFont:
    """The timeline's labels: 85 % of the window's font, never under 7 pt."""
    label = QFont(font)
    if label.pointSizeF() > 0:
        label.setPointSizeF(max(7.0, label.pointSizeF() * 0.85))
    return label


def timeline_height(label_font: QFont) -> int:
    """The timeline strip's height: ~72 px at the usual font sizes, taller only when a large font would
    clip its labels. The stand-in leaves the same room above the list as the strip takes."""
    label_h = QFontMetricsF(label_font).height() + 4
    return max(72, math.ceil(TIMELINE_PAD_TOP + TIMELINE_BAR_AREA + label_h + 4))


def saved_filter_is_empty(saved: object) -> bool:
    """Whether the window's saved filter (``filters/last``) shows every event, as the first page does.

    Anything unexpected counts as not empty: the window then opens the ordinary way and judges it.
    """
    if saved in (None, ""):
        return True
    import json  # only for a saved filter: 5 ms the usual start does without

    try:
        data = json.loads(str(saved))
    except ValueError:
        return False
    return isinstance(data, dict) and not any(data.get(field) for field in _FILTER_FIELDS)


# Qt's item roles and flags as plain numbers. Reaching for ``PySide6.QtCore.Qt`` builds the whole Qt
# namespace, every enum in it: 20-40 ms measured, a fifth of a bare window's start. The stand-in does
# without it; the main window, built after the first paint, uses the names.
_TOOLTIP_ROLE = 3  # Qt.ItemDataRole.ToolTipRole
_ALIGNMENT_ROLE = 7  # Qt.ItemDataRole.TextAlignmentRole
_FOREGROUND_ROLE = 9  # Qt.ItemDataRole.ForegroundRole
_ALIGN_RIGHT_VCENTER = 0x0002 | 0x0080  # Qt.AlignmentFlag.AlignRight | AlignVCenter
_HEADER_STATE = struct.Struct(">iiiii")  # QHeaderView.saveState: marker, version, orientation, order, section
_DESCENDING = 1  # Qt.SortOrder.DescendingOrder


def column_headers() -> list[str]:
    """The list's column headers in the window's language (the stand-in's and the list's model's)."""
    return [tr(label) for _key, label in COLUMNS]


def first_page_model(rows: list[FirstRow]) -> QStandardItemModel:
    """The first page as ``EventTableModel`` shows it, in a C++ model (tooltips: :func:`add_tooltips`).

    A Python model would be asked for every role of every cell in Python on each paint, and its
    ``headerData`` would build the Qt namespace (see above); this one answers from C++. It is filled with
    as few calls as can be (one item per cell, one call per row): 1,600 cells cost 25 ms item by item.
    """
    model = QStandardItemModel(0, len(COLUMNS))
    model.setHorizontalHeaderLabels(column_headers())
    append_rows(model, rows)
    return model


def append_rows(model: QStandardItemModel, rows: list[FirstRow]) -> None:
    italic = QFont()
    italic.setItalic(True)
    # A QColor, as EventTableModel gives (building a QBrush here would build the Qt namespace: 30 ms).
    grey = QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    sources = next(i for i, (key, _label) in enumerate(COLUMNS) if key == "sources")
    for r in rows:
        items = [QStandardItem(text) for text in list_cells(r)]
        items[sources].setData(_ALIGN_RIGHT_VCENTER, _ALIGNMENT_ROLE)
        if r.uncatalogued:
            for item in items:
                item.setFont(italic)
                item.setData(grey, _FOREGROUND_ROLE)
        model.appendRow(items)


class ListRow(Protocol):
    """What a row of the event list shows: ``FirstRow`` here, ``queries.EventRow`` in the list's model."""

    # Read-only members: both row types are frozen dataclasses.
    @property
    def date(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def place(self) -> str: ...
    @property
    def countries(self) -> str: ...
    @property
    def languages(self) -> str: ...
    @property
    def sources(self) -> int: ...
    @property
    def uncatalogued(self) -> bool: ...


def list_cells(r: ListRow) -> tuple[str, ...]:
    """A row's cells as the list shows them (the stand-in's and EventTableModel's, the same function).

    Titles and names come from imported documents: a right-to-left override or an escape in one is shown
    as a marker (desktop.safetext), not obeyed. Formatted once per row fetched, not per paint.
    """
    title = display_title(r.title)
    title = (UNCATALOGUED_MARK + title) if r.uncatalogued else title
    return (
        local_date(r.date),
        title,
        display_title(type_name(r.type)),
        display_title(r.place),
        display_title(r.countries),
        display_title(r.languages),
        str(r.sources),
        "",
    )


def row_tooltip(r: ListRow) -> str:
    """A row's tooltip (the stand-in's and EventTableModel's, the same function): its whole title, date,
    type and place, and whether an archivist has checked it."""
    title, kind, place = display_title(r.title), display_title(type_name(r.type)), display_title(r.place)
    tip = f"{title}\n{local_date(r.date)} · {kind}" + (f" · {place}" if place else "")
    if r.uncatalogued:
        tip += "\nUncatalogued: made from an imported document; not yet checked by an archivist."
    return tip


def add_tooltips(model: QStandardItemModel, rows: list[FirstRow]) -> None:
    """Each row's tooltip, as the list's (set once the page is painted: nobody hovers before that)."""
    for i, r in enumerate(rows):
        tip = row_tooltip(r)
        for column in range(model.columnCount()):
            model.setData(model.index(i, column), tip, _TOOLTIP_ROLE)


def sorts_newest_first(state: object) -> bool:
    """Whether a saved header state (``window/header``) sorts by date, newest first — or there is none.

    Read from the bytes QHeaderView.saveState writes (a test checks the layout against Qt), because asking
    the header for its sort order would build the Qt namespace (see above).
    """
    if not isinstance(state, QByteArray) or state.isEmpty():
        return True  # the window's default order
    raw = bytes(state.data())
    if len(raw) < _HEADER_STATE.size:
        return False
    marker, version, _orientation, order, section = _HEADER_STATE.unpack_from(raw)
    return marker == 0xFF and version == 0 and order == _DESCENDING and section == 0


class TitleFit(QObject):
    """Gives the list's Title column the width the other columns leave, never under ``TITLE_LEAST``, as the
    list is resized or a column is shown, hidden or resized: the column people read takes the room, as in
    calibre's and Zotero's lists, and at 1024 px the columns right of it are not pushed out of sight by a
    title wider than the list needs. (A Stretch section would do the same but could not be resized.)"""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        self._fitting = False
        table.viewport().installEventFilter(self)
        table.horizontalHeader().sectionResized.connect(self._resized)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _resized(self, section: int, _old: int, _new: int) -> None:
        if section != TITLE_COLUMN:
            self.fit()

    def fit(self) -> None:
        table = self.table
        if self._fitting or table.isColumnHidden(TITLE_COLUMN):
            return
        others = sum(
            table.columnWidth(c)
            for c in range(table.model().columnCount())
            if c != TITLE_COLUMN and not table.isColumnHidden(c)
        )
        self._fitting = True
        try:
            table.setColumnWidth(TITLE_COLUMN, max(TITLE_LEAST, table.viewport().width() - others))
        finally:
            self._fitting = False


def search_bar(window: QMainWindow) -> tuple[QToolBar, QLineEdit]:
    """The window's toolbar and its search box (the stand-in's and MainWindow's: one look, one place)."""
    bar = QToolBar(tr("Main"))
    bar.setMovable(False)
    window.addToolBar(bar)
    search = QLineEdit()
    search.setPlaceholderText(tr(SEARCH_PLACEHOLDER))
    search.setClearButtonEnabled(True)
    search.setAccessibleName(tr("Search"))
    search.setMinimumWidth(180)
    bar.addWidget(search)
    return bar, search


class _Room(QWidget):
    """Blank room where a pane of the main window will be: the same size hints, nothing drawn."""

    def __init__(self, hint: QSize, least_height: int = 0) -> None:
        super().__init__()
        self._hint = hint
        if least_height:
            self.setMinimumHeight(least_height)

    def sizeHint(self) -> QSize:
        return self._hint


class FirstPageWindow(QMainWindow):
    """A stand-in for the main window while the archive opens: the window's layout, with its list's first
    page in place and the other panes still empty, so that the swap to the window changes no geometry.

    Its menus and toolbar have the window's words (disabled till the window is up); the search box takes
    what the reader types, and the window starts with it. ``closed_by_reader`` tells the starter that the
    reader closed it (the app is ending).
    """

    FIRST_ROWS = 96  # more than the tallest screen shows (2,160 px at the list's ~25 px a row: 86 rows)

    def __init__(self, rows: list[FirstRow], settings: QSettings) -> None:
        super().__init__()
        self.closed_by_reader = False
        self.setWindowTitle(APP_NAME)
        self.rows = rows
        # The rows a screen can show first; the rest of the page, and the tooltips, right after the paint.
        self.model = first_page_model(rows[: self.FIRST_ROWS])
        self.count = len(rows)
        table = QTableView()
        table.setModel(self.model)
        # The same look as MainWindow's list, so that the swap to it is hardly noticed.
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # a stand-in: nothing to edit
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setShowGrid(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for i, (key, _label) in enumerate(COLUMNS):
            table.setColumnWidth(i, column_width(key, table.fontMetrics()))
        header.moveSection(header.visualIndex(MATCH_COLUMN), 2)
        for i, (key, _label) in enumerate(COLUMNS):
            table.setColumnHidden(i, key in HIDDEN_BY_DEFAULT)
        state = settings.value("window/header")
        self.in_default_order = sorts_newest_first(state)
        if isinstance(state, QByteArray):
            header.restoreState(state)  # widths, order and the sort arrow as the reader left them
        table.setColumnHidden(MATCH_COLUMN, True)  # no search: the first page is the unfiltered list
        self.title_fit = TitleFit(table)
        self.table = table
        self._build_frame(settings)
        self.statusBar().showMessage(tr("Opening the archive…"))
        geometry = settings.value("window/geometry")
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(1280, 800)

    def _build_frame(self, settings: QSettings) -> None:
        """The window's menus, toolbar and panes around the list, as MainWindow lays them out."""
        for title in MENU_TITLES:
            self.menuBar().addMenu(tr(title)).setEnabled(False)
        bar, self.search = search_bar(self)
        for label in TOOLBAR_LABELS:
            bar.addAction(tr(label)).setEnabled(False)
        centre = QWidget()
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(CENTRE_SPACING)
        strip = timeline_height(timeline_label_font(self.font()))
        timeline = _Room(QSize(640, strip))
        timeline.setFixedHeight(strip)
        layout.addWidget(timeline)
        if str(settings.value("window/map", "false")).lower() == "true":
            room = _Room(QSize(600, MAP_HEIGHTS[1]), MAP_HEIGHTS[0])
            room.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            layout.addWidget(room)
        layout.addWidget(self.table, 1)
        split = QSplitter()  # horizontal, as the window's
        left = _Room(QSize(PANE_SIZES[0], 400))
        for pane, least in zip(
            (left, centre, _Room(QSize(PANE_SIZES[2], 400))),
            PANE_LEAST_WIDTHS,
            strict=True,
        ):
            pane.setMinimumWidth(least)
            split.addWidget(pane)
        for i, stretch in enumerate(PANE_STRETCH):
            split.setStretchFactor(i, stretch)
        split.setChildrenCollapsible(False)
        split.setSizes(list(PANE_SIZES))
        state = settings.value("window/split")
        if isinstance(state, QByteArray):
            split.restoreState(state)
        if str(settings.value(FILTERS_PANE_SETTING, "true")).lower() == "false":
            left.setVisible(False)
        self.split = split
        self.setCentralWidget(split)

    def complete(self) -> None:
        """After the first paint: the rest of the page's rows, and every row's tooltip."""
        append_rows(self.model, self.rows[self.model.rowCount() :])
        add_tooltips(self.model, self.rows)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed_by_reader = True
        super().closeEvent(event)
