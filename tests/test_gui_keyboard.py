"""The keyboard habits readers bring (issue 19): Esc acts where the focus is — it clears the search in the
search box, the timeline's range in the timeline, a note being edited in the note box — and Tab leaves the
event list for the next pane instead of walking its cells."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from desktop.gui.app import make_app
from desktop.gui.window import MainWindow
from desktop.services import Archive
from tests.gui_helpers import open_window as _open
from tests.gui_helpers import settle as _settle


@pytest.fixture
def window(qtbot, mini_archive: Archive, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    w = _open(qtbot, mini_archive, tmp_path / "s.ini")
    yield w
    w.runner.wait_idle()


def test_esc_in_the_timeline_clears_its_range_and_leaves_the_search(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.search.setText("Minsk")
    window._search_changed()
    window.apply_filter(replace(window.filter, date_from="2021-01-01", date_to="2021-12-31"))
    _settle(window)
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Escape)
    _settle(window)
    assert window.filter.date_from is None and window.filter.date_to is None
    assert window.search.text() == "Minsk"  # Esc there is the timeline's, not the search box's
    window.search.setFocus()
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert window.search.text() == ""


def test_esc_cancels_a_note_being_edited(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.select_event_key("evt.undated.talk")
    _settle(window)
    window.archive.add_note("evt.undated.talk", "first thought")
    window.select_event_key("evt.2021-06-03.visit")
    _settle(window)
    window.select_event_key("evt.undated.talk")
    _settle(window)
    detail = window.detail
    note_id = detail.detail.user_notes[0].id  # type: ignore[union-attr]
    detail.edit_note(note_id)
    assert detail.editing_note == note_id and detail.note_editor.toPlainText() == "first thought"
    detail.note_editor.setFocus()
    detail.note_editor.setPlainText("second thoughts")
    qtbot.keyClick(detail.note_editor, Qt.Key.Key_Escape)
    assert detail.editing_note is None and detail.note_editor.toPlainText() == ""
    assert [n.text for n in window.archive.notes()] == ["first thought"]


def test_tab_leaves_the_event_list(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.table.setFocus()
    assert window.table.hasFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Tab)
    assert not window.table.hasFocus()


def test_the_order_chosen_is_the_order_restored(qtbot, mini_archive: Archive, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Sorted by title and closed: the next start shows the title arrow and the rows in title order."""
    make_app()
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    first = MainWindow(mini_archive, settings)
    qtbot.addWidget(first)
    first.show()
    first.start()
    _settle(first)
    first.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # the Title column
    _settle(first)
    titles = [first.model.row_at(i).title for i in range(first.model.count)]  # type: ignore[union-attr]
    assert titles == sorted(titles, key=str.casefold)
    first.close()
    _settle(first)
    again = MainWindow(mini_archive, settings)
    qtbot.addWidget(again)
    again.show()
    again.start()
    _settle(again)
    assert again.table.horizontalHeader().sortIndicatorSection() == 1
    assert [again.model.row_at(i).title for i in range(again.model.count)] == titles  # type: ignore[union-attr]


def test_the_export_dialog_remembers_the_columns_chosen(window: MainWindow, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    window.export_to(out, ["id", "title", "place"], None)
    _settle(window)
    dialog = window.export_dialog(5, "all shown events", tmp_path / "next.csv")
    assert dialog.chosen_columns() == ["id", "title", "place"]
    dialog.close()


def test_another_event_opens_its_document_at_the_top(qtbot, seeds_archive: Archive, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w = _open(qtbot, seeds_archive, tmp_path / "s.ini")
    w.select_event_key("evt.2025-06-04.local-academies-international-conference")
    _settle(w)
    bar = w.detail.text.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    w.select_event_key("evt.2021-12-03.shandong-vitebsk-light-industry-seminar")
    _settle(w)
    assert bar.value() == 0


def test_a_values_menu_offers_only_what_would_change_something(window: MainWindow) -> None:
    section = window.filters.sections["person"]
    index = section.model.index(0, 0)
    value = index.data(Qt.ItemDataRole.UserRole)
    actions = [a.text() for a in section.menu_for(index).actions() if a.text()]
    assert "Include" in actions and "Exclude" in actions and "Remove from filter" not in actions
    window.apply_filter(window.filter.with_value("person", value))
    _settle(window)
    index = next(
        section.model.index(r, 0)
        for r in range(section.model.rowCount())
        if section.model.index(r, 0).data(Qt.ItemDataRole.UserRole) == value
    )
    actions = [a.text() for a in section.menu_for(index).actions() if a.text()]
    assert "Include" not in actions and "Remove from filter" in actions
    assert window.count_label.text() in {"1 event", f"{window.model.count} events"}


def test_an_edited_note_says_it_was_edited(window: MainWindow) -> None:
    window.archive.add_note("evt.undated.talk", "first thought")
    (note,) = window.archive.notes()
    window.archive.edit_note(note.id, "second thought")
    window.select_event_key("evt.undated.talk")
    _settle(window)
    shown = window.detail.user_notes.toPlainText()
    assert "second thought" in shown and "edited" in shown


def test_an_empty_range_says_when_imprecise_events_may_fall_in_it(window: MainWindow) -> None:
    # The Minsk delegation is dated only to 2021: a range inside that year holds it only maybe.
    window.apply_filter(replace(window.filter, date_from="2021-02-01", date_to="2021-02-28"))
    _settle(window)
    assert window.model.count == 0
    assert "may fall in these dates" in window.count_label.text()
    assert "Include undated / imprecise" in window.count_label.text()


def test_search_hits_are_shown_and_walked_with_f3(qtbot, seeds_archive: Archive, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w = _open(qtbot, seeds_archive, tmp_path / "s.ini")
    w.search.setText("Jinan")
    w._search_changed()
    _settle(w)
    w.select_event_key("evt.2025-06-04.local-academies-international-conference")
    _settle(w)
    detail = w.detail
    spans = detail.match_spans()
    assert len(spans) >= 3
    cursor = detail.text.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == spans[0]  # the first hit, in view
    assert "search match" in detail.legend.text()
    w.next_match_action.trigger()
    assert detail.text.textCursor().selectionStart() == spans[1][0]
    w.previous_match_action.trigger()
    w.previous_match_action.trigger()
    assert detail.text.textCursor().selectionStart() == spans[-1][0]  # round to the last
    assert detail.text.textCursor().hasSelection()


def test_columns_are_chosen_from_the_header_and_kept(qtbot, mini_archive: Archive, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    make_app()
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    w = MainWindow(mini_archive, settings)
    qtbot.addWidget(w)
    w.show()
    w.start()
    _settle(w)
    menu = w.header_menu()
    labels = [a.text() for a in menu.actions() if a.isCheckable()]
    assert labels == ["Date", "Title", "Type", "Place", "Countries", "Languages", "Sources"]
    next(a for a in menu.actions() if a.text() == "Countries").setChecked(False)
    assert w.table.isColumnHidden(4)
    w.close()
    _settle(w)
    again = MainWindow(mini_archive, settings)
    qtbot.addWidget(again)
    again.show()
    again.start()
    _settle(again)
    assert again.table.isColumnHidden(4) and not again.table.isColumnHidden(3)
    assert [a.text() for a in again.row_menu().actions() if a.text()][:2] == ["Edit event…", "Participants…"]


def test_files_dropped_on_the_window_are_imported(window: MainWindow, tmp_path: Path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    page = tmp_path / "dropped.html"
    page.write_text(
        "<p>Minsk, 2 March 2024 — a delegation from Jinan visited the Academy.</p>", encoding="utf-8"
    )
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(page))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)
    _settle(window)
    assert any(d.filename == "dropped.html" for d in window.archive.documents())


def test_the_shortcuts_are_listed_and_an_event_is_reached_by_its_id(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.shortcuts_action.trigger()
    dialog = window.shortcuts_dialog
    assert dialog is not None and dialog.isVisible()
    listed = dict((what, keys) for keys, what in dialog.rows())
    assert listed["Edit event…"] == "F2" and listed["Next match"] == "F3" and "Undo" in listed
    assert any("timeline" in what for what in listed)
    dialog.close()
    window.select_event_key("evt.2022-03.signing")
    _settle(window)
    assert window.archive.event_key(window.selected_event or 0) == "evt.2022-03.signing"


def test_a_saved_view_comes_back_and_travels_as_a_file(qtbot, mini_archive: Archive, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.views import ViewsError

    window = _open(qtbot, mini_archive, tmp_path / "a.ini")
    (gusakov,) = [r for r in window.archive.resolve_entity("person.gusakov") if r.key == "person.gusakov"]
    window.search.setText("Jinan")
    window._search_changed()
    window.apply_filter(window.filter.with_value("person", gusakov.id))
    window.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    window.table.setColumnHidden(4, True)
    _settle(window)
    shown = [window.model.row_at(i).key for i in range(window.model.count)]  # type: ignore[union-attr]
    window.save_view("Gusakov in Jinan")
    assert window.views_panel.list.count() == 1
    window.clear_filters()
    window.search.setText("")
    window._search_changed()
    window.table.setColumnHidden(4, False)
    window.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    _settle(window)
    window.views_panel.list.item(0).setSelected(True)
    window.views_panel.chosen.emit("Gusakov in Jinan")  # a click on it
    _settle(window)
    assert window.search.text() == "Jinan" and window.filter.values("person") == frozenset({gusakov.id})
    assert window.model.sort_key == "title" and window.table.isColumnHidden(4)
    assert [window.model.row_at(i).key for i in range(window.model.count)] == shown  # type: ignore[union-attr]

    shared = tmp_path / "views.json"
    window.export_views(shared)
    other = _open(qtbot, mini_archive, tmp_path / "b.ini")
    assert other.import_views(shared) == ["Gusakov in Jinan"]
    assert other.import_views(shared) == ["Gusakov in Jinan (2)"]  # a name taken gets a number
    other.show_view("Gusakov in Jinan")
    _settle(other)
    assert [other.model.row_at(i).key for i in range(other.model.count)] == shown  # type: ignore[union-attr]
    bad = tmp_path / "bad.json"
    bad.write_text('{"views": 3}', encoding="utf-8")
    with pytest.raises(ViewsError, match=r"bad\.json"):
        other.import_views(bad)


def test_light_or_dark_is_chosen_in_the_window_and_kept(qtbot, mini_archive: Archive, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from desktop.gui.theme import mark_colours

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(mini_archive, settings)
    qtbot.addWidget(window)
    window.show()
    window.start()
    _settle(window)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        window.appearance_actions["dark"].trigger()
        assert app.palette().color(QPalette.ColorRole.Window).lightness() < 128
        dark_marks = mark_colours()
        window.close()
        again = MainWindow(mini_archive, settings)
        qtbot.addWidget(again)
        again.show()
        again.start()
        _settle(again)
        assert again.appearance_actions["dark"].isChecked() and mark_colours() == dark_marks
        again.appearance_actions["light"].trigger()
        assert app.palette().color(QPalette.ColorRole.Window).lightness() >= 128
        assert mark_colours() != dark_marks
    finally:
        window.set_appearance("system")


def test_every_control_is_named_and_the_keyboard_reaches_every_pane(window: MainWindow) -> None:
    """The accessibility pass: each control a screen reader lands on says what it is, and Tab from the
    search box walks the panes in the order they are laid out, then comes back round."""
    from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

    unnamed = [
        type(w).__name__
        for w in window.findChildren(QWidget)
        if w.isVisibleTo(window)
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not w.accessibleName()
        and not (isinstance(w, QAbstractButton) and w.text().replace("&", "").strip())
    ]
    assert unnamed == []
    window.search.setFocus()
    QApplication.processEvents()
    walked: list[str] = []
    for _ in range(80):
        focus = QApplication.focusWidget()
        assert focus is not None
        walked.append(focus.accessibleName() or type(focus).__name__)
        window.focusNextChild()
        QApplication.processEvents()
        if QApplication.focusWidget() is window.search:
            break
    else:
        pytest.fail(f"Tab never came back to the search box: {walked}")
    panes = ["Search", "Saved views", "People", "Timeline", "Events", "Event", "Original text"]
    positions = [walked.index(name) for name in panes]
    assert positions == sorted(positions), walked


def test_the_map_shows_where_events_are_and_a_click_filters(
    qtbot, seeds_archive: Archive, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    w = _open(qtbot, seeds_archive, tmp_path / "s.ini")
    assert not w.map.isVisible()
    w.map_action.trigger()  # View › Map of places (Ctrl+M)
    _settle(w)
    names = {p["name"]: p["count"] for p in w.map.points}
    assert names["Jinan"] >= 5 and "Minsk" in names and "Foshan" in names
    jinan = next(p for p in w.map.points if p["name"] == "Jinan")
    at = w.map._at(jinan["lon"], jinan["lat"])
    assert w.map.point_at(at) == jinan
    qtbot.mouseClick(w.map, Qt.MouseButton.LeftButton, pos=at.toPoint())
    _settle(w)
    assert w.filter.values("place") == frozenset({jinan["id"]})
    assert w.model.count == jinan["count"]  # the events the disc counted


def test_side_by_side_is_offered_only_where_there_is_a_rendering(
    qtbot, seeds_archive: Archive, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    w = _open(qtbot, seeds_archive, tmp_path / "s.ini")
    w.select_event_key("evt.undated.kunshan-belt-and-road-innovation-videoconference")  # Russian, rendered
    _settle(w)
    assert w.detail.side_button.isEnabled()
    w.detail.side_button.click()
    assert "the archive's translation" in w.detail.text.toPlainText()
    # Two columns take the pane's width; the translation notes go under them.
    assert w.detail.text_split.orientation() == Qt.Orientation.Vertical
    w.detail.original_button.click()
    assert w.detail.text_split.orientation() == Qt.Orientation.Horizontal
    w.detail.side_button.click()
    w.select_event_key("evt.2025-06-04.local-academies-international-conference")  # English: no rendering
    _settle(w)
    assert not w.detail.side_button.isEnabled()
    assert (
        "International Exchange" in w.detail.text.toPlainText() or "exchange" in w.detail.text.toPlainText()
    )
    assert "the archive's translation" not in w.detail.text.toPlainText()  # the original alone, full width


def test_the_sort_arrow_points_the_way_the_rows_run(window: MainWindow) -> None:
    """Newest first (descending) draws the arrow Fusion draws for SortDown: pointing down."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QStyle, QStyleFactory, QStyleOptionHeader

    def drawn(style: QStyle, indicator: QStyleOptionHeader.SortIndicator) -> QImage:
        image = QImage(16, 16, QImage.Format.Format_ARGB32)
        image.fill(0)
        option = QStyleOptionHeader()
        option.rect = QRect(0, 0, 16, 16)
        option.sortIndicator = indicator
        painter = QPainter(image)
        style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorHeaderArrow, option, painter, None)
        painter.end()
        return image

    header_style = window.table.horizontalHeader().style()
    fusion = QStyleFactory.create("Fusion")
    up, down = QStyleOptionHeader.SortIndicator.SortUp, QStyleOptionHeader.SortIndicator.SortDown
    assert (
        window.model.descending
        and window.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    )
    # Qt gives a descending order SortUp; drawn through the list's style it is Fusion's down arrow.
    assert drawn(header_style, up) == drawn(fusion, down)
    assert drawn(fusion, up) != drawn(fusion, down)


def test_a_long_name_in_a_filter_is_cut_at_its_end_and_keeps_its_count(window: MainWindow) -> None:
    from PySide6.QtWidgets import QStyleOptionViewItem

    section = window.filters.sections["organisation"]
    index = next(
        section.model.index(r, 0)
        for r in range(section.model.rowCount())
        if "National Academy of Sciences of Belarus" in section.model.index(r, 0).data()
    )
    option = QStyleOptionViewItem()
    option.initFrom(section.list)
    option.rect = section.list.visualRect(index).adjusted(
        0, 0, -section.list.visualRect(index).width() + 140, 0
    )
    section.list.itemDelegate().initStyleOption(option, index)
    assert option.text.startswith("National Acad") and option.text.endswith(")")
    assert "…" in option.text and "Belarus" not in option.text


def test_at_800_by_600_the_list_keeps_room_to_read_titles(
    qtbot, mini_archive: Archive, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The detail pane's tools wrap instead of widening it: the list keeps about a third of the window."""
    w = _open(qtbot, mini_archive, tmp_path / "s.ini", (800, 600))
    assert w.detail.minimumSizeHint().width() <= 240
    assert w.table.width() >= 280


def test_at_1280_the_list_shows_its_columns_whole(window: MainWindow) -> None:
    """Languages and Sources wait in the header's menu; the columns shown fit beside the detail pane."""
    shown = [c for c in range(window.model.columnCount()) if not window.table.isColumnHidden(c)]
    labels = [window.model.headerData(c, Qt.Orientation.Horizontal) for c in shown]
    assert labels == ["Date", "Title", "Type", "Place", "Countries"]
    header = window.table.horizontalHeader()
    right = max(header.sectionViewportPosition(c) + header.sectionSize(c) for c in shown)
    assert right <= window.table.viewport().width() + 40
    menu = window.header_menu()
    next(a for a in menu.actions() if a.text() == "Sources").setChecked(True)
    assert not window.table.isColumnHidden(6)


def test_dark_filter_check_boxes_can_be_seen(window: MainWindow) -> None:
    from PySide6.QtGui import QColor

    section = window.filters.sections["person"]
    try:
        window.set_appearance("dark")
        _settle(window)
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
        image = section.list.viewport().grab().toImage()
        outline = QColor(140, 142, 146).rgb()  # the dark palette's placeholder shade the outline is drawn in
        drawn = sum(
            1 for y in range(0, min(image.height(), 60)) for x in range(0, 30) if image.pixel(x, y) == outline
        )
        assert drawn >= 20
    finally:
        window.set_appearance("system")


def test_f9_folds_the_filters_pane_away_and_the_next_start_keeps_it(
    qtbot, mini_archive: Archive, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """At 800×600 the reader gives the filters' width to the list and the document; F9 brings them back."""
    ini = tmp_path / "s.ini"
    w = _open(qtbot, mini_archive, ini, (800, 600))
    narrow = w.table.width()
    w.table.setFocus()
    qtbot.keyClick(w.table, Qt.Key.Key_F9)
    assert not w.filters.isVisibleTo(w)
    qtbot.waitUntil(lambda: w.table.width() > narrow + 100)  # the splitter lays out on the next turn
    w.close()
    again = _open(qtbot, mini_archive, ini, (800, 600))
    assert not again.filters_pane_action.isChecked() and not again.filters.isVisibleTo(again)
    qtbot.keyClick(again.table, Qt.Key.Key_F9)
    assert again.filters.isVisibleTo(again)


def test_at_800_by_600_nothing_in_the_document_area_overlaps(
    qtbot, mini_archive: Archive, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The document's tools, its text and the legend and provenance under it each keep their room; the
    legend and provenance scroll when they wrap to more lines than the pane can spare."""
    w = _open(qtbot, mini_archive, tmp_path / "s.ini", (800, 600))
    w.table.selectRow(0)
    _settle(w)
    qtbot.wait(50)
    pane = w.detail
    assert pane.provenance.text()
    bar, text, foot = pane.doc_bar.geometry(), pane.text_split.geometry(), pane.foot.geometry()
    assert bar.bottom() < text.top() and text.bottom() < foot.top()
    assert text.height() >= 60
    assert pane.foot.height() <= pane.foot.fontMetrics().lineSpacing() * pane.foot.LINES + 4
    whole = pane.foot.widget().minimumHeight()
    assert whole >= pane.foot.viewport().height()  # all of it is there to scroll to
