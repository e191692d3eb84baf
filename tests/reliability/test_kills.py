"""SIGKILL during build and import, at random moments and at every step boundary: nothing is lost.

Each kill runs the real command line in a subprocess on its own copy of a store. After the kill the store
must pass ``integrity_check`` and ``foreign_key_check``; every document in it must have exactly the rows a
clean run gives it (an import writes a document and its event in one transaction; a build writes the
events in one last transaction, so they are all from before or all from after); and running the command
again must complete with the same store content as an uninterrupted run.

The default suite kills 20 times on a small corpus; ``RELIABILITY_LONG=1`` (scripts/reliability) kills at
every boundary of a corpus of 200 generated documents plus the seeds, and at 200+ random moments.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.reliability.conftest import LONG, Figures
from tests.reliability.corpus import generated_documents, write_folder, write_seeds_with
from tests.reliability.storecheck import Snapshot, diff, events_state, half_imported, soundness

REPO = Path(__file__).resolve().parents[2]
CORPUS = 200 if LONG else 8
SEED = int(os.environ.get("RELIABILITY_SEED", "20261130"))


def _env(data: Path, pause_at: int | None = None) -> dict[str, str]:
    env = dict(os.environ, ARCHIVE_VIEWER_DATA=str(data), PYTHONPATH=str(REPO))
    env.pop("ARCHIVE_VIEWER_TEST_PAUSE_AT", None)
    if pause_at is not None:
        env["ARCHIVE_VIEWER_TEST_PAUSE_AT"] = str(pause_at)
    return env


def _copy_store(src: Path | None, dst: Path) -> None:
    """A standalone copy (SQLite's backup API: the template's WAL included)."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{dst}{suffix}").unlink(missing_ok=True)
    if src is None:
        return
    a, b = sqlite3.connect(str(src)), sqlite3.connect(str(dst))
    try:
        a.backup(b)
    finally:
        a.close()
        b.close()


@dataclass
class Scenario:
    """One command run against a starting store, with what a clean run leaves behind."""

    name: str
    args: Callable[[Path], list[str]]  # the command line for a given store path
    base: Path | None  # the starting store (None: no store yet)
    events_whole: bool  # True for import: each document's event is written with it
    rerun_codes: tuple[int, ...]
    before: Snapshot | None = None
    reference: Snapshot | None = None
    reference_path: Path = Path()
    steps: int = 0
    seconds: float = 0.0
    progress: list[str] = field(default_factory=list)  # the clean run's progress lines
    _by_path: dict[str, Snapshot] = field(default_factory=dict)

    def by_path(self) -> dict[str, Snapshot]:
        """The clean states with documents keyed by path (computed once)."""
        if not self._by_path:
            self._by_path["after"] = Snapshot(self.reference_path, document_key="path")
            if self.base is not None:
                self._by_path["before"] = Snapshot(self.base, document_key="path")
        return self._by_path

    def command(self, db: Path) -> list[str]:
        return [sys.executable, "-m", "desktop", *self.args(db), "--db", str(db), "--progress"]


def _run_clean(sc: Scenario, db: Path, data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        sc.command(db), env=_env(data), capture_output=True, text=True, timeout=600, check=False
    )


def _prepare(sc: Scenario, work: Path) -> None:
    """Run once without a kill: the reference content, the run time and the number of steps."""
    db = work / f"{sc.name}-reference.sqlite"
    _copy_store(sc.base, db)
    sc.before = Snapshot(db) if sc.base else None
    started = time.perf_counter()
    proc = _run_clean(sc, db, work / "data")
    sc.seconds = time.perf_counter() - started
    assert proc.returncode == 0, proc.stderr
    steps = [line for line in proc.stderr.splitlines() if line.startswith("progress ")]
    sc.steps = int(steps[-1].split()[1].split("/")[1])
    sc.reference = Snapshot(db)
    sc.reference_path = db
    sc.progress = steps
    sc.by_path()


def _check_after_kill(sc: Scenario, db: Path, label: str) -> None:
    """Sound, no half-imported document, a build's events all old or all new."""
    problems = soundness(db)
    assert not problems, f"{label}: the store is damaged after the kill: {problems[:5]}"
    assert sc.reference is not None
    snap = Snapshot(db)
    references = [sc.reference] + ([sc.before] if sc.before else [])
    half = half_imported(snap, references, events_whole=sc.events_whole)
    assert not half, f"{label}: half-imported document(s):\n" + "\n".join(half[:3])
    if not sc.events_whole:
        # A build rewrites every event in its last transaction: they are all the old ones or all new.
        by_path = Snapshot(db, document_key="path")
        candidates = sc.by_path()
        state = events_state(by_path, candidates) or ("none yet" if not by_path.event_rows else None)
        assert state, f"{label}: the events are neither the old nor the new ones: " + diff(
            by_path.event_rows, candidates["after"].event_rows
        )
    elif sc.before is not None:
        got, want = snap.rows.get(None, Counter()), sc.before.rows.get(None, Counter())
        assert got == want, f"{label}: rows outside the imported documents changed: {diff(got, want)}"


def _kill_chain(
    sc: Scenario, work: Path, label: str, *, steps: list[int] | None = None, after: float | None = None
) -> Counter[str]:
    """Kill one run at a random moment (``after`` seconds), or successive runs at each of ``steps``.

    With steps, each run after a kill resumes the work and is killed at the next boundary; every kill
    is checked, then a last run must complete with the content of an uninterrupted run.
    """
    db = work / f"{label}.sqlite"
    data = work / f"{label}-data"
    _copy_store(sc.base, db)
    outcomes: Counter[str] = Counter()
    for at_step in steps if steps is not None else [None]:
        proc = subprocess.Popen(
            sc.command(db),
            env=_env(data, at_step),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stderr is not None
        if at_step is not None:
            wanted = f"progress {at_step}/"
            for line in proc.stderr:
                if line.startswith(wanted):
                    break
            else:
                raise AssertionError(f"{label}: the process ended before step {at_step}")
        else:
            assert after is not None
            time.sleep(after)
        killed = proc.poll() is None
        if killed:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        proc.stderr.close()
        where = f"{label}" + (f" (step {at_step})" if at_step is not None else "")
        _check_after_kill(sc, db, where)
        outcomes["survived" if killed else "finished"] += 1
    # Running again completes and leaves what an uninterrupted run leaves.
    assert sc.reference is not None
    again = _run_clean(sc, db, data)
    assert again.returncode in sc.rerun_codes, f"{label}: the run after the kill failed: {again.stderr}"
    assert "Traceback" not in again.stderr
    after_snap = Snapshot(db)
    assert not soundness(db)
    assert after_snap.digest() == sc.reference.digest(), f"{label}: the store after the rerun differs:\n" + (
        diff(after_snap.all_rows(), sc.reference.all_rows())
    )
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(data, ignore_errors=True)
    return outcomes


@pytest.fixture(scope="module")
def scenarios(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Scenario]:
    work = tmp_path_factory.mktemp("kills")
    data = work / "data"
    docs = generated_documents(CORPUS, seed=SEED)
    folder = write_folder(work / "incoming", docs)
    seeds_v1 = write_seeds_with(work / "seeds-v1", docs)
    seeds_v2 = write_seeds_with(work / "seeds-v2", generated_documents(CORPUS, seed=SEED, variant=1))
    one_changed = dict(docs, **{"gen_0000.txt": docs["gen_0000.txt"] + b"corrected\n"})
    seeds_v3 = write_seeds_with(work / "seeds-v3", one_changed)
    # Starting stores: the bundled seeds (for imports), and seeds v1 (for a refresh build to v2).
    seeded = work / "seeded.sqlite"
    built_v1 = work / "built-v1.sqlite"
    for db, args in ((seeded, ["build"]), (built_v1, ["build", "--seeds", str(seeds_v1)])):
        proc = subprocess.run(
            [sys.executable, "-m", "desktop", *args, "--db", str(db)],
            env=_env(data),
            capture_output=True,
            text=True,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
    found = {
        "import": Scenario("import", lambda db: ["import", str(folder)], seeded, True, (0, 1)),
        "build": Scenario("build", lambda db: ["build", "--seeds", str(seeds_v1)], None, False, (0,)),
        "refresh": Scenario("refresh", lambda db: ["build", "--seeds", str(seeds_v2)], built_v1, False, (0,)),
        "refresh-one": Scenario(
            "refresh-one", lambda db: ["build", "--seeds", str(seeds_v3)], built_v1, False, (0,)
        ),
    }
    for sc in found.values():
        _prepare(sc, work)
    return found


Kill = tuple[str, str, list[int] | None, float | None]  # scenario, label, boundaries, random delay


def _chains(steps: list[int], length: int) -> list[list[int]]:
    return [steps[i : i + length] for i in range(0, len(steps), length)]


def _plan(scenarios: dict[str, Scenario]) -> list[Kill]:
    """Every kill to make: seeded, so that a failure can be replayed (RELIABILITY_SEED)."""
    rng = random.Random(SEED)
    plan: list[Kill] = []
    if LONG:
        random_kills = {"import": 90, "build": 60, "refresh": 40, "refresh-one": 20}
        boundaries = {
            "import": list(range(scenarios["import"].steps + 1)),
            "build": list(range(scenarios["build"].steps + 1)),
            "refresh": sorted(rng.sample(range(scenarios["refresh"].steps + 1), 20)),
            "refresh-one": sorted(rng.sample(range(scenarios["refresh-one"].steps + 1), 10)),
        }
        chain = 10
    else:
        random_kills = {"import": 6, "build": 5, "refresh": 3}
        boundaries = {
            "import": sorted(rng.sample(range(scenarios["import"].steps + 1), 3)),
            "build": [0, scenarios["build"].steps],
            "refresh": [scenarios["refresh"].steps // 2],
        }
        chain = 3
    for name, count in random_kills.items():
        # Anywhere from the process start (imports, opening the store) to the end of its work.
        for i in range(count):
            delay = rng.uniform(0.05, scenarios[name].seconds)
            plan.append((name, f"{name}-random-{i}-{delay:.3f}s", None, delay))
    for name, steps in boundaries.items():
        plan += [(name, f"{name}-steps-{c[0]}-{c[-1]}", c, None) for c in _chains(steps, chain)]
    return plan


def test_kills_leave_nothing_half_done(
    scenarios: dict[str, Scenario], tmp_path: Path, figures: Figures
) -> None:
    plan = _plan(scenarios)
    failures: list[str] = []
    outcomes: Counter[str] = Counter()

    def one(item: Kill) -> None:
        name, label, steps, delay = item
        try:
            outcomes.update(_kill_chain(scenarios[name], tmp_path, label, steps=steps, after=delay))
        except AssertionError as exc:
            outcomes["lost"] += 1
            failures.append(str(exc))

    # Two at a time: the machine has two cores, and random moments do not need an idle one.
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(one, plan))
    kills = outcomes["survived"] + outcomes["lost"]
    figures.add("kills", outcomes["survived"], kills)
    print(
        f"\nkills: {outcomes['survived']}/{kills} survived "
        f"({outcomes['finished']} runs finished before their random moment; "
        + ", ".join(f"{n}: {sc.steps} steps, {sc.seconds:.1f} s" for n, sc in scenarios.items())
        + ")"
    )
    assert not failures, f"{len(failures)} kill(s) lost something:\n" + "\n\n".join(failures[:3])
    assert outcomes["survived"] >= (200 if LONG else 15)


def test_a_refresh_killed_after_its_last_changed_document_rebuilds_the_events_next_time(
    scenarios: dict[str, Scenario], tmp_path: Path, figures: Figures
) -> None:
    """One changed document, killed right after its transaction: the next build must redo the events.

    The documents are all unchanged by then, so only a mark left by the killed run can tell it to.
    """
    sc = scenarios["refresh-one"]
    changed = next(i for i, line in enumerate(sc.progress) if line.endswith(" gen_0000.txt"))
    outcomes = _kill_chain(sc, tmp_path, "refresh-one-after-change", steps=[changed + 1])
    figures.add("kills", outcomes["survived"], 1)
    assert outcomes["survived"] == 1
