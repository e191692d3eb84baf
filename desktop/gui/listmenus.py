"""The event list's menus and drops (issue 19), the habits of calibre and Zotero: right-click the header to
choose and reorder columns (drag a header to move it; the layout is saved with the window), right-click an
event for what can be done with it, drop files or folders on the window to import them.

A mixin of :class:`~desktop.gui.window.MainWindow`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QMenu

from desktop.gui.firstpaint import COLUMNS, HIDDEN_BY_DEFAULT, MATCH_COLUMN
from desktop.gui.host import WindowParts
from desktop.gui.i18n import tr


class ListMenus(WindowParts):
    """Header and row menus of the event list; files dropped on the window."""

    def _setup_list_menus(self) -> None:
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(
            lambda pos: self.header_menu().exec(header.viewport().mapToGlobal(pos))
        )
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._row_menu)
        self.setAcceptDrops(True)

    def header_menu(self) -> QMenu:
        """A tick per column (the search's Match column comes and goes with the search)."""
        menu = QMenu(self)
        menu.setTitle(tr("Columns"))
        shown = [c for c in range(len(COLUMNS)) if c != MATCH_COLUMN and not self.table.isColumnHidden(c)]
        for column, (_key, label) in enumerate(COLUMNS):
            if column == MATCH_COLUMN:
                continue
            act = menu.addAction(tr(label))
            act.setCheckable(True)
            act.setChecked(not self.table.isColumnHidden(column))
            # The last column shown stays: a list with no column cannot be read or chosen from.
            act.setEnabled(not (act.isChecked() and len(shown) == 1))
            act.toggled.connect(lambda on, c=column: self.table.setColumnHidden(c, not on))
        menu.addSeparator()
        menu.addAction(tr("Reset columns"), self._reset_columns)
        return menu

    def _reset_columns(self) -> None:
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):
            header.moveSection(header.visualIndex(column), column)
            if column != MATCH_COLUMN:
                self.table.setColumnHidden(column, COLUMNS[column][0] in HIDDEN_BY_DEFAULT)
        header.moveSection(header.visualIndex(MATCH_COLUMN), 2)

    def row_menu(self) -> QMenu:
        """What can be done with the selected events."""
        menu = QMenu(self)
        for act in (
            self.edit_event_action,
            self.participants_action,
            self.sources_action,
            self.parent_action,
        ):
            menu.addAction(act)
        menu.addSeparator()
        for act in (self.merge_event_action, self.split_event_action):
            menu.addAction(act)
        menu.addSeparator()
        menu.addAction(self.export_selected_action)
        menu.addAction(tr("Copy id"), self._copy_ids)
        return menu

    def _row_menu(self, pos: QPoint) -> None:
        if self.table.indexAt(pos).isValid():
            self.row_menu().exec(self.table.viewport().mapToGlobal(pos))

    def _copy_ids(self) -> None:
        """The selected events' ids, one per line (what `show` and `export --ids` take)."""
        keys = [
            row.key for r in self.table.selectionModel().selectedRows() if (row := self.model.row_at(r.row()))
        ]
        QGuiApplication.clipboard().setText("\n".join(keys))
        self.statusBar().showMessage(tr("Copied {n} id(s)").format(n=len(keys)), 3000)

    # ------------------------------------------------------------------ drops

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.archive.read_only is None and _dropped_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _dropped_paths(event)
        if paths and self.archive.read_only is None:
            event.acceptProposedAction()
            self.import_paths(paths)


def _dropped_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    data = event.mimeData()
    if not data.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in data.urls() if u.isLocalFile()]
