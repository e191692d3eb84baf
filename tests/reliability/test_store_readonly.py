"""A read-only store or medium: it opens read-only with a visible notice, and every write is refused with
the reason (disabled in the window, exit 2 on the command line) — the file is never changed."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop.cli import main
from desktop.gui.app import make_app
from desktop.gui.window import MainWindow
from desktop.services import Archive
from desktop.store.engine import READ_ONLY_ENV, ReadOnlyStore
from desktop.store.queries import EventFilter
from tests.conftest import REPO

pytestmark = pytest.mark.reliability

VISIT = "evt.2021-06-03.visit"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def built(tmp_path: Path, mini_seeds: Path) -> Path:
    """A closed, fully checkpointed store with one note."""
    path = tmp_path / "ro" / "archive.sqlite"
    archive = Archive.open(path)
    assert archive.build(mini_seeds).ok
    archive.add_note(VISIT, "a note made while writable")
    archive.close()
    return path


def test_forced_read_only_reads_everything_and_writes_nothing(
    built: Path, tmp_path: Path, mini_seeds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _sha(built)
    monkeypatch.setenv(READ_ONLY_ENV, "1")
    archive = Archive.open(built)
    try:
        assert archive.read_only == f"{READ_ONLY_ENV} is set"
        assert archive.count(EventFilter()) == 5
        assert [n.text for n in archive.notes()] == ["a note made while writable"]
        for write in (
            lambda: archive.add_note(VISIT, "x"),
            lambda: archive.edit_note(1, "x"),
            lambda: archive.delete_note(1),
            lambda: archive.build(mini_seeds),
            lambda: archive.import_paths([mini_seeds / "documents"]),
        ):
            with pytest.raises(ReadOnlyStore, match="read-only"):
                write()
    finally:
        archive.close()
    assert _sha(built) == before
    assert not (built.parent / "backups").exists()


def test_cli_write_commands_say_read_only_and_exit_2(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _sha(built)
    db = str(built)
    for argv in (
        ["note", "add", VISIT, "x", "--db", db, "--read-only"],
        ["note", "delete", "1", "--db", db, "--read-only"],
        ["import", str(built.parent), "--db", db, "--read-only"],
        ["build", "--db", db, "--read-only"],
    ):
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "is read-only (as requested)" in err, err
    assert main(["notes", "--db", db, "--read-only"]) == 0
    assert "a note made while writable" in capsys.readouterr().out
    assert _sha(built) == before


def test_window_shows_the_notice_and_disables_writing(
    qtbot, built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(READ_ONLY_ENV, "1")
    archive = Archive.open(built)
    make_app()
    window = MainWindow(archive, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.start()
    for _ in range(3):
        assert window.runner.wait_idle()
    window.select_event_key(VISIT)
    for _ in range(3):
        assert window.runner.wait_idle()
    try:
        assert window.read_only_banner is not None and window.read_only_banner.isVisible()
        assert window.read_only_banner.text().startswith("Read-only: ")
        assert "changes are disabled" in window.read_only_banner.text().lower()
        assert window.windowTitle().endswith("(read-only)")
        assert not window.import_files_action.isEnabled() and not window.import_folder_action.isEnabled()
        pane = window.detail
        assert not pane.note_editor.isEnabled() and not pane.note_save.isEnabled()
        assert "a note made while writable" in pane.user_notes.toPlainText()
        assert "edit" not in pane.user_notes.toHtml().split("a note made while writable")[1]
        assert window.model.count == 5
    finally:
        window.close()
        window.runner.wait_idle()
        archive.close()


def _can_bind_mount_read_only(folder: Path) -> bool:
    if not shutil.which("unshare") or sys.platform != "linux":
        return False
    probe = subprocess.run(
        [
            "unshare",
            "-rm",
            "sh",
            "-c",
            f"mount --bind {folder} {folder} && mount -o remount,ro,bind {folder}",
        ],
        capture_output=True,
    )
    return probe.returncode == 0


def test_a_read_only_mount_opens_immutable_and_refuses_writes(built: Path) -> None:
    """The real thing: the store's folder bind-mounted read-only (root ignores chmod, not a ro mount)."""
    folder = built.parent
    if not _can_bind_mount_read_only(folder):
        pytest.skip("unshare -rm with a read-only bind mount is not available here")
    before = _sha(built)
    python = sys.executable
    script = (
        f"mount --bind {folder} {folder} && mount -o remount,ro,bind {folder} && "
        f"{python} -m desktop events --db {built} --format json > {folder.parent}/events.json; "
        f"echo events=$?; {python} -m desktop note add {VISIT} x --db {built}; echo note=$?"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop(READ_ONLY_ENV, None)
    run = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert "events=0" in run.stdout and "note=2" in run.stdout, run.stdout + run.stderr
    assert "read-only (it is on a read-only disk or mount)" in run.stderr
    assert "Traceback" not in run.stderr
    assert len((folder.parent / "events.json").read_text()) > 100
    assert _sha(built) == before
    assert sorted(p.name for p in folder.iterdir()) == ["archive.sqlite", "archive.sqlite.lock"]
