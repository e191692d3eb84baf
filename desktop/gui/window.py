"""The main window: its layout and wiring — filters, timeline, event list and detail pane in splitters,
the actions and menus, the read-only banner, and the changes writes broadcast.

What it does lives beside it: the list, filters and selection in :mod:`desktop.gui.listcontrol`, long jobs
(build, import, export) in :mod:`desktop.gui.jobs`, saved settings in :mod:`desktop.gui.session`, and the
operations every read and write runs as in :mod:`desktop.gui.operations`. Every query runs on a worker; the
GUI thread only paints and keeps state.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.gui.cataloguefiles import CatalogueFiles
from desktop.gui.detail import DetailPane
from desktop.gui.dialogs import show_about
from desktop.gui.editor import EventEditor, LinkDialog, PassageNoteDialog
from desktop.gui.entitydialog import EntityDialog
from desktop.gui.eventactions import EventActions
from desktop.gui.filters import SECTIONS, ChipsBar, FilterPanel
from desktop.gui.firstpaint import (
    CENTRE_SPACING,
    FILTERS_PANE_SETTING,
    HIDDEN_BY_DEFAULT,
    MENU_TITLES,
    PANE_LEAST_WIDTHS,
    PANE_SIZES,
    PANE_STRETCH,
    TitleFit,
    column_width,
    search_bar,
)
from desktop.gui.headerstyle import SortArrows
from desktop.gui.helpdialogs import ShortcutsDialog, ask_event_id
from desktop.gui.i18n import LANGUAGES, N_, language_of, tr
from desktop.gui.i18n import install as install_language
from desktop.gui.listcontrol import ListController
from desktop.gui.listmenus import ListMenus
from desktop.gui.mapview import MapView
from desktop.gui.models import COLUMNS, MATCH_COLUMN, EventTableModel, FacetModel
from desktop.gui.operations import Operations
from desktop.gui.session import Session
from desktop.gui.settingsfile import in_language, open_settings
from desktop.gui.shared import OpenSharedDialog, SharedLink, apply_role
from desktop.gui.tasks import TaskRunner
from desktop.gui.timeline import TimelineStrip
from desktop.gui.valuenames import kind_name
from desktop.gui.views import SavedViews
from desktop.paths import data_dir
from desktop.safetext import display_title
from desktop.services import (
    Archive,
    BuildCancelled,
    Change,
    EditError,
    EditStep,
    EventFilter,
    ExportCancelled,
    QueryError,
    ServerError,
    recovery,
)

# The fields of an event its editor saves, as a status message names them (the keys are the archive's).
_FIELD_WORDS = {
    "title": N_("title"),
    "summary": N_("summary"),
    "type": N_("type"),
    "start": N_("start"),
    "end": N_("end"),
    "place": N_("place"),
}
# A new entity made of words in a document, as the status bar says it (one sentence per kind of entity).
_CREATED = {
    "person": N_("Created the person {name} from “{quote}” (Ctrl+Z to undo)"),
    "organisation": N_("Created the organisation {name} from “{quote}” (Ctrl+Z to undo)"),
    "place": N_("Created the place {name} from “{quote}” (Ctrl+Z to undo)"),
    "country": N_("Created the country {name} from “{quote}” (Ctrl+Z to undo)"),
}


def _created(kind: str, name: str, quote: str) -> str:
    if kind in _CREATED:
        return tr(_CREATED[kind]).format(name=name, quote=quote)
    return tr("Created the {kind} {name} from “{quote}” (Ctrl+Z to undo)").format(
        kind=kind, name=name, quote=quote
    )


def _entity_state(
    archive: Archive, *, entity_id: int | None = None, key: str | None = None
) -> dict[str, Any]:
    """An entity as the names-and-merges dialog shows it: key, type, name and every name with its kind."""
    if entity_id is None:
        entity_id = next(r.id for r in archive.resolve_entity(str(key)) if r.key == key)
    ref = archive.entity_refs([entity_id])[entity_id]
    flag = next((f for f in archive.flags() if f["kind"] == "entity" and f["key"] == ref.key), None)
    names = archive.entity_names(entity_id)
    native = archive.entity_native(entity_id)[0]
    return {"key": ref.key, "type": ref.type, "name": ref.name, "names": names, "native": native,
            "flag": flag["reason"] if flag else None}  # fmt: skip


class MainWindow(ListController, CatalogueFiles, EventActions, ListMenus, SavedViews, Session, QMainWindow):
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
        # The window is built in the reader's language (View › Language, else the system's).
        self.language = language_of(settings.value("window/language", ""))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_language(app, self.language)
        self.runner = TaskRunner(self)
        self.idle_collector: QObject | None = None  # set once the window is up (app.collect_when_idle)
        # Every read and write runs as an operation; a write's change is broadcast to the panes.
        self.ops = Operations(archive, self.runner, self._failed, self)
        self.ops.changed.connect(self._apply_change)
        self.filter = EventFilter()
        self.labels: dict[tuple[str, Any], str] = {}
        self.name_filters: dict[str, str] = {}
        self.selected_event: int | None = None
        self.search_entities: frozenset[int] = frozenset()  # named by the search: their mentions are marked
        self.last_error: str | None = None
        self.setWindowTitle(APP_NAME)

        self.facet_models = {kind: FacetModel(kind, self) for kind, _title in SECTIONS}
        for kind in ("person", "organisation", "place", "country"):
            self.facet_models[kind].names_of = archive.entity_names  # the names a tooltip shows
        for model in self.facet_models.values():
            model.toggled.connect(self._facet_toggled)
        self.filters = FilterPanel(self.facet_models)
        for section in self.filters.sections.values():
            section.nameFilterChanged.connect(self._name_filter)
            section.excludeRequested.connect(lambda k, v: self._remember_and_apply(k, v, exclude=True))
            section.entityEditRequested.connect(lambda _k, v: self.edit_entity(int(v)))
            section.removeRequested.connect(self.remove_value)
        self.filters.dates.changed.connect(self._dates_changed)
        self.filters.dates.invalid.connect(lambda message: self.statusBar().showMessage(message, 6000))

        self.model = EventTableModel(archive, self)
        self.model._async_sort = True
        self.model.sortRequested.connect(self._sort_requested)
        # Rows the view asks for beyond those loaded are fetched on a worker, never on the GUI thread.
        self.model.request_block = self._request_block
        self.model.snippetsWanted.connect(self._fetch_snippets)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setAlternatingRowColors(True)
        # Tab leaves the list for the next pane (arrows move within it), as in calibre and Zotero.
        self.table.setTabKeyNavigation(False)
        self.table.setAccessibleName(tr("Events"))
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().setVisible(False)
        # Fixed row heights: the view never measures rows, which keeps a million-row list instant.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        self._arrows = SortArrows("Fusion")  # kept: a widget does not own the style it is given
        header.setStyle(self._arrows)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for i, (key, _label) in enumerate(COLUMNS):
            self.table.setColumnWidth(i, column_width(key, self.table.fontMetrics()))
        # While searching, the line around the match stands right after the title, where the eye is.
        header.moveSection(header.visualIndex(MATCH_COLUMN), 2)
        for i, (key, _label) in enumerate(COLUMNS):
            self.table.setColumnHidden(i, key in HIDDEN_BY_DEFAULT)
        self.table.setColumnHidden(MATCH_COLUMN, True)
        self.title_fit = TitleFit(self.table)  # the title takes the room the other columns leave
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
        centre_layout.setSpacing(CENTRE_SPACING)
        centre_layout.addWidget(self.chips)
        centre_layout.addWidget(self.timeline)
        self.map = MapView()
        self.map.placeClicked.connect(lambda place: self.apply_filter(self.filter.with_value("place", place)))
        self.map.setVisible(False)
        centre_layout.addWidget(self.map)
        centre_layout.addWidget(self.table, 1)

        self.detail = DetailPane()
        self.detail.entityClicked.connect(self.filter_by_entity)
        self.detail.eventClicked.connect(self.select_event_key)
        self.detail.message.connect(lambda text: self.statusBar().showMessage(text, 4000))
        self.detail.noteAddRequested.connect(self.add_note)
        self.detail.suggestionsDecided.connect(self.decide_suggestions)
        self.detail.passageNoteAdd.connect(self.add_passage_note)
        self.detail.passageNoteEdit.connect(self.edit_passage_note)
        self.detail.passageNoteDelete.connect(self.delete_passage_note)
        self.detail.passageLinkRequested.connect(self.link_passage)
        self.detail.noteEditRequested.connect(self.edit_note)
        self.detail.noteDeleteRequested.connect(self.delete_note)

        self.split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(0)
        left_layout.addWidget(self._setup_views())
        left_layout.addWidget(self.filters, 1)
        self.split.addWidget(left)
        self.split.addWidget(centre)
        self.split.addWidget(self.detail)
        # The same stretch and least widths as the stand-in's panes (desktop.gui.firstpaint), so that the
        # list is where the first paint showed it; a pane whose contents need more (a large font) has it.
        panes = (left, centre, self.detail)
        for i, (pane, stretch, least) in enumerate(zip(panes, PANE_STRETCH, PANE_LEAST_WIDTHS, strict=True)):
            self.split.setStretchFactor(i, stretch)
            pane.setMinimumWidth(max(least, pane.minimumSizeHint().width()))
        self.split.setChildrenCollapsible(False)
        self.split.setSizes(list(PANE_SIZES))
        self.setCentralWidget(self.split)

        self._build_actions()
        self._setup_list_menus()
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
        # A shared archive (issue 21): others' changes as they come, and what this person's role allows.
        self.shared = SharedLink(self) if archive.on_server else None
        apply_role(self)
        try:
            self._restore_settings()
        except Exception as exc:  # a value Qt parsed but nothing here expected: defaults, never a crash
            self.settings.clear()
            self.filter = EventFilter()
            self.resize(1280, 800)
            self.settings_problem = tr(
                "Some saved settings could not be used ({error}): the defaults are used."
            ).format(error=exc)
        if self.settings_problem:
            # Said when the settings were opened, before the language was known: said again in it.
            self.statusBar().showMessage(in_language(self.settings_problem), 30000)

    def _show_read_only(self, reason: str) -> None:
        """A banner across the window, and every action that writes disabled (not left to fail)."""
        banner = QLabel(
            tr(
                "Read-only: {reason}. Changes are disabled: importing, rebuilding and editing your notes."
            ).format(reason=reason)
        )
        banner.setWordWrap(True)
        banner.setStyleSheet(
            "QLabel { background: #fff3c4; color: #3a2f00; padding: 5px 10px; "
            "border-bottom: 1px solid #d9b84a; }"
        )
        banner.setAccessibleName(tr("Read-only notice"))
        split = self.takeCentralWidget()
        assert split is not None  # the splitters, set in __init__
        wrapper = QWidget()
        layout = QVBoxLayout(wrapper)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(banner)
        layout.addWidget(split, 1)
        self.setCentralWidget(wrapper)
        self.read_only_banner = banner
        self.setWindowTitle(tr("{app} (read-only)").format(app=APP_NAME))
        for act in (
            self.import_files_action,
            self.import_folder_action,
            self.import_catalogue_action,
            self.undo_action,
            self.redo_action,
            self.edit_event_action,
            self.passage_note_action,
            self.passage_link_action,
            self.new_event_action,
            self.merge_event_action,
            self.split_event_action,
            self.sources_action,
            self.parent_action,
            self.participants_action,
        ):
            act.setEnabled(False)
            act.setToolTip(tr("Disabled: the archive is read-only ({reason})").format(reason=reason))
        self.detail.set_read_only(reason)

    # ------------------------------------------------------------------ actions and layout

    def _build_actions(self) -> None:
        bar, self.search = search_bar(self)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self._search_changed)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())

        def action(text: str, slot: Any, shortcut: Any = None, tip: str = "") -> QAction:
            text, tip = tr(text), tr(tip) if tip else ""  # the window's words in its language
            act = QAction(text, self)
            act.triggered.connect(slot)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            act.setToolTip(tip or text)
            self.addAction(act)
            return act

        self.find_action = action("Find", self._focus_search, QKeySequence.StandardKey.Find)
        self.next_match_action = action(
            "Next match",
            lambda: self.detail.next_match(),
            "F3",
            "The next place the search matches in the text",
        )
        self.previous_match_action = action(
            "Previous match", lambda: self.detail.next_match(forward=False), "Shift+F3"
        )
        # Esc clears the search only in the search box: a window-wide Esc would swallow the key that
        # clears the timeline's range, cancels a note being edited or closes a list's editor.
        self.clear_search_action = QAction(tr("Clear search"), self.search)
        self.clear_search_action.setShortcut(QKeySequence("Esc"))
        self.clear_search_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.clear_search_action.triggered.connect(self._escape)
        self.search.addAction(self.clear_search_action)
        self.export_selected_action = action(
            "Export selected…", self.export_selected, "Ctrl+E", "Export the selected events to CSV"
        )
        self.export_all_action = action(
            "Export all shown…", self.export_all, "Ctrl+Shift+E", "Export every event the filters show"
        )
        self.import_files_action = action("Import documents…", self.import_files, "Ctrl+I")
        self.import_folder_action = action("Import a folder…", self.import_folder)
        self.export_catalogue_action = action(
            "Export catalogue…", self.export_catalogue, tip="Write the catalogue with every edit as files"
        )
        self.import_catalogue_action = action(
            "Import catalogue…",
            self.import_catalogue,
            tip="See what another archivist's catalogue files would change, then build from them",
        )
        self.clear_action = action("Clear all filters", self.clear_filters, "Ctrl+Shift+Backspace")
        self.about_action = action("About", lambda: show_about(self, self.archive.path.parent))
        self.open_shared_action = action(
            "Open shared archive…",
            lambda: OpenSharedDialog(self).open(),
            tip="A team's archive on a PostgreSQL server, in a window of its own",
        )
        self.shortcuts_action = action("Keyboard shortcuts", self.show_shortcuts, "F1")
        self.shortcuts_action.setShortcuts([QKeySequence("F1"), QKeySequence("Ctrl+/")])
        self.go_to_action = action(
            "Go to event…",
            lambda: ask_event_id(self, self.select_event_key),
            "Ctrl+G",
            "Go to an event by its id",
        )
        # Editing the catalogue (issue 18): each edit one step; a text box keeps its own Ctrl+Z.
        self.undo_action = action("Undo", self.undo, QKeySequence.StandardKey.Undo, "Undo the last edit")
        self.redo_action = action("Redo", self.redo, "Ctrl+Shift+Z", "Redo the edit undone last")
        self.edit_event_action = action("Edit event…", self.edit_event, "F2", "Edit the selected event")
        self.participants_action = action(
            "Participants…",
            self.edit_participants,
            "Ctrl+Alt+P",
            "Who took part in the selected event, in what role, with what title",
        )
        self.new_event_action = action(
            "New event from this document…",
            self.new_event,
            "Ctrl+Alt+N",
            "An event reported by the document shown; the words selected in it are its evidence",
        )
        self.merge_event_action = action(
            "Merge another event into this…", self.merge_event, tip="The same event, catalogued twice"
        )
        self.split_event_action = action("Split event…", self.split_event, tip="Make two events of one")
        self.sources_action = action(
            "Sources of the event…", self.edit_sources, tip="Attach or detach the documents that report it"
        )
        self.parent_action = action("Part of an event…", self.set_event_parent, tip="The event it is part of")
        self.flags_action = action(
            "Flagged for review…", self.show_flags, tip="Entities and words flagged for another look"
        )
        self.passage_link_action = action(
            "Link selection to an entity…",
            lambda: self.detail.request_passage_link(),
            "Ctrl+Shift+L",
            "The words selected in the original name this person, organisation or place",
        )
        self.passage_note_action = action(
            "Add translation note…",
            lambda: self.detail.request_passage_note(),
            "Ctrl+Shift+N",
            "A translation note on the words selected in the original",
        )
        quit_action = action("Quit", self.close, QKeySequence.StandardKey.Quit)
        # The stand-in's toolbar shows the same words (TOOLBAR_LABELS; a test holds the two together).
        for act in (
            self.export_selected_action,
            self.export_all_action,
            self.import_files_action,
            self.clear_action,
        ):
            bar.addAction(act)
        menu = self.menuBar()
        file_menu = menu.addMenu(tr(MENU_TITLES[0]))
        for item in (
            self.import_files_action,
            self.import_folder_action,
            None,
            self.export_selected_action,
            self.export_all_action,
            None,
            self.export_catalogue_action,
            self.import_catalogue_action,
            None,
            self.open_shared_action,
            None,
            quit_action,
        ):
            file_menu.addSeparator() if item is None else file_menu.addAction(item)
        edit_menu = menu.addMenu(tr(MENU_TITLES[1]))
        for item in (
            self.undo_action,
            self.redo_action,
            None,
            self.edit_event_action,
            self.participants_action,
            self.passage_note_action,
            self.passage_link_action,
            None,
            self.new_event_action,
            self.merge_event_action,
            self.split_event_action,
            self.sources_action,
            self.parent_action,
            self.flags_action,
            None,
            self.find_action,
            self.go_to_action,
            self.next_match_action,
            self.previous_match_action,
            self.clear_action,
        ):
            edit_menu.addSeparator() if item is None else edit_menu.addAction(item)
        view_menu = menu.addMenu(tr(MENU_TITLES[2]))
        self.map_action = QAction(tr("&Map of places"), self, checkable=True)
        self.map_action.setShortcut(QKeySequence("Ctrl+M"))
        self.map_action.setToolTip(
            tr("Where the events shown are, above the list (a click on a place filters by it)")
        )
        self.map_action.toggled.connect(self.show_map)
        self.addAction(self.map_action)
        view_menu.addAction(self.map_action)
        # The filters pane folds away (F9, as sidebars do) to give a small screen's width to the list and
        # the document; its filters stay in force, shown as chips above the list.
        self.filters_pane_action = QAction(tr("&Filters pane"), self, checkable=True)
        self.filters_pane_action.setChecked(True)
        self.filters_pane_action.setShortcut(QKeySequence("F9"))
        self.filters_pane_action.setToolTip(tr("Show or hide the saved views and filters at the left"))
        self.filters_pane_action.toggled.connect(self.show_filters_pane)
        self.addAction(self.filters_pane_action)
        view_menu.addAction(self.filters_pane_action)
        appearance = view_menu.addMenu(tr("&Appearance"))
        group = QActionGroup(self)
        group.setExclusive(True)
        self.appearance_actions: dict[str, QAction] = {}
        for choice, label in (
            ("system", N_("As the &system")),
            ("light", N_("&Light")),
            ("dark", N_("&Dark")),
        ):
            act = QAction(tr(label), self, checkable=True)
            act.triggered.connect(lambda _on=False, c=choice: self.set_appearance(c))
            group.addAction(act)
            appearance.addAction(act)
            self.appearance_actions[choice] = act
        self.appearance_actions["system"].setChecked(True)
        language = view_menu.addMenu(tr("&Language"))
        languages = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            act = QAction(name, self, checkable=True)
            act.triggered.connect(lambda _on=False, c=code: self.set_language(c))
            languages.addAction(act)
            language.addAction(act)
            self.language_actions[code] = act
        self.language_actions.get(self.language, self.language_actions["en"]).setChecked(True)
        help_menu = menu.addMenu(tr(MENU_TITLES[3]))
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)

    def show_map(self, on: bool) -> None:
        """Show or hide the map of places (kept for the next start); shown, it is drawn for the filters."""
        self.map.setVisible(on)
        self.settings.setValue("window/map", on)
        if on:
            self._refresh_map()

    def show_filters_pane(self, on: bool) -> None:
        """Show or fold away the saved views and filters (kept for the next start)."""
        pane = self.split.widget(0)
        if pane is not None:
            pane.setVisible(on)
        self.settings.setValue(FILTERS_PANE_SETTING, on)
        if not on and self.focusWidget() is None:
            self.table.setFocus()

    def _refresh_map(self) -> None:
        if not self.map.isVisible():
            return
        f = self.filter
        self.ops.query(lambda archive, cancel: archive.map_points(f, cancel), self.map.set_points, key="map")

    def set_language(self, language: str) -> None:
        """The window's language from the next start (it is built in it)."""
        self.settings.setValue("window/language", language)
        if language in self.language_actions:
            self.language_actions[language].setChecked(True)
        said = tr("The window will be in this language from the next start")
        self.statusBar().showMessage(f"{said} ({LANGUAGES.get(language, language)})", 8000)

    def set_appearance(self, choice: str) -> None:
        """Light, dark or the system's scheme, kept for the next start; the text's marks recoloured."""
        from PySide6.QtWidgets import QApplication

        from desktop.gui.theme import set_appearance

        app = QApplication.instance()
        if isinstance(app, QApplication):
            set_appearance(app, choice)
        self.settings.setValue("window/appearance", choice)
        if choice in self.appearance_actions:
            self.appearance_actions[choice].setChecked(True)
        self.detail.show_event(self.detail.detail)  # the marks' colours are the scheme's

    shortcuts_dialog: ShortcutsDialog | None = None

    def show_shortcuts(self) -> None:
        dialog = ShortcutsDialog(self, self.actions())
        dialog.finished.connect(lambda _result: setattr(self, "shortcuts_dialog", None))
        self.shortcuts_dialog = dialog
        dialog.open()

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
        if not self.archive.integrity_checked and not self.archive.read_only:
            # A large store opens without quick_check (1.6 s at 100,000 events); check it once the reader
            # has the first page, off the GUI thread.
            QTimer.singleShot(self.background_check_delay_ms, self._check_in_background)

    background_check_delay_ms = 5000
    store_problem: str | None = None  # what the background check found

    def _check_in_background(self) -> None:
        path = self.archive.path

        def done(problem: str | None) -> None:
            self.store_problem = problem
            if problem:
                self._store_damaged(problem)

        self.ops.query(
            lambda _archive, _cancel: recovery.integrity_problem(path), done, on_error=lambda _exc: None
        )

    def _store_damaged(self, problem: str) -> None:
        """Say so in plain words, once, and have the next start set the file aside and offer a backup."""
        recovery.check_at_next_open(self.archive.path)
        message = tr(
            "{file} has damaged pages ({problem}). Export what you need now; at the next start the damaged "
            "file will be set aside and the newest verified backup offered."
        ).format(file=self.archive.path.name, problem=problem)
        if self.last_error != message:
            self.show_error(message)

    # ------------------------------------------------------------------ editing the catalogue

    editor: EventEditor | None = None  # the open event editor, if any

    def edit_event(self) -> None:
        """Open the editor on the selected event (its fields and the places read off the GUI thread)."""
        event_id = self.selected_event
        if event_id is None:
            self.statusBar().showMessage(tr("Select an event to edit it"), 4000)
            return

        def load(archive: Archive, _cancel: object) -> tuple[str, dict[str, Any], list[tuple[str, str]]]:
            places = sorted(
                (f"{ref.name} ({kind_name(ref.type)})", ref.key)
                for kind in ("place", "country")
                for ref, _names in archive.entities(kind)
            )
            return archive.event_key(event_id), archive.event_fields(event_id), places

        self.ops.query(load, self._open_editor, key="editor")

    def _open_editor(self, loaded: tuple[str, dict[str, Any], list[tuple[str, str]]]) -> None:
        key, fields, places = loaded
        editor = EventEditor(
            self, key, fields, places, lambda changes: self._save_event(key, changes, fields)
        )
        editor.finished.connect(lambda _result: setattr(self, "editor", None))
        self.editor = editor
        editor.open()

    def _save_event(self, key: str, changes: dict[str, Any], seen: dict[str, Any]) -> None:
        # What the editor showed goes with the change: on a shared archive another cataloguer may have
        # changed a field meanwhile, and the save is then refused with both values (never overwritten).
        self._dialog_write(
            self.editor,
            lambda archive: archive.edit_event(key, seen=seen, **changes),
            tr("Saved {fields} (Ctrl+Z to undo)").format(
                fields=", ".join(tr(_FIELD_WORDS[f]) if f in _FIELD_WORDS else f for f in changes)
            ),
        )

    def _dialog_write(self, dialog: Any, work: Callable[[Archive], Change], message: str) -> None:
        """Write what a dialog asked for: once written, say so and close it; refused, keep it open with
        the reason and everything typed."""

        def done(_change: Change) -> None:
            self.statusBar().showMessage(message, 5000)
            if dialog is not None:
                dialog.done_ok()

        self.ops.write(work, done, on_error=lambda exc: self._refused_in(dialog, exc))

    def _refused_in(self, dialog: Any, exc: BaseException) -> None:
        """An edit the archive refused is said in its dialog; anything else as every failure is."""
        # A server that cannot be reached is said there too: the dialog keeps what was typed, to save again.
        if dialog is not None and isinstance(exc, (EditError, ServerError)):
            dialog.show_error(str(exc))
        else:
            self._failed(exc)

    entity_dialog: EntityDialog | None = None  # the open names-and-merges dialog, if any

    def edit_entity(self, entity_id: int) -> None:
        """Open an entity's names and merges (its names and the candidates read off the GUI thread)."""

        def load(archive: Archive, _cancel: object) -> tuple[dict[str, Any], list[tuple[str, str]]]:
            state = _entity_state(archive, entity_id=entity_id)
            candidates = sorted(
                (f"{ref.name} ({ref.key})", ref.key) for ref, _n in archive.entities(state["type"])
            )
            return state, candidates

        self.ops.query(load, self._open_entity_dialog, key="entity")

    def _open_entity_dialog(self, loaded: tuple[dict[str, Any], list[tuple[str, str]]]) -> None:
        state, candidates = loaded
        key = str(state["key"])

        def failed(exc: BaseException) -> None:
            self._refused_in(self.entity_dialog, exc)

        def reload(message: str) -> Callable[[Any], None]:
            def done(_result: Any) -> None:
                self.statusBar().showMessage(tr("{done} (Ctrl+Z to undo)").format(done=message), 5000)
                dialog = self.entity_dialog
                if dialog is not None:
                    self.ops.query(lambda a, _c: _entity_state(a, key=key), dialog.show_entity, key="entity")

            return done

        actions: dict[str, Callable[..., object]] = {
            "add": lambda name, lang, kind: self.ops.write(
                lambda a: a.add_alias(key, name, lang, kind),
                reload(tr("Added the name {name}").format(name=name)),
                on_error=failed,
            ),
            "remove": lambda name: self.ops.write(
                lambda a: a.remove_alias(key, name),
                reload(tr("Removed the name {name}").format(name=name)),
                on_error=failed,
            ),
            "preview": lambda other: self.ops.query(
                lambda a, _c: a.merge_preview(key, other),
                lambda preview: self.entity_dialog.show_preview(preview) if self.entity_dialog else None,
                on_error=failed,
            ),
            "merge": lambda other: self.ops.write(
                lambda a: a.merge_entities(key, other),
                reload(tr("Merged {other} into {key}").format(other=other, key=key)),
                on_error=failed,
            ),
            "rename": lambda name, native: self.ops.write(
                lambda a: a.rename_entity(key, name, native), reload(tr("Saved the names")), on_error=failed
            ),
            "flag": lambda reason: self.ops.write(
                lambda a: a.flag_entity(key, reason),
                reload(
                    tr("Flagged {key} for review").format(key=key)
                    if reason is not None
                    else tr("Cleared the flag of {key}").format(key=key)
                ),
                on_error=failed,
            ),
        }
        dialog = EntityDialog(self, state, candidates, actions)
        dialog.finished.connect(lambda _result: setattr(self, "entity_dialog", None))
        self.entity_dialog = dialog
        dialog.open()

    link_dialog: LinkDialog | None = None  # the open link dialog, if any

    def link_passage(self, doc_id: int, start: int, end: int, quote: str) -> None:
        """Ask which entity the selected words name (those whose names match them first), then link."""

        def load(archive: Archive, _cancel: object) -> list[tuple[str, str]]:
            matching = [(f"{r.name} ({r.key})", r.key) for r in archive.resolve_entity(quote)]
            others = sorted(
                (f"{ref.name} ({ref.key})", ref.key)
                for kind in ("person", "organisation", "place", "country")
                for ref, _names in archive.entities(kind)
            )
            return matching + [c for c in others if c not in matching]

        def opened(candidates: list[tuple[str, str]]) -> None:
            def submit(choice: dict[str, Any]) -> None:
                if "flag" in choice:
                    self._dialog_write(
                        self.link_dialog,
                        lambda a: a.flag_passage(doc_id, start, end, choice["flag"]),
                        tr("Flagged “{quote}” for review (Ctrl+Z to undo)").format(quote=quote),
                    )
                    return
                if "new" in choice:
                    new = choice["new"]
                    self._dialog_write(
                        self.link_dialog,
                        lambda a: a.create_entity(
                            new["type"], new["name"], new["native"], passage=(doc_id, start, end)
                        )[1],
                        _created(str(new["type"]), str(new["name"]), quote),
                    )
                    return
                key = choice["entity"]
                self._dialog_write(
                    self.link_dialog,
                    lambda a: a.link_passage(doc_id, start, end, key),
                    tr("Linked “{quote}” to {key} (Ctrl+Z to undo)").format(quote=quote, key=key),
                )

            dialog = LinkDialog(self, quote, candidates, submit)
            dialog.finished.connect(lambda _result: setattr(self, "link_dialog", None))
            self.link_dialog = dialog
            dialog.open()

        self.ops.query(load, opened, key="link")

    note_dialog: PassageNoteDialog | None = None  # the open translation-note dialog, if any

    def add_passage_note(self, doc_id: int, start: int, end: int, quote: str) -> None:
        """Ask for the note on the selected words, then write it (the dialog stays open if refused)."""

        def submit(kind: str, body: str, certainty: str | None) -> None:
            self._write_passage_note(
                lambda archive: archive.add_passage_note(doc_id, start, end, kind, body, certainty),
                tr("Note added"),
            )

        self._open_note_dialog(PassageNoteDialog(self, quote, submit))

    def edit_passage_note(self, doc_id: int, key: str) -> None:
        note = self._reader_note(doc_id, key)
        if note is None:
            return

        def submit(kind: str, body: str, certainty: str | None) -> None:
            self._write_passage_note(
                lambda archive: archive.edit_passage_note(doc_id, key, body, kind, certainty),
                tr("Note saved"),
            )

        self._open_note_dialog(
            PassageNoteDialog(self, note.quote, submit, note.kind, note.text, note.certainty)
        )

    def delete_passage_note(self, doc_id: int, key: str) -> None:
        self._write_passage_note(
            lambda archive: archive.delete_passage_note(doc_id, key),
            tr("Note deleted (Ctrl+Z brings it back)"),
        )

    def _reader_note(self, doc_id: int, key: str) -> Any:
        d = self.detail.detail
        doc = next((x for x in d.documents if x.id == doc_id), None) if d is not None else None
        return next((n for n in doc.notes if n.key == key), None) if doc is not None else None

    def _open_note_dialog(self, dialog: PassageNoteDialog) -> None:
        dialog.finished.connect(lambda _result: setattr(self, "note_dialog", None))
        self.note_dialog = dialog
        dialog.open()

    def _write_passage_note(self, work: Callable[[Archive], Change], message: str) -> None:
        self._dialog_write(self.note_dialog, work, message)

    def decide_suggestions(self, ids: list[int], decision: str) -> None:
        def done(_change: Change) -> None:
            said = (  # decision: accepted or rejected
                tr("Accepted {n} proposal(s) (Ctrl+Z to undo)")
                if decision == "accepted"
                else tr("Rejected {n} proposal(s) (Ctrl+Z to undo)")
            )
            self.statusBar().showMessage(said.format(n=len(ids)), 5000)

        self.ops.write(lambda archive: archive.decide_suggestions(ids, decision), done)

    def undo(self) -> None:
        self.ops.write(
            lambda archive: archive.undo(),
            lambda step: self._stepped(step, tr("Undid: {step}"), tr("Nothing to undo")),
        )

    def redo(self) -> None:
        self.ops.write(
            lambda archive: archive.redo(),
            lambda step: self._stepped(step, tr("Redid: {step}"), tr("Nothing to redo")),
        )

    def _stepped(self, step: EditStep, done: str, nothing: str) -> None:
        message = done.format(step=step.label) if step.rows else nothing
        self.statusBar().showMessage(message, 5000)

    # ------------------------------------------------------------------ the reader's notes

    def add_note(self, event_key: str, body: str) -> None:
        self._write_note(lambda archive: archive.add_note(event_key, body), tr("Note added"), body)

    def edit_note(self, note_id: int, body: str) -> None:
        self._write_note(lambda archive: archive.edit_note(note_id, body), tr("Note saved"), body)

    def delete_note(self, note_id: int) -> None:
        self._write_note(lambda archive: archive.delete_note(note_id), tr("Note deleted"), None)

    def _write_note(self, work: Callable[[Archive], Change], message: str, draft: str | None) -> None:
        """Write on the write worker (one writer at a time); its change refreshes the panes it touches."""

        def done(_change: Change) -> None:
            self.statusBar().showMessage(message, 4000)

        def failed(exc: BaseException) -> None:
            # What the reader typed is never lost to a failed write: it goes back into the box.
            if draft and not self.detail.note_editor.toPlainText().strip():
                self.detail.note_editor.setPlainText(draft)
            self._failed(exc)

        self.ops.write(work, done, on_error=failed)

    def _apply_change(self, change: Change) -> None:
        """A write changed the archive: refresh only what shows it (Anki's ``on_operation_did_execute``)."""
        if change.catalogue or (change.notes and self.filter.text):
            self.apply_filter(self.filter)  # new or changed events; a note can change what a search finds
        if change.touches(self.selected_event):
            self._refresh_detail()

    def _refresh_detail(self) -> None:
        event_id = self.selected_event
        if event_id is not None:
            self.ops.query(
                lambda archive, cancel: archive.detail(event_id, cancel), self._show_detail, key="detail"
            )

    def _failed(self, exc: BaseException) -> None:
        damage = recovery.damage_in(exc)
        if damage is not None:
            self._store_damaged(damage)
            return
        if isinstance(exc, ExportCancelled):
            self.statusBar().showMessage(str(exc), 6000)
            return
        if isinstance(exc, BuildCancelled):
            self.statusBar().showMessage(tr("Cancelled; everything written so far is complete."), 6000)
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

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.shared is not None:
            self.shared.close()
        self.save_settings()
        self.ops.cancel_all()  # reads still running (a count at a million events) stop now, not in seconds
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

    if line:
        return tr("Something went wrong ({error}). The details are in {log}.").format(
            error=line, log=log_path()
        )
    return tr("Something went wrong. The details are in {log}.").format(log=log_path())
