"""The window on a large archive: open, filter, sort, search, scroll, detail — and the longest GUI stall.

    python -m benchmarks.gui_bench --events 100000            # generates the archive once, then measures
    python -m benchmarks.gui_bench --db /path/to/store.sqlite

Runs offscreen. A timer ticking every 2 ms on the GUI thread records the longest gap between ticks: the
longest time the window could not have repainted or reacted to input.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class StallMeter:
    """Measures the longest interval the GUI thread spent away from its event loop."""

    def __init__(self, interval_ms: int = 2) -> None:
        from PySide6.QtCore import QTimer

        self.longest = 0.0
        self.overall = 0.0
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def reset(self) -> None:
        self.longest = 0.0
        self._last = time.perf_counter()

    def read(self) -> float:
        """The longest gap so far, the one still open included."""
        return max(self.longest, time.perf_counter() - self._last)


def open_window(db: Path, data: Path) -> Any:
    """The main window on ``db`` as the app builds it, with a fresh data folder and settings in ``data``,
    shown at 1280×800 (not started: a probe may connect to its model first)."""
    from PySide6.QtCore import QSettings

    from desktop.gui.app import make_app
    from desktop.gui.window import MainWindow
    from desktop.services import Archive

    os.environ["ARCHIVE_VIEWER_DATA"] = str(data)
    make_app()
    window = MainWindow(Archive.open(db), QSettings(str(data / "s.ini"), QSettings.Format.IniFormat))
    window.resize(1280, 800)
    window.show()
    return window


def pump() -> None:
    """Handle pending events (PySide6 6.12's static ``processEvents()`` leaks a reference to None)."""
    from PySide6.QtCore import QEventLoop

    QEventLoop().processEvents()


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def report(label: str, values: list[float], meter: StallMeter | None = None) -> None:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    stall = ""
    if meter is not None:
        stall = f"; longest GUI stall {_ms(meter.longest)}"
        meter.overall = max(meter.overall, meter.longest)
        meter.reset()
    print(f"{label}: median {_ms(statistics.median(ordered))}, p95 {_ms(p95)}, max {_ms(ordered[-1])}{stall}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    db = args.db
    if db is None:
        db = Path(tempfile.gettempdir()) / f"archive-viewer-bench-{args.events}.sqlite"
        if not db.exists():
            from benchmarks.synth import synthesize

            print(f"generating {args.events:,} events into {db} …")
            synthesize(db, args.events, args.seed)
    run(db)


def run(db: Path) -> None:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        window = open_window(db, Path(tmp))
        window.start()
        meter = StallMeter()
        # First page: wait for the count, then paint.
        window.runner.wait_idle(60000)
        window.table.viewport().repaint()
        opened = time.perf_counter() - started
        total = window.model.count
        print(f"archive: {db} — {total:,} events")
        print(f"open to first page painted (in-process, imports included): {_ms(opened)}")
        meter.reset()

        def timed(action: Callable[[], None]) -> float:
            t = time.perf_counter()
            action()
            window.runner.wait_idle(60000)
            window.runner.wait_idle(60000)
            window.table.viewport().repaint()
            return time.perf_counter() - t

        rng = random.Random(7)
        types = [v.value for v in window.facet_models["type"].values][:6]
        filters = []
        for t in types:
            filters.append(timed(lambda t=t: window.apply_filter(window.filter.with_value("type", t))))
            filters.append(timed(lambda t=t: window.apply_filter(window.filter.without("type", t))))
        people = [v.value for v in window.facet_models["person"].values][:5]
        for p in people:
            filters.append(timed(lambda p=p: window.apply_filter(window.filter.with_value("person", p))))
            filters.append(timed(lambda p=p: window.apply_filter(window.filter.without("person", p))))
        years = replace(window.filter, date_from="2015-01-01", date_to="2020-12-31")
        filters.append(timed(lambda: window.apply_filter(years)))
        filters.append(timed(lambda: window.apply_filter(replace(years, date_from=None, date_to=None))))
        report(f"filter change → list, facets, timeline refreshed ({len(filters)} changes)", filters, meter)

        sorts = []
        for column in range(7):
            for order in (0, 1):
                from PySide6.QtCore import Qt

                sorts.append(timed(lambda c=column, o=order: window.table.sortByColumn(c, Qt.SortOrder(o))))
        report("sort by a column (SQL)", sorts, meter)

        searches = []
        for word in ("минск", "academy", "中白", "सहयोग", "signed", "конференция"):

            def search(word: str = word) -> None:
                window.search.setText(word)
                window._search_changed()

            searches.append(timed(search))
        timed(lambda: (window.search.setText(""), window._search_changed()))
        report("search as you type (a word)", searches, meter)

        frames = []
        jumps = []
        scrollbar = window.table.verticalScrollBar()
        for _ in range(60):
            t = time.perf_counter()
            scrollbar.setValue(min(scrollbar.maximum(), scrollbar.value() + 3))
            window.table.viewport().repaint()
            pump()
            frames.append(time.perf_counter() - t)
        for _ in range(40):
            row = rng.randrange(max(1, window.model.count))
            t = time.perf_counter()
            window.table.scrollTo(window.model.index(row, 0))
            window.table.viewport().repaint()
            pump()
            jumps.append(time.perf_counter() - t)
        report("scroll frame", frames, meter)
        report("jump to a random row", jumps, meter)

        details = []
        for _ in range(30):
            row = rng.randrange(max(1, min(window.model.count, 5000)))
            details.append(timed(lambda row=row: window.table.selectRow(row)))
        report("select a row → detail pane shown", details, meter)
        print(f"longest GUI-thread stall during all of the above: {_ms(max(meter.overall, meter.longest))}")
        meter.timer.stop()
        window.close()
        window.archive.close()
        # Let Qt delete its objects while the interpreter is still whole (avoids a crash at exit).
        window.deleteLater()
        pump()


if __name__ == "__main__":
    main()
