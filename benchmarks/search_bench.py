"""Search on a large archive: the first page in time order and by relevance, beside the sqlite3 shell.

    python -m benchmarks.search_bench --events 100000 --events 1000000   # generates each archive once
    python -m benchmarks.search_bench --db /path/to/store.sqlite

For each query the app's own call (``Archive.page`` with the search, 200 rows) is timed warm, median of
several runs, and so is exactly the same SQL (``queries.page_statement`` with its values inlined) in the
``sqlite3`` command-line shell — SQLite's own time, without Python, SQLAlchemy or building rows. The
ratio says what our layers cost on top of the database.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

# Queries of every kind the archive's readers type, in the synthetic archive's four scripts.
QUERIES: list[tuple[str, str]] = [
    ("common English word", "seminar"),
    ("common Russian word, inflected", "семинаре"),
    ("Chinese sub-word", "国际会议"),
    ("Hindi word", "सम्मेलन"),
    ("name across scripts", "Kapoor"),
    ("phrase", '"medical university"'),
    ("prefix", "semin*"),
    ("two words AND", "seminar Linhai"),
    ("OR and NOT", "(forum OR seminar) -university"),
    ("rare name", "Zokekid"),
]
RUNS = 5


def _sql(f: object, sort: str) -> str:
    from sqlalchemy.dialects import sqlite

    from desktop.store.queries import page_statement

    stmt = page_statement(f, sort, sort == "date", None, 200)  # type: ignore[arg-type]
    return str(stmt.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))


def shell_seconds(db: Path, sql: str, runs: int = 20) -> float | None:
    """SQLite's time for ``sql`` in the sqlite3 shell, warm, per run (None without the shell).

    The shell's own timer counts whole milliseconds, too coarse for a 1 ms query: the shell runs the query
    once and then ``runs + 1`` times, and the difference of the two wall times divided by ``runs`` is the
    time of one warm run, without the shell's start or its first, cold run.
    """
    shell = shutil.which("sqlite3")
    if shell is None:
        return None
    statement = sql.strip().rstrip(";") + ";\n"

    def wall(repeats: int) -> float:
        script = ".output /dev/null\n" + statement * repeats
        best = float("inf")
        for _ in range(3):  # the least disturbed of three
            started = time.perf_counter()
            subprocess.run(
                [shell, "-batch", str(db)], input=script, capture_output=True, text=True, check=True
            )
            best = min(best, time.perf_counter() - started)
        return best

    return max(0.0, (wall(runs + 1) - wall(1)) / runs)


def app_seconds(archive: object, f: object, sort: str, runs: int = RUNS) -> tuple[float, int]:
    times = []
    rows = 0
    for i in range(runs + 1):
        started = time.perf_counter()
        rows = len(archive.page(f, sort, sort == "date", None, 200))  # type: ignore[attr-defined]
        if i:  # the first run warms the caches, as the shell's first run does
            times.append(time.perf_counter() - started)
    return statistics.median(times), rows


def run(db: Path) -> list[dict[str, object]]:
    from desktop.services import Archive
    from desktop.store.queries import EventFilter

    archive = Archive.open(db)
    total = archive.count(EventFilter())
    print(f"\n{db} — {total:,} events")
    print(f"{'query':34} {'order':9} {'hits':>8} {'app':>9} {'sqlite3':>9} {'ratio':>6}")
    results: list[dict[str, object]] = []
    for label, text in QUERIES:
        f = EventFilter(text=text)
        hits = archive.count(f)
        for sort in ("date", "relevance"):
            app, _rows = app_seconds(archive, f, sort)
            shell = shell_seconds(db, _sql(f, sort))
            ratio = f"{app / shell:5.2f}×" if shell else "  n/a"
            shell_ms = f"{shell * 1000:7.1f}ms" if shell is not None else "      n/a"
            print(f"{label + ' ' + text:34.34} {sort:9} {hits:8,} {app * 1000:7.1f}ms {shell_ms} {ratio}")
            results.append(
                {"query": text, "sort": sort, "hits": hits, "app_s": app, "sqlite3_s": shell, "events": total}
            )
    archive.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, action="append", help="archive size (repeatable)")
    parser.add_argument("--db", type=Path, action="append", help="an existing store (repeatable)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    dbs: list[Path] = list(args.db or [])
    for events in args.events or ([] if dbs else [100_000]):
        db = Path(tempfile.gettempdir()) / f"archive-viewer-bench-{events}.sqlite"
        if not db.exists():
            from benchmarks.synth import synthesize

            print(f"generating {events:,} events into {db} …")
            synthesize(db, events, args.seed)
        dbs.append(db)
    if shutil.which("sqlite3") is None:
        print("note: the sqlite3 shell is not installed (apt-get install sqlite3): no baseline column")
    for db in dbs:
        run(db)


if __name__ == "__main__":
    main()
