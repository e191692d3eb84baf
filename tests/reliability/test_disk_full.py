"""A full disk during import and during export: one clear line, exit status 2, nothing lost.

The store (or the export folder) sits on a small tmpfs mounted in a private mount namespace
(``unshare --mount``), so the disk really fills up: SQLite and the CSV writer see ENOSPC, nothing is mocked.
Needs root and ``unshare``; skipped with the reason otherwise.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.conftest import Figures
from tests.reliability.corpus import generated_documents, write_folder
from tests.reliability.storecheck import Snapshot, half_imported, soundness

REPO = Path(__file__).resolve().parents[2]

# Runs inside the new mount namespace: mount a tmpfs, put the files on it, run the command, copy back.
_SCRIPT = r"""
set -e
mount -t tmpfs -o size="$SIZE" tmpfs "$MNT"
cp -a "$SRC"/. "$MNT"/
set +e
"$@" >"$OUT/stdout" 2>"$OUT/stderr"
echo $? >"$OUT/rc"
ls -A "$MNT" >"$OUT/listing"
mkdir -p "$OUT/after"
cp -a "$MNT"/. "$OUT/after/"
"""


def _can_mount(tmp: Path) -> str | None:
    """Why a tmpfs cannot be mounted here, or None when it can."""
    if os.geteuid() != 0:
        return "needs root to mount a tmpfs (CI runs as root)"
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        return "needs unshare and mount (util-linux)"
    probe = tmp / "probe"
    probe.mkdir()
    proc = subprocess.run(
        ["unshare", "--mount", "--", "mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(probe)],
        capture_output=True,
        text=True,
    )
    return None if proc.returncode == 0 else f"cannot mount a tmpfs here: {proc.stderr.strip()}"


@pytest.fixture
def small_disk(tmp_path: Path) -> Path:
    reason = _can_mount(tmp_path)
    if reason:
        pytest.skip(reason)
    return tmp_path


def _on_small_disk(tmp: Path, size: int, files: dict[str, Path], command: list[str]) -> dict[str, object]:
    """Run ``command`` with ``files`` copied onto a tmpfs of ``size`` bytes mounted at tmp/mnt."""
    src, mnt, out = tmp / "src", tmp / "mnt", tmp / "out"
    for d in (src, mnt, out):
        d.mkdir(exist_ok=True)
    for name, path in files.items():
        shutil.copy2(path, src / name)
    env = dict(
        os.environ,
        SIZE=str(size),
        MNT=str(mnt),
        SRC=str(src),
        OUT=str(out),
        ARCHIVE_VIEWER_DATA=str(tmp / "data"),
        PYTHONPATH=str(REPO),
    )
    subprocess.run(["unshare", "--mount", "--", "sh", "-c", _SCRIPT, "sh", *command], env=env, check=True)
    return {
        "rc": int((out / "rc").read_text()),
        "stderr": (out / "stderr").read_text(),
        "stdout": (out / "stdout").read_text(),
        "listing": (out / "listing").read_text().split(),
        "after": out / "after",
        "mnt": mnt,
    }


def _standalone_copy(src: Path, dst: Path) -> Path:
    a, b = sqlite3.connect(str(src)), sqlite3.connect(str(dst))
    a.backup(b)
    a.close()
    b.execute("PRAGMA journal_mode = WAL")  # as the app opens it; the mode is kept in the file
    b.close()
    return dst


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("seeded")
    db = tmp / "store.sqlite"
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "build", "--db", str(db)],
        env=dict(os.environ, ARCHIVE_VIEWER_DATA=str(tmp / "data")),
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    return _standalone_copy(db, tmp / "standalone.sqlite")


def _one_clear_line(result: dict[str, object]) -> str:
    stderr = str(result["stderr"])
    assert result["rc"] == 2, result
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("archive-viewer: error: "), stderr
    assert "disk is full" in lines[0], lines[0]
    return lines[0]


def test_import_onto_a_full_disk_leaves_the_store_unchanged(
    small_disk: Path, seeded: Path, figures: Figures
) -> None:
    tmp = small_disk
    big = tmp / "big report.txt"
    # 1.5 MB of text: with its search index it cannot fit in the 256 KB left beside the store.
    big.write_text("Minsk and Jinan sign an agreement. " * 45_000, encoding="utf-8")
    size = seeded.stat().st_size + 256 * 1024
    result = _on_small_disk(
        tmp,
        size,
        {"store.sqlite": seeded},
        [sys.executable, "-m", "desktop", "import", "--db", str(tmp / "mnt" / "store.sqlite"), str(big)],
    )
    line = _one_clear_line(result)
    after = Path(str(result["after"])) / "store.sqlite"
    assert not soundness(after)
    assert Snapshot(after).digest() == Snapshot(seeded).digest(), "the store changed"
    # The writer's lock file stays by design (emptied on close); nothing else may be left.
    expected = {"store.sqlite", "store.sqlite-wal", "store.sqlite-shm", "store.sqlite.lock"}
    leftovers = set(result["listing"]) - expected  # type: ignore[arg-type]
    assert not leftovers, leftovers
    figures.add("faults injected", 1)
    print(f"\ndisk full during import: {line}")


def test_a_disk_that_fills_mid_import_keeps_every_document_whole(
    small_disk: Path, seeded: Path, figures: Figures
) -> None:
    tmp = small_disk
    folder = write_folder(tmp / "incoming", generated_documents(60, seed=3))
    # The reference: the same folder imported with room to spare.
    reference = _standalone_copy(seeded, tmp / "reference.sqlite")
    clean = subprocess.run(
        [sys.executable, "-m", "desktop", "import", "--db", str(reference), str(folder)],
        env=dict(os.environ, ARCHIVE_VIEWER_DATA=str(tmp / "data")),
        capture_output=True,
        text=True,
    )
    assert clean.returncode == 0, clean.stderr
    size = seeded.stat().st_size + 300 * 1024  # room for some of the documents, not all
    result = _on_small_disk(
        tmp,
        size,
        {"store.sqlite": seeded},
        [sys.executable, "-m", "desktop", "import", "--db", str(tmp / "mnt" / "store.sqlite"), str(folder)],
    )
    _one_clear_line(result)
    after = Path(str(result["after"])) / "store.sqlite"
    assert not soundness(after)
    got, want, before = Snapshot(after), Snapshot(reference), Snapshot(seeded)
    assert 0 < len(got.documents - before.documents) < 60, "the disk did not fill mid-way"
    assert not half_imported(got, [want], events_whole=True)
    assert got.rows[None] == before.rows[None]
    figures.add("faults injected", 1)


def test_export_onto_a_full_disk_keeps_the_existing_file(
    small_disk: Path, seeded: Path, figures: Figures
) -> None:
    tmp = small_disk
    store = _standalone_copy(seeded, tmp / "export-store.sqlite")
    folder = write_folder(tmp / "incoming", generated_documents(60, seed=4))
    env = dict(os.environ, ARCHIVE_VIEWER_DATA=str(tmp / "data"))
    run = [sys.executable, "-m", "desktop"]
    subprocess.run(
        [*run, "import", "--db", str(store), str(folder)], env=env, check=True, capture_output=True
    )
    old = tmp / "events.csv"
    old.write_bytes(b"\xef\xbb\xbfid,title\r\nthe previous export,kept byte for byte\r\n" * 800)  # ~51 KB
    result = _on_small_disk(
        tmp,
        64 * 1024,  # the old file fits; a new export of 80 events does not fit beside it
        {"events.csv": old},
        [*run, "export", "--db", str(store), "--out", str(tmp / "mnt" / "events.csv")],
    )
    line = _one_clear_line(result)
    after = Path(str(result["after"]))
    assert (after / "events.csv").read_bytes() == old.read_bytes()
    assert result["listing"] == ["events.csv"], f"left behind: {result['listing']}"
    figures.add("faults injected", 1)
    print(f"\ndisk full during export: {line}")


def test_export_onto_a_device_or_pipe_is_refused_and_leaves_it(tmp_path: Path, seeded: Path) -> None:
    """Moving the finished file into place must never replace a device node (as root: /dev/null)."""
    targets = [tmp_path / "pipe"]
    os.mkfifo(targets[0])
    if os.geteuid() == 0:
        try:
            os.mknod(tmp_path / "null", 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a /dev/null of our own
            targets.append(tmp_path / "null")
        except PermissionError:
            pass  # a container without CAP_MKNOD: the pipe still shows it
    store = _standalone_copy(seeded, tmp_path / "s.sqlite")
    for target in targets:
        mode = target.lstat().st_mode
        proc = subprocess.run(
            [sys.executable, "-m", "desktop", "export", "--db", str(store), "--out", str(target)],
            env=dict(os.environ, ARCHIVE_VIEWER_DATA=str(tmp_path / "data")),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proc.returncode == 2 and "not a regular file" in proc.stderr, proc.stderr
        assert target.lstat().st_mode == mode
        assert not list(tmp_path.glob(".*.part"))
