"""A second instance never becomes a second writer: with two real processes, the second opens read-only and
says who holds the store; a lock left by a killed process is recovered (and the store checked)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop.cli import main
from desktop.gui.app import make_app
from desktop.gui.window import MainWindow
from desktop.services import Archive
from desktop.store.engine import StoreError, restore_backup
from desktop.store.queries import EventFilter
from tests.conftest import REPO

pytestmark = pytest.mark.reliability

VISIT = "evt.2021-06-03.visit"
HOLD = """
import sys, time
from desktop.services import Archive
archive = Archive.open(sys.argv[1])
print("writer" if archive.read_only is None else "read-only: " + archive.read_only, flush=True)
time.sleep(float(sys.argv[2]))
archive.close()
"""


def _start(path: Path, seconds: float) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE, text=True, env=env
    )


@pytest.fixture
def store(tmp_path: Path, mini_seeds: Path) -> Path:
    path = tmp_path / "archive.sqlite"
    archive = Archive.open(path)
    assert archive.build(mini_seeds).ok
    archive.close()
    return path


def test_second_process_is_read_only_and_a_killed_writers_lock_recovers(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _start(store, 60)
    try:
        assert first.stdout is not None and first.stdout.readline().strip() == "writer"
        second = Archive.open(store)
        try:
            assert second.read_only is not None and f"process {first.pid}" in second.read_only
            assert second.count(EventFilter()) == 5  # reading works as usual
        finally:
            second.close()
        assert main(["note", "add", VISIT, "x", "--db", str(store)]) == 2
        err = capsys.readouterr().err
        assert f"another Archive Viewer (process {first.pid})" in err and err.count("\n") == 1
        with pytest.raises(StoreError, match="close it first"):
            restore_backup(store, store)  # nothing may replace a store another process is writing
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    # The kernel dropped the dead writer's lock; its pid left in the file marks an unclean close.
    assert (store.parent / "archive.sqlite.lock").read_text().strip() == str(first.pid)
    archive = Archive.open(store)
    try:
        assert archive.read_only is None
        assert archive._store.checked  # quick_check ran because the last session was killed
        archive.add_note(VISIT, "written after the recovery")
    finally:
        archive.close()


def test_two_processes_starting_together_make_exactly_one_writer(store: Path) -> None:
    procs = [_start(store, 3) for _ in range(2)]
    lines = []
    for p in procs:
        assert p.stdout is not None
        lines.append(p.stdout.readline().strip())
    for p in procs:
        p.wait(20)
    assert lines.count("writer") == 1, lines
    assert all(line == "writer" or "another Archive Viewer" in line for line in lines)


def test_second_window_opens_read_only_with_a_notice(store: Path, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = _start(store, 60)
    try:
        assert first.stdout is not None and first.stdout.readline().strip() == "writer"
        archive = Archive.open(store)
        make_app()
        window = MainWindow(archive, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        window.show()
        window.start()
        deadline = time.monotonic() + 20
        while window.model.count == 0 and time.monotonic() < deadline:
            window.runner.wait_idle()
        try:
            assert window.model.count == 5
            assert window.read_only_banner is not None and window.read_only_banner.isVisible()
            assert f"process {first.pid}" in window.read_only_banner.text()
            assert not window.import_files_action.isEnabled()
        finally:
            window.close()
            window.runner.wait_idle()
            archive.close()
    finally:
        first.send_signal(signal.SIGTERM)
        first.wait(10)
