"""The benchmark suite of issue 7: every measure as a ratio to a baseline measured in the same run.

    python -m benchmarks.suite --events 100000 1000000          # the whole table
    python -m benchmarks.suite --events 2000 --quick            # a smoke run (a few seconds per part)
    python -m benchmarks.suite --events 100000 --only search facets

Archives are generated once with ``archive-viewer synth`` into a cache folder (``--cache``, default
``/tmp/archive-viewer-bench``) and reused; a file's name carries the events, the synthesiser's version and
the schema head, so a new schema or generator never reuses a stale archive. Baselines:

- start-up and memory: a minimal PySide6 window (``benchmarks/minimal_window.py``), a process each;
- facet counts and search: the very SQL the app ran (captured from SQLAlchemy, compiled with literal
  binds) run by the ``sqlite3`` command line (skipped, with a note, when it is not installed);
- CSV export: raw ``sqlite3`` + ``csv.writer`` writing the same columns (the files are compared);
- build: raw ``executemany`` of the rows the build wrote, then the full-text rows, into an empty store.

The window's measures (start-up, the window, facet counts) run twice: on an idle machine, and with one core
kept busy by a bounded background load the suite starts and stops itself (``benchmarks.busyload``); every
figure carries the load average when it was taken (``--machine idle`` or ``busy`` for one of the two).

Nothing here is part of the test suite's pass/fail; ``tests/test_benchmarks.py`` only checks that a tiny
run goes end to end.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from benchmarks.busyload import busy_core, load_average

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CACHE = Path(tempfile.gettempdir()) / "archive-viewer-bench"
PARTS = ("start", "gui", "facets", "search", "export", "build", "cli")
# The window's measures run on an idle machine and again with one core kept busy (issue 20); the others idle.
CONDITIONS = {"idle": "idle", "busy": "one core busy"}
BUSY_PARTS = ("start", "gui", "facets")
# Issue 20's targets, idle and with one core busy (seconds, or a ratio to the baseline).
TARGETS: dict[str, dict[str, float]] = {
    "idle": {"start": 1.3, "filter": 0.025, "scroll": 0.010, "jump": 0.030, "stall": 0.030, "facets_1m": 0.2},
    "busy": {"start": 1.5, "filter": 0.050, "scroll": 0.016, "jump": 0.050, "stall": 0.050, "facets_1m": 0.4},
}
SEARCH_WORDS = ("минск", "academy", "中白", "सहयोग", "signed", "конференция")


# ------------------------------------------------------------------------------------------ results


@dataclass
class Row:
    """One line of the table: a measure on one archive, its baseline and whether the target is met."""

    measure: str
    size: str
    value: str
    baseline: str = "—"
    ratio: str = "—"
    target: str = ""
    met: bool | None = None
    note: str = ""
    condition: str = "idle"  # "idle", or "busy": one core kept busy by benchmarks.busyload
    load: float | None = None  # the one-minute load average when the figure was taken (set by Report.add)


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict)

    def add(self, row: Row) -> None:
        if row.load is None:
            row.load = load_average()
        self.rows.append(row)
        mark = {True: "yes", False: "NO", None: "—"}[row.met]
        print(
            f"  {row.measure} [{row.size}, {row.condition}, load {row.load:.1f}]: {row.value}"
            + (f" vs {row.baseline} = {row.ratio}" if row.baseline != "—" else "")
            + f" (target {row.target}: {mark}){' — ' + row.note if row.note else ''}",
            flush=True,
        )

    def table(self) -> str:
        head = "| measure | archive | machine (load) | value | baseline (same run) | ratio | target | met |"
        lines = [head, "|---|---|---|---|---|---|---|---|"]
        for r in self.rows:
            mark = {True: "yes", False: "**no**", None: "—"}[r.met]
            note = f" ({r.note})" if r.note else ""
            machine = f"{CONDITIONS[r.condition]} ({r.load or 0.0:.1f})"
            cells = (r.measure, r.size, machine, r.value, r.baseline, r.ratio, r.target, mark + note)
            lines.append("| " + " | ".join(cells) + " |")
        return "\n".join(lines)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 10 else f"{seconds:.1f} s"


def p95(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(len(ordered) * 0.95) - 1)]


def size_label(events: int) -> str:
    if events >= 1_000_000 and events % 1_000_000 == 0:
        return f"{events // 1_000_000} M"
    if events >= 1000 and events % 1000 == 0:
        return f"{events // 1000} k"
    return str(events)


def machine() -> str:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(
            int(line.split()[1]) // 1024 // 1024
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
    except (OSError, StopIteration, ValueError):
        mem = 0
    import sqlite3

    return (
        f"{os.cpu_count()} cores, {cpu}, {mem} GB RAM, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}, {platform.system()} {platform.release()}"
    )


# ------------------------------------------------------------------------------------------ archives


def archive_path(cache: Path, events: int) -> Path:
    """The cached archive for ``events``: the name says which generator and schema made it."""
    from benchmarks.synth import SYNTH_VERSION
    from desktop.store.engine import SCHEMA_HEAD

    return cache / f"events-{events}-synth{SYNTH_VERSION}-schema{SCHEMA_HEAD}.sqlite"


def ensure_archive(cache: Path, events: int) -> Path:
    path = archive_path(cache, events)
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        print(f"generating {events:,} events into {path} (once; reused by later runs) …", flush=True)
        started = time.perf_counter()
        # Made under another name and renamed when whole: an interrupted run leaves no half archive that
        # the next run would take for the real one.
        partial = path.with_name(path.name + ".partial")
        for leftover in cache.glob(partial.name + "*"):
            leftover.unlink()
        subprocess.run(
            [sys.executable, "-m", "desktop", "synth", "--events", str(events), "--db", str(partial)],
            check=True,
            cwd=ROOT,
        )
        partial.replace(path)
        print(f"  generated in {time.perf_counter() - started:.0f} s", flush=True)
    return path


# ------------------------------------------------------------------------------------------ the sqlite3 CLI


def sqlite_cli() -> str | None:
    return shutil.which("sqlite3")


def _cli_run(cli: str, db: Path, script: str) -> float:
    started = time.perf_counter()
    subprocess.run(
        [cli, "-batch", str(db)],
        input=script,
        text=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=True,
    )
    return time.perf_counter() - started


CLI_BUDGET = 0.25  # seconds a timed run of fast statements should take (--quick lowers it)


def cli_seconds(cli: str, db: Path, statements: Sequence[str], runs: int = 3) -> float:
    """Seconds the ``sqlite3`` command line takes to run ``statements`` once (its start-up subtracted).

    Each run times the process with the statements repeated R times and without them; fast statements are
    repeated until a run takes about a quarter of a second, so the start-up's jitter does not dominate.
    """
    body = "".join(s.rstrip().rstrip(";") + ";\n" for s in statements)
    _cli_run(cli, db, body)  # warm the page cache as the app's own warm-up run does
    empty = min(_cli_run(cli, db, "SELECT 1;\n") for _ in range(3))
    once = max(_cli_run(cli, db, body) - empty, 1e-5)
    repeat = 1 if once > 0.1 else min(200, max(1, math.ceil(CLI_BUDGET / once)))
    samples = []
    for _ in range(runs):
        total = _cli_run(cli, db, body * repeat)
        base = _cli_run(cli, db, "SELECT 1;\n")
        samples.append(max(total - base, 0.0) / repeat)
    # Never zero: start-up jitter can exceed a tiny statement's time, and ratios divide by this.
    return max(statistics.median(samples), 1e-6)


@contextmanager
def captured_sql(archive: Any) -> Iterator[list[str]]:
    """Every statement the archive runs meanwhile, as literal SQL (bind values inlined) for the CLI."""
    from sqlalchemy import event

    statements: list[str] = []
    engine = archive._store.engine

    def before_execute(conn: Any, clause: Any, multiparams: Any, params: Any, options: Any) -> None:
        if not hasattr(clause, "compile"):
            return
        sql = str(clause.compile(dialect=engine.dialect, compile_kwargs={"literal_binds": True}))
        statements.append(sql)

    event.listen(engine, "before_execute", before_execute)
    try:
        yield statements
    finally:
        event.remove(engine, "before_execute", before_execute)


def timed_median(fn: Callable[[], Any], runs: int = 3) -> tuple[float, Any]:
    """Median seconds of ``runs`` calls after one warm-up call, and the last result."""
    result = fn()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples), result


# ------------------------------------------------------------------------------------------ start-up


def first_paint_seconds(cmd: list[str], env: dict[str, str]) -> float | None:
    started = time.time()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300, cwd=ROOT).stdout
    for line in out.splitlines():
        if line.startswith("first-page-painted"):
            return float(line.split()[1]) - started
    return None


def measure_start(report: Report, archives: dict[int, Path], runs: int, condition: str = "idle") -> None:
    """Process start to the first painted page of events, against a minimal PySide6 window."""
    print(f"start-up (process start → first page painted), {CONDITIONS[condition]} …", flush=True)
    most = TARGETS[condition]["start"]
    base_env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ARCHIVE_VIEWER_EXIT_AFTER_PAINT="1")
    minimal: list[float] = []
    app: dict[int, list[float]] = {n: [] for n in archives}
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(runs):
            t = first_paint_seconds([sys.executable, "-m", "benchmarks.minimal_window"], base_env)
            if t is not None:
                minimal.append(t)
            for n, db in archives.items():
                data = Path(tmp) / f"data-{n}-{run}"  # a fresh data folder: no settings from earlier runs
                env = dict(base_env, ARCHIVE_VIEWER_DATA=str(data))
                t = first_paint_seconds([sys.executable, "-m", "desktop", "gui", "--db", str(db)], env)
                if t is not None:
                    app[n].append(t)
    base = statistics.median(minimal)
    report.raw["start"] = {"minimal": minimal, **{str(n): v for n, v in app.items()}}
    smallest = min(archives)
    for n in archives:
        if not app[n]:
            report.add(
                Row(
                    "cold start to first page painted",
                    size_label(n),
                    "failed",
                    target=f"≤ {most}×",
                    condition=condition,
                )
            )
            continue
        value = statistics.median(app[n])
        ratio = value / base
        note = f"median of {len(app[n])}"
        met = ratio <= most
        if n != smallest and app[smallest]:
            growth = value / statistics.median(app[smallest]) - 1
            note += f"; {growth:+.0%} vs {size_label(smallest)}"
            met = met and growth <= 0.10
        report.add(
            Row(
                "cold start to first page painted",
                size_label(n),
                ms(value),
                f"minimal window {ms(base)}",
                f"{ratio:.2f}×",
                f"≤ {most}×, and within 10 % of {size_label(smallest)}",
                met,
                note,
                condition,
            )
        )


def _process_seconds(cmd: list[str], runs: int) -> float | None:
    """Median wall time of a whole process, start to exit (None if it failed)."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
        if done.returncode != 0:
            print(f"  {' '.join(cmd[2:])} failed: {done.stderr.decode(errors='replace')[-300:]}")
            return None
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def measure_cli(report: Report, n: int, db: Path, runs: int) -> None:
    """``archive-viewer events --limit 50`` as a whole process, beside a bare interpreter's start."""
    print(f"command line on {size_label(n)} …", flush=True)
    bare = _process_seconds([sys.executable, "-c", "pass"], runs) or 0.0
    plain = [sys.executable, "-m", "desktop", "events", "--db", str(db), "--limit", "50"]
    for label, cmd, target in (
        ("CLI `events --limit 50`, whole process", plain, 0.3),
        ("CLI `events --type visit --limit 50`, whole process", [*plain, "--type", "visit"], None),
    ):
        _process_seconds(cmd, 1)  # the page cache warm, as for every other measure
        seconds = _process_seconds(cmd, runs)
        report.add(
            Row(
                label,
                size_label(n),
                "failed" if seconds is None else ms(seconds),
                f"python -c pass {ms(bare)}",
                "—" if seconds is None or not bare else f"{seconds / bare:.1f}×",
                f"≤ {ms(target)}" if target else "(reported)",
                None if target is None else seconds is not None and seconds <= target,
                f"median of {runs}",
            )
        )


# ------------------------------------------------------------------------------------------ the window


def measure_gui(report: Report, n: int, db: Path, condition: str = "idle") -> None:
    """Filter changes, scrolling, jumps, the detail pane, stalls and memory: one window process each."""
    print(f"window on {size_label(n)} (offscreen, its own process), {CONDITIONS[condition]} …", flush=True)
    t = TARGETS[condition]

    def add(row: Row) -> None:
        row.condition = condition
        report.add(row)

    def p95_row(measure: str, samples: Sequence[float], most: float, note: str = "") -> None:
        """A row for the p95 of ``samples`` held to ``most`` seconds."""
        add(Row(measure, size, ms(p95(samples)), target=f"≤ {ms(most)}", met=p95(samples) <= most, note=note))

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.gui_probe", str(db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=3600,
        cwd=ROOT,
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        tail = "\n".join(proc.stderr.splitlines()[-15:])
        add(Row("window benchmark", size_label(n), f"failed (exit {proc.returncode})", note=tail))
        return
    g = json.loads(lines[-1])
    minimal_out = subprocess.run(
        [sys.executable, "-m", "benchmarks.gui_probe", "--minimal"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    ).stdout
    minimal = json.loads([line for line in minimal_out.splitlines() if line.startswith("{")][-1])
    report.raw[f"gui-{n}"] = {**g, "minimal": minimal}
    size = size_label(n)
    first = g["filter_first_page_s"]
    p95_row(
        "filter change → first page shown, p95",
        first,
        t["filter"],
        f"{len(first)} changes, median {ms(statistics.median(first))}, max {ms(max(first))}",
    )
    facets = g["filter_facets_shown_s"]
    add(
        Row(
            "filter change → every facet count shown, p95",
            size,
            ms(p95(facets)),
            target="(off the GUI thread)",
            note=f"median {ms(statistics.median(facets))}, max {ms(max(facets))}",
        )
    )
    interrupted = g.get("superseded_interrupted")
    # Nothing interrupted and both filters settled at once: the first filter's counts were done, or had
    # not begun (they start 40 ms after its page), when the next came — nothing long was left running.
    already = not interrupted and (
        bool(g.get("superseded_already_done")) or g.get("supersede_settled_s", 9.0) < 0.5
    )
    add(
        Row(
            "superseded facet query cancelled",
            size,
            "not measured"
            if interrupted is None
            else ("yes" if interrupted else "nothing to cancel" if already else "no"),
            target="cancelled when superseded",
            met=None if interrupted is None or already else bool(interrupted),
            note=f"both filters settled in {ms(g['supersede_settled_s'])}"
            + ("; the first filter's counts were done or not begun when the next came" if already else ""),
        )
    )
    frames, jumps = g["scroll_frame_s"], g["jump_s"]
    p95_row(
        "scrolling frame, p95", frames, t["scroll"], f"{len(frames)} frames (3 rows and a page at a time)"
    )
    p95_row("jump to any row, p95", jumps, t["jump"])
    details = g["detail_s"]
    p95_row(
        "detail pane for any event, p95",
        details,
        0.02,
        f"median {ms(statistics.median(details))}, max {ms(max(details))}",
    )
    stall = g["longest_stall_s"]
    worst = max(g["stall_by_phase_s"].items(), key=lambda kv: kv[1])
    add(
        Row(
            "longest GUI-thread stall",
            size,
            ms(stall),
            target=f"≤ {ms(t['stall'])}",
            met=stall <= t["stall"],
            note=f"worst during {worst[0]}",
        )
    )
    rss = g.get("rss_rest_mb", g["rss_end_mb"])
    extra = rss - minimal["rss_mb"]
    add(
        Row(
            "memory (RSS) with the archive open, at rest",
            size,
            f"{rss:.0f} MB",
            f"minimal window {minimal['rss_mb']:.0f} MB",
            f"{extra:+.0f} MB",
            "≤ +80 MB",
            extra <= 80,
            f"after every measure above and the window's idle collection; {g['rss_end_mb']:.0f} MB right"
            f" after the measures, {g['rss_first_page_mb']:.0f} MB at the first page",
        )
    )
    add(
        Row(
            "sort by a column, p95",
            size,
            ms(p95(g["sort_s"])),
            target="(reported)",
            note="first page in the new order shown",
        )
    )


# ------------------------------------------------------------------------------------------ facets, search


def _filters(archive: Any) -> list[tuple[str, Any]]:
    """Representative filters: a type, a country, a person within a date range."""
    from desktop.store.queries import EventFilter

    def top(kind: str) -> Any:
        return archive.facets(EventFilter(), kind, 1)[0].value

    base = EventFilter()
    return [
        ("a type", base.with_value("type", top("type"))),
        ("a country", base.with_value("country", top("country"))),
        (
            "a person, 2015–2020",
            replace(base.with_value("person", top("person")), date_from="2015-01-01", date_to="2020-12-31"),
        ),
    ]


def measure_facets(
    report: Report,
    n: int,
    db: Path,
    cli: str | None,
    condition: str = "idle",
    cache: Path | None = DEFAULT_CACHE,
) -> None:
    """Facet counts from the index, beside the app's SQL, the sqlite3 shell and (with a ``cache`` to keep
    its virtual environment in) Datasette serving the same store."""
    from desktop.services import Archive

    print(f"facet counts on {size_label(n)}, {CONDITIONS[condition]} …", flush=True)
    archive = Archive.open(db)
    try:
        _measure_facets(report, n, db, cli, condition, archive, cache)
    finally:
        archive.close()


def _measure_facets(
    report: Report, n: int, db: Path, cli: str | None, condition: str, archive: Any, cache: Path | None
) -> None:
    from benchmarks.datasette_peer import serving
    from desktop.gui.listcontrol import FACET_LIMIT
    from desktop.store import queries as q

    most = TARGETS[condition]["facets_1m"] * max(1.0, n / 1_000_000)  # the 1 M target, also met below it
    with serving(db, cache) if cache is not None else contextlib.nullcontext() as peer:
        # The index is read once per change of the store, in the background; then every count is its.
        started = time.perf_counter()
        index = archive.facet_index(wait=True)
        read = time.perf_counter() - started
        report.add(
            Row(
                "facet index read (after a change of the store, in the background)",
                size_label(n),
                ms(read) if index is not None else "failed",
                target="(reported)",
                condition=condition,
            )
        )
        for label, f in _filters(archive):

            def every_kind(f: Any = f) -> None:
                archive.all_facets(f, FACET_LIMIT)  # what the window runs after each filter change

            def in_sql(f: Any = f) -> None:
                with archive._connect() as conn:
                    q.all_facets(conn, f, FACET_LIMIT)  # the counts before the index (issue 7's SQL)

            seconds, _ = timed_median(every_kind)
            sql_seconds, _ = timed_median(in_sql)
            with captured_sql(archive) as statements:
                in_sql()
            row = Row(
                f"facet counts for every kind, under {label}",
                size_label(n),
                ms(seconds),
                target=f"≤ {ms(most)}",
                met=seconds <= most,
                note=f"the same counts in SQL in the app: {ms(sql_seconds)}",
                condition=condition,
            )
            if cli is None:
                row.note += "; sqlite3 command line not installed (apt-get install sqlite3): no baseline"
            else:
                base = cli_seconds(cli, db, statements)
                row.baseline, row.ratio = f"sqlite3 CLI, the SQL {ms(base)}", f"{seconds / base:.2f}×"
            if peer is None:
                row.note += "; no Datasette figure" + ("" if cache is None else " (it could not be run)")
            else:
                served = peer.seconds(statements)
                faster = served / max(seconds, 1e-6)
                row.note += f"; Datasette serving the store: {ms(served)}, the index {faster:.0f}× faster"
                row.met = bool(row.met) and (condition == "idle" or faster >= 5)
                report.raw.setdefault("datasette", []).append(
                    {"events": n, "filter": label, "condition": condition, "seconds": served}
                )
            report.add(row)


def measure_search(report: Report, n: int, db: Path, cli: str | None) -> None:
    from desktop.services import Archive
    from desktop.store.queries import EventFilter

    print(f"search on {size_label(n)} …", flush=True)
    archive = Archive.open(db)
    try:
        # Issue 20: a common word's best page by relevance at a million events in 250 ms (the 1 M target,
        # also met below it), and no slower than the sqlite3 shell running the same SQL (issue 7's 1.2×).
        relevance_most = 0.25 * max(1.0, n / 1_000_000)
        relevance_target = f"≤ {ms(relevance_most)} and ≤ 1.2× the SQL"
        for sort, target, absolute in (("date", "≤ 50 ms", True), ("relevance", relevance_target, False)):
            worst: tuple[float, float | None, str] | None = None
            per_word = []
            for word in SEARCH_WORDS:
                f = EventFilter(text=word)
                try:
                    seconds, _ = timed_median(
                        lambda f=f, sort=sort: archive.page(f, sort, sort == "date", None, 200)
                    )
                except ValueError as exc:
                    if sort == "relevance":
                        report.add(
                            Row(
                                "search by relevance, first page",
                                size_label(n),
                                "not available",
                                target=target,
                                note=f"the app does not sort by relevance yet ({exc})",
                            )
                        )
                        worst = None
                        break
                    raise
                base = None
                if cli is not None:
                    with captured_sql(archive) as statements:
                        archive.page(f, sort, sort == "date", None, 200)
                    base = cli_seconds(cli, db, statements)
                per_word.append(f"{word} {ms(seconds)}" + (f"/{ms(base)}" if base else ""))
                if worst is None or seconds > worst[0]:
                    worst = (seconds, base, word)
            if worst is None:
                continue
            seconds, base, word = worst
            measure = (
                "search, first page in time order" if sort == "date" else "search by relevance, first page"
            )
            row = Row(measure, size_label(n), ms(seconds), target=target, note=f"slowest word “{word}”")
            if base is not None:
                row.baseline, row.ratio = f"sqlite3 CLI {ms(base)}", f"{seconds / base:.2f}×"
            if absolute:
                row.met = seconds <= 0.05
            else:
                row.met = seconds <= relevance_most and (base is None or seconds <= 1.2 * base)
            report.raw.setdefault(f"search-{n}", {})[sort] = per_word
            report.add(row)
    finally:
        archive.close()


# ------------------------------------------------------------------------------------------ export

_RAW_EXPORT_SQL = """
SELECT e.key, coalesce(e.start_date, ''), coalesce(e.end_date, ''), e.start_precision, e.start_certainty,
       e.title, e.type, e.place_name, e.countries,
       coalesce((SELECT group_concat(name, ' | ') FROM (
           SELECT n.name FROM event_entities ee JOIN entities n ON n.id = ee.entity_id
           WHERE ee.event_id = e.id AND ee.direct AND n.type = 'person' ORDER BY n.sort_name)), ''),
       coalesce((SELECT group_concat(name, ' | ') FROM (
           SELECT n.name FROM event_entities ee JOIN entities n ON n.id = ee.entity_id
           WHERE ee.event_id = e.id AND ee.direct AND n.type = 'organisation' ORDER BY n.sort_name)), ''),
       e.languages,
       coalesce((SELECT group_concat(d, ' | ') FROM (
           SELECT doc.filename || ' (sha256:' || doc.sha256 || ')' AS d
           FROM event_documents ed JOIN documents doc ON doc.id = ed.document_id
           WHERE ed.event_id = e.id ORDER BY doc.filename)), ''),
       CASE WHEN e.uncatalogued THEN 'yes' ELSE 'no' END
FROM events e ORDER BY e.sort_date, e.id
"""


def _export_columns() -> tuple[str, ...]:
    """The app's default export columns, which the raw baseline writes too (its SQL selects them)."""
    from desktop.export.csv_export import DEFAULT_COLUMNS

    return DEFAULT_COLUMNS


def raw_export(db: Path, out: Path) -> int:
    """The baseline: one SQL statement, ``csv.writer``, the same columns, BOM, quoting and formula guard."""
    import sqlite3

    danger = ("=", "+", "-", "@", "\t", "\r", "\n")
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    count = 0
    try:
        with open(out, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
            writer.writerow(_export_columns())
            for row in con.execute(_RAW_EXPORT_SQL):
                writer.writerow(["'" + v if v.startswith(danger) else v for v in row])
                count += 1
    finally:
        con.close()
    return count


def measure_export(report: Report, n: int, db: Path) -> None:
    from desktop.services import Archive
    from desktop.store.queries import EventFilter

    print(f"CSV export of {size_label(n)} …", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        raw_out, app_out = Path(tmp) / "raw.csv", Path(tmp) / "app.csv"
        started = time.perf_counter()
        raw_rows = raw_export(db, raw_out)
        raw_seconds = time.perf_counter() - started
        archive = Archive.open(db)
        calls = [0]

        def progress(done: int, total: int) -> None:
            calls[0] += 1

        try:
            started = time.perf_counter()
            result = archive.export_csv(
                app_out, event_filter=EventFilter(), columns=_export_columns(), progress=progress
            )
            app_seconds = time.perf_counter() - started
        finally:
            archive.close()
        same = raw_out.read_bytes() == app_out.read_bytes()
    ratio = (result.count / app_seconds) / (raw_rows / raw_seconds)
    report.add(
        Row(
            "CSV export of every event",
            size_label(n),
            f"{result.count / app_seconds:,.0f} rows/s ({app_seconds:.1f} s)",
            f"sqlite3 + csv.writer {raw_rows / raw_seconds:,.0f} rows/s ({raw_seconds:.1f} s)",
            f"{ratio:.2f}×",
            "≥ 0.8× the throughput, with progress",
            ratio >= 0.8 and calls[0] > 0,
            f"{calls[0]} progress reports; files {'identical' if same else 'DIFFER'}",
        )
    )


# ------------------------------------------------------------------------------------------ build


def raw_load(source: Path, target: Path) -> tuple[float, int]:
    """The baseline: the rows a build wrote, inserted with raw ``executemany`` into an empty store (same
    schema and indexes), then the full-text rows after the data (as a rebuild of the index would)."""
    import sqlite3

    from desktop.store.engine import open_store

    open_store(target).close()  # the schema, made by the migrations: not timed
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    # Full-text tables (whatever the schema calls them) are filled after the data, from their own rows;
    # their shadow tables (name_data, name_idx, …) are FTS5's business.
    virtual = [
        name
        for (name,) in src.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'"
        )
    ]
    tables = [
        name
        for (name,) in src.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")
        if name not in virtual
        and not any(name.startswith(v + "_") for v in virtual)
        and not name.startswith("sqlite_")
        and name != "alembic_version"
    ]
    data = {t: src.execute(f'SELECT * FROM "{t}"').fetchall() for t in tables}
    fts: dict[str, tuple[list[str], list[Any]]] = {}
    for v in virtual:
        columns = ["rowid", *(r[1] for r in src.execute(f'PRAGMA table_info("{v}")'))]
        fts[v] = (columns, src.execute(f'SELECT {", ".join(columns)} FROM "{v}"').fetchall())
    src.close()
    rows = sum(len(v) for v in data.values()) + sum(len(r) for _c, r in fts.values())
    con = sqlite3.connect(target, isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = NORMAL")
    for v in virtual:  # the schema's migrations may have filled them from the (empty) tables
        con.execute(f'DELETE FROM "{v}"')
    started = time.perf_counter()
    con.execute("BEGIN")
    for t, values in data.items():
        if values:
            marks = ", ".join("?" * len(values[0]))
            con.executemany(f'INSERT OR REPLACE INTO "{t}" VALUES ({marks})', values)
    for v, (columns, values) in fts.items():
        marks = ", ".join("?" * len(columns))
        con.executemany(f'INSERT INTO "{v}" ({", ".join(columns)}) VALUES ({marks})', values)
    con.execute("COMMIT")
    seconds = time.perf_counter() - started
    con.close()
    return seconds, rows


def measure_build(report: Report, copies: int) -> None:
    from benchmarks.build_bench import make_copies
    from desktop.paths import bundled_seeds_dir
    from desktop.services import Archive

    print(f"build of the seeds + {copies} copies …", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        Archive.open(root / "warm.sqlite").build(bundled_seeds_dir())  # load the language models once
        make_copies(bundled_seeds_dir(), root / "seeds", copies)
        db = root / "built.sqlite"
        archive = Archive.open(db)
        started = time.perf_counter()
        result = archive.build(root / "seeds")
        app_seconds = time.perf_counter() - started
        archive.close()
        raw_seconds, rows = raw_load(db, root / "raw.sqlite")
    ratio = raw_seconds / app_seconds
    report.add(
        Row(
            "build (import) of documents",
            f"{result.documents:,} docs",
            f"{app_seconds:.2f} s = {rows / app_seconds:,.0f} rows/s",
            f"raw executemany + FTS {raw_seconds:.2f} s = {rows / raw_seconds:,.0f} rows/s",
            f"{ratio:.2f}×",
            "≥ 0.5× the throughput",
            ratio >= 0.5,
            f"{rows:,} rows written (every table and the full-text index)",
        )
    )


# ------------------------------------------------------------------------------------------ main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where generated archives are kept")
    parser.add_argument(
        "--archive",
        action="append",
        default=[],
        metavar="N=FILE",
        help="measure this store as the N-event archive instead of generating one (repeatable)",
    )
    parser.add_argument("--only", nargs="+", choices=PARTS, help="run only these parts")
    parser.add_argument("--runs", type=int, default=5, help="start-up runs per archive (median)")
    parser.add_argument("--build-copies", type=int, default=200, help="copies of the seeds to build")
    parser.add_argument(
        "--quick", action="store_true", help="a smoke run: fewer runs, a tiny build, no Datasette"
    )
    parser.add_argument(
        "--no-datasette",
        action="store_true",
        help="leave out the Datasette baseline (installed from PyPI into the cache on first use otherwise)",
    )
    parser.add_argument("--json", type=Path, help="also write every raw figure to this file")
    parser.add_argument(
        "--machine",
        nargs="+",
        choices=tuple(CONDITIONS),
        default=list(CONDITIONS),
        help="measure the window idle, with one core kept busy (benchmarks.busyload), or both (the default)",
    )
    args = parser.parse_args(argv)
    parts = set(args.only or PARTS)
    runs = 2 if args.quick else args.runs
    if args.quick:
        global CLI_BUDGET
        CLI_BUDGET = 0.02
    copies = 2 if args.quick else args.build_copies
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    report = Report()
    print(f"machine: {machine()}")
    print(f"date: {time.strftime('%Y-%m-%d %H:%M %Z')}")
    given = {int(n): Path(path) for n, _, path in (a.partition("=") for a in args.archive)}
    archives = {n: given[n] if n in given else ensure_archive(args.cache, n) for n in sorted(args.events)}
    cli = sqlite_cli()
    if cli is None and parts & {"facets", "search"}:
        print("note: no sqlite3 command line (apt-get install sqlite3): the SQL baselines are skipped")
    for condition in args.machine if parts & set(BUSY_PARTS) else ():
        with busy_core() if condition == "busy" else contextlib.nullcontext():
            if "start" in parts:
                measure_start(report, archives, runs, condition)
            for n, db in archives.items():
                if "gui" in parts:
                    measure_gui(report, n, db, condition)
                if "facets" in parts:
                    peer_cache = None if args.quick or args.no_datasette else args.cache
                    measure_facets(report, n, db, cli, condition, peer_cache)
    for n, db in archives.items():
        if "search" in parts:
            measure_search(report, n, db, cli)
        if "export" in parts:
            measure_export(report, n, db)
        if "cli" in parts:
            measure_cli(report, n, db, runs)
    if "build" in parts:
        measure_build(report, copies)
    print()
    print(report.table())
    if args.json:
        args.json.write_text(
            json.dumps({"machine": machine(), "rows": [r.__dict__ for r in report.rows], "raw": report.raw})
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
