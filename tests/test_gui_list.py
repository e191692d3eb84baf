"""The event list on more rows than a page: the first page before the count, growth, jumps, multiData.

A synthetic archive of 1,000 events (five blocks of 200). To see the list between its first page and its
count, the count's worker is held busy by a task that waits for an event: no query or widget is mocked.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan, QSettings, Qt

from benchmarks.synth import synthesize
from desktop.gui.app import make_app
from desktop.gui.models import EVENT_ID_ROLE, EventTableModel
from desktop.gui.tasks import process_events
from desktop.gui.window import MainWindow
from desktop.services import Archive
from desktop.store.queries import EventFilter, facet_counts

EVENTS = 1000


@pytest.fixture(scope="module")
def synth_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = Path(tmp_path_factory.mktemp("list")) / "synth.sqlite"
    synthesize(db, EVENTS, seed=3)
    return db


@pytest.fixture
def window(qtbot, synth_db: Path, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    make_app()
    archive = Archive.open(synth_db)
    w = MainWindow(archive, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    w.start()
    _settle(w)
    yield w
    _settle(w)
    archive.close()


def _settle(w: MainWindow) -> None:
    for _ in range(3):  # a result can start follow-up work (page → count → landmarks)
        assert w.runner.wait_idle()


def _hold_counts(w: MainWindow) -> threading.Event:
    """Keep the count's worker busy until the returned event is set."""
    release = threading.Event()
    w.runner.run(lambda: release.wait(30), lambda _r: None, lane="count")
    return release


def _wait_for(qtbot, condition, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    # The runner's own way of waiting (QEventLoop.processEvents), not qtbot.waitUntil: after a test that
    # ran and quit the application (tests/test_fast_start.py), QTest.qWait no longer delivers events.
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        process_events()
        time.sleep(0.002)


def test_first_page_is_shown_before_the_count_and_the_rows_grow_to_it(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = window
    assert w.model.count == EVENTS and not w.model.counting
    kind_value = w.archive.facets(EventFilter(), "language", 1)[0].value
    f = EventFilter().with_value("language", kind_value)
    total = w.archive.count(f)
    assert total > 2 * EventTableModel.BLOCK  # the test needs a list longer than a page
    inserted: list[tuple[int, int]] = []
    w.model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))

    release = _hold_counts(w)
    w.apply_filter(f)
    _wait_for(qtbot, lambda: w.model.filter == f)
    # The page is there, the count is not: the list has the page's rows and says it is counting.
    assert w.model.counting and w.model.count >= EventTableModel.BLOCK
    assert "counting" in w.count_label.text()
    first_id = w.model.index(0, 0).data(EVENT_ID_ROLE)
    assert first_id == w.archive.page(f, "date", True, None, 1)[0].id

    release.set()
    _settle(w)
    assert not w.model.counting and w.model.count == total
    assert w.count_label.text() == f"{total:,} events"
    assert inserted and inserted[-1][1] == total - 1
    # Every row is reachable: the last one, fetched off the GUI thread, is the archive's last.
    w.table.scrollToBottom()
    w.table.viewport().repaint()
    _wait_for(qtbot, lambda: not w.model.loading)
    last = w.archive.page(f, "date", True, None, 1, offset=total - 1)[0]
    assert w.model.loaded_row_at(total - 1) == last


def test_a_newer_filter_keeps_its_own_count(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = window
    broad = EventFilter().with_value("language", w.archive.facets(EventFilter(), "language", 1)[0].value)
    person = w.archive.facets(EventFilter(), "person", 1)[0].value
    narrow = EventFilter().with_value("person", person)
    narrow_total = w.archive.count(narrow)
    assert narrow_total < EventTableModel.BLOCK  # known from its first page: no count needed

    release = _hold_counts(w)
    w.apply_filter(broad)
    _wait_for(qtbot, lambda: w.model.filter == broad)
    assert w.model.counting
    w.apply_filter(narrow)
    _wait_for(qtbot, lambda: w.model.filter == narrow)
    assert not w.model.counting and w.model.count == narrow_total
    release.set()
    _settle(w)
    # The broad filter's count, had it run, must not have landed on the narrow list.
    assert w.model.count == narrow_total and w.count_label.text() == f"{narrow_total:,} events"


def test_reselection_beyond_the_first_page_while_counting(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = window
    # Select an event far down the unfiltered list, then filter by its type: it still matches.
    row = 3 * EventTableModel.BLOCK + 17
    w.table.scrollTo(w.model.index(row, 0))
    w.table.viewport().repaint()
    _wait_for(qtbot, lambda: w.model.loaded_row_at(row) is not None)
    w.table.selectRow(row)
    event = w.model.loaded_row_at(row)
    assert event is not None and w.selected_event == event.id
    f = EventFilter().with_value("type", event.type)
    expected = w.archive.row_of_event(f, "date", True, event.id)
    assert expected is not None

    release = _hold_counts(w)
    w.apply_filter(f)
    _wait_for(qtbot, lambda: w.model.filter == f and w.table.currentIndex().row() == expected)
    assert w.model.loaded_row_at(expected) == event  # the list grew to the rows known to exist
    release.set()
    _settle(w)
    assert w.model.count == w.archive.count(f) and w.table.currentIndex().row() == expected


def test_a_jump_fetches_the_rows_around_it_in_one_query(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = window
    requests: list[tuple[int, int]] = []
    original = w._request_block

    def counting(block: int, blocks: int = 1) -> None:
        requests.append((block, blocks))
        original(block, blocks)

    w.model.request_block = counting
    # A row near the end of its block: the rows on screen run into the next one.
    row = 2 * EventTableModel.BLOCK + EventTableModel.BLOCK - 10
    w.table.scrollTo(w.model.index(row, 0), w.table.ScrollHint.PositionAtTop)
    w.table.viewport().repaint()
    assert w.model.loading
    _wait_for(qtbot, lambda: not w.model.loading)
    w.table.viewport().repaint()
    assert requests[0] == (2, 2)
    page = w.archive.page(EventFilter(), "date", True, None, 40, offset=row)
    assert [w.model.loaded_row_at(row + i) for i in range(len(page))] == page


def test_multidata_serves_what_data_serves(synth_db: Path) -> None:
    make_app()
    archive = Archive.open(synth_db)
    try:
        model = EventTableModel(archive)
        model.reset_with(EventFilter(), archive.count(EventFilter()))
        roles = [
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.FontRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.TextAlignmentRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.DecorationRole,
            EVENT_ID_ROLE,
        ]
        for row in (0, 1, 250, EVENTS - 1):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                for role in roles:
                    item = QModelRoleData(int(role))
                    item.setData("left over from another cell")
                    model.multiData(index, QModelRoleDataSpan(item))
                    assert item.data() == model.data(index, role), (row, column, role)
    finally:
        archive.close()


def test_thousands_of_void_calls_do_not_abort_the_interpreter() -> None:
    # PySide6 6.12 on Python 3.11 drops a reference to None at every void call (see desktop.gui.refcounts).
    script = (
        "import os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from desktop.gui.refcounts import keep_singletons_alive\n"
        "keep_singletons_alive()\n"
        "from PySide6.QtWidgets import QApplication, QWidget\n"
        "app = QApplication([]); w = QWidget()\n"
        "for _ in range(20000): w.update()\n"
        "print('alive')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "alive" in done.stdout, done.stderr[-500:]


def test_a_short_block_while_counting_ends_the_list(synth_db: Path) -> None:
    make_app()
    archive = Archive.open(synth_db)
    try:
        model = EventTableModel(archive)
        f, sort = EventFilter(), ("date", True)
        first = archive.page(f, *sort, None, EventTableModel.BLOCK)
        model.reset_with(f, len(first), first, sort, counting=True)
        assert model.counting and model.rowCount() == EventTableModel.BLOCK
        # Two full blocks arrive: the rows known to exist grow, the count is still on its way.
        more = archive.page(f, *sort, None, 2 * EventTableModel.BLOCK, offset=EventTableModel.BLOCK)
        assert model.put_block(f, sort, EventTableModel.BLOCK, more, blocks=2)
        assert model.counting and model.rowCount() == 3 * EventTableModel.BLOCK
        # Two blocks asked for from the last one, one came back: that is where the list ends.
        last = (EVENTS - 1) // EventTableModel.BLOCK * EventTableModel.BLOCK
        tail = archive.page(f, *sort, None, 2 * EventTableModel.BLOCK, offset=last)
        assert model.put_block(f, sort, last, tail, blocks=2)
        assert not model.counting and model.rowCount() == EVENTS
        assert model.set_total(f, sort, EVENTS) and model.rowCount() == EVENTS
        # A count for another order or filter is not this list's.
        assert not model.set_total(f, ("title", False), 3)
    finally:
        archive.close()


def test_counts_start_after_the_first_page_and_waiting_for_idle_includes_them(window: MainWindow) -> None:
    """A filter's facet counts and count start a moment after its first page; wait_idle waits for them."""
    country = window.facet_models["country"].values[0]
    before = window.facet_models["country"].values
    window.apply_filter(EventFilter().with_value("country", country.value))
    assert window.runner.wait_idle(20000)
    assert not window.model.counting
    assert window.count_label.text() == f"{window.model.count:,} events"
    # The country's own facet keeps its alternatives; another kind's counts are now under the filter.
    assert window.facet_models["country"].values == before
    people = {v.value: v.count for v in window.facet_models["person"].values}
    with window.archive._connect() as conn:
        expected = {v.value: v.count for v in facet_counts(conn, window.filter, "person", 300)}
    assert people == expected
