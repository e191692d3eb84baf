"""Qt models over the query layer. They hold a window of rows, never the whole archive.

``EventTableModel`` knows the row count (from SQL) and fetches rows in blocks of a few hundred by keyset as
the view asks for them, keeping the most recent blocks in an LRU; sorting is a new SQL order, not a proxy.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

# The columns are the stand-in's (the fast start's first page), which must not import this module.
from desktop.gui.firstpaint import COLUMNS, MATCH_COLUMN, column_headers, list_cells, row_tooltip
from desktop.gui.i18n import N_, tr
from desktop.gui.refcounts import keep_singletons_alive
from desktop.gui.valuenames import facet_value_name
from desktop.gui.widgets import plural
from desktop.safetext import display_title
from desktop.services import Archive, CancelToken, EventFilter, EventRow, FacetValue
from desktop.store.firstpage import FIRST_PAGE_ROWS

Index = QModelIndex | QPersistentModelIndex
EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
EVENT_KEY_ROLE = Qt.ItemDataRole.UserRole + 2


class EventTableModel(QAbstractTableModel):
    """The event list: a count from SQL and blocks of rows fetched on demand, sorted in SQL.

    A new filter's first page is shown before its count is known (counting a broad filter at a million
    events takes far longer than its first 200 rows): while ``counting``, the row count is the rows known
    to exist, and it grows as blocks arrive and when the count does (:meth:`set_total`).
    """

    BLOCK = FIRST_PAGE_ROWS  # one block is the fast start's first page: it fills any screen
    # 16 blocks = 3,200 rows (over a hundred screens). A block of rows and their pre-formatted cells
    # takes 0.24 MB (tracemalloc): 64 cost 15 MB of the +100 MB memory budget for little gain, as a block
    # left is fetched again in a few milliseconds off the GUI thread.
    CACHE_BLOCKS = 16
    PENDING_BLOCKS = 4
    PREFETCH = 60  # rows from a block's edge at which its neighbour is fetched ahead
    # Rows a view shows at most below the first row it paints (a tall window shows ~40): a block wanted
    # for a row this close to its end is fetched together with the next one, in one query.
    SCREEN_ROWS = 50
    sortChanged = Signal(str, bool)
    sortRequested = Signal(str, bool)
    snippetsWanted = Signal(str, list)  # search text, event ids the view shows without a snippet yet

    def __init__(self, archive: Archive, parent: Any = None) -> None:
        super().__init__(parent)
        keep_singletons_alive()  # multiData() below calls void C++ methods thousands of times a second
        self.archive = archive
        self._headers = column_headers()  # in the window's language, installed before the model is made
        self._match_tip = tr("Where the search matched. Click to sort by relevance (best first).")
        self.filter = EventFilter()
        self.sort_key = "date"
        self.descending = True
        self._count = 0
        self._counting = False  # _count is then only the rows known to exist so far
        self._blocks: OrderedDict[int, list[_Line]] = OrderedDict()
        self._async_sort = False  # set by the window: sorting then fetches off the GUI thread
        # Set by the window: called with a first block and a number of blocks to fetch them off the GUI
        # thread (then put_block). Without it (tests, the self-test), a missing block is fetched right here.
        self.request_block: Callable[[int, int], None] | None = None
        self._pending: OrderedDict[int, None] = OrderedDict()
        self._blank: set[int] = set()  # pending blocks whose rows the view painted blank
        # Block number → keyset of the row before its first (desktop.store.landmarks), for far jumps.
        self._landmarks: dict[int, tuple[Any, int]] = {}
        self._italic = QFont()
        self._italic.setItalic(True)
        # Snippets are fetched off the GUI thread for the rows the view paints, then filled in.
        self._snippets: dict[int, str] = {}
        self._wanted: set[int] = set()
        self._asked: set[int] = set()
        self._ask_timer = QTimer(self, singleShot=True, interval=0)
        self._ask_timer.timeout.connect(self._ask_snippets)

    # ------------------------------------------------------------------ state

    def reset_with(
        self,
        f: EventFilter,
        count: int,
        first: list[EventRow] | None = None,
        sort: tuple[str, bool] | None = None,
        *,
        counting: bool = False,
    ) -> None:
        """Show a new filter's (or order's) rows, fetched off the GUI thread.

        ``counting``: ``count`` is only the rows known so far (the first page); :meth:`set_total` follows.
        """
        self.beginResetModel()
        if f.text != self.filter.text:
            self._snippets.clear()
            self._wanted.clear()
            self._asked.clear()
        self.filter = f
        self._count = count
        self._counting = counting
        if sort is not None:
            self.sort_key, self.descending = sort
        self._blocks.clear()
        self._pending.clear()
        self._blank.clear()
        self._landmarks = {}
        if first is not None:
            self._blocks[0] = [(r, list_cells(r)) for r in first]
        self.endResetModel()

    def set_total(self, f: EventFilter, sort: tuple[str, bool], total: int) -> bool:
        """The count arrived: grow (or trim) the list to it, if it still shows that filter and order."""
        if f != self.filter or sort != (self.sort_key, self.descending):
            return False
        self._counting = False
        self._resize(total)
        return True

    def _resize(self, count: int) -> None:
        if count > self._count:
            self.beginInsertRows(QModelIndex(), self._count, count - 1)
            self._count = count
            self.endInsertRows()
        elif count < self._count:
            self.beginRemoveRows(QModelIndex(), count, self._count - 1)
            self._count = count
            for block in [b for b in self._blocks if b * self.BLOCK >= count]:
                del self._blocks[block]
            self.endRemoveRows()

    def fetch_block_of(self, f: EventFilter, sort: str, descending: bool, row: int) -> list[EventRow]:
        """The block holding a row (safe on a worker thread); hand it over with :meth:`put_block`."""
        # Two blocks: the rows the view shows around a row near a block's end come from the next one.
        block = row // self.BLOCK
        return self.archive.page(f, sort, descending, None, 2 * self.BLOCK, offset=block * self.BLOCK)

    def put_block(
        self, f: EventFilter, sort: tuple[str, bool], row: int, rows: list[EventRow], blocks: int = 1
    ) -> bool:
        """Cache blocks fetched off the GUI thread, if the list still shows that filter and order.

        ``blocks``: how many were asked for (fewer rows came back at the list's end: none is wanted now).
        """
        if f != self.filter or sort != (self.sort_key, self.descending):
            return False
        first = row // self.BLOCK
        for i in range(max(blocks, -(-len(rows) // self.BLOCK))):
            chunk = rows[i * self.BLOCK : (i + 1) * self.BLOCK]
            if chunk:
                self._blocks[first + i] = [(r, list_cells(r)) for r in chunk]
                self._blocks.move_to_end(first + i)
            self._pending.pop(first + i, None)
            self._blank.discard(first + i)
        while len(self._blocks) > self.CACHE_BLOCKS:
            self._blocks.popitem(last=False)
        if self._counting:
            end = first * self.BLOCK + len(rows)
            if len(rows) < blocks * self.BLOCK:
                # Fewer rows than asked for: the list ends here, whatever the count will say. Without
                # this, a view at the last known rows would ask for the (empty) next block on each paint.
                self._counting = False
                self._resize(end)
            elif end > self._count:
                self._resize(end)  # rows known to exist
        if rows:
            # The view painted these rows blank while they were on their way: paint them again.
            top = first * self.BLOCK
            bottom = min(self._count, top + len(rows)) - 1
            if bottom >= top:
                self.dataChanged.emit(self.index(top, 0), self.index(bottom, len(COLUMNS) - 1))
        return True

    def block_request(self, block: int) -> tuple[EventFilter, str, bool, tuple[Any, int] | None] | None:
        """What a worker needs to fetch a wanted block: filter, order and the keyset of the row before it
        (None: an OFFSET jump). None when the block is no longer wanted (scrolled past, list reset)."""
        if block not in self._pending:
            return None
        previous = self._blocks.get(block - 1)
        after = (previous[-1][0].sort_value, previous[-1][0].id) if previous else self._landmarks.get(block)
        return self.filter, self.sort_key, self.descending, after

    def put_landmarks(
        self, f: EventFilter, sort: tuple[str, bool], marks: dict[int, tuple[Any, int]]
    ) -> None:
        """Keysets to start far blocks from (computed off the GUI thread), if still for this list."""
        if f == self.filter and sort == (self.sort_key, self.descending):
            self._landmarks = marks

    def fetch_block(
        self,
        f: EventFilter,
        sort: str,
        descending: bool,
        block: int,
        after: tuple[Any, int] | None,
        blocks: int = 1,
    ) -> list[EventRow]:
        """``blocks`` blocks from ``block`` by keyset after the row before it, or by OFFSET (safe on a
        worker thread): neighbours wanted together cost one query."""
        limit = blocks * self.BLOCK
        if after is not None:
            return self.archive.page(f, sort, descending, after, limit)
        return self.archive.page(f, sort, descending, None, limit, offset=block * self.BLOCK)

    @property
    def loading(self) -> bool:
        """Whether rows the view painted blank are still on their way (blocks fetched ahead are not)."""
        return bool(self._blank)

    @property
    def counting(self) -> bool:
        """Whether the count is still on its way (``count`` is then the rows known so far)."""
        return self._counting

    def fetch_page(
        self, f: EventFilter, sort: str, descending: bool, cancel: CancelToken | None = None
    ) -> list[EventRow]:
        """The first page for a filter and order (safe to call on a worker thread)."""
        return self.archive.page(f, sort, descending, None, self.BLOCK, cancel=cancel)

    @property
    def count(self) -> int:
        return self._count

    def row_at(self, row: int) -> EventRow | None:
        """The row's event, fetched here if it is not loaded yet (for a selection being exported)."""
        if not 0 <= row < self._count:
            return None
        block, offset = divmod(row, self.BLOCK)
        rows = self._blocks.get(block) or self._fetch(block)
        return rows[offset][0] if offset < len(rows) else None

    def loaded_row_at(self, row: int) -> EventRow | None:
        """The row's event if it is loaded; None while it is on its way (never queries)."""
        if not 0 <= row < self._count:
            return None
        block, offset = divmod(row, self.BLOCK)
        rows = self._blocks.get(block)
        return rows[offset][0] if rows is not None and offset < len(rows) else None

    def row_of_event(self, event_id: int) -> int | None:
        """The row showing an event, if it is among the rows fetched so far."""
        for block, rows in self._blocks.items():
            for offset, (row, _cells) in enumerate(rows):
                if row.id == event_id:
                    return block * self.BLOCK + offset
        return None

    # ------------------------------------------------------------------ fetching

    def _cached(self, row: int) -> _Line:
        block, offset = divmod(row, self.BLOCK)
        rows = self._blocks.get(block)
        if rows is None:
            if self.request_block is not None:
                # Never query on the GUI thread: an OFFSET far into a filtered million-row list takes
                # seconds. Ask for the block and paint the row blank until it arrives.
                self._want_for(block, offset)
                return _EMPTY
            rows = self._fetch(block)
        else:
            self._blocks.move_to_end(block)
            if self.request_block is not None:
                # Near a block's edge, ask for its neighbour now, so scrolling on rarely meets a blank row.
                if offset >= self.BLOCK - self.PREFETCH:
                    if self._more(block) and self._missing(block + 1):
                        self._want(block + 1, 1)
                elif offset < self.PREFETCH and self._missing(block - 1):
                    self._want(block - 1, 1)
        if offset >= len(rows):  # the archive changed under us; show an empty row rather than fail
            return _EMPTY
        return rows[offset]

    def _more(self, block: int) -> bool:
        """Whether rows may follow ``block`` (while counting, the count is only a lower bound)."""
        return self._counting or (block + 1) * self.BLOCK < self._count

    def _missing(self, block: int) -> bool:
        return block >= 0 and block not in self._blocks and block not in self._pending

    def _want_for(self, block: int, offset: int) -> None:
        """A row of ``block`` was painted blank: fetch the block, with the neighbour the rows on screen
        (or the prefetch once they arrive) will want too, in one query — a jump costs one round trip."""
        self._blank.add(block)
        if block in self._pending:
            return
        first = last = block
        if offset < self.PREFETCH and self._missing(block - 1):
            first = block - 1
        elif offset + self.SCREEN_ROWS >= self.BLOCK - self.PREFETCH and self._more(block):
            last = block + 1 if self._missing(block + 1) else block
        self._want(first, last - first + 1)

    def _want(self, block: int, blocks: int) -> None:
        for b in range(block, block + blocks):
            self._pending[b] = None
            self._pending.move_to_end(b)
        # Dragging the scroll bar across a million rows asks for block after block: only the newest few
        # stay wanted, the workers skip the others (block_request returns None for them).
        while len(self._pending) > max(self.PENDING_BLOCKS, blocks):
            dropped, _ = self._pending.popitem(last=False)
            self._blank.discard(dropped)
        assert self.request_block is not None
        self.request_block(block, blocks)

    def _fetch(self, block: int) -> list[_Line]:
        previous = self._blocks.get(block - 1)
        if previous:
            last = previous[-1][0]
            page = self.archive.page(
                self.filter, self.sort_key, self.descending, (last.sort_value, last.id), self.BLOCK
            )
        else:
            # Nothing known just before: one OFFSET jump, after which neighbours continue by keyset.
            page = self.archive.page(
                self.filter, self.sort_key, self.descending, None, self.BLOCK, offset=block * self.BLOCK
            )
        rows = [(r, list_cells(r)) for r in page]  # strings formatted once, not on every paint
        self._blocks[block] = rows
        while len(self._blocks) > self.CACHE_BLOCKS:
            self._blocks.popitem(last=False)
        return rows

    # ------------------------------------------------------------------ Qt model API

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def multiData(self, index: Index, roleDataSpan: Any) -> None:
        """Every role a delegate paints a cell with, in one call from C++ instead of seven.

        The view paints ~30 rows × 7 columns, and ``QStyledItemDelegate`` asks seven roles of each cell:
        through ``data()`` that is ~1,500 entries into Python a frame, each of which must take the GIL —
        and while a worker runs Python each may wait for it. Here it is one entry per cell. Roles this
        model does not serve are cleared (the span may come filled from an earlier cell).
        """
        if not index.isValid():
            for item in roleDataSpan:
                item.clearData()
            return
        row, cells = self._cached(index.row())
        column = index.column()
        for item in roleDataSpan:
            role = item.role()
            if role == _DISPLAY:
                item.setData(self._snippet(row.id) if column == MATCH_COLUMN else cells[column])
            elif role == _FONT and row.uncatalogued:
                item.setData(self._italic)
            elif role == _FOREGROUND and row.uncatalogued:
                item.setData(_disabled_text())
            elif role == _ALIGN and column == SOURCES_COLUMN:
                item.setData(_RIGHT)
            elif role in _OTHER_ROLES:
                item.setData(self.data(index, role))
            else:
                item.clearData()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for roles the delegate does not ask through multiData (tooltips, ids): return early.
        if role not in _ROLES or not index.isValid():
            return None
        row, cells = self._cached(index.row())
        if role == _DISPLAY:
            if index.column() == MATCH_COLUMN:
                return self._snippet(row.id)
            return cells[index.column()]
        if role == _EVENT_ID:
            return row.id
        if role == _EVENT_KEY:
            return row.key
        if role == _FONT:
            return self._italic if row.uncatalogued else None
        if role == _FOREGROUND:
            return _disabled_text() if row.uncatalogued else None
        if role == _TOOLTIP:
            if not row.id:
                return None  # a row still on its way
            return row_tooltip(row)
        if role == _ALIGN and index.column() == SOURCES_COLUMN:
            return _RIGHT
        return None

    def _snippet(self, event_id: int) -> str:
        text = self._snippets.get(event_id)
        if text is not None or not self.filter.text or event_id == 0:
            return text or ""
        if event_id not in self._asked:
            self._wanted.add(event_id)
            self._ask_timer.start()
        return "…"

    def _ask_snippets(self) -> None:
        if self._wanted and self.filter.text:
            self._asked |= self._wanted
            self.snippetsWanted.emit(self.filter.text, sorted(self._wanted))
        self._wanted.clear()

    def put_snippets(self, text: str, snippets: dict[int, str]) -> None:
        """Snippets fetched off the GUI thread, if the list still shows that search."""
        if text != self.filter.text:
            return
        # A snippet is a piece of an original: its controls are shown, not obeyed (the original is exact
        # in the detail pane).
        self._snippets.update({event_id: display_title(line) for event_id, line in snippets.items()})
        if self._count:
            top, bottom = self.index(0, MATCH_COLUMN), self.index(self._count - 1, MATCH_COLUMN)
            self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole])

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == _DISPLAY:
            return self._headers[section] if orientation == Qt.Orientation.Horizontal else None
        if role == _TOOLTIP and section == MATCH_COLUMN and orientation == Qt.Orientation.Horizontal:
            return self._match_tip
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A new SQL order. With a window attached the first page is fetched off the GUI thread first."""
        key = COLUMNS[column][0]
        descending = order == Qt.SortOrder.DescendingOrder
        if key == "match":
            # Relevance: best first whichever way the arrow first points; clicking again reverses it.
            key = "relevance"
            descending = self.sort_key == "relevance" and not self.descending
        if (key, descending) == (self.sort_key, self.descending):
            return
        if self._async_sort:
            self.sortRequested.emit(key, descending)
            return
        self.beginResetModel()
        self.sort_key, self.descending = key, descending
        self._blocks.clear()
        self.endResetModel()
        self.sortChanged.emit(key, descending)


_Line = tuple[EventRow, tuple[str, ...]]  # an event and its cells' display strings, formatted once


def _disabled_text() -> QColor:
    # Asked per uncatalogued cell only (few): the palette follows the system's light or dark scheme.
    return QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)


_EMPTY: _Line = (
    EventRow(0, "", "", "", "", None, None, "unknown", "unknown", "", "", "", 0, False, ""),
    ("",) * len(COLUMNS),
)
# Roles as plain ints, compared once per role per cell: cheaper than Qt's enum members.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_EVENT_ID = int(EVENT_ID_ROLE)
_EVENT_KEY = int(EVENT_KEY_ROLE)
_ROLES = frozenset({_DISPLAY, _FONT, _FOREGROUND, _TOOLTIP, _ALIGN, _EVENT_ID, _EVENT_KEY})
_OTHER_ROLES = frozenset({_TOOLTIP, _EVENT_ID, _EVENT_KEY})  # served by data() when asked in a span
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
SOURCES_COLUMN = next(i for i, (key, _label) in enumerate(COLUMNS) if key == "sources")


class FacetModel(QAbstractListModel):
    """The values of one filter kind with their live counts; checking includes, excluded ones are struck."""

    toggled = Signal(str, object, bool)  # kind, value, include?

    def __init__(self, kind: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.values: list[FacetValue] = []
        self.included: set[Any] = set()
        self.excluded: set[Any] = set()
        self.more = 0
        # An entity's names by their source, for its tooltip (asked on hover, once each).
        self.names_of: Callable[[int], list[dict[str, Any]]] | None = None
        self._names: dict[int, str] = {}
        # A value's tooltip, in the window's language (installed before the models are made).
        self._tip = tr("{name}: {events} under the other filters")
        self._excluded_tip = tr("{name}: {events} under the other filters — excluded")

    def set_values(
        self, values: list[FacetValue], f: EventFilter, labels: dict[tuple[str, Any], str]
    ) -> None:
        """New counts; chosen values stay listed (count 0) even when nothing matches them any more."""
        self.beginResetModel()
        self.included = f.values(self.kind)
        self.excluded = f.excluded(self.kind)
        listed = {v.value for v in values}
        pinned = [
            FacetValue(self.kind, value, labels.get((self.kind, value), str(value)), 0)
            for value in sorted(self.included | self.excluded, key=str)
            if value not in listed
        ]
        self.values = pinned + values
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.values)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.values):
            return None
        v = self.values[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{display_title(facet_value_name(self.kind, v.value, v.label))}  ({v.count:,})"
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if v.value in self.included else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            said = self._excluded_tip if v.value in self.excluded else self._tip
            name = display_title(facet_value_name(self.kind, v.value, v.label))
            tip = said.format(name=name, events=plural(v.count, "event"))
            if self.names_of is not None and isinstance(v.value, int):
                if v.value not in self._names:
                    self._names[v.value] = names_by_source(self.names_of(v.value))
                tip += self._names[v.value]
            return tip
        if role == Qt.ItemDataRole.FontRole and v.value in self.excluded:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and v.value in self.excluded:
            return QColor(200, 60, 60)
        if role == Qt.ItemDataRole.UserRole:
            return v.value
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.toggled.emit(self.kind, self.values[index.row()].value, checked)
        return True


_SOURCE_GROUPS = (
    ("catalogue", N_("Names in the catalogue")),
    ("dataset", N_("From datasets (CLDR, ISO, GeoNames)")),
    ("generated", N_("Generated (transliterations, abbreviations)")),
)


def names_by_source(names: list[dict[str, Any]], most: int = 12) -> str:
    """An entity's names for a tooltip, grouped by where they come from: the archivists' own, a dataset's,
    or generated — so a reader sees which spellings a person decided."""
    groups: dict[str, list[str]] = {}
    for n in names:
        source = str(n.get("source") or "catalogue")
        group = (
            "catalogue"
            if source == "catalogue"
            else "generated"
            if source.startswith("generated")
            else "dataset"
        )
        groups.setdefault(group, []).append(str(n["text"]))
    lines = []
    for group, title in _SOURCE_GROUPS:
        texts = list(dict.fromkeys(groups.get(group, [])))
        if texts:
            shown = ", ".join(texts[:most])
            if len(texts) > most:
                shown = tr("{names} … and {n} more").format(names=shown, n=len(texts) - most)
            lines.append(f"{tr(title)}: {shown}")
    return "\n" + "\n".join(lines) if lines else ""
