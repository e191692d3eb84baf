"""'Your notes' in the detail pane of the real window: add, edit, delete, written off the GUI thread."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QUrl
from PySide6.QtWidgets import QMessageBox

from desktop.gui.app import make_app
from desktop.gui.window import MainWindow
from desktop.services import Archive

pytestmark = pytest.mark.reliability

VISIT = "evt.2021-06-03.visit"


def _settle(w: MainWindow) -> None:
    for _ in range(4):  # a write's result starts follow-up work (detail, list)
        assert w.runner.wait_idle()


@pytest.fixture
def window(qtbot, mini_archive: Archive, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    make_app()
    w = MainWindow(mini_archive, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    w.start()
    _settle(w)
    w.select_event_key(VISIT)
    _settle(w)
    assert w.detail.detail is not None and w.detail.detail.row.key == VISIT
    yield w
    _settle(w)


def test_add_edit_delete_a_note_in_the_detail_pane(window: MainWindow, mini_archive: Archive) -> None:
    pane = window.detail
    assert "No notes of yours" in pane.user_notes.toPlainText()
    pane.note_editor.setPlainText("Ask about the Qilu protocol")
    pane.note_save.click()
    _settle(window)
    assert [n.text for n in mini_archive.notes()] == ["Ask about the Qilu protocol"]
    assert "Ask about the Qilu protocol" in pane.user_notes.toPlainText()
    assert pane.note_editor.toPlainText() == ""
    assert window.statusBar().currentMessage() == "Note added"

    note_id = mini_archive.notes()[0].id
    pane._link(QUrl(f"unote-edit:{note_id}"))
    assert pane.note_editor.toPlainText() == "Ask about the Qilu protocol" and pane.note_save.text() == "Save"
    pane.note_editor.setPlainText("Протокол: спросить в Цзинане")
    pane.note_save.click()
    _settle(window)
    assert [n.text for n in mini_archive.notes()] == ["Протокол: спросить в Цзинане"]
    assert "Протокол" in pane.user_notes.toPlainText() and pane.note_save.text() == "Add note"

    # The search finds the event by the note; the pane shows it.
    window.search.setText("Цзинане спросить")
    window._search_changed()
    _settle(window)
    assert window.model.count == 1 and window.model.row_at(0).key == VISIT  # type: ignore[union-attr]

    pane._link(QUrl(f"unote-delete:{note_id}"))  # asks first; Cancel keeps the note
    pane.delete_box.done(QMessageBox.StandardButton.Cancel)
    _settle(window)
    assert len(mini_archive.notes()) == 1
    pane._link(QUrl(f"unote-delete:{note_id}"))
    pane.delete_box.done(QMessageBox.StandardButton.Yes)
    _settle(window)
    assert mini_archive.notes() == []
    assert window.model.count == 0  # the search no longer finds it
    window.search.clear()
    window._search_changed()
    _settle(window)


def test_a_failed_write_keeps_what_the_reader_typed(window: MainWindow, mini_archive: Archive) -> None:
    pane = window.detail
    # The event disappears from under the pane (as if another writer rebuilt it away).
    assert pane.detail is not None
    pane.detail.row = replace(pane.detail.row, key="evt.gone")
    pane.note_editor.setPlainText("my careful paragraph")
    pane.note_save.click()
    _settle(window)
    assert mini_archive.notes() == []
    assert pane.note_editor.toPlainText() == "my careful paragraph"
    assert window.last_error is not None and "no event with id 'evt.gone'" in window.last_error
