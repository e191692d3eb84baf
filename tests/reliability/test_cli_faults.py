"""The command line's side of faults: step boundaries it reports, and a full disk named in one line."""

from __future__ import annotations

import argparse
import errno
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from sqlalchemy.exc import OperationalError

from desktop.cli import _disk_full
from tests.reliability.corpus import generated_documents, write_folder

REPO = Path(__file__).resolve().parents[2]


def test_progress_names_every_step_boundary_in_order(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "in", generated_documents(3, seed=9))
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            "import",
            "--progress",
            "--db",
            str(tmp_path / "s.sqlite"),
            str(folder),
        ],
        env=dict(os.environ, ARCHIVE_VIEWER_DATA=str(tmp_path / "data"), PYTHONPATH=str(REPO)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    steps = [line.split()[1:] for line in proc.stderr.splitlines() if line.startswith("progress ")]
    assert steps == [
        ["0/3", "gen_0000.txt"],
        ["1/3", "gen_0001.txt"],
        ["2/3", "gen_0002.txt"],
        ["3/3", "done"],
    ]


def test_a_full_disk_is_recognised_however_it_surfaces() -> None:
    args = argparse.Namespace(db=Path("/media/stick/archive.sqlite"))
    sqlite_full = OperationalError("INSERT …", {}, sqlite3.OperationalError("database or disk is full"))
    for exc in (
        OSError(errno.ENOSPC, "No space left on device"),
        OSError(errno.EDQUOT, "quota"),
        sqlite_full,
    ):
        message = _disk_full(exc, args)
        assert message and "/media/stick/archive.sqlite" in message and "disk is full" in message
        assert "\n" not in message
    try:
        try:
            raise OSError(errno.ENOSPC, "No space left on device")
        except OSError as inner:
            raise RuntimeError("while writing") from inner
    except RuntimeError as outer:
        assert _disk_full(outer, args)
    assert _disk_full(OSError(errno.EACCES, "Permission denied"), args) is None
    assert _disk_full(ValueError("database is locked"), args) is None
