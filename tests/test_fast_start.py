"""The fast start: the first page read with plain sqlite3 and painted before SQLAlchemy is imported.

The page must be exactly the main window's first page (rows, cells, roles); the stand-in must give way to
the main window; and whenever the store is not ready as it is, the ordinary start must take over.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtWidgets import QMainWindow, QTableView, QToolBar

from desktop.gui import firstpaint, models
from desktop.gui.app import make_app
from desktop.gui.firstpaint import (
    FirstPageWindow,
    add_tooltips,
    first_page_model,
    saved_filter_is_empty,
    sorts_newest_first,
)
from desktop.gui.models import EventTableModel
from desktop.services import Archive
from desktop.store import engine, firstpage
from desktop.store.firstpage import read_first_page
from desktop.store.queries import EventFilter
from tests.conftest import REPO


def _first_page_via_queries(archive: Archive) -> list[tuple[object, ...]]:
    rows = archive.page(EventFilter(), "date", True, None, firstpage.FIRST_PAGE_ROWS)
    return [
        (r.id, r.key, r.title, r.type, r.date, r.place, r.countries, r.languages, r.sources, r.uncatalogued)
        for r in rows
    ]


def _first_page_plain(path: Path) -> list[tuple[object, ...]]:
    rows = read_first_page(path)
    assert rows is not None
    return [
        (r.id, r.key, r.title, r.type, r.date, r.place, r.countries, r.languages, r.sources, r.uncatalogued)
        for r in rows
    ]


def test_first_page_equals_the_query_layers(seeds_archive: Archive, mini_archive: Archive) -> None:
    for archive in (seeds_archive, mini_archive):
        expected = _first_page_via_queries(archive)
        assert expected, "the archive has events"
        assert _first_page_plain(archive.path) == expected
    assert any(row[-1] for row in _first_page_plain(mini_archive.path)), "an uncatalogued row is compared"


def test_the_fast_start_and_the_window_share_one_copy_of_each_thing() -> None:
    # One light module each, imported by both paths (not copies kept equal).
    assert models.COLUMNS is firstpaint.COLUMNS
    assert models.list_cells is firstpaint.list_cells  # one formatting of a row, mark included
    assert models.row_tooltip is firstpaint.row_tooltip
    assert firstpaint.MATCH_COLUMN == models.MATCH_COLUMN
    assert firstpage.FIRST_PAGE_ROWS == EventTableModel.BLOCK
    assert firstpage.READ_ONLY_ENV is engine.READ_ONLY_ENV
    store = Path("/x/archive.sqlite")
    assert engine.check_marker(store) == store.with_name(store.name + firstpage.CHECK_MARKER_SUFFIX)


def test_the_stand_in_shows_every_role_as_the_list_does(qtbot, mini_archive: Archive) -> None:  # type: ignore[no-untyped-def]
    make_app()
    rows = read_first_page(mini_archive.path)
    assert rows is not None
    shell = first_page_model(rows)
    add_tooltips(shell, rows)
    model = EventTableModel(mini_archive)
    first = mini_archive.page(EventFilter(), "date", True, None, model.BLOCK)
    model.reset_with(EventFilter(), len(first), first, ("date", True))
    assert shell.rowCount() == model.rowCount() and shell.columnCount() == model.columnCount()
    for section in range(model.columnCount()):
        assert shell.headerData(section, Qt.Orientation.Horizontal) == model.headerData(
            section, Qt.Orientation.Horizontal
        )
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole)
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            a, b = shell.index(row, column), model.index(row, column)
            for role in roles:
                assert (shell.data(a, role) or None) == (model.data(b, role) or None), (row, column, role)
            italic = model.data(b, Qt.ItemDataRole.FontRole)
            assert (italic is not None and italic.italic()) == bool(
                shell.data(a, Qt.ItemDataRole.FontRole) and shell.data(a, Qt.ItemDataRole.FontRole).italic()
            )
            colour = model.data(b, Qt.ItemDataRole.ForegroundRole)
            assert shell.data(a, Qt.ItemDataRole.ForegroundRole) == colour


def test_the_stand_in_completes_its_page_after_the_paint(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.store.firstpage import FirstRow

    make_app()
    rows = [FirstRow(i, f"k{i}", f"t{i}", "visit", "2021", "", "", "en", 1, i % 7 == 0) for i in range(200)]
    shell = FirstPageWindow(rows, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(shell)
    assert 0 < shell.model.rowCount() < 200 and shell.in_default_order
    shell.complete()
    assert shell.model.rowCount() == 200
    assert shell.model.index(199, 1).data() == "t199"
    assert shell.model.index(199, 1).data(Qt.ItemDataRole.ToolTipRole).startswith("t199\n2021")


def test_the_saved_sort_is_read_from_the_header_state(qtbot) -> None:  # type: ignore[no-untyped-def]
    make_app()
    view = QTableView()
    view.setModel(first_page_model([]))
    view.setSortingEnabled(True)
    header = view.horizontalHeader()
    cases = [
        (0, Qt.SortOrder.DescendingOrder, True),
        (0, Qt.SortOrder.AscendingOrder, False),
        (1, Qt.SortOrder.DescendingOrder, False),
        (3, Qt.SortOrder.AscendingOrder, False),
    ]
    for section, order, newest_first in cases:
        header.setSortIndicator(section, order)
        assert sorts_newest_first(header.saveState()) is newest_first, (section, order)
    assert sorts_newest_first(None) is True
    assert sorts_newest_first(QByteArray(b"junk")) is False


def test_saved_filter_is_empty() -> None:
    assert saved_filter_is_empty("")
    assert saved_filter_is_empty(None)
    empty = '{"include": [], "exclude": [], "from": null, "to": null, "imprecise": false, "text": null}'
    assert saved_filter_is_empty(empty)
    assert not saved_filter_is_empty('{"include": [["type", "visit"]]}')
    assert not saved_filter_is_empty('{"text": "Minsk"}')
    assert not saved_filter_is_empty('{"from": "2020"}')
    assert not saved_filter_is_empty("not json")


def test_no_first_page_when_the_store_is_not_ready(tmp_path: Path, mini_archive: Archive) -> None:
    assert read_first_page(tmp_path / "missing.sqlite") is None
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"\0" * 4096)
    assert read_first_page(garbage) is None
    mini_archive.close()
    path = mini_archive.path
    assert read_first_page(path) is not None
    # An upgrade to run first (the ordinary open migrates, after a backup).
    old = tmp_path / "old.sqlite"
    engine.copy_store_file(path, old)
    with sqlite3.connect(old) as con:
        con.execute("UPDATE alembic_version SET version_num = '0001'")
    assert read_first_page(old) is None
    # A check asked for by an earlier session.
    marker = engine.check_marker(path)
    marker.touch()
    assert read_first_page(path) is None
    marker.unlink()
    # Nothing built yet: the first run builds from the bundled documents, with progress.
    empty = tmp_path / "empty.sqlite"
    Archive.open(empty).close()
    assert read_first_page(empty) is None


def test_the_first_paint_imports_neither_sqlalchemy_nor_the_main_window(
    tmp_path: Path, mini_archive: Archive
) -> None:
    mini_archive.close()
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        ARCHIVE_VIEWER_EXIT_AFTER_PAINT="1",
        ARCHIVE_VIEWER_DATA=str(tmp_path / "data"),
    )
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "desktop", "gui", "--db", str(mini_archive.path)],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "first-page-painted" in proc.stdout
    imported = {line.split("|")[-1].strip() for line in proc.stderr.splitlines() if "|" in line}
    assert "desktop.gui.firstpaint" in imported  # the fast start painted it
    heavy = {"sqlalchemy", "desktop.store.queries", "desktop.gui.window", "desktop.services", "alembic"}
    assert not heavy & imported
    # desktop.gui.theme builds PySide's Qt namespace (20-40 ms): it follows the first paint.
    assert "desktop.gui.theme" not in imported


def test_what_waits_for_the_first_paint_comes_after_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFontDatabase

    from desktop.gui.app import finish_app, needs_cjk_font

    assert needs_cjk_font(["Minsk", "中白工业园"]) and needs_cjk_font(["Jinan (济南)"])
    assert not needs_cjk_font(["Минск", "Mińsk", "भारत", "Belarus | China", "3 Dec 2021 – 5 Jan 2022"])
    app = make_app(provisional_theme=True)
    finish_app(app)
    assert "Droid Sans Fallback" in QFontDatabase.families()
    assert not app.windowIcon().isNull()  # type: ignore[attr-defined]
    assert app.style().name().lower() == "fusion"  # type: ignore[attr-defined]


# run_gui in a process of its own: its app.exec() and aboutToQuit would otherwise leave this process's
# QApplication in a state later tests' windows do not expect.
_RUN_UNTIL_MAIN_WINDOW = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop.gui.app import make_app, run_gui

seen = []

def poll():
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            seen.append(type(widget).__name__)
            if type(widget).__name__ == "MainWindow" and widget.model.count > 0:
                widget.runner.wait_idle()
                QApplication.quit()
                return
    QTimer.singleShot(20, poll)

make_app()
QTimer.singleShot(0, poll)
code = run_gui(Path(sys.argv[1]))
print("seen", code, " ".join(seen))
"""


def _run_until_main_window(db: Path) -> tuple[int, list[str]]:
    """run_gui on ``db``, quitting once the main window shows its list; the names of windows seen."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-c", _RUN_UNTIL_MAIN_WINDOW, str(db)],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    line = next((x for x in proc.stdout.splitlines() if x.startswith("seen ")), None)
    assert line is not None, proc.stderr[-2000:]
    _word, code, *seen = line.split()
    return int(code), seen


def test_the_main_window_takes_the_stand_ins_place(qtbot, mini_archive: Archive) -> None:  # type: ignore[no-untyped-def]
    mini_archive.close()
    path = mini_archive.path
    code, seen = _run_until_main_window(path)
    assert code == 0
    assert "FirstPageWindow" in seen and seen[-1] == "MainWindow"
    assert path.with_name(path.name + ".lock").read_text() == ""  # closed cleanly: no check next time


def test_a_saved_filter_opens_the_ordinary_way(qtbot, fresh_data_dir: Path, mini_archive: Archive) -> None:  # type: ignore[no-untyped-def]
    mini_archive.close()
    fresh_data_dir.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(fresh_data_dir / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("filters/last", '{"text": "Minsk"}')  # its first page is not the unfiltered one
    settings.sync()
    code, seen = _run_until_main_window(mini_archive.path)
    assert code == 0
    assert "FirstPageWindow" not in seen and seen[-1] == "MainWindow"


_DAMAGED_AFTER_THE_PAINT = """
import os
import shutil
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import desktop.gui.dialogs as dialogs
from desktop.gui.app import make_app, run_gui
from desktop.paths import default_store_path
from desktop.services import Archive, CorruptStore
from desktop.services.recovery import Choice

# The reader's default store (a fresh start is offered for it only): the built archive copied there.
default_store_path().parent.mkdir(parents=True, exist_ok=True)
shutil.copyfile(sys.argv[1], default_store_path())
real_open = Archive.open.__func__
calls = []

def fake_open(cls, path=None, **kw):
    calls.append(path)
    if len(calls) == 1:
        store = default_store_path()
        raise CorruptStore(store, "a test", store.with_name("x-damaged.sqlite"), None)
    return real_open(cls, path, **kw)

Archive.open = classmethod(fake_open)
asked = []

def answer(damage):
    asked.append(damage.choices)
    return Choice.FRESH

dialogs.ask_recovery = answer
seen = []

def poll():
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            seen.append(type(widget).__name__)
            if type(widget).__name__ == "MainWindow" and widget.model.count > 0:
                widget.runner.wait_idle()
                seen.append(widget.statusBar().currentMessage()[:40].replace(" ", "_"))
                QApplication.quit()
                return
    QTimer.singleShot(20, poll)

make_app()
QTimer.singleShot(0, poll)
QTimer.singleShot(20000, QApplication.quit)
code = run_gui(None)
assert asked == [(Choice.FRESH, Choice.STOP)], asked
print("seen", code, len(calls), " ".join(seen[-3:]))
"""


def test_damage_found_after_the_first_paint_is_recovered_the_ordinary_way(mini_archive: Archive) -> None:
    """Archive.open (on the opening thread) finds the store damaged: the stand-in goes, the reader gets the
    recovery choice (here: start again), and the main window opens in a second event loop."""
    mini_archive.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-c", _DAMAGED_AFTER_THE_PAINT, str(mini_archive.path)],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    line = next((x for x in proc.stdout.splitlines() if x.startswith("seen ")), None)
    assert line is not None, proc.stderr[-2000:]
    _word, code, opens, *seen = line.split()
    assert (code, opens) == ("0", "2")  # the fast start's open failed, the recovery's succeeded
    assert seen[-2] == "MainWindow" and seen[-1].startswith("Started_again")


def _list_rect(window: QMainWindow, table: QTableView) -> tuple[int, int, int, int]:
    top_left = table.mapTo(window, table.rect().topLeft())
    return (top_left.x(), top_left.y(), table.width(), table.height())


def test_the_stand_in_paints_the_windows_layout(qtbot, seeds_archive: Archive, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # The list is where the window will put it, at the same size, and the frame has the window's words:
    # the swap changes what the panes hold, not where anything is.
    from desktop.gui.window import MainWindow

    make_app()
    rows = read_first_page(seeds_archive.path)
    assert rows is not None
    ini = tmp_path / "s.ini"
    cases = [
        ((1280, 800), False, True),
        ((1024, 640), False, True),
        ((800, 600), False, True),
        ((1280, 800), True, True),
        ((800, 600), False, False),  # the filters pane folded away (F9)
    ]
    for size, with_map, filters_pane in cases:
        settings = QSettings(str(ini), QSettings.Format.IniFormat)
        window = MainWindow(seeds_archive, settings)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        window.start()
        window.map_action.setChecked(with_map)
        window.filters_pane_action.setChecked(filters_pane)
        for _ in range(4):
            assert window.runner.wait_idle()
        window.close()  # saves the session the next start reads
        settings.sync()
        shell = FirstPageWindow(rows, QSettings(str(ini), QSettings.Format.IniFormat))
        qtbot.addWidget(shell)
        shell.resize(window.size())  # the headless screen is smaller than some sizes: its restore clamps
        shell.show()
        qtbot.waitExposed(shell)
        window.show()
        qtbot.waitExposed(window)
        assert shell.size() == window.size(), size
        assert _list_rect(shell, shell.table) == _list_rect(window, window.table), (size, with_map)
        assert shell.split.sizes() == window.split.sizes(), size
        widths = [(c, shell.table.columnWidth(c)) for c in range(8) if not shell.table.isColumnHidden(c)]
        assert widths == [
            (c, window.table.columnWidth(c)) for c in range(8) if not window.table.isColumnHidden(c)
        ]
        shown = [c for c, _w in widths]
        assert shown == [0, 1, 2, 3, 4], "date, title, type, place and countries"
        header = window.table.horizontalHeader()
        if not filters_pane:  # the list takes the pane's width
            assert window.split.widget(0).isHidden() and window.table.width() > 420
        elif size[0] >= 1024:  # the title gives way: the place is in sight (the countries at 1280)
            place_right = header.sectionViewportPosition(3) + header.sectionSize(3)
            assert place_right <= window.table.viewport().width(), size
        assert window.table.columnWidth(1) >= firstpaint.TITLE_LEAST
        menus = [a.text() for a in shell.menuBar().actions()]
        assert menus == [a.text() for a in window.menuBar().actions()]
        bar = shell.findChild(QToolBar)
        window_bar = window.findChild(QToolBar)
        assert bar is not None and window_bar is not None
        assert [a.text() for a in bar.actions() if a.text()] == [
            a.text() for a in window_bar.actions() if a.text()
        ]
        assert shell.search.placeholderText() == window.search.placeholderText()
        shell.close()
        window.close()
        ini.unlink()
