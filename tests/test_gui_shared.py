"""The real window on a shared archive (issue 21): another person's edit appears by itself, in place; a
reader's window offers no catalogue edits; a conflict is shown in the editor with nothing typed lost."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from desktop.gui.window import MainWindow
from desktop.services import Archive
from tests.gui_helpers import open_window
from tests.gui_helpers import settle as _settle
from tests.pgserver import Team

KEY = "evt.undated.talk"


@pytest.fixture
def reader_window(qtbot, team: Team, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    w = open_window(qtbot, team.open("rita"), tmp_path / "s.ini")
    yield w
    w.close()
    w.runner.wait_idle()
    w.archive.close()


def _title_of(w: MainWindow, key: str) -> str:
    for i in range(w.model.count):
        row = w.model.row_at(i)
        if row is not None and row.key == key:
            return row.title
    raise AssertionError(f"{key} is not in the list")


def test_anothers_edit_appears_in_an_open_window_without_losing_the_place(
    qtbot,
    reader_window: MainWindow,
    team: Team,  # type: ignore[no-untyped-def]
) -> None:
    w = reader_window
    w.select_event_key(KEY)
    _settle(w)
    assert w.selected_event is not None
    selected = w.selected_event
    other = team.open("cat")
    try:
        other.edit_event(KEY, title="Renamed by a colleague")
    finally:
        other.close()
    qtbot.waitUntil(lambda: _title_of(w, KEY) == "Renamed by a colleague", timeout=5000)
    _settle(w)
    assert w.selected_event == selected  # the reader's place is kept
    assert w.detail.detail is not None and w.detail.detail.row.title == "Renamed by a colleague"


def test_a_readers_window_offers_no_catalogue_edits_and_says_why(reader_window: MainWindow) -> None:
    w = reader_window
    assert "(reader)" in w.windowTitle() and "127.0.0.1" in w.windowTitle()
    for act in (w.edit_event_action, w.merge_event_action, w.import_files_action, w.undo_action):
        assert not act.isEnabled()
        assert "Needs the" in act.toolTip() and "yours: reader" in act.toolTip()
    assert w.export_selected_action.isEnabled()  # reading and exporting stay
    assert w.detail.note_editor.isEnabled() or w.detail.detail is None  # one's own notes stay writable


def test_a_conflict_in_the_editor_keeps_what_was_typed_and_shows_both_values(
    qtbot,
    team: Team,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    w = open_window(qtbot, team.open("cat"), tmp_path / "s.ini")
    try:
        w.select_event_key(KEY)
        _settle(w)
        w.edit_event_action.trigger()
        _settle(w)
        editor = w.editor
        assert editor is not None
        other = team.open("cal")
        try:
            other.edit_event(KEY, title="Cal was first")
        finally:
            other.close()
        editor.title.setText("Cat's version")
        editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        _settle(w)
        assert w.editor is editor and editor.isVisible()  # refused: still open, with what was typed
        assert editor.title.text() == "Cat's version"
        shown = editor.error.text()
        assert "Cal was first" in shown and "Cat's version" in shown
        check = team.open("cat")
        try:
            assert check.event_fields(KEY)["title"] == "Cal was first"
        finally:
            check.close()
    finally:
        w.close()
        w.runner.wait_idle()
        w.archive.close()


def test_open_shared_archive_refuses_a_password_in_the_address(
    qtbot, mini_archive: Archive, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.shared import OpenSharedDialog

    w = open_window(qtbot, mini_archive, tmp_path / "s.ini")
    try:
        dialog = OpenSharedDialog(w)
        dialog.address.setText("not an address")
        dialog._open()
        assert "postgresql://" in dialog.problem.text()
        dialog.address.setText("postgresql://rita:secret@server/archive")
        dialog._open()
        assert "pgpass" in dialog.problem.text()
        dialog.close()
    finally:
        w.runner.wait_idle()
