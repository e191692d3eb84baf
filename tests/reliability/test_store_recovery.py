"""A damaged store at start: detected, moved aside (never deleted), the newest verified backup offered and
restored with the reader's notes; backups taken with the backup API before builds and migrations, verified
and rotated."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.services import Archive
from desktop.services.recovery import Choice
from desktop.store import engine
from desktop.store.engine import (
    BACKUPS_KEPT,
    CorruptStore,
    backup_store,
    list_backups,
    newest_verified_backup,
    open_store,
    restore_backup,
)

pytestmark = pytest.mark.reliability

VISIT = "evt.2021-06-03.visit"


def _truncate(path: Path) -> None:
    with path.open("r+b") as fh:
        fh.truncate(path.stat().st_size // 2 + 100)


def _zero_header(path: Path) -> None:
    with path.open("r+b") as fh:
        fh.write(b"\x00" * 100)


def _flip_page_bytes(path: Path) -> None:
    # Flip the b-tree page headers of several pages in the middle of the file (bit rot, a bad sector).
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    pages = len(data) // page
    for k in range(pages // 3, pages // 3 + 8):
        for i in range(k * page, k * page + 12):
            data[i] ^= 0xFF
    path.write_bytes(bytes(data))


CORRUPTIONS: dict[str, Callable[[Path], None]] = {
    "truncated": _truncate,
    "zeroed header": _zero_header,
    "flipped page bytes": _flip_page_bytes,
}


def _store_with_backup(tmp_path: Path, seeds: Path) -> Path:
    path = tmp_path / "store" / "archive.sqlite"
    archive = Archive.open(path)
    assert archive.build(seeds).ok
    archive.add_note(VISIT, "kept in the backup")
    # A rebuild that changes a non-empty store backs it up first (one with nothing new writes nothing).
    (seeds / "catalogue" / "events.toml").write_text(
        (seeds / "catalogue" / "events.toml").read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8"
    )
    assert archive.build(seeds).ok
    archive.add_note(VISIT, "written after the last backup")
    archive.close()
    assert [b.reason for b in list_backups(path)] == ["build"]
    return path


@pytest.mark.parametrize("kind", list(CORRUPTIONS))
def test_damage_is_detected_set_aside_and_the_backup_restored(
    kind: str, tmp_path: Path, mini_seeds: Path
) -> None:
    path = _store_with_backup(tmp_path, mini_seeds)
    CORRUPTIONS[kind](path)
    damaged_bytes = path.read_bytes()

    with pytest.raises(CorruptStore) as caught:
        open_store(path)
    exc = caught.value
    assert exc.backup is not None and exc.backup.reason == "build"
    assert "archive-viewer restore" in str(exc) and exc.backup.label in str(exc)
    assert "\n" not in str(exc)
    # Kept aside byte for byte, never deleted; nothing is left at the store's own name.
    assert exc.moved_to.read_bytes() == damaged_bytes
    assert exc.moved_to.name.startswith("archive-damaged-")
    assert not path.exists()

    restored, replaced = restore_backup(path)
    assert restored.path == exc.backup.path and replaced is None
    archive = Archive.open(path)
    try:
        assert [n.text for n in archive.notes()] == ["kept in the backup"]
        with archive._connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        archive.close()


def test_cli_tells_how_to_restore_and_restores(
    tmp_path: Path, mini_seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _store_with_backup(tmp_path, mini_seeds)
    _zero_header(path)
    assert main(["events", "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "damaged" in err and "`archive-viewer restore`" in err
    assert main(["backups", "--db", str(path)]) == 0
    assert "before build" in capsys.readouterr().out
    assert main(["restore", "--db", str(path)]) == 0
    assert "restored" in capsys.readouterr().out
    assert main(["notes", "--db", str(path), "--format", "json"]) == 0
    assert "kept in the backup" in capsys.readouterr().out
    # Restoring over a sound store keeps that store aside too.
    assert main(["restore", "--db", str(path)]) == 0
    assert "kept as archive-replaced-" in capsys.readouterr().out
    assert len(list(path.parent.glob("archive-replaced-*.sqlite"))) == 1


def test_default_store_without_backup_starts_again_from_the_bundled_documents(
    fresh_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fresh_data_dir.mkdir(parents=True)
    store = fresh_data_dir / "archive.sqlite"
    store.write_bytes(b"\x00" * 8192)  # a store zeroed by a failing disk
    assert main(["documents", "--format", "json"]) == 2
    err = capsys.readouterr().err
    assert "no verified backup" in err and "run the command again" in err
    assert len(list(fresh_data_dir.glob("archive-damaged-*.sqlite"))) == 1
    assert main(["documents"]) == 0  # a fresh archive from seeds/
    assert "first run" in capsys.readouterr().err


def test_backups_are_verified_and_rotated(tmp_path: Path, mini_archive: Archive) -> None:
    made = [backup_store(mini_archive.path, "test") for _ in range(BACKUPS_KEPT + 2)]
    kept = list_backups(mini_archive.path)
    assert [b.path for b in kept] == list(reversed(made))[:BACKUPS_KEPT]
    assert not made[0].exists() and not made[1].exists()
    for b in kept:
        con = sqlite3.connect(b.path)
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        con.close()
    assert not list(kept[0].path.parent.glob("*.part"))
    # A backup that rotted on disk is passed over for the next one.
    _zero_header(kept[0].path)
    verified = newest_verified_backup(mini_archive.path)
    assert verified is not None and verified.path == kept[1].path


def test_quick_check_runs_when_cheap_or_after_an_unclean_close(
    tmp_path: Path, mini_seeds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.sqlite"
    archive = Archive.open(path)
    archive.build(mini_seeds)
    archive.close()
    archive = Archive.open(path)
    assert archive._store.checked  # a small store: checked at every open
    archive.close()
    lock_file = path.with_name(path.name + ".lock")
    assert lock_file.read_text() == ""  # a clean close

    monkeypatch.setattr(engine, "QUICK_CHECK_ALWAYS_BYTES", 0)  # as if the store were large
    store = open_store(path)
    assert not store.checked
    store.close()
    lock_file.write_text("999999\n")  # the pid of a session that was killed
    store = open_store(path)
    assert store.checked
    store.close()


def _answer_recovery(choice: Choice, seen: list[str]) -> None:
    """Click a button of the recovery dialog once it is up (it runs modally, as for a reader); a choice
    it does not offer closes it (the test then fails on what it finds, rather than waiting forever)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def click() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())  # type: ignore[attr-defined]
        buttons = [b for b, c in box.choices.items() if c is choice]  # type: ignore[attr-defined]
        buttons[0].click() if buttons else box.reject()  # type: ignore[attr-defined]

    QTimer.singleShot(0, click)


def test_window_offers_the_backup_by_its_date_and_restores_it(
    qtbot, tmp_path: Path, mini_seeds: Path
) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.app import make_app, open_archive

    path = _store_with_backup(tmp_path, mini_seeds)
    backup = list_backups(path)[0]
    _flip_page_bytes(path)
    make_app()
    seen: list[str] = []
    _answer_recovery(Choice.RESTORE, seen)
    opened = open_archive(path)
    assert opened is not None
    archive, notices = opened
    try:
        assert f"{backup.taken:%d %B %Y, %H:%M}" in seen[0] and "moved aside, not deleted" in seen[0]
        assert notices[0].startswith(f"Restored the backup of {backup.label}")
        assert [n.text for n in archive.notes()] == ["kept in the backup"]  # type: ignore[attr-defined]
    finally:
        archive.close()  # type: ignore[attr-defined]
    assert len(list(path.parent.glob("archive-damaged-*.sqlite"))) == 1


def test_window_quit_leaves_the_damaged_file_aside(qtbot, tmp_path: Path, mini_seeds: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.app import make_app, open_archive

    path = _store_with_backup(tmp_path, mini_seeds)
    _truncate(path)
    make_app()
    seen: list[str] = []

    def quit_button(box: object) -> object:
        return next(b for b in box.buttons() if b.text() == "Quit")  # type: ignore[attr-defined]

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def click() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())  # type: ignore[attr-defined]
        # A store of the reader's choosing is never replaced by seeds: no fresh start is offered for it.
        assert Choice.FRESH not in box.choices.values()  # type: ignore[attr-defined]
        quit_button(box).click()  # type: ignore[attr-defined]

    QTimer.singleShot(0, click)
    assert open_archive(path) is None
    assert seen and not path.exists()
    assert len(list(path.parent.glob("archive-damaged-*.sqlite"))) == 1
    assert len(list_backups(path)) == 1


def test_a_checkpoint_killed_half_way_is_not_taken_for_damage(tmp_path: Path, mini_seeds: Path) -> None:
    """The crash image of a checkpoint that wrote page 1 (with the new page count) but not the pages after
    it: the file is shorter than its header says, yet the WAL holds everything — sound, not damaged."""
    path = tmp_path / "live.sqlite"
    archive = Archive.open(path)
    assert archive.build(mini_seeds).ok
    archive.close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_autocheckpoint = 0")
    con.execute("CREATE TABLE padding (x BLOB)")
    con.executemany("INSERT INTO padding VALUES (zeroblob(3000))", [()] * 200)
    con.commit()
    image = tmp_path / "image" / "archive.sqlite"
    image.parent.mkdir()
    image.write_bytes(path.read_bytes())
    wal = path.with_name(path.name + "-wal").read_bytes()
    con.close()
    image.with_name(image.name + "-wal").write_bytes(wal)
    page = int.from_bytes(wal[8:12], "big")
    last_page_one = None
    for offset in range(32, len(wal) - 24 - page + 1, 24 + page):
        if int.from_bytes(wal[offset : offset + 4], "big") == 1:
            last_page_one = wal[offset + 24 : offset + 24 + page]
    assert last_page_one is not None
    with image.open("r+b") as fh:
        fh.write(last_page_one)
    head = image.read_bytes()[:100]
    assert int.from_bytes(head[28:32], "big") * page > image.stat().st_size  # shorter than its header says

    assert engine.header_problem(image) is None
    store = open_store(image)
    try:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert conn.exec_driver_sql("SELECT count(*) FROM padding").scalar() == 200
    finally:
        store.close()
    assert not list(image.parent.glob("*damaged*"))


def test_a_large_store_is_checked_in_the_background_and_set_aside_at_the_next_start(
    qtbot, tmp_path: Path, mini_seeds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from desktop.gui.app import make_app
    from desktop.gui.window import MainWindow

    path = _store_with_backup(tmp_path, mini_seeds)
    _flip_page_bytes(path)
    monkeypatch.setattr(engine, "QUICK_CHECK_ALWAYS_BYTES", 0)  # as if it were too large to check on open
    archive = Archive.open(path)  # the header is intact: it opens
    assert not archive._store.checked
    make_app()
    window = MainWindow(archive, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.background_check_delay_ms = 0
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.store_problem is not None, timeout=10000)
    try:
        assert window.last_error is not None and "has damaged pages" in window.last_error
        assert engine.check_marker(path).exists()
    finally:
        window.close()
        window.runner.wait_idle()
        archive.close()
    with pytest.raises(CorruptStore):
        open_store(path)  # the marker makes the next open check it, whatever its size
    assert not engine.check_marker(path).exists()


def test_a_migration_that_fails_half_way_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    """The whole upgrade is one transaction, DDL included: a failure (or a kill) half-way leaves nothing."""
    path = tmp_path / "new.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE search_index (x)")  # the first migration's last step will collide with it
    con.commit()
    con.close()
    with pytest.raises(engine.StoreError):
        open_store(path)
    con = sqlite3.connect(path)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"search_index"}  # none of the tables created before the failure remain
    con.execute("DROP TABLE search_index")
    con.commit()
    con.close()
    store = open_store(path)  # and the next open completes
    store.close()
