"""How soon an edit shows in the list, its count and the filters, on a large archive (issue 18).

    python -m benchmarks.edit_bench [--events 100000] [--repeat 7] [--cache DIR]

On a synthetic archive (generated once into the cache, then copied: edits change it) it times, for two
uncatalogued events (a synthetic archive has no catalogue folder to rebuild its catalogued events from),
what the window does when a person confirms an edit: the edit itself
(validated, journalled, the event written again through the build's writer, the search index kept), then
the reads that refresh the window — the count, the first page and the type facet under no filter. Beside
it, as the baseline from the same run, the same reads with no edit before them. Target (issue 18): the
edit plus the reads within 100 ms at 100,000 events.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

TARGET_MS = 100.0


def _reads(archive: object) -> None:
    from desktop.services import EventFilter

    f = EventFilter()
    archive.count(f)  # type: ignore[attr-defined]
    archive.page(f, limit=200)  # type: ignore[attr-defined]
    archive.facets(f, "type")  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    from benchmarks.suite import DEFAULT_CACHE, ensure_archive
    from desktop.services import Archive, EventFilter

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    args = parser.parse_args(argv)
    source = ensure_archive(args.cache, args.events)
    work = Path(tempfile.mkdtemp(prefix="edit-bench-"))
    db = work / "archive.sqlite"
    shutil.copy(source, db)
    archive = Archive.open(db)
    try:
        rows = archive.page(EventFilter(), limit=2000)
        first, second = [r.key for r in rows if r.uncatalogued][:2]
        chosen = (("an uncatalogued event", first), ("another", second))
        _reads(archive)  # warm the caches as a window that has been open a while has
        results: dict[str, list[float]] = {"reads alone (baseline)": []}
        for label, _key in chosen:
            results[f"edit title + reads, {label}"] = []
            results[f"edit type + reads, {label}"] = []
        results["undo + reads"] = []
        for n in range(args.repeat):
            started = time.perf_counter()
            _reads(archive)
            results["reads alone (baseline)"].append(time.perf_counter() - started)
            for label, key in chosen:
                started = time.perf_counter()
                archive.edit_event(key, title=f"Edited title {n}")
                _reads(archive)
                results[f"edit title + reads, {label}"].append(time.perf_counter() - started)
                started = time.perf_counter()
                archive.edit_event(key, type="seminar" if n % 2 == 0 else "forum")
                _reads(archive)
                results[f"edit type + reads, {label}"].append(time.perf_counter() - started)
            started = time.perf_counter()
            archive.undo()
            _reads(archive)
            results["undo + reads"].append(time.perf_counter() - started)
    finally:
        archive.close()
        shutil.rmtree(work, ignore_errors=True)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"edits on {args.events:,} events, {args.repeat} runs each, load average {load:.2f}")
    print()
    print("| measure | median ms | max ms | target |")
    print("|---|---|---|---|")
    for name, times in results.items():
        ms = [t * 1000 for t in times]
        target = "" if name.startswith("reads alone") else f"≤ {TARGET_MS:.0f} ms"
        print(f"| {name} | {statistics.median(ms):.1f} | {max(ms):.1f} | {target} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
