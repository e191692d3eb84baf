"""The reader's session: window geometry, splitters, columns and the last filter, saved and restored.

Filters are saved by entity key, stable across rebuilds, never by row id. A mixin of
:class:`~desktop.gui.window.MainWindow`.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QByteArray, Qt

from desktop.gui.firstpaint import FILTERS_PANE_SETTING
from desktop.gui.host import WindowParts
from desktop.gui.models import COLUMNS
from desktop.services import ENTITY_KINDS, EventFilter


class Session(WindowParts):
    """Saving and restoring what the reader arranged."""

    def _restore_settings(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        for key, widget in (
            ("window/split", self.split),
            ("window/detail_split", self.detail.split),
            ("window/text_split", self.detail.text_split),
        ):
            state = s.value(key)
            if isinstance(state, QByteArray):
                widget.restoreState(state)
        # A session closed side by side kept the notes under the text; it opens on the original, beside them.
        self.detail.text_split.setOrientation(Qt.Orientation.Horizontal)
        header_state = s.value("window/header")
        if isinstance(header_state, QByteArray):
            header = self.table.horizontalHeader()
            header.restoreState(header_state)
            # The order the arrow shows is the order the rows come in (the header kept only the arrow).
            column = header.sortIndicatorSection()
            if 0 <= column < len(COLUMNS):
                key = COLUMNS[column][0]
                self.model.sort_key = "relevance" if key == "match" else key
                self.model.descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
                self.sort_wanted = (self.model.sort_key, self.model.descending)
        if str(s.value("window/map", "false")).lower() == "true":
            self.map_action.setChecked(True)
        if str(s.value(FILTERS_PANE_SETTING, "true")).lower() == "false":
            self.filters_pane_action.setChecked(False)
        appearance = str(s.value("window/appearance", "system"))
        if appearance != "system":
            self.set_appearance(appearance)
        self.filter = self._load_filter(str(s.value("filters/last", "")))
        if self.filter.text:
            self.search.blockSignals(True)
            self.search.setText(self.filter.text)
            self.search.blockSignals(False)

    def _load_filter(self, saved: str) -> EventFilter:
        """Filters are saved by entity key (stable across rebuilds), not by row id."""
        if not saved:
            return EventFilter()
        try:
            data = json.loads(saved)
            f = EventFilter(
                date_from=data.get("from"),
                date_to=data.get("to"),
                include_imprecise=bool(data.get("imprecise")),
                text=data.get("text"),
            )
            for field, exclude in (("include", False), ("exclude", True)):
                for kind, value in data.get(field, []):
                    if kind in ENTITY_KINDS:
                        refs = [r for r in self.archive.resolve_entity(value) if r.key == value]
                        if not refs:
                            continue
                        value = refs[0].id
                        self.labels[(kind, value)] = refs[0].name
                    f = f.with_excluded(kind, value) if exclude else f.with_value(kind, value)
            return f
        except (ValueError, TypeError, KeyError):
            return EventFilter()

    def _save_filter(self) -> str:
        ids = [v for k, v in self.filter.include | self.filter.exclude if k in ENTITY_KINDS]
        refs = self.archive.entity_refs(ids) if ids else {}

        def dump(pairs: frozenset[tuple[str, Any]]) -> list[list[Any]]:
            return [
                [k, refs[v].key if k in ENTITY_KINDS and v in refs else v]
                for k, v in sorted(pairs, key=str)
                if k not in ENTITY_KINDS or v in refs
            ]

        f = self.filter
        return json.dumps(
            {
                "include": dump(f.include),
                "exclude": dump(f.exclude),
                "from": f.date_from,
                "to": f.date_to,
                "imprecise": f.include_imprecise,
                "text": f.text,
            },
            ensure_ascii=False,
        )

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/split", self.split.saveState())
        s.setValue("window/detail_split", self.detail.split.saveState())
        s.setValue("window/text_split", self.detail.text_split.saveState())
        s.setValue("window/header", self.table.horizontalHeader().saveState())
        s.setValue("filters/last", self._save_filter())
        s.sync()
