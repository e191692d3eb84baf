"""The main window: filters, timeline, event list and detail pane in splitters.

Every query runs on a worker through :class:`TaskRunner`; the GUI thread only paints and keeps state.
A change of filter refreshes the list count, the facet counts and the timeline, each superseding any
earlier request of its kind.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QItemSelectionModel, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.gui.detail import DetailPane
from desktop.gui.dialogs import ExportDialog, show_about, show_import_report
from desktop.gui.filters import KIND_LABELS, SECTIONS, ChipsBar, FilterPanel
from desktop.gui.firstpaint import COLUMN_WIDTHS
from desktop.gui.models import COLUMNS, MATCH_COLUMN, EventTableModel, FacetModel
from desktop.gui.settingsfile import open_settings
from desktop.gui.tasks import Job, QueryInterrupter, Superseded, TaskRunner
from desktop.gui.timeline import TimelineStrip
from desktop.paths import data_dir
from desktop.safetext import display_title
from desktop.search import QueryError, parse_query
from desktop.services import Archive
from desktop.store.landmarks import block_landmarks
from desktop.store.queries import ENTITY_KINDS, EventFilter, all_facets, count_events
from desktop.store.timeline import timeline_counts

FACET_LIMIT = 300
# How long after a new list's first page its facet and timeline counts start (see _load_list).
THEN_DELAY_MS = 40


class MainWindow(QMainWindow):
    """The archive viewer's one window."""

    def __init__(
        self, archive: Archive, settings: QSettings | None = None, settings_problem: str | None = None
    ) -> None:
        super().__init__()
        self.archive = archive
        # What was wrong with the settings file when the caller opened it (the fast start opens it first).
        self.settings_problem: str | None = settings_problem
        if settings is None:
            # A damaged settings file is set aside and the defaults used; the reader is told below.
            settings, self.settings_problem = open_settings(data_dir() / "settings.ini")
        self.settings = settings
        self.runner = TaskRunner(self)
        self.filter = EventFilter()
        self.labels: dict[tuple[str, Any], str] = {}
        self.name_filters: dict[str, str] = {}
        self.selected_event: int | None = None
        self.search_entities: frozenset[int] = frozenset()  # named by the search: their mentions are marked
        self.last_error: str | None = None
        self.setWindowTitle(APP_NAME)

        self.facet_models = {kind: FacetModel(kind, self) for kind, _title in SECTIONS}
        for model in self.facet_models.values():
            model.toggled.connect(self._facet_toggled)
        self.filters = FilterPanel(self.facet_models)
        for section in self.filters.sections.values():
            section.nameFilterChanged.connect(self._name_filter)
            section.excludeRequested.connect(lambda k, v: self._remember_and_apply(k, v, exclude=True))
            section.removeRequested.connect(self.remove_value)
        self.filters.dates.changed.connect(self._dates_changed)
        self.filters.dates.invalid.connect(lambda message: self.statusBar().showMessage(message, 6000))

        self.model = EventTableModel(archive, self)
        self.model._async_sort = True
        self.model.sortRequested.connect(self._sort_requested)
        # Rows the view asks for beyond those loaded are fetched on a worker, never on the GUI thread.
        self.model.request_block = self._request_block
        self.queries = QueryInterrupter()
        self.model.snippetsWanted.connect(self._fetch_snippets)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().setVisible(False)
        # Fixed row heights: the view never measures rows, which keeps a million-row list instant.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for i, (key, _label) in enumerate(COLUMNS):
            self.table.setColumnWidth(i, COLUMN_WIDTHS[key])
        # While searching, the line around the match stands right after the title, where the eye is.
        header.moveSection(header.visualIndex(MATCH_COLUMN), 2)
        self.table.setColumnHidden(MATCH_COLUMN, True)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

        self.timeline = TimelineStrip()
        self.timeline.rangeSelected.connect(
            lambda a, b: self.apply_filter(replace(self.filter, date_from=a, date_to=b))
        )
        self.timeline.rangeCleared.connect(
            lambda: self.apply_filter(replace(self.filter, date_from=None, date_to=None))
        )
        self.chips = ChipsBar()
        self.chips.removed.connect(self.remove_value)
        self.chips.clearAll.connect(self.clear_filters)

        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(4)
        centre_layout.addWidget(self.chips)
        centre_layout.addWidget(self.timeline)
        centre_layout.addWidget(self.table, 1)

        self.detail = DetailPane()
        self.detail.entityClicked.connect(self.filter_by_entity)
        self.detail.eventClicked.connect(self.select_event_key)
        self.detail.message.connect(lambda text: self.statusBar().showMessage(text, 4000))
        self.detail.noteAddRequested.connect(self.add_note)
        self.detail.noteEditRequested.connect(self.edit_note)
        self.detail.noteDeleteRequested.connect(self.delete_note)

        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.filters)
        self.split.addWidget(centre)
        self.split.addWidget(self.detail)
        self.split.setStretchFactor(0, 0)
        self.split.setStretchFactor(1, 3)
        self.split.setStretchFactor(2, 3)
        self.split.setChildrenCollapsible(False)
        self.split.setSizes([240, 580, 460])
        self.setCentralWidget(self.split)

        self._build_actions()
        self.count_label = QLabel()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(90)
        self.busy.setMaximumHeight(12)
        self.busy.setVisible(False)
        self.runner.busyChanged.connect(self.busy.setVisible)
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().addPermanentWidget(self.count_label)
        self.read_only_banner: QLabel | None = None
        if archive.read_only:
            self._show_read_only(archive.read_only)
        try:
            self._restore_settings()
        except Exception as exc:  # a value Qt parsed but nothing here expected: defaults, never a crash
            self.settings.clear()
            self.filter = EventFilter()
            self.resize(1280, 800)
            self.settings_problem = f"Some saved settings could not be used ({exc}): the defaults are used."
        if self.settings_problem:
            self.statusBar().showMessage(self.settings_problem, 30000)

    def _show_read_only(self, reason: str) -> None:
        """A banner across the window, and every action that writes disabled (not left to fail)."""
        banner = QLabel(
            f"Read-only: {reason}. Changes are disabled: importing, rebuilding and editing your notes."
        )
        banner.setWordWrap(True)
        banner.setStyleSheet(
            "QLabel { background: #fff3c4; color: #3a2f00; padding: 5px 10px; "
            "border-bottom: 1px solid #d9b84a; }"
        )
        banner.setAccessibleName("Read-only notice")
        split = self.takeCentralWidget()
        wrapper = QWidget()
        layout = QVBoxLayout(wrapper)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(banner)
        layout.addWidget(split, 1)
        self.setCentralWidget(wrapper)
        self.read_only_banner = banner
        self.setWindowTitle(f"{APP_NAME} (read-only)")
        for act in (self.import_files_action, self.import_folder_action):
            act.setEnabled(False)
            act.setToolTip(f"Disabled: the archive is read-only ({reason})")
        self.detail.set_read_only(reason)

    # ------------------------------------------------------------------ actions and layout

    def _build_actions(self) -> None:
        bar = QToolBar("Main")
        bar.setMovable(False)
        self.addToolBar(bar)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search originals, titles, notes and names in any script   (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(180)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self._search_changed)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        bar.addWidget(self.search)

        def action(text: str, slot: Any, shortcut: Any = None, tip: str = "") -> QAction:
            act = QAction(text, self)
            act.triggered.connect(slot)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            act.setToolTip(tip or text)
            self.addAction(act)
            return act

        self.find_action = action("Find", self._focus_search, QKeySequence.StandardKey.Find)
        self.clear_search_action = action("Clear search", self._escape, "Esc")
        self.export_selected_action = action(
            "Export selected…", self.export_selected, "Ctrl+E", "Export the selected events to CSV"
        )
        self.export_all_action = action(
            "Export all shown…", self.export_all, "Ctrl+Shift+E", "Export every event the filters show"
        )
        self.import_files_action = action("Import documents…", self.import_files, "Ctrl+I")
        self.import_folder_action = action("Import a folder…", self.import_folder)
        self.clear_action = action("Clear all filters", self.clear_filters, "Ctrl+Shift+Backspace")
        self.about_action = action("About", lambda: show_about(self, self.archive.path.parent))
        quit_action = action("Quit", self.close, QKeySequence.StandardKey.Quit)
        for act in (
            self.export_selected_action,
            self.export_all_action,
            self.import_files_action,
            self.clear_action,
        ):
            bar.addAction(act)
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        for act in (
            self.import_files_action,
            self.import_folder_action,
            None,
            self.export_selected_action,
            self.export_all_action,
            None,
            quit_action,
        ):
            file_menu.addSeparator() if act is None else file_menu.addAction(act)
        edit_menu = menu.addMenu("&Edit")
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self.clear_action)
        menu.addMenu("&Help").addAction(self.about_action)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _escape(self) -> None:
        if self.search.text():
            self.search.clear()

    # ------------------------------------------------------------------ filtering

    def start(self) -> None:
        """Open on the archive: build it from seeds/ first if it is empty (with progress)."""
        if self.archive.is_empty() and not self.archive.read_only:
            self._build_first()
        else:
            self.apply_filter(self.filter)
        if not self.archive.store.checked and not self.archive.read_only:
            # A large store opens without quick_check (1.6 s at 100,000 events); check it once the reader
            # has the first page, off the GUI thread.
            QTimer.singleShot(self.background_check_delay_ms, self._check_in_background)

    background_check_delay_ms = 5000
    store_problem: str | None = None  # what the background check found

    def _check_in_background(self) -> None:
        from desktop.store.engine import quick_check

        path = self.archive.path

        def done(problem: str | None) -> None:
            self.store_problem = problem
            if problem:
                self._store_damaged(problem)

        self.runner.run(lambda: quick_check(path), done, lambda _exc: None)

    def _store_damaged(self, problem: str) -> None:
        """Say so in plain words, once, and have the next start set the file aside and offer a backup."""
        from desktop.store.engine import request_check

        request_check(self.archive.path)
        message = (
            f"{self.archive.path.name} has damaged pages ({problem}). Export what you need now; at the next "
            "start the damaged file will be set aside and the newest verified backup offered."
        )
        if self.last_error != message:
            self.show_error(message)

    def apply_filter(self, f: EventFilter) -> None:
        self.filter = f
        self._refresh_chips()
        self.filters.dates.set_values(f.date_from, f.date_to, f.include_imprecise)
        self.timeline.set_selection(f.date_from, f.date_to)
        self.table.setColumnHidden(MATCH_COLUMN, not f.text)
        sort, descending = self.model.sort_key, self.model.descending
        if sort == "relevance" and not f.text:
            sort, descending = "date", True  # nothing left to be relevant to
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
            header.blockSignals(False)
        # The facet and timeline counts start once the first page is shown: on two cores they would
        # otherwise take the CPU the page's query needs (100 k: first page p95 89 → 69 ms).
        self._load_list(f, sort, descending, then=self._refresh_counts)

    def _refresh_counts(self) -> None:
        self._refresh_facets()
        self._refresh_timeline()

    def _load_list(
        self,
        f: EventFilter,
        sort: str,
        descending: bool,
        total: int | None = None,
        then: Callable[[], None] | None = None,
    ) -> None:
        """The first page on the list's worker, shown as soon as it is fetched; the count follows.

        Counting can cost far more than the first 200 rows (a country at a million events matches
        600,000), so the list does not wait for it: the view gets the page, the count label says
        "counting…", and the rows grow to the count when it lands (see :meth:`_count_list`). ``total``:
        the count when it is already known (a new order of the same rows); ``then``: what to start once the
        page is shown.
        """
        model = self.model
        token = self.queries.begin("count")  # the count of a list about to be replaced is interrupted

        def shown(first: list[Any]) -> None:
            # Fewer rows than a page: that is every row there is, no count needed.
            known = len(first) if len(first) < model.BLOCK else total
            counting = known is None
            model.reset_with(
                f, len(first) if known is None else known, first, (sort, descending), counting=counting
            )
            # From the top (the page just fetched): left where it was, the view would first paint, and
            # fetch, rows deep in the new list that the reselection below scrolls away from anyway.
            self.table.scrollToTop()
            self._reselect()
            if known is None:
                self.count_label.setText(f"{len(first):,}+ events, counting…")
                # Like the facet counts below: after the page's paint (a superseded count gives up at once).
                self.runner.later(THEN_DELAY_MS, lambda: self._count_list(f, sort, descending, token))
            else:
                self._counted(f, sort, descending, known)
            if then is not None:
                # After the page's paint, not beside it: the counts' workers would take the cores it needs.
                self.runner.later(THEN_DELAY_MS, then)

        self.runner.run(
            lambda: model.fetch_page(f, sort, descending), shown, self._failed, key="count", lane="list"
        )

    def _count_list(self, f: EventFilter, sort: str, descending: bool, token: int) -> None:
        """Count the list's rows on a worker of its own; interrupted when a newer list replaces it."""

        def work() -> int:
            with (
                self.archive.connect() as conn,
                self.queries.holding("count", token, conn.connection.dbapi_connection),
            ):
                try:
                    return count_events(conn, f)
                except Exception:
                    if self.queries.superseded("count", token):
                        raise Superseded("count") from None
                    raise

        def done(total: int) -> None:
            if self.model.set_total(f, (sort, descending), total):
                self._counted(f, sort, descending, total)

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, Superseded):  # a newer list's count replaced it: nothing to say
                self._failed(exc)

        self.runner.run(work, done, failed, key="total", lane="count")

    def _counted(self, f: EventFilter, sort: str, descending: bool, total: int) -> None:
        """The list's count is known: say it, and note the keysets for far jumps (they need it)."""
        self.count_label.setText(f"{total:,} event(s)")
        if total > 4 * self.model.BLOCK:
            self._load_landmarks(f, sort, descending)

    def _load_landmarks(self, f: EventFilter, sort: str, descending: bool) -> None:
        """Keysets of every block's start, so a jump far into the list needs no OFFSET (1 M: 130 → 20 ms)."""
        token = self.queries.begin("landmarks")

        def work() -> dict[int, tuple[Any, int]] | None:
            with (
                self.archive.connect() as conn,
                self.queries.holding("landmarks", token, conn.connection.dbapi_connection),
            ):
                try:
                    return block_landmarks(conn, f, sort, descending, self.model.BLOCK)
                except Exception:
                    if self.queries.superseded("landmarks", token):
                        raise Superseded("landmarks") from None
                    raise

        def done(marks: dict[int, tuple[Any, int]] | None) -> None:
            if marks:
                self.model.put_landmarks(f, (sort, descending), marks)

        self.runner.run(work, done, self._failed, key="landmarks")

    def _request_block(self, block: int, blocks: int = 1) -> None:
        """Fetch blocks of rows the view wants, in one query (by keyset after the block before them when
        that is loaded, else from a landmark, else one OFFSET)."""
        request = self.model.block_request(block)
        if request is None:
            return
        f, sort, descending, after = request
        model = self.model

        def work() -> list[Any] | None:
            if model.block_request(block) is None:
                return None  # scrolled past before this worker got to it
            return model.fetch_block(f, sort, descending, block, after, blocks)

        def done(rows: list[Any] | None) -> None:
            if rows is None or not model.put_block(f, (sort, descending), block * model.BLOCK, rows, blocks):
                return
            current = self.table.currentIndex()
            if current.isValid() and block <= current.row() // model.BLOCK < block + blocks:
                self._current_changed(current, None)  # its detail waited for its row

        self.runner.run(work, done, self._failed, lane="list")

    def _fetch_snippets(self, text: str, ids: list[int]) -> None:
        self.runner.run(
            lambda: self.archive.snippets(text, ids),
            lambda found: self.model.put_snippets(text, found),
            self._failed,
        )

    def _sort_requested(self, key: str, descending: bool) -> None:
        # A new order of the same rows: their count is known unless it is still on its way.
        total = None if self.model.counting else self.model.count
        self._load_list(self.model.filter, key, descending, total)

    def _reselect(self) -> None:
        """Keep the event the reader was looking at selected when it still matches; else the first row."""
        if self.model.count == 0:
            self.selected_event = None
            self.detail.show_event(None)
            return
        target = self.selected_event
        if target is not None:
            f, sort, desc = self.model.filter, self.model.sort_key, self.model.descending

            def work() -> tuple[int | None, list[Any]]:
                # The row's block is fetched here too, so scrolling to it never queries on the GUI thread.
                row = self.archive.row_of_event(f, sort, desc, target)
                return row, self.model.fetch_block_of(f, sort, desc, row) if row else []

            def done(result: tuple[int | None, list[Any]]) -> None:
                row, rows = result
                if row and rows:
                    self.model.put_block(f, (sort, desc), row, rows, blocks=2)  # fetch_block_of's two
                self._select_row_or_first(row)

            self.runner.run(work, done, self._failed, key="reselect", lane="list")
        else:
            self._select_row_or_first(0)

    def _select_row_or_first(self, row: int | None) -> None:
        row = row if row is not None and row < self.model.count else 0
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)

    def _refresh_facets(self, only: str | None = None) -> None:
        f, names = self.filter, dict(self.name_filters)
        kinds = [only] if only else [kind for kind, _ in SECTIONS]

        key = f"facets:{only or 'all'}"
        token = self.queries.begin(key)  # interrupts the superseded count still running, if any

        def work() -> dict[str, Any]:
            with (
                self.archive.connect() as conn,
                self.queries.holding(key, token, conn.connection.dbapi_connection),
            ):
                try:
                    return all_facets(conn, f, FACET_LIMIT, kinds, names)
                except Exception:
                    if self.queries.superseded(key, token):
                        raise Superseded(key) from None
                    raise

        def done(result: dict[str, Any]) -> None:
            for kind, values in result.items():
                for v in values:
                    self.labels[(kind, v.value)] = v.label
                self.facet_models[kind].set_values(values, f, self.labels)

        self.runner.run(work, done, self._failed, key=f"facets:{only or 'all'}")

    def _refresh_timeline(self) -> None:
        f = self.filter

        token = self.queries.begin("timeline")

        def work() -> Any:
            with (
                self.archive.connect() as conn,
                self.queries.holding("timeline", token, conn.connection.dbapi_connection),
            ):
                try:
                    return timeline_counts(conn, f)
                except Exception:
                    if self.queries.superseded("timeline", token):
                        raise Superseded("timeline") from None
                    raise

        self.runner.run(work, self.timeline.set_timeline, self._failed, key="timeline")

    def _refresh_chips(self) -> None:
        chips = [
            (k, v, self.labels.get((k, v), str(v)), False) for k, v in sorted(self.filter.include, key=str)
        ]
        chips += [
            (k, v, self.labels.get((k, v), str(v)), True) for k, v in sorted(self.filter.exclude, key=str)
        ]
        if self.filter.date_from or self.filter.date_to:
            span = f"{self.filter.date_from or '…'} – {self.filter.date_to or '…'}"
            chips.append(
                ("date", None, span + (" (+ imprecise)" if self.filter.include_imprecise else ""), False)
            )
        if self.filter.text:
            chips.append(("search", None, f"“{self.filter.text}”", False))
        self.chips.set_chips(chips)

    def _facet_toggled(self, kind: str, value: Any, include: bool) -> None:
        self.apply_filter(
            self.filter.with_value(kind, value) if include else self.filter.without(kind, value)
        )

    def _remember_and_apply(self, kind: str, value: Any, exclude: bool) -> None:
        self.apply_filter(
            self.filter.with_excluded(kind, value) if exclude else self.filter.with_value(kind, value)
        )

    def remove_value(self, kind: str, value: Any) -> None:
        if kind == "date":
            self.apply_filter(replace(self.filter, date_from=None, date_to=None, include_imprecise=False))
        elif kind == "search":
            self.search.clear()
        else:
            self.apply_filter(self.filter.without(kind, value))

    def clear_filters(self) -> None:
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.apply_filter(EventFilter())

    def _name_filter(self, kind: str, text: str) -> None:
        self.name_filters[kind] = text
        self._refresh_facets(only=kind)

    def _dates_changed(self, date_from: str | None, date_to: str | None, imprecise: bool) -> None:
        self.apply_filter(
            replace(self.filter, date_from=date_from, date_to=date_to, include_imprecise=imprecise)
        )

    def _search_changed(self) -> None:
        text = self.search.text().strip() or None
        if text:
            try:
                parse_query(text)
            except QueryError as exc:
                self._search_refused(exc)
                return
        self.search.setToolTip("")
        self.search.setStyleSheet("")
        self.search_entities = frozenset()
        self.detail.set_search(text)
        if text:

            def named(entities: frozenset[int]) -> None:
                if self.filter.text == text:
                    self.search_entities = entities
                    self.detail.set_search(text, entities)

            self.runner.run(lambda: self.archive.matched_entities(text), named, self._failed, key="named")
        self.apply_filter(replace(self.filter, text=text))

    def _search_refused(self, exc: QueryError) -> None:
        """Say what is wrong with a search and keep the last good results; the box shows it needs a fix.

        Also for a search refused only when it ran (by the query layer or SQLite): a status message, never
        a dialog per failed task.
        """
        self.statusBar().showMessage(f"Search: {exc}", 8000)
        self.search.setToolTip(f"Search: {exc}")
        self.search.setStyleSheet("QLineEdit { border: 1px solid #c0392b; }")

    def filter_by_entity(self, entity_id: int) -> None:
        def work() -> Any:
            return self.archive.entity_refs([entity_id]).get(entity_id)

        def done(ref: Any) -> None:
            if ref is not None:
                self.labels[(ref.type, ref.id)] = ref.name
                self.apply_filter(self.filter.with_value(ref.type, ref.id))
                self.statusBar().showMessage(
                    f"Filtered by {KIND_LABELS.get(ref.type, ref.type)}: {ref.name}", 4000
                )

        self.runner.run(work, done, self._failed)

    # ------------------------------------------------------------------ selection and detail

    def _current_changed(self, current: Any, _previous: Any) -> None:
        # A row still on its way shows its detail when its block arrives (see _request_block).
        row = self.model.loaded_row_at(current.row()) if current.isValid() else None
        if row is None:
            return
        self.selected_event = row.id
        event_id = row.id
        # On the list's own worker: a detail must not wait behind seconds of facet counts.
        self.runner.run(
            lambda: self.archive.detail(event_id), self._show_detail, self._failed, key="detail", lane="list"
        )

    def _show_detail(self, detail: Any) -> None:
        # A detail is shown only for the event selected now: one asked for before a newer selection (the
        # runner drops superseded results by key, and this checks the id each result carries) never
        # puts one event's sources under another's header.
        if detail is not None and detail.row.id != self.selected_event:
            return
        self.detail.show_event(detail)
        self.detail.set_search(self.filter.text, self.search_entities)

    def select_event_key(self, key: str) -> None:
        """Select an event by its id; if the filters hide it, clear them first."""
        event_id = self.archive.find_event(key)
        if event_id is None:
            return
        f, sort, desc = self.filter, self.model.sort_key, self.model.descending

        def work() -> tuple[int | None, list[Any]]:
            row = self.archive.row_of_event(f, sort, desc, event_id)
            return row, self.model.fetch_block_of(f, sort, desc, row) if row else []

        def done(result: tuple[int | None, list[Any]]) -> None:
            row, rows = result
            self.selected_event = event_id
            if row is None:
                self.statusBar().showMessage("The filters hid that event: they were cleared.", 5000)
                self.clear_filters()
            else:
                if rows:
                    self.model.put_block(f, (sort, desc), row, rows)
                self._select_row_or_first(row)

        self.runner.run(work, done, self._failed, key="select")

    def selected_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [r.id for r in (self.model.row_at(i) for i in rows) if r is not None]

    # ------------------------------------------------------------------ the reader's notes

    def add_note(self, event_key: str, body: str) -> None:
        self._write_note(lambda: self.archive.add_note(event_key, body), "Note added", body)

    def edit_note(self, note_id: int, body: str) -> None:
        self._write_note(lambda: self.archive.edit_note(note_id, body), "Note saved", body)

    def delete_note(self, note_id: int) -> None:
        self._write_note(lambda: self.archive.delete_note(note_id), "Note deleted", None)

    def _write_note(self, work: Any, message: str, draft: str | None) -> None:
        """Write on the write worker (one writer at a time), then show the event again."""

        def done(_result: Any) -> None:
            self.statusBar().showMessage(message, 4000)
            self._refresh_detail()
            if self.filter.text:
                self.apply_filter(self.filter)  # a note can change what the search finds

        def failed(exc: BaseException) -> None:
            # What the reader typed is never lost to a failed write: it goes back into the box.
            if draft and not self.detail.note_editor.toPlainText().strip():
                self.detail.note_editor.setPlainText(draft)
            self._failed(exc)

        self.runner.run(work, done, failed, write=True)

    def _refresh_detail(self) -> None:
        event_id = self.selected_event
        if event_id is not None:
            self.runner.run(
                lambda: self.archive.detail(event_id), self._show_detail, self._failed, key="detail"
            )

    # ------------------------------------------------------------------ long work: build, import, export

    def _progress_dialog(self, title: str, label: str) -> QProgressDialog:
        dialog = QProgressDialog(label, "Cancel", 0, 0, self)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        return dialog

    def _run_job(self, title: str, label: str, work: Any, done: Any) -> Job:
        dialog = self._progress_dialog(title, label)

        def progress(n: int, total: int, what: str) -> None:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(min(n, max(total, 1)))
            if what:
                dialog.setLabelText(f"{label}\n{what}")

        def finished(result: Any) -> None:
            dialog.close()
            done(result)

        def failed(exc: BaseException) -> None:
            dialog.close()
            self._failed(exc)

        job = self.runner.job(work, finished, failed, progress)
        dialog.canceled.connect(job.cancel)
        return job

    def _build_first(self) -> None:
        def work(job: Job) -> Any:
            return self.archive.build(progress=job.report, should_cancel=lambda: job.cancelled)

        def done(report: Any) -> None:
            self.statusBar().showMessage(
                f"Archive built: {report.documents} documents, {report.events} events, "
                f"{len(report.rejected)} rejected",
                8000,
            )
            self.apply_filter(self.filter)

        self._run_job("Building the archive", "Building the archive from the bundled documents…", work, done)

    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Import documents", str(Path.home()), "Text (*.txt);;All (*)"
        )
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import a folder of documents", str(Path.home()))
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> Job:
        def work(job: Job) -> Any:
            return self.archive.import_paths(paths, progress=job.report, should_cancel=lambda: job.cancelled)

        def done(report: Any) -> None:
            self.apply_filter(self.filter)
            self.import_report = show_import_report(self, report)

        return self._run_job("Importing", "Importing documents…", work, done)

    def export_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(
                self, "Export", "Select one or more events first (Ctrl+click, Shift+click)."
            )
            return
        self._export(ids=ids, count=len(ids), what="selected events")

    def export_all(self) -> None:
        count = None if self.model.counting else self.model.count
        self._export(ids=None, count=count, what="all shown events")

    def _export(self, ids: list[int] | None, count: int | None, what: str) -> None:
        from desktop.export.filenames import export_path

        # Named after the search when there is one; whatever was typed, the name stays inside the folder.
        search = self.filter.text or ""
        folder = Path(self.settings.value("export/folder", str(Path.home())))
        default = export_path(folder, f"events {search}" if search.strip() else "events")
        dialog = ExportDialog(self, count, what, default)
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            return
        self.export_to(dialog.chosen_path(), dialog.chosen_columns(), ids)

    def export_to(self, path: Path, columns: list[str], ids: list[int] | None) -> Job:
        f, sort, desc = self.filter, self.model.sort_key, self.model.descending
        self.settings.setValue("export/folder", str(path.parent))

        def work(job: Job) -> Any:
            return self.archive.export_csv(
                path,
                ids=ids,
                event_filter=None if ids else f,
                sort=sort,
                descending=desc,
                columns=columns,
                progress=lambda n, total: job.report(n, total, ""),
                should_cancel=lambda: job.cancelled,
            )

        def done(result: Any) -> None:
            self.last_export = result
            self.statusBar().showMessage(f"Wrote {result.count:,} event(s) to {result.path}", 10000)

        return self._run_job("Exporting", f"Writing {path.name}…", work, done)

    def _failed(self, exc: BaseException) -> None:
        damage = _damage_in(exc)
        if damage is not None:
            self._store_damaged(damage)
            return
        from desktop.export.csv_export import ExportCancelled

        if isinstance(exc, ExportCancelled):
            self.statusBar().showMessage(str(exc), 6000)
            return
        from desktop.ingest.build import Cancelled

        if isinstance(exc, Cancelled):
            self.statusBar().showMessage("Cancelled; everything written so far is complete.", 6000)
            self.apply_filter(self.filter)
            return
        if isinstance(exc, QueryError):
            self._search_refused(exc)
            return
        self.show_error(_plain_error(exc))

    def show_error(self, message: str) -> None:
        """Tell the reader what failed, in a dialog that does not block the window (or a self-test)."""
        self.last_error = message
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, message, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # ------------------------------------------------------------------ settings

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
        header_state = s.value("window/header")
        if isinstance(header_state, QByteArray):
            self.table.horizontalHeader().restoreState(header_state)
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

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.runner.wait_idle(5000)
        # Its worker threads end with the window (the test suite once left ~85 of them alive).
        self.runner.shutdown()
        super().closeEvent(event)


# The most of an error's text a dialog shows: a sentence, not a statement or a page of data.
ERROR_CHARS = 200


def _plain_error(exc: BaseException) -> str:
    """A failed task's error for the reader: the first line of its words, cut short; never SQL.

    The task runner has logged the whole error with its traceback (desktop.errorlog). SQLAlchemy's text
    appends the statement ("[SQL: …]", kilobytes for a search): the DB-API error it wraps (``orig``) has
    only SQLite's words. The archive's own errors (``desktop.*``) are written for the reader and shown as
    they are; anything else is unexpected, and the reader is told where its details are.
    """
    orig = getattr(exc, "orig", None)
    words = str(orig if isinstance(orig, BaseException) else exc).strip()
    lines = words.split("[SQL:", 1)[0].strip().splitlines()
    line = display_title(lines[0].strip()) if lines else ""  # a file name in it may hold controls
    if len(line) > ERROR_CHARS:
        line = line[: ERROR_CHARS - 1] + "…"
    if type(exc).__module__.startswith("desktop.") and line:
        return line
    from desktop.errorlog import log_path

    what = f" ({line})" if line else ""
    return f"Something went wrong{what}. The details are in {log_path()}."


def _damage_in(exc: BaseException) -> str | None:
    """SQLite's words when a query met a damaged page ("database disk image is malformed"), else None."""
    import sqlite3

    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, sqlite3.DatabaseError):
            text = str(seen)
            if "malformed" in text or "not a database" in text:
                return text
        seen = getattr(seen, "orig", None) or seen.__cause__
    return None
