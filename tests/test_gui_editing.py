"""Editing in the real window (issue 18): the event editor, proposals accepted and rejected from the detail
pane, and Ctrl+Z / Ctrl+Shift+Z — each checked in the store and the list afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.gui.window import MainWindow
from desktop.services import Archive, EventFilter
from tests.gui_helpers import open_window
from tests.gui_helpers import settle as _settle


@pytest.fixture
def window(qtbot, mini_archive: Archive, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    w = open_window(qtbot, mini_archive, tmp_path / "s.ini")
    yield w
    w.runner.wait_idle()


def _titles(w: MainWindow) -> list[str]:
    return [w.model.row_at(i).title for i in range(w.model.count)]  # type: ignore[union-attr]


def _select_words(w: MainWindow, words: str) -> None:
    """Select the first time ``words`` are shown in the original, as a reader would with the mouse."""
    from PySide6.QtGui import QTextCursor

    shown = w.detail.text.document().toPlainText()
    cursor = QTextCursor(w.detail.text.document())
    cursor.setPosition(shown.index(words))
    cursor.setPosition(shown.index(words) + len(words), QTextCursor.MoveMode.KeepAnchor)
    w.detail.text.setTextCursor(cursor)


def _link_dialog_on(w: MainWindow, words: str) -> tuple[Any, Any]:
    """The imported forum page's event selected, ``words`` of it selected, the link dialog opened on them."""
    forum = next(r for r in w.archive.all_rows(EventFilter()) if r.uncatalogued)
    w.select_event_key(forum.key)
    _settle(w)
    _select_words(w, words)
    w.passage_link_action.trigger()
    _settle(w)
    return forum, w.link_dialog


def _open_editor(w: MainWindow, key: str) -> None:
    w.select_event_key(key)
    _settle(w)
    w.edit_event_action.trigger()
    _settle(w)
    assert w.editor is not None and w.editor.isVisible()


def test_the_event_editor_saves_one_step_that_ctrl_z_takes_back(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    archive = window.archive
    _open_editor(window, "evt.undated.talk")
    editor = window.editor
    assert editor is not None
    editor.title.setText("Lecture on graphene")
    editor.type.setCurrentText("seminar")
    editor.start.date.setText("2021-06-04")
    editor.start.certainty.setCurrentText("stated")
    editor.place.setCurrentIndex(editor.place.findData("place.jinan"))
    editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    _settle(window)
    assert window.editor is None  # closed once saved
    fields = archive.event_fields("evt.undated.talk")
    assert (fields["title"], fields["type"], fields["place"]) == (
        "Lecture on graphene",
        "seminar",
        "place.jinan",
    )
    assert fields["start"]["date"] == "2021-06-04"
    assert "Lecture on graphene" in _titles(window)  # the list shows it
    # Ctrl+Z in the window (not in a text box) undoes the whole step; Ctrl+Shift+Z redoes it.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    _settle(window)
    assert archive.event_fields("evt.undated.talk")["title"] == "A talk of unknown date"
    assert "Lecture on graphene" not in _titles(window)
    qtbot.keyClick(
        window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    _settle(window)
    assert archive.event_fields("evt.undated.talk")["type"] == "seminar"


def test_a_refused_edit_keeps_the_editor_open_with_the_reason(window: MainWindow) -> None:
    _open_editor(window, "evt.2021-06-03.visit")
    editor = window.editor
    assert editor is not None
    editor.title.setText("Kept while the date is corrected")
    editor.end.date.setText("2020-01-01")
    editor.end.certainty.setCurrentText("stated")
    editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    _settle(window)
    assert window.editor is editor and editor.isVisible()
    assert "end" in editor.error.text() and editor.title.text() == "Kept while the date is corrected"
    assert window.archive.history() == []  # nothing half-written
    editor.end.date.setText("2021-06-05")
    editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    _settle(window)
    assert window.editor is None
    assert window.archive.event_fields("evt.2021-06-03.visit")["end"]["date"] == "2021-06-05"


def test_proposals_are_decided_by_key_in_the_proposals_panel(
    window: MainWindow, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "visit.txt"
    page.write_text(
        "Home | News\n\nDelegation visits Jinan\n\nJINAN, 3 June 2024 (Xinhua) - A delegation of the "
        "National Academy of Sciences of Belarus visited Jinan on Monday to sign an agreement on graphene "
        "research.\n",
        encoding="utf-8",
    )
    assert window.archive.import_paths([page]).ok
    (row,) = [r for r in window.archive.all_rows(EventFilter(text="graphene")) if r.uncatalogued]
    window.apply_filter(window.filter)
    _settle(window)
    window.select_event_key(row.key)
    _settle(window)
    panel = window.detail.proposals
    assert window.detail.tabs.currentWidget() is panel  # an uncatalogued event opens on its proposals
    ids = {s.kind: s.id for s in window.archive.suggestions(row.key)}

    def pick(kind: str) -> None:
        for i in range(panel.list.topLevelItemCount()):
            item = panel.list.topLevelItem(i)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == ids[kind]:
                panel.list.setCurrentItem(item)
                return
        raise AssertionError(f"{kind} is not listed")

    panel.list.setFocus()
    pick("event_start")
    qtbot.keyClick(panel.list, Qt.Key.Key_R)  # one key rejects…
    _settle(window)
    pick("type")
    qtbot.keyClick(panel.list, Qt.Key.Key_A)  # …one accepts
    _settle(window)
    decided = {s.kind: s.decision for s in window.archive.suggestions(row.key)}
    assert decided["event_start"] == "rejected" and decided["type"] == "accepted"
    listed = [panel.list.topLevelItem(i).text(0) for i in range(panel.list.topLevelItemCount())]  # type: ignore[union-attr]
    assert "Event from" not in listed  # the rejected one left the list
    assert any(text.startswith("• ") for text in listed) and "1 rejected" in panel.summary.text()
    # Enter on a proposal shows the passage it was read from (selected in the original).
    pick("new_organisation" if "new_organisation" in ids else "place")
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    _settle(window)
    assert window.detail.text.textCursor().hasSelection()
    window.undo_action.trigger()  # the acceptance
    _settle(window)
    window.undo_action.trigger()  # the rejection
    _settle(window)
    assert {s.decision for s in window.archive.suggestions(row.key)} == {None}
    assert panel.count() == len(ids)


def test_a_translation_note_on_selected_words_of_the_original(window: MainWindow) -> None:

    window.select_event_key("evt.2021-06-03.visit")
    _settle(window)
    detail = window.detail
    doc = detail.document
    assert doc is not None
    words = "visited Jinan"
    _select_words(window, words)
    assert detail.selected_passage() == (doc.text.index(words), doc.text.index(words) + len(words))
    window.passage_note_action.trigger()
    dialog = window.note_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.kind.setCurrentText("gloss")
    dialog.body.setPlainText("Jinan is the capital of Shandong Province.")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    _settle(window)
    assert window.note_dialog is None
    shown_notes = window.detail.document.notes  # type: ignore[union-attr]
    mine = [n for n in shown_notes if n.key]
    assert [(n.quote, n.kind, n.text) for n in mine] == [
        (words, "gloss", "Jinan is the capital of Shandong Province.")
    ]
    assert "edit" in window.detail.notes.toPlainText() and "delete" in window.detail.notes.toPlainText()
    # Searchable at once, and one step that Ctrl+Z takes back.
    assert {r.key for r in window.archive.all_rows(EventFilter(text="capital Shandong"))} >= {
        "evt.2021-06-03.visit"
    }
    window.undo_action.trigger()
    _settle(window)
    assert not [n for n in window.detail.document.notes if n.key]  # type: ignore[union-attr]
    window.redo_action.trigger()
    _settle(window)
    key = next(n.key for n in window.detail.document.notes if n.key)  # type: ignore[union-attr]
    window.detail.passageNoteDelete.emit(doc.id, key)  # the note's delete link
    _settle(window)
    assert not [n for n in window.detail.document.notes if n.key]  # type: ignore[union-attr]


def test_names_and_a_merge_with_its_preview_in_the_window(window: MainWindow) -> None:
    archive = window.archive
    nasb = next(r for r in archive.resolve_entity("org.nasb") if r.key == "org.nasb")
    section = window.filters.sections["organisation"]
    section.entityEditRequested.emit("organisation", nasb.id)  # the list's "Names and merge…"
    _settle(window)
    dialog = window.entity_dialog
    assert dialog is not None and dialog.isVisible() and dialog.key == "org.nasb"
    shown = {dialog.names.item(r, 0).text() for r in range(dialog.names.rowCount())}  # type: ignore[union-attr]
    assert {"National Academy of Sciences of Belarus", "NASB"} <= shown
    # A name added, then a name refused (another entity's), said in the dialog.
    dialog.new_name.setText("НАН Беларуси")
    dialog.new_lang.setText("ru")
    dialog._add()
    _settle(window)
    assert {r.key for r in archive.resolve_entity("НАН Беларуси")} == {"org.nasb"}
    assert any(dialog.names.item(r, 0).text() == "НАН Беларуси" for r in range(dialog.names.rowCount()))  # type: ignore[union-attr]
    dialog.new_name.setText("Qilu University of Technology")
    dialog._add()
    _settle(window)
    assert dialog.error.isVisible() and "already a name of org.qlut" in dialog.error.text()
    # The merge: preview side by side first, then merge.
    dialog.other.setCurrentIndex(dialog.other.findData("org.qlut"))
    assert not dialog.merge_button.isEnabled()
    dialog._preview()
    _settle(window)
    assert (
        dialog.merge_button.isEnabled() and "Qilu University of Technology" in dialog.comparison.toPlainText()
    )
    dialog.merge_button.click()
    _settle(window)
    assert {r.key for r in archive.resolve_entity("Qilu University of Technology")} == {"org.nasb"}
    assert any(
        dialog.names.item(r, 2).text() == "merged"  # type: ignore[union-attr]
        for r in range(dialog.names.rowCount())
    )
    window.undo_action.trigger()
    _settle(window)
    assert {r.key for r in archive.resolve_entity("Qilu University of Technology")} == {"org.qlut"}


def test_selected_words_are_linked_to_an_entity_from_the_window(window: MainWindow) -> None:
    forum, dialog = _link_dialog_on(window, "Delegates")
    assert dialog is not None and dialog.isVisible()
    dialog.entity.setCurrentIndex(dialog.entity.findData("org.qlut"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    _settle(window)
    assert window.link_dialog is None
    qlut = next(r.id for r in window.archive.resolve_entity("org.qlut") if r.key == "org.qlut")
    assert forum.key in {
        r.key for r in window.archive.all_rows(EventFilter().with_value("organisation", qlut))
    }
    window.undo_action.trigger()
    _settle(window)
    assert forum.key not in {
        r.key for r in window.archive.all_rows(EventFilter().with_value("organisation", qlut))
    }


def test_a_new_entity_is_made_from_selected_words_in_the_window(window: MainWindow) -> None:
    """Words no authority entry fits become a new organisation, linked to them in the same step: the event
    is found by it at once; one undo takes both back, redo brings both again."""
    forum, dialog = _link_dialog_on(window, "Delegates")
    assert dialog is not None
    dialog.make_new.setChecked(True)
    dialog.new_type.setCurrentText("organisation")
    assert dialog.new_name.text() == "Delegates"  # Latin words are the English name
    dialog.new_name.setText("Forum Delegates Assembly")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    _settle(window)
    assert window.link_dialog is None
    made = [r for r in window.archive.resolve_entity("Forum Delegates Assembly") if r.type == "organisation"]
    assert len(made) == 1 and made[0].key == "org.forum-delegates-assembly"

    def found() -> bool:
        refs = window.archive.resolve_entity("org.forum-delegates-assembly")
        return bool(refs) and forum.key in {
            r.key for r in window.archive.all_rows(EventFilter().with_value("organisation", refs[0].id))
        }

    assert found()
    window.undo_action.trigger()
    _settle(window)
    assert not window.archive.resolve_entity("Forum Delegates Assembly")
    window.redo_action.trigger()
    _settle(window)
    assert found()


def test_edits_made_in_the_window_travel_as_catalogue_files(window: MainWindow, tmp_path: Path) -> None:
    """Edits in the window → File › Export catalogue → a fresh build of those files is the same archive;
    File › Import catalogue shows another archivist's change before building from it."""

    from desktop.catalogue.check import check_seeds

    from .test_catalogue_files import _differences

    _open_editor(window, "evt.undated.talk")
    assert window.editor is not None
    window.editor.title.setText("Lecture on graphene")
    window.editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    _settle(window)
    _forum, _dialog = _link_dialog_on(window, "Delegates")
    assert window.link_dialog is not None
    window.link_dialog.make_new.setChecked(True)
    window.link_dialog.new_name.setText("Forum Delegates Assembly")
    window.link_dialog.new_type.setCurrentText("organisation")
    window.link_dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    _settle(window)

    folder = tmp_path / "shared"
    window.export_catalogue_to(folder)
    _settle(window)
    assert window.last_catalogue_export["problems"] == []
    assert check_seeds(folder).errors == []
    fresh = Archive.open(tmp_path / "fresh.sqlite")
    assert fresh.build(folder).ok
    assert _differences(window.archive.path, fresh.path) == {}
    fresh.close()

    events = folder / "catalogue" / "events.toml"
    events.write_text(
        events.read_text(encoding="utf-8").replace(
            'title = "Academy delegation in Minsk"', 'title = "NASB delegation in Minsk"'
        ),
        encoding="utf-8",
    )
    window.preview_catalogue(folder)
    _settle(window)
    preview = window.catalogue_preview
    assert preview is not None and preview.isVisible()
    assert preview.tree.topLevelItemCount() == 1
    top = preview.tree.topLevelItem(0)
    assert top is not None and "evt.2021.minsk-delegation" in top.text(1)
    assert preview.apply.isEnabled()
    preview.apply.click()
    _settle(window)
    assert "NASB delegation in Minsk" in _titles(window)
    assert "Lecture on graphene" in _titles(window)  # the reader's own edit still over it


def test_the_history_tab_lists_an_events_edits_and_its_conflicts(
    window: MainWindow, mini_seeds: Path
) -> None:
    """Each edit is listed with who and when, undone ones marked; a rebuild that changes an edited field
    shows the conflict above the list, and the tab says so."""
    from .conftest import MINI_EVENTS, write_seeds

    archive = window.archive
    archive.edit_event("evt.undated.talk", title="Lecture on graphene")
    archive.edit_event("evt.undated.talk", type="seminar")
    archive.undo()
    window.select_event_key("evt.undated.talk")
    _settle(window)
    panel = window.detail.history
    assert window.detail.tabs.tabText(2) == "History (2)"
    assert panel.list.topLevelItemCount() == 2
    newest, oldest = panel.list.topLevelItem(0), panel.list.topLevelItem(1)
    assert newest is not None and oldest is not None
    assert newest.text(2) == "type (undone)" and newest.text(4) == "seminar"
    assert oldest.text(2) == "title" and oldest.text(3) == "A talk of unknown date"
    assert oldest.text(4) == "Lecture on graphene" and oldest.text(1)
    assert not panel.conflicts.isVisible()
    # The catalogue renames the talk under the reader's edit: the reader's title stays, the conflict shows.
    write_seeds(mini_seeds, events=MINI_EVENTS.replace('"A talk of unknown date"', '"A short talk"'))
    assert archive.build(mini_seeds).ok
    window.select_event_key("evt.2021-06-03.visit")
    _settle(window)
    window.select_event_key("evt.undated.talk")
    _settle(window)
    assert "Lecture on graphene" in _titles(window)
    assert window.detail.tabs.currentIndex() == 2
    assert "1 conflict" in window.detail.tabs.tabText(2)
    assert panel.conflicts.isVisible() and "A short talk" in panel.conflicts.text()


def test_events_are_made_merged_and_split_in_the_window(window: MainWindow) -> None:
    """New event from the selected words of a page, another event merged into it, then split off again:
    each checked in the list, each one Ctrl+Z."""

    forum = next(r for r in window.archive.all_rows(EventFilter()) if r.uncatalogued)
    window.select_event_key(forum.key)
    _settle(window)
    words = "Delegates from China came to Minsk."
    _select_words(window, words)
    window.new_event_action.trigger()
    _settle(window)
    dialog = window.event_dialog
    assert dialog is not None and dialog.title.text() == words
    dialog.title.setText("Chinese delegates in Minsk")
    dialog.type.setCurrentText("visit")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    _settle(window)
    assert window.event_dialog is None
    titles = _titles(window)
    assert "Chinese delegates in Minsk" in titles and forum.title not in titles  # the page is catalogued

    window.select_event_key("evt.undated.talk")
    _settle(window)
    window.merge_event_action.trigger()
    _settle(window)
    chooser = window.event_dialog
    assert chooser is not None
    chooser.choice.setCurrentIndex(chooser.choice.findData("evt.2021.minsk-delegation"))
    chooser.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    _settle(window)
    assert "Academy delegation in Minsk" not in _titles(window)
    window.undo_action.trigger()
    _settle(window)
    assert "Academy delegation in Minsk" in _titles(window)

    window.select_event_key("evt.2021.minsk-delegation")
    _settle(window)
    window.split_event_action.trigger()
    _settle(window)
    split = window.event_dialog
    assert split is not None
    split.extra.setText("Gusakov's speech")
    split.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    _settle(window)
    assert "Gusakov's speech" in _titles(window) and "Academy delegation in Minsk" in _titles(window)
    window.undo_action.trigger()
    _settle(window)
    assert "Gusakov's speech" not in _titles(window)


def test_words_nothing_fits_are_flagged_listed_and_cleared_in_the_window(window: MainWindow) -> None:
    _forum, dialog = _link_dialog_on(window, "Delegates")
    assert dialog is not None
    dialog.flag.setChecked(True)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.error.isVisible() and "why" in dialog.error.text()  # a flag says why
    dialog.flag_reason.setText("a delegation of whom? nothing fits")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    _settle(window)
    assert [f["quote"] for f in window.archive.flags()] == ["Delegates"]
    window.flags_action.trigger()
    _settle(window)
    flags = window.flags_dialog
    assert flags is not None and flags.list.topLevelItemCount() == 1
    flags.list.setCurrentItem(flags.list.topLevelItem(0))
    flags.clear_button.click()
    _settle(window)
    assert window.archive.flags() == []
    assert window.flags_dialog is not None and window.flags_dialog.list.topLevelItemCount() == 0


def test_participants_are_added_changed_and_removed_in_the_window(window: MainWindow) -> None:
    window.select_event_key("evt.undated.talk")
    _settle(window)
    window.participants_action.trigger()
    _settle(window)
    dialog = window.participants_dialog
    assert dialog is not None and dialog.keys == ["org.qlut"]
    # Typed in Cyrillic: the label carries every name of each entity.
    index = next(i for i in range(dialog.entity.count()) if "Гусаков" in dialog.entity.itemText(i))
    assert dialog.entity.itemData(index) == "person.gusakov"
    dialog.entity.setCurrentIndex(index)
    dialog.role.setCurrentText("speaker")
    dialog.held.setText("Chairman")
    dialog._save()
    _settle(window)
    assert window.archive.participants("evt.undated.talk")["person.gusakov"] == {
        "role": "speaker",
        "title": "Chairman",
    }
    assert dialog.keys == ["org.qlut", "person.gusakov"]
    dialog.table.selectRow(0)
    dialog.remove_button.click()
    _settle(window)
    assert list(window.archive.participants("evt.undated.talk")) == ["person.gusakov"]
    window.undo_action.trigger()
    _settle(window)
    assert "org.qlut" in window.archive.participants("evt.undated.talk")
