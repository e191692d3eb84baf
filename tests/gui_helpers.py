"""Opening the real window in a test: one way for the GUI tests that need one of their own."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from desktop.gui.app import make_app
from desktop.gui.window import MainWindow
from desktop.services import Archive


def open_window(qtbot, archive: Archive, ini: Path, size: tuple[int, int] = (1280, 800)) -> MainWindow:  # type: ignore[no-untyped-def]
    """A real window on ``archive`` with the settings file ``ini``, shown, started and settled."""
    make_app()
    w = MainWindow(archive, QSettings(str(ini), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    w.start()
    settle(w)
    return w


def settle(w: MainWindow) -> None:
    """Wait for the window's work and the work it starts in turn (a result starts the detail, the list)."""
    for _ in range(4):
        assert w.runner.wait_idle()
