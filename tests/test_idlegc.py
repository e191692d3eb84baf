"""Full garbage collections wait for the window to be idle (issue 20): none starts while the reader
scrolls or a query runs, and the cyclic garbage made meanwhile is collected once the window is left alone."""

from __future__ import annotations

import gc
import time
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.gui.app import collect_when_idle
from desktop.gui.idlegc import IDLE_AFTER_S, IdleCollector
from desktop.gui.window import MainWindow
from desktop.services import Archive
from tests.gui_helpers import open_window as _open
from tests.gui_helpers import settle as _settle


@pytest.fixture
def window(qtbot, mini_archive: Archive, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    threshold = gc.get_threshold()
    w = _open(qtbot, mini_archive, tmp_path / "s.ini")
    _settle(w)
    try:
        yield w
    finally:
        w.runner.wait_idle()
        gc.set_threshold(*threshold)
        gc.unfreeze()


class _Cycle:
    """Garbage only the cycle collector frees: it refers to itself."""

    def __init__(self) -> None:
        self.me = self


def test_cyclic_garbage_waits_for_an_idle_window_then_goes(window: MainWindow) -> None:
    collect_when_idle(window)
    collector = window.idle_collector
    assert isinstance(collector, IdleCollector)
    cycle = _Cycle()
    gone = weakref.ref(cycle)
    gc.collect(1)  # it survives a young collection: it is in the oldest generation now
    del cycle  # garbage, which only a full collection finds
    for _ in range(3000):  # a reader's scrolling allocates: young collections run meanwhile
        _Cycle()
    window.table.verticalScrollBar().setValue(1)  # the reader is scrolling: not idle
    window.table.verticalScrollBar().setValue(0)
    assert gone() is not None
    assert not collector.collect_if_idle() and gone() is not None
    collector._last_activity = time.monotonic() - IDLE_AFTER_S - 0.1  # left alone since
    assert collector.collect_if_idle()
    assert gone() is None


def test_no_collection_while_a_query_runs(window: MainWindow) -> None:
    collect_when_idle(window)
    collector = window.idle_collector
    assert isinstance(collector, IdleCollector)
    collector._last_activity = time.monotonic() - IDLE_AFTER_S - 0.1
    _Cycle()
    gc.collect(1)
    started = []
    window.runner.run(lambda: time.sleep(0.3), lambda _r: None)
    started.append(collector.collect_if_idle())
    window.runner.wait_idle()
    assert started == [False]
