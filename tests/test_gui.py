"""The real window, driven offscreen with pytest-qt: filters, counts, sorting, export, detail, search."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt

from desktop.export.csv_export import DEFAULT_COLUMNS
from desktop.gui.app import make_app
from desktop.gui.models import EventTableModel, FacetModel
from desktop.gui.window import MainWindow
from desktop.services import Archive
from desktop.store.queries import EventFilter
from tests.conftest import REPO


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _open(qtbot, archive: Archive, settings: QSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    make_app()
    window = MainWindow(archive, settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.start()
    assert window.runner.wait_idle()
    return window


@pytest.fixture
def window(qtbot, mini_archive: Archive, settings: QSettings) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    w = _open(qtbot, mini_archive, settings)
    yield w
    w.runner.wait_idle()


@pytest.fixture
def seeds_window(qtbot, seeds_archive: Archive, settings: QSettings) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    w = _open(qtbot, seeds_archive, settings)
    yield w
    w.runner.wait_idle()


def _titles(w: MainWindow) -> list[str]:
    return [w.model.row_at(i).title for i in range(w.model.count)]  # type: ignore[union-attr]


def _facet_row(w: MainWindow, kind: str, label: str) -> int:
    model = w.facet_models[kind]
    return next(i for i, v in enumerate(model.values) if v.label == label)


def _settle(w: MainWindow) -> None:
    for _ in range(3):  # a result can start follow-up work (count → reselect → detail)
        assert w.runner.wait_idle()


def test_models_pass_qtmodeltester(qtmodeltester, mini_archive: Archive) -> None:  # type: ignore[no-untyped-def]
    make_app()
    model = EventTableModel(mini_archive)
    model.reset_with(EventFilter(), mini_archive.count(EventFilter()))
    qtmodeltester.check(model)
    facets = FacetModel("place")
    facets.set_values(mini_archive.facets(EventFilter(), "place"), EventFilter(), {})
    qtmodeltester.check(facets)


def test_opens_with_every_event_and_live_counts(window: MainWindow) -> None:
    assert window.model.count == 5
    assert window.count_label.text() == "5 events"
    types = {v.value: v.count for v in window.facet_models["type"].values}
    assert types == {"visit": 2, "signing": 1, "meeting": 1, "other": 1}
    assert window.detail.detail is not None  # the first row is shown


def test_pick_places_or_within_a_kind(window: MainWindow) -> None:
    places = window.filters.sections["place"]
    places.toggle_row(_facet_row(window, "place", "Jinan"))
    _settle(window)
    assert sorted(_titles(window)) == ["Academy and university sign an agreement", "Gusakov visits Jinan"]
    places.toggle_row(_facet_row(window, "place", "Minsk"))
    _settle(window)
    assert window.model.count == 4  # Jinan OR Minsk: the uncatalogued Minsk document joins
    assert any(window.model.row_at(i).uncatalogued for i in range(4))  # type: ignore[union-attr]


def test_filters_or_within_and_across_kinds(window: MainWindow) -> None:
    window.filters.sections["type"].toggle_row(_facet_row(window, "type", "signing"))
    _settle(window)
    assert _titles(window) == ["Academy and university sign an agreement"]
    window.filters.sections["type"].toggle_row(_facet_row(window, "type", "visit"))
    _settle(window)
    assert window.model.count == 3  # signing OR visit
    window.filters.sections["language"].toggle_row(_facet_row(window, "language", "ru"))
    _settle(window)
    assert _titles(window) == ["Academy delegation in Minsk"]  # AND language
    # Counts under the current filter: a facet ignores its own choice (OR), not the others.
    assert {v.value: v.count for v in window.facet_models["type"].values} == {"visit": 1, "signing": 0}
    (chip,) = [c for c in window.chips.chips if c.text().startswith("Language: Russian")]
    chip.click()
    _settle(window)
    assert window.model.count == 3


def test_exclusion_and_clear_all(window: MainWindow) -> None:
    gusakov = window.archive.resolve_entity("Gusakov")[0]
    window.labels[("person", gusakov.id)] = gusakov.name
    window.filters.sections["person"].excludeRequested.emit("person", gusakov.id)
    _settle(window)
    assert "Gusakov visits Jinan" not in _titles(window)
    assert "Academy delegation in Minsk" not in _titles(window)
    assert window.chips.chips[0].text().startswith("People: not Vladimir Gusakov")
    window.clear_action.trigger()
    _settle(window)
    assert window.model.count == 5 and not window.chips.isVisible()


def test_name_box_matches_aliases_in_any_script(window: MainWindow) -> None:
    section = window.filters.sections["organisation"]
    section.name_box.setText("白俄罗斯")  # Chinese alias of the academy
    section._debounce.timeout.emit()
    _settle(window)
    assert [v.label for v in window.facet_models["organisation"].values] == [
        "National Academy of Sciences of Belarus"
    ]


def test_dataset_and_generated_names_find_entities_and_are_told_apart(window: MainWindow) -> None:
    section = window.filters.sections["country"]
    section.name_box.setText("Weißrussland")  # a German name of Belarus from a dataset, not typed anywhere
    section._debounce.timeout.emit()
    _settle(window)
    model = window.facet_models["country"]
    assert [v.label for v in model.values] == ["Belarus"]
    tip = model.data(model.index(0), Qt.ItemDataRole.ToolTipRole)
    assert "Names in the catalogue: Belarus" in tip and "From datasets" in tip and "Weißrussland" in tip


def test_sorting_by_a_header_runs_in_sql(window: MainWindow) -> None:
    window.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    _settle(window)
    titles = _titles(window)
    assert window.model.sort_key == "title" and not window.model.descending
    assert [t.lstrip("• ").casefold() for t in titles] == sorted(t.lstrip("• ").casefold() for t in titles)
    window.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    _settle(window)
    assert window.model.row_at(0).start == "2022-03"  # type: ignore[union-attr]


def test_select_two_rows_and_export_them(window: MainWindow, tmp_path: Path) -> None:
    selection = window.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    selection.select(
        window.model.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    selection.select(window.model.index(2, 0), flags)
    expected = [window.model.row_at(0).key, window.model.row_at(2).key]  # type: ignore[union-attr]
    out = tmp_path / "chosen.csv"
    window.export_to(out, list(DEFAULT_COLUMNS), window.selected_ids())
    _settle(window)
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert [r[0] for r in rows[1:]] == expected
    assert "Wrote 2 event(s)" in window.statusBar().currentMessage()


def test_keyboard_habits(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.find_action.trigger()
    assert window.search.hasFocus() or window.focusWidget() is window.search
    window.search.setText("Гусаков")
    window._search_changed()
    _settle(window)
    assert window.model.count == 2  # the Russian original names him; the other event has him by an alias
    window.clear_search_action.trigger()
    window._search_changed()
    _settle(window)
    assert window.search.text() == "" and window.model.count == 5
    window.table.setFocus()
    first = window.selected_event
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    _settle(window)
    assert window.selected_event != first and window.detail.detail is not None


def test_timeline_drag_sets_the_date_filter(window: MainWindow) -> None:
    window.timeline.rangeSelected.emit("2021-01-01", "2021-12-31")
    _settle(window)
    assert (window.filter.date_from, window.filter.date_to) == ("2021-01-01", "2021-12-31")
    assert window.model.count == 2
    window.timeline.rangeCleared.emit()
    _settle(window)
    assert window.model.count == 5


def test_filters_survive_a_restart(qtbot, mini_archive: Archive, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    first = _open(qtbot, mini_archive, settings)
    first.filters.sections["type"].toggle_row(_facet_row(first, "type", "visit"))
    _settle(first)
    nasb = mini_archive.resolve_entity("NASB")[0]
    first.filter_by_entity(nasb.id)
    _settle(first)
    count = first.model.count
    first.close()
    second = _open(qtbot, mini_archive, settings)
    _settle(second)
    assert second.filter == first.filter and second.model.count == count


def test_import_reports_added_and_rejected(window: MainWindow, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Minsk and Jinan sign a new memorandum\n\nText.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    window.import_paths([good, empty])
    _settle(window)
    assert window.model.count == 6
    report = window.import_report.browser.toPlainText()  # type: ignore[attr-defined]
    assert "1 document(s) added" in report and "empty.txt: empty file" in report


def test_hindi_event_shows_original_text_notes_and_rendering(seeds_window: MainWindow) -> None:
    seeds_window.select_event_key("evt.2023.clia-bellegprom-exchange-meeting")
    _settle(seeds_window)
    pane = seeds_window.detail
    assert pane.detail is not None and pane.document is not None
    assert pane.document.language == "hi"
    shown = pane.text.toPlainText()
    assert "हाल ही में, चाइना लेदर एसोसिएशन के अध्यक्ष ली युज़ोंग" in shown
    assert "पोस्ट टाइम" not in shown  # debris is collapsed…
    assert "metadata" in shown and "not part of the article" in shown  # …and labelled
    notes = pane.notes.toPlainText()
    assert "mistranslation" in notes and "garbled" in notes
    pane.select_note(0)
    note = pane.document.notes[0]
    assert pane.document.text[note.start : note.end] == note.quote
    pane.side_button.click()
    assert "the archive's translation" in pane.text.toPlainText()
    assert "China Leather" in pane.text.toPlainText()
    assert pane.document.sha256 in pane.provenance.toolTip()
    pane.provenance.linkActivated.emit("copy:sha256")
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == pane.document.sha256


def test_search_in_russian_finds_and_highlights(seeds_window: MainWindow) -> None:
    seeds_window.search.setText("видеоконференции")
    seeds_window._search_changed()
    _settle(seeds_window)
    keys = {seeds_window.model.row_at(i).key for i in range(seeds_window.model.count)}  # type: ignore[union-attr]
    assert "evt.undated.kunshan-belt-and-road-innovation-videoconference" in keys
    assert all(k.startswith("evt.undated.kunshan") for k in keys)
    seeds_window.select_event_key("evt.undated.kunshan-belt-and-road-innovation-videoconference")
    _settle(seeds_window)
    html = seeds_window.detail.text.toHtml()
    assert "видеоконференции" in seeds_window.detail.text.toPlainText()
    assert html.count("background-color") >= 1


def _search(w: MainWindow, text: str) -> None:
    """Type a search and run it now (the typing delay's timer would run it a second time later)."""
    w.search.setText(text)
    w._search_timer.stop()
    w._search_changed()


def test_search_shows_snippets_sorts_by_relevance_and_marks_matches_in_notes(
    seeds_window: MainWindow,
) -> None:
    from desktop.gui.models import MATCH_COLUMN

    w = seeds_window
    assert w.table.isColumnHidden(MATCH_COLUMN)  # no search, no match column
    _search(w, "Шаньдун")
    _settle(w)
    assert not w.table.isColumnHidden(MATCH_COLUMN) and w.model.count >= 1
    w.model.data(w.model.index(0, MATCH_COLUMN))  # the view asks; the snippet arrives off the GUI thread
    _settle(w)
    first = w.model.data(w.model.index(0, MATCH_COLUMN))
    # The match itself in guillemets: Шаньдун in a Russian original, or Shandong by transliteration.
    assert "«Шаньдун" in first or "«Shandong»" in first
    # Clicking the Match header orders by relevance, best first; clearing the search goes back to time.
    w.table.horizontalHeader().sectionClicked.emit(MATCH_COLUMN)
    w.model.sort(MATCH_COLUMN, Qt.SortOrder.AscendingOrder)
    _settle(w)
    assert w.model.sort_key == "relevance"
    scores = [w.model.row_at(i).sort_value for i in range(w.model.count)]  # type: ignore[union-attr]
    assert scores == sorted(scores)
    _search(w, "")
    _settle(w)
    assert w.model.sort_key == "date" and w.table.isColumnHidden(MATCH_COLUMN)


def test_a_malformed_search_is_explained_and_keeps_the_list(seeds_window: MainWindow) -> None:
    w = seeds_window
    before = w.model.count
    _search(w, '"light industry')
    _settle(w)
    assert w.model.count == before
    assert "quotation mark is not closed" in w.statusBar().currentMessage()
    _search(w, '"light industry"')
    _settle(w)
    assert 0 < w.model.count < before and w.search.toolTip() == ""


def test_search_marks_its_words_in_the_translation_notes(seeds_window: MainWindow) -> None:
    w = seeds_window
    _search(w, "notes:apostrophes")
    _settle(w)
    assert w.model.count >= 1
    w.table.selectRow(0)
    _settle(w)
    html = w.detail.notes.toHtml()
    assert "Lost apostrophe" in w.detail.notes.toPlainText()
    assert html.count(f"background-color:{w.detail._colours['match']}") >= 3


def test_participant_link_filters_by_that_entity(seeds_window: MainWindow) -> None:
    seeds_window.select_event_key("evt.2025-06-04.local-academies-international-conference")
    _settle(seeds_window)
    gusakov = next(p for p in seeds_window.detail.detail.participants if "Gusakov" in p.entity.name)  # type: ignore[union-attr]
    seeds_window.detail.entityClicked.emit(gusakov.entity.id)
    _settle(seeds_window)
    assert ("person", gusakov.entity.id) in seeds_window.filter.include
    assert seeds_window.model.count >= 3


def test_screenshot_command(tmp_path: Path, mini_seeds: Path) -> None:
    from desktop.cli import main

    db = tmp_path / "shot.sqlite"
    Archive.open(db).build(mini_seeds)
    png = tmp_path / "shot.png"
    code = main(
        [
            "gui",
            "--db",
            str(db),
            "--screenshot",
            str(png),
            "--size",
            "1024x640",
            "--select",
            "evt.2021.minsk-delegation",
        ]
    )
    assert code == 0 and png.stat().st_size > 10_000
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    assert (image.width(), image.height()) == (1024, 640)


def test_first_run_builds_the_bundled_archive_with_progress(
    qtbot, tmp_path: Path, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    archive = Archive.open(tmp_path / "fresh.sqlite")
    assert archive.is_empty()
    window = _open(qtbot, archive, settings)
    _settle(window)
    assert window.model.count == 21  # the five seed documents, catalogued
    assert "Archive built: 5 documents, 21 events, 0 rejected" in window.statusBar().currentMessage()
    archive.close()


def test_bundled_fonts_cover_every_character_the_window_can_show() -> None:
    """With no system fonts at all, nothing in the seeds, the catalogue or the window's own text is a box."""
    from PySide6.QtGui import QRawFont

    make_app()
    fonts = [QRawFont(str(p), 12.0) for p in (REPO / "resources" / "fonts").glob("*.ttf")]
    sources = [
        *(REPO / "seeds").rglob("*.txt"),
        *(REPO / "seeds").rglob("*.toml"),
        *(REPO / "desktop" / "gui").glob("*.py"),
    ]
    text = "".join(p.read_text(encoding="utf-8") for p in sources)
    missing = sorted(
        {c for c in text if not c.isspace() and not any(f.supportsCharacter(ord(c)) for f in fonts)}
    )
    assert missing == []


def test_export_dialog_names_no_number_while_the_list_is_being_counted(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    from desktop.gui.dialogs import ExportDialog

    counting = ExportDialog(None, None, "all shown events", tmp_path / "events.csv")
    counted = ExportDialog(None, 1234, "all shown events", tmp_path / "events.csv")
    for dialog in (counting, counted):
        qtbot.addWidget(dialog)
    texts = lambda d: " ".join(label.text() for label in d.findChildren(QLabel))  # noqa: E731
    assert "Every shown event to a CSV file" in texts(counting)
    assert "1,234 event(s) to a CSV file" in texts(counted)
