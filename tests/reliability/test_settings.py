"""A corrupt or unreadable settings file: the window starts with the defaults, says so in the status bar,
and keeps the bad file aside."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.gui.app import make_app
from desktop.gui.settingsfile import open_settings, settings_problem
from desktop.gui.window import MainWindow
from desktop.services import Archive

pytestmark = pytest.mark.reliability


def _random_bytes(p: Path) -> None:
    p.write_bytes(os.urandom(4096))


def _nul_bytes(p: Path) -> None:
    p.write_bytes(b"[window]\ngeometry=\x00\x00\x00\n")


def _not_utf8(p: Path) -> None:
    p.write_bytes(b"[filters]\nlast=\xff\xfe\xfd\n")


def _garbage_lines(p: Path) -> None:
    p.write_text("[window]\nthis is not a setting\n<<<<<<< merge conflict\n", encoding="utf-8")


def _a_folder(p: Path) -> None:
    p.mkdir()


def _huge(p: Path) -> None:
    p.write_text("[window]\n" + "x=" + "y" * (2 * 1024 * 1024) + "\n", encoding="utf-8")


DAMAGE: dict[str, Callable[[Path], None]] = {
    "random bytes": _random_bytes,
    "NUL bytes": _nul_bytes,
    "not UTF-8": _not_utf8,
    "lines that are not settings": _garbage_lines,
    "a folder in its place": _a_folder,
    "huge": _huge,
}


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_damaged_settings_file_gives_defaults_and_is_kept_aside(kind: str, tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    DAMAGE[kind](path)
    assert settings_problem(path) is not None
    settings, message = open_settings(path)
    assert message is not None and message.startswith("The settings file settings.ini could not be used")
    assert "default settings" in message and "kept as settings-damaged-" in message
    assert settings.allKeys() == []
    aside = list(tmp_path.glob("settings-damaged-*.ini"))
    assert len(aside) == 1
    settings.setValue("window/x", 1)
    settings.sync()
    assert path.is_file()  # new settings are written where the old file was


def test_sound_settings_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_text(
        '[filters]\nlast="{\\"text\\": \\"Minsk\\"}"\n\n; a comment\n[export]\nfolder=/tmp\n',
        encoding="utf-8",
    )
    settings, message = open_settings(path)
    assert message is None and settings.value("export/folder") == "/tmp"
    assert open_settings(tmp_path / "missing.ini")[1] is None


def test_window_tells_the_reader_and_starts_with_defaults(
    qtbot, mini_archive: Archive, fresh_data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    fresh_data_dir.mkdir(parents=True, exist_ok=True)
    (fresh_data_dir / "settings.ini").write_bytes(os.urandom(2048))
    make_app()
    window = MainWindow(mini_archive)  # the reader's own settings file in the data folder
    qtbot.addWidget(window)
    window.show()
    window.start()
    assert window.runner.wait_idle()
    try:
        assert window.settings_problem is not None
        assert "could not be used" in window.statusBar().currentMessage()
        assert window.model.count == 5  # the defaults: no filter
        assert len(list(fresh_data_dir.glob("settings-damaged-*.ini"))) == 1
        window.save_settings()
        assert settings_problem(fresh_data_dir / "settings.ini") is None
    finally:
        window.close()
        window.runner.wait_idle()


def test_odd_values_in_a_well_formed_file_fall_back_to_defaults(
    qtbot, mini_archive: Archive, fresh_data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    fresh_data_dir.mkdir(parents=True, exist_ok=True)
    (fresh_data_dir / "settings.ini").write_text(
        "[window]\ngeometry=not a geometry\nsplit=42\nheader=@ByteArray(junk)\n"
        '[filters]\nlast="[1, 2, {\\"x\\": ]"\n',
        encoding="utf-8",
    )
    make_app()
    window = MainWindow(mini_archive)
    qtbot.addWidget(window)
    window.show()
    window.start()
    assert window.runner.wait_idle()
    try:
        assert window.model.count == 5
        assert window.filter.text is None
    finally:
        window.close()
        window.runner.wait_idle()
