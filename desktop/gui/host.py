"""What the window's parts (:mod:`~desktop.gui.listcontrol`, :mod:`~desktop.gui.jobs`,
:mod:`~desktop.gui.session`) use of the window they are mixed into: its widgets, state and each other's
methods — spelled out for the type checker, which then checks them as methods of a ``QMainWindow``.

At run time :class:`WindowParts` is ``object``: the parts add methods only, and the window
(:class:`~desktop.gui.window.MainWindow`) owns every widget and value named here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QLabel, QLineEdit, QMainWindow, QSplitter, QTableView

    from desktop.changes import Change
    from desktop.gui.detail import DetailPane
    from desktop.gui.filters import ChipsBar, FilterPanel
    from desktop.gui.models import EventTableModel, FacetModel
    from desktop.gui.operations import Operations
    from desktop.gui.tasks import TaskRunner
    from desktop.gui.timeline import TimelineStrip
    from desktop.services import Archive, EventFilter, QueryError

    class WindowParts(QMainWindow):
        """The window as its parts see it (type checking only)."""

        archive: Archive
        settings: QSettings
        runner: TaskRunner
        ops: Operations
        filter: EventFilter
        labels: dict[tuple[str, Any], str]
        name_filters: dict[str, str]
        selected_event: int | None
        search_entities: frozenset[int]
        facet_models: dict[str, FacetModel]
        filters: FilterPanel
        model: EventTableModel
        table: QTableView
        timeline: TimelineStrip
        chips: ChipsBar
        detail: DetailPane
        split: QSplitter
        search: QLineEdit
        count_label: QLabel

        def apply_filter(self, f: EventFilter) -> None: ...
        def clear_filters(self) -> None: ...
        def selected_ids(self) -> list[int]: ...
        def _failed(self, exc: BaseException) -> None: ...
        def select_event_key(self, key: str) -> None: ...
        def _save_filter(self) -> str: ...
        def wanted_sort(self) -> tuple[str, bool]: ...

        sort_wanted: tuple[str, bool] | None

        def set_appearance(self, choice: str) -> None: ...
        def _refresh_map(self) -> None: ...
        def _load_filter(self, saved: str) -> EventFilter: ...
        def import_paths(self, paths: list[Path]) -> Any: ...

        edit_event_action: QAction
        map_action: QAction
        filters_pane_action: QAction
        participants_action: QAction
        sources_action: QAction
        parent_action: QAction
        merge_event_action: QAction
        split_event_action: QAction
        export_selected_action: QAction

        def _dialog_write(self, dialog: Any, work: Callable[[Archive], Change], message: str) -> None: ...
        def _search_refused(self, exc: QueryError) -> None: ...

else:
    WindowParts = object
