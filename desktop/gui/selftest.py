"""``archive-viewer --self-test``: proves an installed copy works, without touching the reader's data.

Opens the window offscreen on a fresh store in a temporary folder (built from the bundled seeds), checks
that the bundled fonts cover every script of the archive, applies a filter, exports two events to a
temporary CSV and reads them back. Prints one line per check; exits 0, or 1 naming what failed.
"""

from __future__ import annotations

import csv
import faulthandler
import io
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# One character each script must render with the bundled fonts.
SCRIPT_SAMPLES = {"Latin": "A", "Cyrillic": "Ж", "Devanagari": "ह", "Chinese": "中"}


def run_self_test(screenshot: Path | None = None, timeout: float | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # A self-test that hangs must fail, with a stack dump that says where, rather than wait forever.
    faulthandler.dump_traceback_later(
        timeout or float(os.environ.get("ARCHIVE_VIEWER_SELFTEST_TIMEOUT", "300")), exit=True
    )
    failures: list[str] = []
    started = time.perf_counter()

    def check(name: str, fn: Callable[[], str]) -> None:
        try:
            detail = fn()
        except Exception as exc:  # every failure is reported by name, never a traceback
            failures.append(f"{name}: {type(exc).__name__}: {exc}")
            print(f"FAIL {name}: {type(exc).__name__}: {exc}", flush=True)
        else:
            print(f"ok   {name}{': ' + detail if detail else ''}", flush=True)

    with tempfile.TemporaryDirectory(prefix="archive-viewer-selftest-") as tmp:
        os.environ["ARCHIVE_VIEWER_DATA"] = tmp
        from PySide6.QtCore import QSettings

        from desktop.gui.app import make_app
        from desktop.services import Archive

        app = make_app()
        state: dict[str, object] = {}
        check("fonts", _check_fonts)
        check("languages", lambda: _check_languages(app))
        check("shared archives", _server_driver)

        def open_store() -> str:
            archive = Archive.open(Path(tmp) / "archive.sqlite")
            state["archive"] = archive
            return str(archive.path)

        check("store", open_store)
        archive = state.get("archive")
        if isinstance(archive, Archive):
            from desktop.gui.window import MainWindow

            window = MainWindow(
                archive, QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
            )
            state["window"] = window
            window.resize(1280, 800)
            window.show()
            check("build from bundled seeds", lambda: _first_run(window))
            check("filter", lambda: _filter(window))
            check("facet index", lambda: _facet_index(archive))
            check("export two events", lambda: _export(window, Path(tmp)))
            if screenshot is not None:
                check("screenshot", lambda: _screenshot(window, screenshot))
            window.close()
            window.runner.wait_idle(10000)
            window.deleteLater()
            app.processEvents()  # type: ignore[attr-defined]
            archive.close()
    faulthandler.cancel_dump_traceback_later()
    seconds = time.perf_counter() - started
    if failures:
        print(f"self-test FAILED ({len(failures)} problem(s)) in {seconds:.1f} s", file=sys.stderr)
        return 1
    print(f"self-test passed in {seconds:.1f} s")
    return 0


def _server_driver() -> str:
    """The PostgreSQL driver loads (a frozen app missing it could not open a team's shared archive)."""
    from desktop.services import server_driver

    return str(server_driver())


def _facet_index(archive: object) -> str:
    """The facet index (NumPy) loads and counts (a frozen app missing it would fall back to SQL for good,
    silently)."""
    from desktop.services import Archive, EventFilter

    assert isinstance(archive, Archive)
    index = archive.facet_index(wait=True)
    if index is None:
        raise RuntimeError("the facet index could not be read (NumPy missing?)")
    countries = archive.all_facets(EventFilter(), 5)["country"]
    return f"{int(index.everything.sum())} events; top country {countries[0].label if countries else '—'}"


def _check_languages(app: object) -> str:
    """The window's translations and Qt's own (its standard buttons) load for each language shipped."""
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from desktop.gui import i18n

    assert isinstance(app, QApplication)
    said = []
    try:
        for language in i18n.LANGUAGES:
            if not i18n.install(app, language):
                raise RuntimeError(f"resources/i18n/archive_viewer_{language}.qm did not load")
            box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            button = box.button(QDialogButtonBox.StandardButton.Close)
            close = button.text().replace("&", "") if button is not None else ""
            if language != "en" and close == "Close":
                raise RuntimeError(f"Qt's own translation for {language} is missing: buttons stay English")
            said.append(f"{i18n.tr('&File').replace('&', '')}/{close}")
            box.deleteLater()
    finally:
        i18n.install(app, "en")
    return ", ".join(said)


def _check_fonts() -> str:
    """Each script has a glyph in a bundled font file, and those fonts are registered with Qt.

    Asking ``QFont(family)`` is not enough: Qt silently substitutes another font for a missing family.
    """
    from PySide6.QtGui import QFontDatabase, QRawFont

    from desktop.gui.fonts import FAMILIES
    from desktop.paths import resources_dir

    files = sorted((resources_dir() / "fonts").glob("*.ttf"))
    raw = [QRawFont(str(path), 12.0) for path in files]
    missing = [
        script for script, ch in SCRIPT_SAMPLES.items() if not any(f.supportsCharacter(ord(ch)) for f in raw)
    ]
    if missing:
        raise RuntimeError(f"no bundled font renders {', '.join(missing)}; resources/fonts is incomplete")
    unregistered = [family for family in FAMILIES if family not in QFontDatabase.families()]
    if unregistered:
        raise RuntimeError(f"fonts not registered: {', '.join(unregistered)}")
    return ", ".join(SCRIPT_SAMPLES)


def _first_run(window: object) -> str:
    from desktop.gui.window import MainWindow

    assert isinstance(window, MainWindow)
    window.start()
    for _ in range(3):
        window.runner.wait_idle(120000)
    if window.last_error:
        raise RuntimeError(window.last_error)
    if window.model.count < 5:
        raise RuntimeError(f"expected the bundled events, found {window.model.count}")
    return f"{window.model.count} events"


def _filter(window: object) -> str:
    from desktop.gui.window import MainWindow

    assert isinstance(window, MainWindow)
    refs = window.archive.resolve_entity("Belarus")
    if not refs:
        raise RuntimeError("the authority has no entry for Belarus")
    window.apply_filter(window.filter.with_value(refs[0].type, refs[0].id))
    for _ in range(3):
        window.runner.wait_idle(60000)
    if window.model.count <= 0:
        raise RuntimeError("filtering by Belarus shows no event")
    return f"Belarus → {window.model.count} events"


def _export(window: object, folder: Path) -> str:
    from desktop.gui.window import MainWindow
    from desktop.services import DEFAULT_COLUMNS

    assert isinstance(window, MainWindow)
    keys = [window.model.row_at(i).key for i in range(min(2, window.model.count))]  # type: ignore[union-attr]
    ids = [window.model.row_at(i).id for i in range(len(keys))]  # type: ignore[union-attr]
    out = folder / "self-test.csv"
    window.export_to(out, list(DEFAULT_COLUMNS), ids)
    window.runner.wait_idle(60000)
    raw = out.read_bytes()
    if not raw.startswith(b"\xef\xbb\xbf"):
        raise RuntimeError(f"{out} has no UTF-8 byte-order mark")
    rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))
    if [r[0] for r in rows[1:]] != keys:
        raise RuntimeError(f"{out} holds {[r[0] for r in rows[1:]]}, expected {keys}")
    return f"{len(keys)} rows, {len(raw)} bytes"


def _screenshot(window: object, path: Path) -> str:
    from desktop.gui.window import MainWindow

    assert isinstance(window, MainWindow)
    window.select_event_key("evt.2023.clia-bellegprom-exchange-meeting")
    for _ in range(3):
        window.runner.wait_idle(60000)
    if not window.grab().save(str(path)):
        raise RuntimeError(f"could not write {path}")
    return str(path)
