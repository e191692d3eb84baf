"""SIGKILL during an edit (issue 18): an edit, a merge of entities and of events, a new name, a new entity,
a new event and an undo are each all or nothing. The real command line runs in a subprocess on its own copy
of a store and is killed once every row of the step is written but before the commit (the
``ARCHIVE_VIEWER_TEST_PAUSE_IN_EDIT`` hook), and at random moments; afterwards the store is sound and
exactly as before the step or exactly as after it."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import write_seeds
from tests.reliability.conftest import Figures
from tests.reliability.storecheck import Snapshot, soundness

REPO = Path(__file__).resolve().parents[2]
SEED = int(os.environ.get("RELIABILITY_SEED", "20261207"))

STEPS = {
    "edit": ["event", "edit", "evt.undated.talk", "--title", "Lecture on graphene", "--type", "seminar"],
    "merge": ["entity", "merge", "org.nasb", "org.qlut"],
    "alias": ["entity", "alias", "add", "org.qlut", "Delegates from China"],
    "entity": ["entity", "add", "organisation", "Forum of Delegates", "--country", "country.china"],
    "event merge": ["event", "merge", "evt.2021.minsk-delegation", "evt.2022-03.signing"],
    "event add": ["event", "add", "--title", "Forum", "--document", "d_unc.txt", "--quote", "Delegates"],
    "undo": ["undo"],
}


def _run(args: list[str], db: Path, data: Path, pause: bool = False) -> subprocess.Popen[str]:
    env = dict(os.environ, ARCHIVE_VIEWER_DATA=str(data), PYTHONPATH=str(REPO))
    env.pop("ARCHIVE_VIEWER_TEST_PAUSE_IN_EDIT", None)
    if pause:
        env["ARCHIVE_VIEWER_TEST_PAUSE_IN_EDIT"] = "1"
    return subprocess.Popen(
        [sys.executable, "-m", "desktop", *args, "--db", str(db)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _state(db: Path) -> Counter[tuple[str, tuple[tuple[str, object], ...]]]:
    """The store's content, without when an edit was made (the same edit made later is the same)."""
    rows = Snapshot(db).all_rows()
    return Counter(
        {
            (t, tuple(c for c in row if c[0] != "at")) if t == "edits" else (t, row): n
            for (t, row), n in rows.items()
        }
    )


def _copy(src: Path, dst: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{dst}{suffix}").unlink(missing_ok=True)
    a, b = sqlite3.connect(str(src)), sqlite3.connect(str(dst))
    try:
        a.backup(b)
    finally:
        a.close()
        b.close()


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """For each step: the store before it and the store after it (made without a kill)."""
    work = tmp_path_factory.mktemp("edit-kills")
    seeds = write_seeds(work / "seeds")
    base = work / "base.sqlite"
    build = _run(["build", "--seeds", str(seeds)], base, work / "data")
    assert build.wait(timeout=300) == 0, build.stderr.read() if build.stderr else ""
    # "undo" needs a step to undo: it starts from the store after the merge.
    out: dict[str, tuple[Path, Path]] = {}
    for name, args in STEPS.items():
        before = work / f"{name}-before.sqlite"
        _copy(out["merge"][1] if name == "undo" else base, before)
        after = work / f"{name}-after.sqlite"
        _copy(before, after)
        proc = _run(args, after, work / "data")
        assert proc.wait(timeout=300) == 0, proc.stderr.read() if proc.stderr else ""
        out[name] = (before, after)
    return out


def test_an_edit_killed_before_its_commit_leaves_the_store_as_before(
    stores: dict[str, tuple[Path, Path]], tmp_path: Path, figures: Figures
) -> None:
    survived = 0
    for name, args in STEPS.items():
        before, after = stores[name]
        db = tmp_path / f"{name}.sqlite"
        _copy(before, db)
        proc = _run(args, db, tmp_path / "data", pause=True)
        assert proc.stderr is not None
        line = proc.stderr.readline()
        deadline = time.monotonic() + 120
        while "edit-pause" not in line and time.monotonic() < deadline and proc.poll() is None:
            line = proc.stderr.readline()
        assert "edit-pause" in line, f"{name}: the step never reached its kill point"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        assert soundness(db) == [], f"{name}: the store is damaged after the kill"
        assert _state(db) == _state(before), f"{name}: a killed edit left part of itself behind"
        again = _run(args, db, tmp_path / "data")
        assert again.wait(timeout=300) == 0, again.stderr.read() if again.stderr else ""
        assert _state(db) == _state(after), f"{name}: the step run again did not finish as a clean run does"
        survived += 1
    figures.add("edit kills", survived, len(STEPS))


def test_an_edit_killed_at_random_moments_is_all_or_nothing(
    stores: dict[str, tuple[Path, Path]], tmp_path: Path
) -> None:
    rng = random.Random(SEED)
    for n in range(6):
        name = rng.choice(sorted(STEPS))
        before, after = stores[name]
        db = tmp_path / f"random-{n}.sqlite"
        _copy(before, db)
        proc = _run(STEPS[name], db, tmp_path / "data")
        time.sleep(rng.uniform(0.05, 1.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        assert soundness(db) == [], f"{name} #{n}: damaged"
        state = _state(db)
        assert state in (_state(before), _state(after)), f"{name} #{n}: neither before nor after the step"
