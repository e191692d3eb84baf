"""Saved views (issue 19): a named filter, search, order and set of columns, kept in a list beside the
filters and brought back with a click — calibre's saved searches, Zotero's saved searches, Tropy's lists.

A view names entities by their stable keys (like the saved session), so it survives rebuilds; it is kept
in the settings, and shared as a small JSON file (``{"archive-viewer-views": 1, "views": [...]}``) that
another reader imports. A mixin of :class:`~desktop.gui.window.MainWindow` and the sidebar widget.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.firstpaint import COLUMNS, MATCH_COLUMN
from desktop.gui.host import WindowParts
from desktop.gui.i18n import tr

FORMAT_KEY = "archive-viewer-views"
_SETTING = "views/all"


class ViewsError(ValueError):
    """A views file that cannot be read; the message names the file and what is wrong."""


def read_views_file(path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ViewsError(tr("{file}: not a views file ({problem})").format(file=path, problem=exc)) from None
    if not isinstance(data, dict) or data.get(FORMAT_KEY) != 1 or not isinstance(data.get("views"), list):
        raise ViewsError(
            tr('{file}: not a views file (it needs "{key}": 1 and a list of "views")').format(
                file=path, key=FORMAT_KEY
            )
        )
    views = [v for v in data["views"] if isinstance(v, dict) and isinstance(v.get("name"), str)]
    if len(views) != len(data["views"]):
        raise ViewsError(tr("{file}: a view without a name; each view needs one").format(file=path))
    return views


def write_views_file(path: Path, views: list[dict[str, Any]]) -> None:
    path.write_text(
        json.dumps({FORMAT_KEY: 1, "views": views}, ensure_ascii=False, indent=2), encoding="utf-8"
    )


class SavedViewsPanel(QWidget):
    """The list of saved views with Save, and a menu per view (rename, delete, export)."""

    chosen = Signal(str)  # a view's name
    saveRequested = Signal()
    importRequested = Signal()
    renameRequested = Signal(str)
    deleteRequested = Signal(str)
    exportRequested = Signal()

    def __init__(self) -> None:
        super().__init__()
        title = QLabel("<b>" + tr("Saved views") + "</b>")
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Saved views"))
        self.list.setToolTip(tr("A click brings a view back: its filters, search, order and columns"))
        self.list.itemActivated.connect(lambda item: self.chosen.emit(item.text()))
        self.list.itemClicked.connect(lambda item: self.chosen.emit(item.text()))
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        save = QPushButton(tr("Save view…"))
        save.setToolTip(tr("Keep the filters, search, order and columns shown now under a name"))
        save.clicked.connect(self.saveRequested)
        more = QPushButton(tr("Import…"))
        more.setToolTip(tr("Views another reader exported"))
        more.clicked.connect(self.importRequested)
        row = QHBoxLayout()
        row.addWidget(save)
        row.addWidget(more)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(title)
        layout.addWidget(self.list)
        layout.addLayout(row)

    def show_names(self, names: list[str]) -> None:
        self.list.clear()
        for name in names:
            self.list.addItem(QListWidgetItem(name))
        # Short lists take only the room they need.
        rows = max(1, min(len(names), 5))
        self.list.setFixedHeight(rows * max(18, self.list.sizeHintForRow(0) if names else 18) + 6)

    def _menu(self, pos: Any) -> None:
        item = self.list.itemAt(pos)
        if item is None:
            return
        name = item.text()
        menu = QMenu(self)
        menu.addAction(tr("Show"), lambda: self.chosen.emit(name))
        menu.addAction(tr("Rename…"), lambda: self.renameRequested.emit(name))
        menu.addAction(tr("Delete"), lambda: self.deleteRequested.emit(name))
        menu.addSeparator()
        menu.addAction(tr("Export all views…"), self.exportRequested.emit)
        menu.exec(self.list.viewport().mapToGlobal(pos))


class SavedViews(WindowParts):
    """Saving, showing, renaming, deleting, exporting and importing views."""

    views_panel: SavedViewsPanel

    def _setup_views(self) -> SavedViewsPanel:
        panel = self.views_panel = SavedViewsPanel()
        panel.chosen.connect(self.show_view)
        panel.saveRequested.connect(self._ask_save_view)
        panel.importRequested.connect(self._ask_import_views)
        panel.renameRequested.connect(self._ask_rename_view)
        panel.deleteRequested.connect(self.delete_view)
        panel.exportRequested.connect(self._ask_export_views)
        panel.show_names([v["name"] for v in self.saved_views()])
        return panel

    def saved_views(self) -> list[dict[str, Any]]:
        try:
            views = json.loads(str(self.settings.value(_SETTING, "[]")))
        except ValueError:
            return []
        return [v for v in views if isinstance(v, dict) and isinstance(v.get("name"), str)]

    def _keep_views(self, views: list[dict[str, Any]]) -> None:
        self.settings.setValue(_SETTING, json.dumps(views, ensure_ascii=False))
        self.views_panel.show_names([v["name"] for v in views])

    def current_view(self, name: str) -> dict[str, Any]:
        """What is shown now: filter (entities by key), search, order, hidden columns and their order."""
        header = self.table.horizontalHeader()
        return {
            "name": name,
            "filter": json.loads(self._save_filter()),
            "sort": self.wanted_sort()[0],
            "descending": self.wanted_sort()[1],
            "hidden": [
                COLUMNS[c][0]
                for c in range(len(COLUMNS))
                if c != MATCH_COLUMN and self.table.isColumnHidden(c)
            ],
            "order": [COLUMNS[header.logicalIndex(v)][0] for v in range(len(COLUMNS))],
        }

    def save_view(self, name: str) -> None:
        """Keep what is shown under ``name`` (a view of that name is replaced)."""
        views = [v for v in self.saved_views() if v["name"] != name]
        views.append(self.current_view(name))
        self._keep_views(views)
        self.statusBar().showMessage(tr("Saved the view “{name}”").format(name=name), 4000)

    def show_view(self, name: str) -> None:
        view = next((v for v in self.saved_views() if v["name"] == name), None)
        if view is None:
            return
        keys = [k for k, _label in COLUMNS]
        header = self.table.horizontalHeader()
        for visual, key in enumerate(k for k in view.get("order", []) if k in keys):
            header.moveSection(header.visualIndex(keys.index(key)), visual)
        hidden = set(view.get("hidden", []))
        for column, key in enumerate(keys):
            if column != MATCH_COLUMN:
                self.table.setColumnHidden(column, key in hidden)
        sort = str(view["sort"]) if view.get("sort") in (*keys, "relevance") else "date"
        self.model.sort_key, self.model.descending = sort, bool(view.get("descending", True))
        self.sort_wanted = (sort, self.model.descending)
        column = keys.index("match" if sort == "relevance" else sort)
        header.blockSignals(True)
        order = Qt.SortOrder.DescendingOrder if self.model.descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(column, order)
        header.blockSignals(False)
        f = self._load_filter(json.dumps(view.get("filter", {})))
        self.search.blockSignals(True)
        self.search.setText(f.text or "")
        self.search.blockSignals(False)
        self.detail.set_search(f.text)
        self.apply_filter(replace(f))
        self.statusBar().showMessage(tr("Showing the view “{name}”").format(name=name), 4000)

    def delete_view(self, name: str) -> None:
        self._keep_views([v for v in self.saved_views() if v["name"] != name])

    def rename_view(self, name: str, new: str) -> None:
        new = " ".join(new.split())
        if not new or new == name:
            return
        views = [v for v in self.saved_views() if v["name"] != new]
        for v in views:
            if v["name"] == name:
                v["name"] = new
        self._keep_views(views)

    def export_views(self, path: Path) -> None:
        write_views_file(path, self.saved_views())
        said = tr("Wrote {n} view(s) to {file}").format(n=len(self.saved_views()), file=path)
        self.statusBar().showMessage(said, 5000)

    def import_views(self, path: Path) -> list[str]:
        """Add the views of a file (a name already used gets " (2)", " (3)"…); their names."""
        incoming = read_views_file(path)
        views = self.saved_views()
        taken = {v["name"] for v in views}
        added = []
        for view in incoming:
            name, n = view["name"], 1
            while name in taken:
                n += 1
                name = f"{view['name']} ({n})"
            taken.add(name)
            views.append({**view, "name": name})
            added.append(name)
        self._keep_views(views)
        return added

    # ------------------------------------------------------------------ asking the reader

    def _ask_save_view(self) -> None:
        name, ok = QInputDialog.getText(self, tr("Save view"), tr("Name of the view:"))
        if ok and name.strip():
            self.save_view(" ".join(name.split()))

    def _ask_rename_view(self, name: str) -> None:
        new, ok = QInputDialog.getText(self, tr("Rename view"), tr("New name:"), text=name)
        if ok:
            self.rename_view(name, new)

    def _ask_export_views(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Export views"), str(Path.home() / "views.json"), "JSON (*.json)"
        )
        if path:
            self.export_views(Path(path))

    def _ask_import_views(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Import views"), str(Path.home()), "JSON (*.json);;" + tr("All files (*)")
        )
        if not path:
            return
        try:
            added = self.import_views(Path(path))
        except ViewsError as exc:
            QMessageBox.warning(self, tr("Import views"), str(exc))
            return
        self.statusBar().showMessage(tr("Imported {n} view(s)").format(n=len(added)), 5000)
