"""Starting the window: the application, fonts, theme, the store, and the headless screenshot mode.

The fast start: when the store is ready as it is, the list's first page is painted from plain ``sqlite3``
(:mod:`desktop.gui.firstpaint`) before SQLAlchemy, the query layer and the main window are even imported
(together 0.7-1.4 s, several times a bare Qt window's whole start). Those imports and the archive's opening
(checks, lock, migrations) then run on a thread, the main window is built on the GUI thread and takes the
stand-in's place once its list is up. Whenever the store is not ready (none yet, an upgrade or a build to
run, read-only, flagged for a check, a saved filter or order) the window opens as it always did.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop import APP_ID, APP_NAME, __version__

if TYPE_CHECKING:  # a type only: the services import SQLAlchemy, which the fast start defers
    from desktop.gui.window import MainWindow
    from desktop.services import Archive


def _size(text: str | None) -> tuple[int, int]:
    if not text:
        return 1280, 800
    width, _, height = text.lower().partition("x")
    return int(width), int(height)


# The CJK fallback font: 4 MB, 7-9 ms to register. The fast start registers it before its first paint
# only when the page has a character that may need it; otherwise just after.
CJK_FONT_FILE = "DroidSansFallbackFull.ttf"


def make_app(provisional_theme: bool = False) -> object:
    """The QApplication with the bundled fonts, the icon and the theme.

    ``provisional_theme`` (the fast start): the theme follows the platform's palette instead of asking
    for the system's colour scheme, which would build PySide's Qt namespace (20-40 ms) before the first
    paint, and the CJK font and the icon wait; :func:`finish_app` does all three right after that paint.
    """
    # Qt notes every fallback font it tries for a script ("OpenType support missing…"): noise for readers.
    os.environ.setdefault("QT_LOGGING_RULES", "qt.text.font.db=false")
    # Qt spreads some painting (the tall scroll bars' images, among others) over a thread pool of its own
    # and waits for it on the GUI thread: on two cores busy with the list's and the facets' workers, that
    # wait was half the detail pane's repaint (py-spy). Painting on the GUI thread alone is steadier.
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
    from PySide6.QtWidgets import QApplication

    from desktop.gui.fonts import apply_app_font
    from desktop.gui.refcounts import keep_singletons_alive

    # Before any Qt call: PySide6 6.12 on Python 3.11 loses a reference to None at every void call, and
    # a long session would otherwise abort the interpreter (see desktop.gui.refcounts).
    keep_singletons_alive()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    if provisional_theme:
        _register_fonts(cjk=False)
        apply_app_font(app)
        _provisional_theme(app)
    else:
        _register_fonts(cjk=True)
        apply_app_font(app)
        _set_icon(app)
        from desktop.gui.theme import follow_system_scheme

        follow_system_scheme(app)
    return app


def finish_app(app: object) -> None:
    """What ``make_app(provisional_theme=True)`` left for after the first paint: CJK font, icon, theme."""
    from desktop.gui.fonts import apply_app_font
    from desktop.gui.theme import follow_system_scheme

    if _register_fonts(cjk=True, others=False):
        apply_app_font(app)  # type: ignore[arg-type] # widgets lay their text out again with it
    _set_icon(app)
    follow_system_scheme(app)  # type: ignore[arg-type]


_registered: set[str] = set()


def _register_fonts(cjk: bool, others: bool = True) -> bool:
    """Register the bundled fonts (as desktop.gui.fonts.register_fonts), the CJK one when ``cjk``.

    Each file once per process; returns whether any was new.
    """
    from PySide6.QtGui import QFontDatabase

    from desktop.paths import resources_dir

    added = False
    for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
        wanted = cjk if path.name == CJK_FONT_FILE else others
        if wanted and path.name not in _registered:
            _registered.add(path.name)
            added = QFontDatabase.addApplicationFont(str(path)) >= 0 or added
    return added


def needs_cjk_font(texts: Any) -> bool:
    """Whether any of these strings has a character from U+2E80 on (CJK and beyond: the CJK font's)."""
    return any(ch >= "\u2e80" for text in texts for ch in text)


def _set_icon(app: Any) -> None:
    from PySide6.QtGui import QIcon

    from desktop.paths import resources_dir

    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        icon.addFile(str(resources_dir() / "icons" / f"archive-viewer-{size}.png"))
    app.setWindowIcon(icon)


def _provisional_theme(app: object) -> None:
    """What :func:`desktop.gui.theme.apply_theme` would choose, judged from the platform's palette.

    A platform in a dark scheme gives a dark default palette; when the exact check after the first paint
    agrees (nearly always), re-applying it changes nothing on screen.
    """
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    if app.palette().color(QPalette.ColorRole.Window).lightness() < 128:
        from desktop.gui.theme import follow_system_scheme

        follow_system_scheme(app)  # a dark desktop: the theme's own choice at once (the 20-40 ms)
        return
    # What apply_theme does in a light scheme, without importing desktop.gui.theme (it imports Qt).
    app.setStyle("Fusion")
    app.setPalette(app.style().standardPalette())


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
    fast_start = screenshot is None and select is None and search is None
    app = make_app(provisional_theme=fast_start)
    first_error: BaseException | None = None
    fast: _FastStart | None = None
    if fast_start:
        fast = _FastStart.prepare(db, read_only)
        if fast is None:
            finish_app(app)
        else:
            code = fast.run(app)
            if fast.failed is None:
                return code
            from desktop.services import StoreError

            if not isinstance(fast.failed, StoreError):
                raise fast.failed  # the command line logs it and says so in one line, as before
            first_error = fast.failed  # a damaged or locked store: the ordinary way explains and recovers
    # The reader's settings and language before the store is opened: the dialogs that may come first (a
    # damaged store's recovery) speak it too. The fast start has opened them and installed it already.
    reader: tuple[Any, str | None] = (None, None)
    if fast is not None:
        reader = (fast.settings, fast.settings_problem)
    elif screenshot is None:
        reader = _reader_settings(app)
    from PySide6.QtCore import QSettings

    from desktop.gui.window import MainWindow

    opened = open_archive(db, interactive=screenshot is None, read_only=read_only, first_error=first_error)
    if opened is None:
        return 2
    archive, notices = opened
    if screenshot is not None:
        # A screenshot shows the defaults, never the reader's last session, and leaves no settings behind.
        import tempfile

        with tempfile.TemporaryDirectory(prefix="archive-viewer-shot-") as scratch:
            settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
            return _screenshot(MainWindow(archive, settings), screenshot, _size(size), select, search)
    window = MainWindow(archive, *reader)
    window.show()
    window.start()
    collect_when_idle(window)
    for notice in notices:
        window.statusBar().showMessage(notice, 15000)
    if os.environ.get("ARCHIVE_VIEWER_EXIT_AFTER_PAINT"):
        _exit_after_first_page(window, lambda: window.model.count)
    code = app.exec()  # type: ignore[attr-defined]
    # Finish background work and delete the window while the interpreter is whole: PySide objects torn
    # down during interpreter finalisation can crash on exit.
    window.runner.wait_idle(10000)
    window.deleteLater()
    app.processEvents()  # type: ignore[attr-defined]
    archive.close()
    return int(code)


def _reader_settings(app: object) -> tuple[Any, str | None]:
    """The settings the window opens (a damaged file set aside, as it would), their language installed."""
    from PySide6.QtWidgets import QApplication

    from desktop.gui.i18n import install, language_of
    from desktop.gui.settingsfile import open_settings
    from desktop.paths import data_dir

    settings, problem = open_settings(data_dir() / "settings.ini")
    if isinstance(app, QApplication):
        install(app, language_of(settings.value("window/language", "")))
    return settings, problem


def collect_when_idle(window: MainWindow) -> None:
    """Freeze start-up's objects and leave full garbage collections to the window's idle moments (see
    :mod:`desktop.gui.idlegc`): with start-up's objects frozen, the pass a 2 MB document's detail set off
    took 14-21 ms instead of 63-71 ms; moved to idle moments, none falls in the middle of a scroll."""
    from desktop.gui.idlegc import IdleCollector

    window.idle_collector = IdleCollector(window, window.runner, [window.table])


def open_archive(
    db: Path | None,
    interactive: bool = True,
    read_only: bool = False,
    first_error: BaseException | None = None,
) -> tuple[Archive, list[str]] | None:
    """Open the store for the window, or None when it cannot be (the reader was told why).

    The recovery flow is the services' own (:func:`desktop.services.recovery.open_archive`, the command
    line's too); the window's part is to ask: the newest verified backup (named by date), a fresh start
    from the bundled documents (the default store only), or quit. Returns the archive and the notices to
    show once the window is up. ``first_error``: what the fast start's attempt to open it raised.
    """
    from PySide6.QtWidgets import QMessageBox

    from desktop.gui.dialogs import ask_recovery
    from desktop.services import StoreError, recovery

    try:
        opened = recovery.open_archive(
            db, read_only=read_only, decide=ask_recovery if interactive else None, first_error=first_error
        )
    except recovery.RecoveryStopped as exc:
        if not interactive:
            print(f"archive-viewer: error: {exc}", file=sys.stderr)
        return None
    except StoreError as exc:
        if interactive:
            QMessageBox.critical(None, APP_NAME, str(exc))
        else:
            print(f"archive-viewer: error: {exc}", file=sys.stderr)
        return None
    return opened.archive, list(opened.notices)


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


def _exit_after_first_page(window: Any, count: Callable[[], int]) -> None:
    """For the start-up benchmark: print the wall-clock time of the first painted page, then quit.

    ``window`` is the main window or the fast start's stand-in (both have a ``table``); ``count`` gives the
    rows its list holds: a paint before there are any does not count.
    """
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def painted() -> bool:
        if count() <= 0:
            return False
        print(f"first-page-painted {time.time():.6f}", flush=True)
        QTimer.singleShot(0, QApplication.quit)
        return True

    _on_paint(window.table.viewport(), painted)


def _on_paint(widget: Any, callback: Any) -> None:
    """Call ``callback()`` after each paint of ``widget`` until it returns True."""
    from PySide6.QtCore import QEvent, QObject

    class _Watcher(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and callback():
                obj.removeEventFilter(self)
            return False

    widget.installEventFilter(_Watcher(widget))


class _FastStart:
    """Paint the first page from plain sqlite3 first; open the archive and build the window after it.

    ``prepare`` decides whether the store allows it (else None: the ordinary start). ``run`` runs the
    event loop: the stand-in is painted, a thread imports the heavy modules and opens the archive, the
    GUI thread builds the main window and shows it in the stand-in's place when its list is ready.
    ``failed`` is what opening the archive raised, if it did (the caller then starts the ordinary way).
    """

    # The stand-in gives way to the main window when its list is up, or after this long whatever happens.
    SWAP_AFTER_MS = 3000

    def __init__(self, db: Path | None, shell: Any, settings: Any, settings_problem: str | None) -> None:
        from PySide6.QtCore import QObject, Signal

        class _Bridge(QObject):
            opened = Signal(object)  # emitted on the opening thread, delivered on the GUI thread

        self.db = db
        self.shell = shell
        self.settings = settings
        self.settings_problem = settings_problem
        self.bridge = _Bridge()
        self.bridge.opened.connect(self._opened)
        self.thread: threading.Thread | None = None
        self.result: Any = None  # what the thread produced: an Archive or the exception it raised
        self.failed: BaseException | None = None
        self.window: Any = None
        self.swapped = False

    @classmethod
    def prepare(cls, db: Path | None, read_only: bool) -> _FastStart | None:
        if read_only:
            return None
        from desktop.gui.firstpaint import FirstPageWindow, saved_filter_is_empty
        from desktop.gui.settingsfile import open_settings
        from desktop.paths import data_dir, default_store_path
        from desktop.store.firstpage import read_first_page, writable_here

        path = Path(db) if db is not None else default_store_path()
        if not writable_here(path):
            return None
        rows = read_first_page(path)
        if rows is None:
            return None
        if needs_cjk_font(r.title + r.place + r.countries for r in rows):
            _register_fonts(cjk=True, others=False)  # painted right the first time
        # The same settings the main window would open (a damaged file is set aside here, once).
        settings, problem = open_settings(data_dir() / "settings.ini")
        if not saved_filter_is_empty(settings.value("filters/last", "")):
            return None  # the reader's last filter comes back: its first page is not this one
        from PySide6.QtWidgets import QApplication

        from desktop.gui.i18n import install, language_of

        app = QApplication.instance()
        if isinstance(app, QApplication):  # the frame's words in the reader's language
            install(app, language_of(settings.value("window/language", "")))
        shell = FirstPageWindow(rows, settings)
        if not shell.in_default_order:
            shell.deleteLater()
            return None
        return cls(db, shell, settings, problem)

    def run(self, app: Any) -> int:
        from PySide6.QtCore import QTimer

        self.shell.show()
        if os.environ.get("ARCHIVE_VIEWER_EXIT_AFTER_PAINT"):
            # The start-up benchmark: it ends at the first paint, so the archive is never opened.
            _exit_after_first_page(self.shell, lambda: self.shell.count)
            return self._finish(int(app.exec()), app)

        # The opening thread starts once the page is painted: started before, its imports would compete
        # with the first paint for the interpreter and the CPU.
        def painted() -> bool:
            QTimer.singleShot(0, self._after_first_paint)
            return True

        _on_paint(self.shell.table.viewport(), painted)
        QTimer.singleShot(1000, self._after_first_paint)  # should no paint ever come (a minimised window)
        return self._finish(int(app.exec()), app)

    def _finish(self, code: int, app: Any) -> int:
        """After the event loop: wait for the opening thread, close the window and the archive."""
        if self.thread is not None:
            self.thread.join()
        window = self.window
        if window is not None:
            # As the ordinary start does: finish background work and delete the window while the
            # interpreter is whole (PySide objects torn down during finalisation can crash on exit).
            window.runner.wait_idle(10000)
            window.deleteLater()
        self.shell.hide()
        self.shell.deleteLater()
        app.processEvents()
        archive = self.result if self.failed is None else None
        if archive is not None and hasattr(archive, "close"):
            archive.close()
        return code

    def _after_first_paint(self) -> None:
        """The exact theme, then the archive's opening on its thread (once, whichever call comes first)."""
        if self.thread is None:
            from PySide6.QtWidgets import QApplication

            finish_app(QApplication.instance())
            self.shell.complete()
            self.thread = threading.Thread(target=self._open, name="archive-open", daemon=True)
            self.thread.start()

    def _open(self) -> None:
        """On the opening thread: the heavy imports, then the archive's ordinary opening."""
        try:
            import desktop.gui.window  # noqa: F401 - SQLAlchemy, the ORM and the query layer load here
            from desktop.services import Archive

            result: Any = Archive.open(self.db, read_only=False)
        except BaseException as exc:  # handed to the GUI thread, which decides what the reader sees
            result = exc
        self.result = result
        self.bridge.opened.emit(result)

    def _opened(self, result: Any) -> None:
        """On the GUI thread: build the main window on the open archive, or hand the failure back."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        if self.shell.closed_by_reader:
            return  # the reader closed the stand-in: the app is quitting, run() closes the archive
        if isinstance(result, BaseException):
            self.failed = result
            QApplication.exit(0)
            return
        from desktop.gui.window import MainWindow

        window = MainWindow(result, self.settings, self.settings_problem)
        self.window = window
        window.restoreGeometry(self.shell.saveGeometry())  # where the reader sees the stand-in now
        window.model.modelReset.connect(self._swap)
        QTimer.singleShot(self.SWAP_AFTER_MS, self._swap)
        window.start()

    def _swap(self) -> None:
        """Show the main window in the stand-in's place (once its list holds the first page)."""
        if self.swapped or self.window is None:
            return
        self.swapped = True
        self.window.model.modelReset.disconnect(self._swap)
        typed = self.shell.search.text()
        if typed:  # what the reader began to search for in the stand-in
            self.window.search.setText(typed)
        self.window.restoreGeometry(self.shell.saveGeometry())  # where the reader sees the stand-in now
        self.window.show()
        self.shell.hide()  # hidden, not closed: closing the last window would end the app
        collect_when_idle(self.window)
