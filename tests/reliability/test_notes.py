"""Readers' notes: written in their own transactions, searchable, exported on request, and never lost to a
rebuild from seeds, an import of new documents, or a schema upgrade."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.notes import MAX_NOTE_CHARS, NoteError
from desktop.services import Archive
from desktop.store.engine import MIGRATIONS_DIR, SCHEMA_HEAD
from desktop.store.queries import EventFilter
from tests.conftest import MINI_DOCS, write_seeds

pytestmark = pytest.mark.reliability

VISIT = "evt.2021-06-03.visit"


def _found(archive: Archive, words: str) -> list[str]:
    rows = archive.all_rows(EventFilter(text=words))
    return [r.key for r in rows]


def _note_texts(archive: Archive) -> list[tuple[str, str]]:
    return [(n.event_key, n.text) for n in archive.notes()]


def test_add_edit_delete_each_in_its_own_transaction_and_searchable(mini_archive: Archive) -> None:
    added = mini_archive.add_note(VISIT, "  Ask the Qilu archivist about the protocol  ")
    # Every write says what it changed, for the window's panes: here the one event's notes.
    visit = mini_archive.find_event(VISIT)
    assert added.notes and added.events == {visit} and not added.catalogue
    note = added.note
    assert note is not None
    assert _note_texts(mini_archive) == [(VISIT, "Ask the Qilu archivist about the protocol")]
    assert _found(mini_archive, "archivist") == [VISIT]
    detail = mini_archive.detail(mini_archive.find_event(VISIT))  # type: ignore[arg-type]
    assert detail is not None and [n.text for n in detail.user_notes] == [
        "Ask the Qilu archivist about the protocol"
    ]

    assert mini_archive.edit_note(note, "Протокол подписан в Цзинане").events == {visit}
    assert _found(mini_archive, "archivist") == []
    assert _found(mini_archive, "протокол") == [VISIT]
    created, updated = mini_archive.notes()[0].created, mini_archive.notes()[0].updated
    assert created <= updated

    assert mini_archive.delete_note(note).events == {visit}
    assert mini_archive.notes() == []
    assert _found(mini_archive, "протокол") == []


def test_bad_notes_are_refused_and_change_nothing(mini_archive: Archive) -> None:
    keep = mini_archive.add_note(VISIT, "kept").note
    for event, body, message in (
        (VISIT, "   ", "needs some text"),
        (VISIT, "a\x00b", "NUL"),
        (VISIT, "x" * (MAX_NOTE_CHARS + 1), "at most"),
        ("evt.no-such", "text", "no event"),
    ):
        with pytest.raises(NoteError, match=message):
            mini_archive.add_note(event, body)
    with pytest.raises(NoteError, match="no note with id 999"):
        mini_archive.edit_note(999, "text")
    with pytest.raises(NoteError, match="no note with id 999"):
        mini_archive.delete_note(999)
    with pytest.raises(NoteError):
        mini_archive.edit_note(keep, " ")
    assert _note_texts(mini_archive) == [(VISIT, "kept")]
    with mini_archive._connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []


def test_notes_survive_a_rebuild_from_changed_seeds(mini_archive: Archive, tmp_path: Path) -> None:
    mini_archive.add_note(VISIT, "rebuilt seeds keep this")
    uncatalogued = next(r.key for r in mini_archive.all_rows(EventFilter()) if r.uncatalogued)
    mini_archive.add_note(uncatalogued, "a note on an imported-looking document")
    # Change a source document (and its recorded checksum): the build replaces its events.
    docs = dict(MINI_DOCS)
    docs["a_en.txt"] = MINI_DOCS["a_en.txt"] + "\nA later correction from the editors.\n"
    seeds = write_seeds(tmp_path / "seeds", docs=docs)
    report = mini_archive.build(seeds)
    assert report.ok and "a_en.txt" in {Path(p).name for p in report.updated}
    assert sorted(_note_texts(mini_archive)) == sorted(
        [(VISIT, "rebuilt seeds keep this"), (uncatalogued, "a note on an imported-looking document")]
    )
    assert _found(mini_archive, "rebuilt seeds") == [VISIT]
    assert _found(mini_archive, "imported-looking") == [uncatalogued]


def test_notes_survive_an_import_of_new_documents(mini_archive: Archive, tmp_path: Path) -> None:
    mini_archive.add_note(VISIT, "imports keep this")
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    (incoming / "new_report.txt").write_text(
        "Minsk tractor works\n\nA delegation from Jinan visited the Minsk tractor works.\n", encoding="utf-8"
    )
    report = mini_archive.import_paths([incoming])
    assert report.ok and len(report.added) == 1
    new_key = next(r.key for r in mini_archive.all_rows(EventFilter(text="tractor")))
    mini_archive.add_note(new_key, "a note on the imported report")
    (incoming / "second.txt").write_text("Gomel fair\n\nExhibitors from Shandong came to Gomel.\n")
    again = mini_archive.import_paths([incoming])  # the known file is unchanged, the new one added
    assert len(again.added) == 1 and [Path(name).name for name in again.unchanged] == ["new_report.txt"]
    assert again.ok
    assert sorted(_note_texts(mini_archive)) == sorted(
        [(VISIT, "imports keep this"), (new_key, "a note on the imported report")]
    )
    assert _found(mini_archive, "imports keep") == [VISIT]
    assert _found(mini_archive, "imported report") == [new_key]


def test_notes_survive_a_schema_upgrade(tmp_path: Path, mini_seeds: Path) -> None:
    from alembic import command
    from alembic.config import Config

    path = tmp_path / "old.sqlite"
    archive = Archive.open(path)
    assert archive.build(mini_seeds).ok
    archive.add_note(VISIT, "written before the upgrade")
    # Take the store back to the first revision, as an older release would have left it.
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with archive._store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    archive.close()
    con = sqlite3.connect(path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    con.close()

    upgraded = Archive.open(path)  # the upgrade runs here, after a verified backup
    try:
        with upgraded._connect() as conn:
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == SCHEMA_HEAD
        assert _note_texts(upgraded) == [(VISIT, "written before the upgrade")]
        assert _found(upgraded, "upgrade") == [VISIT]  # and the rebuilt index still finds it
        backups = list((tmp_path / "backups").glob("old-*-migrate-from-0001.sqlite"))
        assert len(backups) == 1
        saved = sqlite3.connect(backups[0])
        assert saved.execute("SELECT text FROM user_notes").fetchall() == [("written before the upgrade",)]
        saved.close()
    finally:
        upgraded.close()


def test_cli_notes_and_export_on_request(
    mini_archive: Archive, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(mini_archive.path)
    assert main(["note", "add", VISIT, "=1+2 looks like a formula", "--db", db]) == 0
    assert "added note 1" in capsys.readouterr().out
    assert main(["note", "add", "evt.2022-03.signing", "второй", "--db", db]) == 0
    assert main(["note", "edit", "2", "второй, исправленный", "--db", db]) == 0
    capsys.readouterr()
    assert main(["notes", "--format", "json", "--db", db]) == 0
    notes = json.loads(capsys.readouterr().out)
    assert {(n["id"], n["event"], n["text"]) for n in notes} == {
        (1, VISIT, "=1+2 looks like a formula"),
        (2, "evt.2022-03.signing", "второй, исправленный"),
    }
    assert main(["show", VISIT, "--db", db]) == 0
    assert "=1+2 looks like a formula" in capsys.readouterr().out

    # Not in the default columns; chosen, it is neutralised like every other cell.
    default = tmp_path / "default.csv"
    assert main(["export", "--out", str(default), "--db", db]) == 0
    assert "user_notes" not in default.read_text(encoding="utf-8-sig").splitlines()[0]
    out = tmp_path / "notes.csv"
    assert main(["export", "--out", str(out), "--columns", "id,user_notes", "--db", db]) == 0
    rows = {r["id"]: r["user_notes"] for r in csv.DictReader(out.open(encoding="utf-8-sig", newline=""))}
    assert rows[VISIT] == "'=1+2 looks like a formula"
    assert rows["evt.2022-03.signing"] == "второй, исправленный"
    assert rows["evt.undated.talk"] == ""

    assert main(["note", "delete", "1", "--db", db]) == 0
    capsys.readouterr()
    assert main(["note", "delete", "1", "--db", db]) == 2
    assert "no note with id 1" in capsys.readouterr().err
    assert main(["note", "add", "evt.nope", "x", "--db", db]) == 2
    assert main(["notes", "--db", db]) == 0
    assert "1 note(s)" in capsys.readouterr().out
