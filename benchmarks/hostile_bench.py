"""Hostile documents (issue 14): importing a name-dense document, and showing it in the detail pane.

    python -m benchmarks.hostile_bench [--sizes 1 2 4 19] [--detail-sizes 0.25 0.5 1 2] [--quick]
    python -m benchmarks.hostile_bench --code /tmp/before --timeout 120     # the same, on other code

A *name-dense* document is the seed texts cut into sentences and repeated to the size asked for, each
sentence followed by a line of authority names (Belarus, China, Minsk, Гусаков, 白俄罗斯 …, from a pool of
forty such lines, so most of them repeat: duplicate-title debris full of mentions), with metadata lines,
credits and bulleted headline lists between them — tens of thousands of mentions and of debris spans a
megabyte, the input that made the import and the pane quadratic.

Import: wall and CPU time of ``Archive.import_paths`` of one such document into a store built from the
seeds, per MB so that linear growth shows, beside the same text inserted with plain ``sqlite3`` (one row,
and one row of an FTS5 table). Detail pane: the real window offscreen, the document's event selected
(with and without a search): the time until the pane first shows the document, until it is fully
rendered, and the longest time the GUI thread did not come back to its event loop meanwhile (a timer
ticking every 5 ms on the GUI thread records the longest gap), beside ``QTextBrowser.setPlainText`` of the
same text.

Every measurement runs in a process of its own, killed after ``--timeout`` seconds (reported as
"> N s"), so that the quadratic code of before can be measured too: ``--code DIR`` runs the probes with
``DIR``'s ``desktop`` package (e.g. ``git worktree add /tmp/before HEAD``). The archives the pane is
measured on are built by this checkout's code (the stored rows are the same).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
MB = 1_000_000
_SENTENCE = re.compile(r"(?<=[.!?。।])\s+")
SEARCH = "Belarus"  # a word the name-dense document holds thousands of times


# ------------------------------------------------------------------------------------------ the document


def name_dense_text(size_bytes: int, seed: int = 14, seeds: Path = SEEDS) -> str:
    """A name-dense document of about ``size_bytes`` UTF-8 bytes (see the module's docstring)."""
    rng = random.Random(seed)
    sentences: list[str] = []
    for path in sorted((seeds / "documents").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            sentences += [s for s in _SENTENCE.split(line.strip()) if s]
    authority = tomllib.loads((seeds / "catalogue" / "authority.toml").read_text(encoding="utf-8"))
    names = sorted(
        {a["text"] for e in authority["entity"] for a in e.get("aliases", [])}
        | {e["name"] for e in authority["entity"]}
    )
    pool = [", ".join(rng.sample(names, rng.randrange(3, 7))) for _ in range(40)]
    headlines = [s for s in sentences if 20 < len(s) < 120]
    lines: list[str] = []
    size = copy = 0
    while size < size_bytes:
        copy += 1
        for i, sentence in enumerate(sentences):
            # Odd copies repeat the sentences (duplicate-title debris), even ones number them (article).
            block = [sentence if copy % 2 else f"[{copy}.{i}] {sentence}", rng.choice(pool)]
            if i % 4 == 3:
                kind = rng.randrange(4)
                if kind == 0:
                    block.append(f"Source: Xinhua  Views: {rng.randrange(10**5)}")
                elif kind == 1:
                    year, month, day = rng.randrange(2010, 2025), rng.randrange(1, 13), rng.randrange(1, 29)
                    block.append(f"Release time: {year}-{month:02d}-{day:02d}")
                elif kind == 2:
                    block += [f"- {rng.choice(headlines)}" for _ in range(rng.randrange(3, 6))]
                else:
                    block.append("(Editor: Li Wei)")
            lines += block
            size += sum(len(b.encode("utf-8")) + 1 for b in block)
            if size >= size_bytes:
                break
    return "\n".join(lines) + "\n"


def write_document(folder: Path, megabytes: float) -> Path:
    path = folder / f"name-dense-{megabytes:g}MB.txt"
    if not path.exists():
        path.write_text(name_dense_text(int(megabytes * MB)), encoding="utf-8")
    return path


def build_archive(folder: Path, document: Path) -> Path:
    """A store of the seeds plus ``document``, built by this checkout's code (for the pane's probes)."""
    from desktop.services import Archive

    path = folder / f"{document.stem}.sqlite"
    if not path.exists():
        archive = Archive.open(path)
        archive.build(SEEDS)
        report = archive.import_paths([document])
        archive.close()
        assert report.ok, report.rejected
    return path


# ------------------------------------------------------------------------------------------ probes
# Each runs in a child process (``--probe``) and prints one JSON object on its last line.


def probe_import(document: Path) -> dict[str, Any]:
    """Import ``document`` into a store built from the seeds: wall and CPU seconds, and what it found."""
    from desktop.services import Archive

    with tempfile.TemporaryDirectory() as tmp:
        archive = Archive.open(Path(tmp) / "s.sqlite")
        archive.build(SEEDS)
        wall, cpu = time.perf_counter(), time.process_time()
        report = archive.import_paths([document])
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        assert report.ok, report.rejected
        with sqlite3.connect(Path(tmp) / "s.sqlite") as conn:
            doc = "(SELECT id FROM documents WHERE origin = 'import')"
            mentions = conn.execute(f"SELECT count(*) FROM mentions WHERE document_id = {doc}").fetchone()[0]
            debris = conn.execute(f"SELECT count(*) FROM debris_spans WHERE document_id = {doc}").fetchone()[
                0
            ]
        archive.close()
        baseline = _sqlite_baseline(document.read_text(encoding="utf-8"), Path(tmp))
    return {"wall_s": wall, "cpu_s": cpu, "mentions": mentions, "debris": debris, **baseline}


def _sqlite_baseline(text: str, folder: Path) -> dict[str, float]:
    """The same text written with plain sqlite3: one row of a table, and one row of an FTS5 table."""
    out: dict[str, float] = {}
    for name, create in (
        ("sqlite_insert_s", "CREATE TABLE t (body TEXT)"),
        ("fts5_insert_s", "CREATE VIRTUAL TABLE t USING fts5(body)"),
    ):
        path = folder / f"{name}.sqlite"
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute(create)
        started = time.perf_counter()
        with conn:
            conn.execute("INSERT INTO t (body) VALUES (?)", (text,))
        out[name] = time.perf_counter() - started
        conn.close()
    return out


class GcPauses:
    """The longest pause of Python's cyclic garbage collector (in any thread) since the last reset.

    A collection of the oldest generation walks every live container object and holds the GIL while it
    does, so the GUI thread waits for it whichever thread triggered it: it is counted apart, as the part of
    a stall no code of the pane's can shorten.
    """

    def __init__(self) -> None:
        self.longest = 0.0
        self.generation = -1
        self._started = 0.0
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        elif time.perf_counter() - self._started > self.longest:
            self.longest, self.generation = time.perf_counter() - self._started, info["generation"]

    def reset(self) -> None:
        self.longest, self.generation = 0.0, -1


def probe_detail(db: Path, search: str | None, timeout: float) -> dict[str, Any]:
    """Select the imported document's event in the real window (after a search, if given)."""
    from PySide6.QtWidgets import QTextBrowser

    from benchmarks.gui_bench import StallMeter, open_window
    from benchmarks.gui_probe import settle as _settle
    from desktop.gui.app import collect_when_idle

    with sqlite3.connect(db) as conn:
        key, text = conn.execute(
            "SELECT e.key, d.text FROM events e JOIN event_documents ed ON ed.event_id = e.id "
            "JOIN documents d ON d.id = ed.document_id WHERE d.origin = 'import'"
        ).fetchone()
    last_line = text.rstrip("\n").rsplit("\n", 1)[-1]
    out: dict[str, Any] = {"chars": len(text)}
    with tempfile.TemporaryDirectory() as tmp:
        window = open_window(db, Path(tmp))
        window.start()
        collect_when_idle(window)  # as run_gui does once the window is up
        _settle(lambda: not window.runner.busy, timeout)
        if search:
            window.search.setText(search)
            window._search_timer.stop()
            window._search_changed()
            _settle(lambda: not window.runner.busy, timeout)
        pane = window.detail
        meter, pauses = StallMeter(interval_ms=5), GcPauses()
        _settle(lambda: False, 0.1)  # the meter's first tick
        meter.reset()
        pauses.reset()
        started = time.perf_counter()
        window.select_event_key(key)

        def shown() -> bool:
            return pane.detail is not None and pane.detail.row.key == key

        if not _settle(shown, timeout):
            return {**out, "first_paint_s": None}
        pane.text.viewport().repaint()
        out["first_paint_s"] = time.perf_counter() - started

        def finished() -> bool:
            # The code of before has no ``rendering``: it showed the whole document in one call.
            return not window.runner.busy and not getattr(pane, "rendering", False)

        if not _settle(finished, timeout):
            return {**out, "rendered_s": None}
        pane.text.viewport().repaint()
        out["rendered_s"] = time.perf_counter() - started
        _settle(lambda: False, 0.3)  # anything Qt does after (lazy layout) counts as well
        out["longest_stall_s"] = meter.read()
        out["longest_gc_s"], out["longest_gc_generation"] = pauses.longest, pauses.generation
        t = time.perf_counter()
        gc.collect()  # a baseline: one full collection with the document's detail alive
        out["full_gc_s"] = time.perf_counter() - t
        out["complete"] = last_line in pane.text.toPlainText()
        slices = getattr(pane, "slice_times", None)
        if slices:
            out["slices"], out["longest_slice_s"] = len(slices), max(slices)
        # The baseline: the same text given to a bare QTextBrowser of the same size as plain text.
        browser = QTextBrowser()
        browser.resize(pane.text.size())
        browser.show()
        _settle(lambda: False, 0.1)
        meter.reset()
        t = time.perf_counter()
        browser.setPlainText(text)
        browser.viewport().repaint()
        out["plain_call_s"] = time.perf_counter() - t
        _settle(lambda: False, 0.3)
        out["plain_stall_s"] = meter.read()
        meter.timer.stop()
        window.close()
        _settle(lambda: not window.runner.busy, 30)
        window.archive.close()
    return out


def _child(args: list[str], code: Path, timeout: float) -> dict[str, Any] | None:
    """Run a probe in its own process with ``code``'s desktop package; None when it ran out of time."""
    env = {**os.environ, "PYTHONPATH": str(code), "QT_QPA_PLATFORM": "offscreen"}
    try:
        done = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--probe", *args],
            cwd=code,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        raise RuntimeError(f"probe {args} failed:\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


# ------------------------------------------------------------------------------------------ the report


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _s(value: float | None, timeout: float) -> str:
    if value is None:
        return f"> {timeout:g} s"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def run(
    sizes: list[float], detail_sizes: list[float], code: Path, timeout: float, cache: Path
) -> dict[str, Any]:
    cache.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {"code": str(code), "import": {}, "detail": {}}
    print(f"Hostile documents (issue 14): code {code}; load average {_load()}\n")
    if sizes:
        print("Import of a name-dense document (Archive.import_paths; its own process)\n")
        print(
            "| size | mentions | debris spans | wall | CPU | wall per MB | sqlite3 insert | FTS5 insert "
            "| load avg |"
        )
        print("|---|---|---|---|---|---|---|---|---|")
        for mb in sizes:
            document = write_document(cache, mb)
            r = _child(["import", str(document)], code, timeout)
            results["import"][f"{mb:g}"] = r
            if r is None:
                print(f"| {mb:g} MB | | | {_s(None, timeout)} | | | | | {_load()} |", flush=True)
                continue
            print(
                f"| {mb:g} MB | {r['mentions']:,} | {r['debris']:,} | {_s(r['wall_s'], timeout)} "
                f"| {_s(r['cpu_s'], timeout)} | {r['wall_s'] / mb:.2f} s/MB "
                f"| {_s(r['sqlite_insert_s'], timeout)} "
                f"| {_s(r['fts5_insert_s'], timeout)} | {_load()} |",
                flush=True,
            )
        print()
    if detail_sizes:
        print("Detail pane: selecting the document's event in the window (offscreen, 1280×800)\n")
        print(
            "| size | search | first paint | fully rendered | longest GUI stall (longest GC pause) | "
            "setPlainText (call / stall) | one full GC | load avg |"
        )
        print("|---|---|---|---|---|---|---|---|")
        for mb in detail_sizes:
            db = build_archive(cache, write_document(cache, mb))
            for search in (None, SEARCH):
                args = ["detail", str(db), search or "", str(timeout)]
                r = _child(args, code, timeout + 30)
                results["detail"][f"{mb:g}/{search or '-'}"] = r
                label = f"“{search}”" if search else "none"
                if r is None or r.get("first_paint_s") is None or r.get("rendered_s") is None:
                    # Killed, or gave up waiting: the old pane held the GUI thread the whole time.
                    first = _s(r.get("first_paint_s") if r else None, timeout)
                    never = _s(None, timeout)
                    print(f"| {mb:g} MB | {label} | {first} | {never} | {never} | | | {_load()} |")
                    continue
                slices = (
                    f" ({r['slices']} slices, longest {_s(r['longest_slice_s'], timeout)})"
                    if "slices" in r
                    else ""
                )
                print(
                    f"| {mb:g} MB | {label} | {_s(r['first_paint_s'], timeout)} "
                    f"| {_s(r['rendered_s'], timeout)}{slices} | {_s(r['longest_stall_s'], timeout)} "
                    f"({_s(r['longest_gc_s'], timeout)}) "
                    f"| {_s(r['plain_call_s'], timeout)} / {_s(r['plain_stall_s'], timeout)} "
                    f"| {_s(r['full_gc_s'], timeout)} | {_load()} |",
                    flush=True,
                )
        print()
    return results


def main(argv: list[str] | None = None) -> int:
    args_in = sys.argv[1:] if argv is None else argv
    if args_in[:1] == ["--probe"]:
        kind, *rest = args_in[1:]
        if kind == "import":
            result = probe_import(Path(rest[0]))
        else:
            result = probe_detail(Path(rest[0]), rest[1] or None, float(rest[2]))
        print(json.dumps(result))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="*", default=[1, 2, 4, 19], help="import sizes, MB")
    parser.add_argument(
        "--detail-sizes", type=float, nargs="*", default=[0.25, 0.5, 1, 2], help="detail pane sizes, MB"
    )
    parser.add_argument("--quick", action="store_true", help="a smoke run: 0.25 and 0.5 MB, the pane at 0.25")
    parser.add_argument(
        "--code", type=Path, default=REPO, help="the checkout whose desktop package to measure"
    )
    parser.add_argument("--timeout", type=float, default=300, help="seconds before a measurement is given up")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "archive-viewer-hostile")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args(args_in)
    sizes, detail_sizes = args.sizes, args.detail_sizes
    if args.quick:
        sizes, detail_sizes = [0.25, 0.5], [0.25]
    results = run(sizes, detail_sizes, args.code.resolve(), args.timeout, args.cache)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
