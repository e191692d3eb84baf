"""Starting the window: the application, fonts, theme, the store, and the headless screenshot mode."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from desktop import APP_ID, APP_NAME, __version__


def _size(text: str | None) -> tuple[int, int]:
    if not text:
        return 1280, 800
    width, _, height = text.lower().partition("x")
    return int(width), int(height)


def make_app() -> object:
    # Qt notes every fallback font it tries for a script ("OpenType support missing…"): noise for readers.
    os.environ.setdefault("QT_LOGGING_RULES", "qt.text.font.db=false")
    from PySide6.QtWidgets import QApplication

    from desktop.gui.fonts import apply_app_font, register_fonts
    from desktop.gui.theme import follow_system_scheme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    register_fonts()
    apply_app_font(app)
    from PySide6.QtGui import QIcon

    from desktop.paths import resources_dir

    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        icon.addFile(str(resources_dir() / "icons" / f"archive-viewer-{size}.png"))
    app.setWindowIcon(icon)
    follow_system_scheme(app)
    return app


def run_gui(
    db: Path | None = None,
    screenshot: Path | None = None,
    size: str | None = None,
    select: str | None = None,
    search: str | None = None,
    read_only: bool = False,
) -> int:
    """Open the window on the archive; with ``screenshot``, render once to a PNG and exit."""
    if screenshot is not None and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    ):
        # Qt would abort with a core dump; say what is wrong instead.
        print(
            "archive-viewer: error: no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY "
            "is set). Run it on a desktop, or use `archive-viewer events` / `gui --screenshot FILE`.",
            file=sys.stderr,
        )
        return 2
    app = make_app()
    from PySide6.QtCore import QSettings

    from desktop.gui.window import MainWindow

    opened = open_archive(db, interactive=screenshot is None, read_only=read_only)
    if opened is None:
        return 2
    archive, notices = opened
    if screenshot is not None:
        # A screenshot shows the defaults, never the reader's last session, and leaves no settings behind.
        with tempfile.TemporaryDirectory(prefix="archive-viewer-shot-") as scratch:
            settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
            return _screenshot(MainWindow(archive, settings), screenshot, _size(size), select, search)
    window = MainWindow(archive, None)
    window.show()
    window.start()
    for notice in notices:
        window.statusBar().showMessage(notice, 15000)
    if os.environ.get("ARCHIVE_VIEWER_EXIT_AFTER_PAINT"):
        _exit_after_first_page(window)
    code = app.exec()  # type: ignore[attr-defined]
    # Finish background work and delete the window while the interpreter is whole: PySide objects torn
    # down during interpreter finalisation can crash on exit.
    window.runner.wait_idle(10000)
    window.deleteLater()
    app.processEvents()  # type: ignore[attr-defined]
    archive.close()
    return int(code)


def open_archive(
    db: Path | None, interactive: bool = True, read_only: bool = False
) -> tuple[object, list[str]] | None:
    """Open the store for the window, or None when it cannot be (the reader was told why).

    A damaged store has already been moved aside by the core; the reader chooses: its newest verified
    backup (named by date), a fresh start from the bundled documents (the default store only), or quit.
    Returns the archive and the notices to show once the window is up.
    """
    from PySide6.QtWidgets import QMessageBox

    from desktop.gui.dialogs import recovery_box
    from desktop.services import Archive
    from desktop.store.engine import CorruptStore, StoreError, restore_backup

    notices: list[str] = []
    # A restored backup is checked on open like any store; three rounds end any loop of bad backups.
    for _round in range(3):
        try:
            return Archive.open(db, read_only=read_only), notices
        except CorruptStore as exc:
            if not interactive:
                print(f"archive-viewer: error: {exc}", file=sys.stderr)
                return None
            box = recovery_box(None, exc, can_start_fresh=db is None)
            box.exec()
            clicked = box.clickedButton()
            if clicked is not None and clicked is box.restore_button:  # type: ignore[attr-defined]
                assert exc.backup is not None
                try:
                    restored, _replaced = restore_backup(exc.path, exc.backup.path)
                except StoreError as err:
                    QMessageBox.critical(None, APP_NAME, str(err))
                    return None
                notices.append(
                    f"Restored the backup of {restored.label}; the damaged file is kept as "
                    f"{exc.moved_to.name}."
                )
            elif clicked is not None and clicked is box.fresh_button:  # type: ignore[attr-defined]
                notices.append(
                    f"Started again from the bundled documents; the damaged file is kept as "
                    f"{exc.moved_to.name}."
                )
            else:
                return None
        except StoreError as exc:
            if interactive:
                QMessageBox.critical(None, APP_NAME, str(exc))
            else:
                print(f"archive-viewer: error: {exc}", file=sys.stderr)
            return None
    return None


def _screenshot(
    window: object, path: Path, size: tuple[int, int], select: str | None, search: str | None
) -> int:
    from desktop.gui.window import MainWindow

    assert isinstance(window, MainWindow)
    window.resize(*size)
    window.show()
    window.start()
    window.runner.wait_idle()
    if search:
        window.search.setText(search)
        window._search_changed()
        window.runner.wait_idle()
    if select:
        window.select_event_key(select)
        window.runner.wait_idle()
        window.runner.wait_idle()
    window.runner.wait_idle()
    path.parent.mkdir(parents=True, exist_ok=True)
    ok = window.grab().save(str(path))
    settings_file = path.with_suffix(".ini")
    settings_file.unlink(missing_ok=True)
    window.close()
    window.runner.wait_idle(10000)
    window.archive.close()
    window.deleteLater()
    if not ok:
        print(f"archive-viewer: error: could not write {path}", file=sys.stderr)
        return 2
    print(f"wrote {path} ({size[0]}x{size[1]})")
    return 0


def _exit_after_first_page(window: object) -> None:
    """For the start-up benchmark: print the wall-clock time of the first painted page, then quit."""
    import time

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.gui.window import MainWindow

    assert isinstance(window, MainWindow)

    class _Watcher(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and window.model.count > 0:
                print(f"first-page-painted {time.time():.6f}", flush=True)
                obj.removeEventFilter(self)
                QTimer.singleShot(0, QApplication.quit)
            return False

    watcher = _Watcher(window)
    window.table.viewport().installEventFilter(watcher)
