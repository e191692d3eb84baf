"""The window's side of the benchmark suite, run in its own process so that its memory is its own.

    python -m benchmarks.gui_probe DB            # prints one JSON object on its last line

Opens the window offscreen on DB and measures, with a 2 ms timer on the GUI thread watching for stalls:
filter changes until the first page is shown, facet counts shown, scrolling frames, jumps to random rows,
the detail pane, a superseded facet query being cancelled, and the process's memory (RSS) once the first
page is painted and at the end. ``benchmarks.suite`` runs it; it can be run alone too.
"""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_mb() -> tuple[float, float]:
    """This process's resident set size and its peak so far, in MB (Linux ``/proc``)."""
    values = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) / 1024
    return values.get("VmRSS", 0.0), values.get("VmHWM", 0.0)


def settle(until: Callable[[], bool], timeout: float = 120.0) -> bool:
    """Run the event loop until ``until()`` holds (polling every half millisecond, not every 5 ms)."""
    deadline = time.perf_counter() + timeout
    while not until():
        if time.perf_counter() > deadline:
            return False
        pump()
        time.sleep(0.0005)
    pump()
    return True


def pump() -> None:
    """Handle pending events. Not ``pump()``: in PySide6 6.12 every static void
    call drops a reference to ``None`` and a few thousand of them abort the interpreter."""
    from PySide6.QtCore import QEventLoop

    QEventLoop().processEvents()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    db = Path(args[0])
    result = probe(db)
    print(json.dumps(result))
    return 0


def probe(db: Path) -> dict[str, Any]:
    started = time.perf_counter()
    from PySide6.QtCore import Qt

    from benchmarks.gui_bench import StallMeter, open_window
    from desktop.gui.app import collect_when_idle
    from desktop.store.queries import EventFilter

    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        window = open_window(db, Path(tmp))
        resets = [0]
        window.model.modelReset.connect(lambda: resets.__setitem__(0, resets[0] + 1))
        window.start()
        # As the app does once its window is up (desktop.gui.app.run_gui): start-up objects out of the
        # collector's reach, full collections left to the window's idle moments.
        collect_when_idle(window)
        meter = StallMeter()
        settle(lambda: resets[0] > 0)
        window.table.viewport().repaint()
        out["open_first_page_s"] = time.perf_counter() - started
        out["rss_first_page_mb"] = rss_mb()[0]
        settle(lambda: not window.runner.busy)
        out["events"] = window.model.count
        stalls: dict[str, float] = {}

        def phase(name: str) -> None:
            stalls[name] = meter.longest
            meter.reset()

        phase("open")

        # ---------------------------------------------------------------- filter changes
        facet_shown = [0]
        for model in window.facet_models.values():
            model.modelReset.connect(lambda: facet_shown.__setitem__(0, facet_shown[0] + 1))

        def values(kind: str, n: int) -> list[Any]:
            return [v.value for v in window.facet_models[kind].values[:n]]

        base = EventFilter()
        changes: list[EventFilter] = []
        for kind, n in (("type", 4), ("person", 4), ("organisation", 4), ("place", 3), ("country", 3)):
            for value in values(kind, n):
                changes += [base.with_value(kind, value), base]
        for lang in values("language", 3):
            changes += [base.with_value("language", lang), base]
        types, people, countries = values("type", 2), values("person", 2), values("country", 2)
        combo = base.with_value("type", types[0]).with_value("country", countries[0])
        changes += [combo, combo.with_value("person", people[0]), base]
        changes += [replace(base, date_from="2015-01-01", date_to="2020-12-31"), base]
        changes += [replace(base, date_from="2019-06-01", date_to="2019-06-30", include_imprecise=True), base]
        changes += [base.with_excluded("type", types[0]), base]
        first_page: list[float] = []
        facets_shown: list[float] = []
        for f in changes:
            before, facets_before = resets[0], facet_shown[0]
            t = time.perf_counter()
            window.apply_filter(f)
            settle(lambda before=before, f=f: resets[0] > before and window.model.filter == f)
            window.table.viewport().repaint()
            first_page.append(time.perf_counter() - t)
            # Every kind's list is reset once when the facet counts land.
            kinds = len(window.facet_models)
            settle(lambda fb=facets_before, k=kinds: facet_shown[0] >= fb + k)
            facets_shown.append(time.perf_counter() - t)
            settle(lambda: not window.runner.busy)
        out["filter_first_page_s"] = first_page
        out["filter_facets_shown_s"] = facets_shown
        phase("filters")

        # ---------------------------------------------------------------- a superseded facet query
        # A broad filter whose facet counts take long, replaced at once by another: the first query must
        # be interrupted, not left to run to its end on a worker.
        broad = replace(base, date_from="1900-01-01", date_to="2100-12-31", include_imprecise=True)
        queries = getattr(window, "ops", None) or getattr(window, "queries", None)
        cancelled_before = queries.interrupted if queries is not None else None
        t = time.perf_counter()
        first = broad.with_value("type", types[0])
        window.apply_filter(first)
        # The counts start once the first page is shown: wait for it, then supersede them mid-run.
        shown_before = facet_shown[0]
        settle(lambda: window.model.filter == first)
        time.sleep(0.02)
        pump()
        # With the facet index the counts may be done by now: then there is nothing left to interrupt.
        out["superseded_already_done"] = facet_shown[0] >= shown_before + len(window.facet_models)
        window.apply_filter(base)
        settle(lambda: not window.runner.busy)
        out["supersede_settled_s"] = time.perf_counter() - t
        after = queries.interrupted if queries is not None else None
        out["superseded_interrupted"] = None if after is None else after - (cancelled_before or 0)
        phase("supersede")

        # ---------------------------------------------------------------- scrolling and jumps
        rng = random.Random(7)
        table = window.table
        scrollbar = table.verticalScrollBar()
        model = window.model

        def loading() -> bool:
            return bool(getattr(model, "loading", False))

        # A frame: the GUI thread's work for one scroll step. Rows fetched off the GUI thread (when the
        # model does) are waited for and painted before the next step; how often a row was blank is noted.
        frames: list[float] = []
        blank = 0
        for step in (3,) * 90 + (scrollbar.pageStep(),) * 90:
            t = time.perf_counter()
            scrollbar.setValue(min(scrollbar.maximum(), scrollbar.value() + step))
            table.viewport().repaint()
            pump()
            frames.append(time.perf_counter() - t)
            if loading():
                blank += 1
                settle(lambda: not loading())
                table.viewport().repaint()
        out["scroll_frame_s"] = frames
        out["scroll_blank_frames"] = blank
        phase("scroll")
        # A jump: from scrollTo until the rows there are painted.
        jumps: list[float] = []
        for _ in range(60):
            row = rng.randrange(max(1, model.count))
            t = time.perf_counter()
            table.scrollTo(model.index(row, 0), table.ScrollHint.PositionAtCenter)
            table.viewport().repaint()
            pump()
            if loading():
                settle(lambda: not loading())
                table.viewport().repaint()
            jumps.append(time.perf_counter() - t)
        out["jump_s"] = jumps
        phase("jump")

        # ---------------------------------------------------------------- detail pane
        shown = [0]
        original = window._show_detail

        def counting(detail: Any) -> None:
            original(detail)
            shown[0] += 1

        window._show_detail = counting  # type: ignore[method-assign]
        details: list[float] = []
        for _ in range(40):
            row = rng.randrange(max(1, window.model.count))
            table.scrollTo(window.model.index(row, 0))
            table.viewport().repaint()
            settle(lambda: not window.runner.busy and not loading())
            table.viewport().repaint()
            before = shown[0]
            t = time.perf_counter()
            table.selectRow(row)
            settle(lambda before=before: shown[0] > before)
            window.detail.repaint()
            details.append(time.perf_counter() - t)
        out["detail_s"] = details
        phase("detail")

        # ---------------------------------------------------------------- sorting (reported, no target)
        sorts: list[float] = []
        for column in range(7):
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                before = resets[0]
                t = time.perf_counter()
                table.sortByColumn(column, order)
                settle(lambda before=before: resets[0] > before or not window.runner.busy)
                table.viewport().repaint()
                sorts.append(time.perf_counter() - t)
                settle(lambda: not window.runner.busy)
        out["sort_s"] = sorts
        phase("sort")

        out["stall_by_phase_s"] = stalls
        out["longest_stall_s"] = max(stalls.values())
        out["rss_end_mb"], out["rss_peak_mb"] = rss_mb()
        meter.timer.stop()
        # At rest: the reader reads and the window idles, as between actions; its idle collection (and
        # the memory it gives back) runs once nothing has happened for a while.
        collector = window.idle_collector
        done = getattr(collector, "collections", 0)
        settle(lambda: getattr(collector, "collections", 0) > done, 20)
        out["rss_rest_mb"] = rss_mb()[0]
        window.close()
        settle(lambda: not window.runner.busy, 30)
        window.archive.close()
        window.deleteLater()
        pump()
    return out


def minimal_rss() -> dict[str, float]:
    """The baseline for memory: a minimal PySide6 window, shown and painted."""
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    _app = QApplication.instance() or QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("minimal window"))
    window.resize(1280, 800)
    window.show()
    window.repaint()
    pump()
    rss, peak = rss_mb()
    window.close()
    return {"rss_mb": rss, "rss_peak_mb": peak}


if __name__ == "__main__":
    if sys.argv[1:] == ["--minimal"]:
        print(json.dumps(minimal_rss()))
        raise SystemExit(0)
    raise SystemExit(main())
