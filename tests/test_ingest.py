"""Building from seeds and importing files: provenance kept, bad files named, nothing half-written."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from desktop.services import Archive
from desktop.store.queries import EventFilter
from tests.conftest import MINI_DOC_ENTRIES, MINI_DOCS, SEEDS, write_seeds


def _db(archive: Archive) -> sqlite3.Connection:
    return sqlite3.connect(archive.path)


def test_seed_documents_are_byte_identical_to_their_recorded_sha256() -> None:
    sums = dict(
        (name, digest)
        for digest, name in (
            line.split("  ") for line in (SEEDS / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
        )
    )
    files = sorted((SEEDS / "documents").glob("*.txt"))
    assert len(files) == 5
    for path in files:
        assert hashlib.sha256(path.read_bytes()).hexdigest() == sums[f"documents/{path.name}"]


def test_real_seeds_build_five_documents_none_rejected(seeds_archive: Archive) -> None:
    docs = seeds_archive.documents()
    assert len(docs) == 5
    by_lang = {d.filename[:3]: d.language for d in docs}
    assert by_lang == {"000": "en", "001": "en", "002": "en", "003": "hi", "004": "ru"}
    scripts = {d.filename[:3]: d.script for d in docs}
    assert scripts["003"] == "Deva" and scripts["004"] == "Cyrl" and scripts["000"] == "Latn"


def test_original_text_and_hash_are_stored_exactly(seeds_archive: Archive) -> None:
    for row in seeds_archive.documents():
        with _db(seeds_archive) as con:
            stored = con.execute("SELECT text, encoding FROM documents WHERE id = ?", (row.id,)).fetchone()
        raw = (SEEDS / row.path).read_bytes()
        assert stored[0] == raw.decode("utf-8")
        assert row.sha256 == hashlib.sha256(raw).hexdigest()
        assert stored[1] == "utf-8"


def test_debris_is_marked_not_removed(seeds_archive: Archive) -> None:
    with _db(seeds_archive) as con:
        rows = con.execute(
            "SELECT d.filename, s.kind, substr(d.text, s.start + 1, s.end - s.start) "
            "FROM debris_spans s JOIN documents d ON d.id = s.document_id"
        ).fetchall()
    kinds = {(f[:3], k) for f, k, _ in rows}
    assert ("004", "headline-list") in kinds
    assert ("001", "navigation") in kinds
    assert ("002", "metadata") in kinds
    headline = next(t for f, k, t in rows if f.startswith("004") and k == "headline-list")
    assert "Марафон в Харбине 2025 стартовал!" in headline


def test_publication_dates_are_recognised_in_each_seed_form(seeds_archive: Archive) -> None:
    with _db(seeds_archive) as con:
        dates = con.execute(
            "SELECT d.filename, p.date FROM publication_dates p JOIN documents d ON d.id = p.document_id"
        ).fetchall()
    found = {(f[:3], d) for f, d in dates}
    assert {
        ("001", "2021-01-15"),
        ("002", "2025-06-24"),
        ("002", "2025-06-06"),
        ("003", "2023-09-25"),
    } <= found


def test_rebuild_is_idempotent_and_picks_up_changes(tmp_path: Path, mini_seeds: Path) -> None:
    archive = Archive.open(tmp_path / "a.sqlite")
    first = archive.build(mini_seeds)
    assert len(first.added) == 4 and first.ok
    with _db(archive) as con:
        before = con.execute("SELECT key, id, title, sort_date FROM events ORDER BY key").fetchall()
        doc_ids = con.execute("SELECT path, id FROM documents ORDER BY path").fetchall()
    again = archive.build(mini_seeds)
    assert len(again.unchanged) == 4 and not again.added and not again.updated
    with _db(archive) as con:
        assert con.execute("SELECT key, id, title, sort_date FROM events ORDER BY key").fetchall() == before
        assert con.execute("SELECT path, id FROM documents ORDER BY path").fetchall() == doc_ids
    # A new document and a changed one (with its checksum recorded) are picked up; a removed one goes.
    docs: dict[str, str | bytes] = dict(MINI_DOCS)
    docs["e_new.txt"] = "Minsk welcomes guests from China.\n"
    docs["d_unc.txt"] = "Minsk hosts a bigger forum\n"
    del docs["a_en.txt"]
    (mini_seeds / "documents" / "a_en.txt").unlink()
    (mini_seeds / "catalogue" / "documents" / "a_en.toml").unlink()
    entries = {k: v for k, v in MINI_DOC_ENTRIES.items() if k != "a_en"}
    write_seeds(mini_seeds, docs, entries=entries)
    third = archive.build(mini_seeds)
    assert third.added == ["documents/e_new.txt"]
    assert third.updated == ["documents/d_unc.txt"]
    assert third.removed == ["documents/a_en.txt"]
    assert archive.count(EventFilter(text="bigger")) == 1


def test_an_edited_seed_is_caught_and_named(tmp_path: Path, mini_seeds: Path) -> None:
    path = mini_seeds / "documents" / "b_ru.txt"
    path.write_bytes(path.read_bytes().replace("Минск".encode(), "Гомель".encode()))
    archive = Archive.open(tmp_path / "a.sqlite")
    report = archive.build(mini_seeds)
    assert [r.name for r in report.rejected] == ["documents/b_ru.txt"]
    assert "recorded SHA-256" in report.rejected[0].reason
    assert len(report.added) == 3  # the others go on


BAD_FILES: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b" \n\t\r\n  ", "only whitespace"),
    "image.png": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
    "nul.txt": (b"abc\x00\x01\x02\x03def" * 10, "NUL bytes"),
    "noise.bin": (bytes((i * 73 + 11) % 256 for i in range(3000)), ""),
}


def test_import_rejects_bad_files_by_name_and_keeps_the_good(tmp_path: Path, mini_archive: Archive) -> None:
    folder = tmp_path / "incoming"
    folder.mkdir()
    for name, (data, _why) in BAD_FILES.items():
        (folder / name).write_bytes(data)
    russian = "Делегация из Минска посетила Цзинань. Подписано соглашение о сотрудничестве в науке."
    (folder / "cp1251.txt").write_bytes(russian.encode("cp1251"))
    (folder / "utf16.txt").write_bytes(("\ufeff" + "Minsk forum on science 中白工业园").encode("utf-16-le"))
    (folder / "good.txt").write_text(
        "Vitebsk and Shandong sign a memorandum\n\nIt was signed.", encoding="utf-8"
    )
    (folder / "copy-of-good.txt").write_text(
        "Vitebsk and Shandong sign a memorandum\n\nIt was signed.", encoding="utf-8"
    )
    before = mini_archive.count(EventFilter())
    report = mini_archive.import_paths([folder])
    rejected = {Path(r.name).name: r.reason for r in report.rejected}
    for name, (_data, why) in BAD_FILES.items():
        assert name in rejected, name
        assert why in rejected[name]
    # A copy of a file in the archive is not a failure: unchanged, with the name it is there under.
    duplicates = [Path(name).name for name in report.same_as]
    assert len(duplicates) == 1 and duplicates[0] in ("copy-of-good.txt", "good.txt")
    added = {Path(a).name for a in report.added}
    assert {"cp1251.txt", "utf16.txt"} <= added
    assert mini_archive.count(EventFilter()) == before + 3
    docs = {d.filename: d for d in mini_archive.documents()}
    assert docs["cp1251.txt"].encoding == "cp1251" and docs["cp1251.txt"].language == "ru"
    assert docs["utf16.txt"].encoding == "utf-16"


def test_an_imported_document_is_findable_at_once_as_uncatalogued(
    tmp_path: Path, mini_archive: Archive
) -> None:
    path = tmp_path / "new.txt"
    path.write_text("Release time: 2023-05-02\n\nDelegation of NASB in Jinan\n", encoding="utf-8")
    report = mini_archive.import_paths([path])
    assert report.ok
    rows = mini_archive.all_rows(EventFilter(text='"delegation of NASB"'))
    new = [r for r in rows if r.uncatalogued]
    assert len(new) == 1
    assert new[0].start == "2023-05-02" and new[0].certainty == "inferred"
    assert new[0].title == "Delegation of NASB in Jinan"  # the metadata line is debris, not the headline
    nasb = mini_archive.resolve_entity("NASB")
    assert new[0].id in {
        r.id for r in mini_archive.all_rows(EventFilter().with_value("organisation", nasb[0].id))
    }


def test_mentions_inside_debris_do_not_count_for_uncatalogued_events(mini_archive: Archive) -> None:
    jinan = mini_archive.resolve_entity("Jinan")[0]
    minsk = mini_archive.resolve_entity("Minsk")[0]
    unc = [r for r in mini_archive.all_rows(EventFilter()) if r.uncatalogued]
    assert len(unc) == 1
    detail = mini_archive.detail(unc[0].id)
    assert detail is not None
    mentioned = {(m.entity.id, m.in_debris) for m in detail.documents[0].mentions}
    assert (jinan.id, True) in mentioned and (minsk.id, False) in mentioned
    in_place_filter = {r.id for r in mini_archive.all_rows(EventFilter().with_value("place", jinan.id))}
    assert unc[0].id not in in_place_filter
    assert unc[0].id in {r.id for r in mini_archive.all_rows(EventFilter().with_value("place", minsk.id))}


def test_each_document_is_its_own_transaction(tmp_path: Path, mini_seeds: Path) -> None:
    """A failure while writing one document leaves the ones before it complete and nothing half-done."""
    from desktop.ingest import build as build_module

    archive = Archive.open(tmp_path / "a.sqlite")
    real = build_module._write_document
    calls = {"n": 0}

    def failing(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        result = real(*args, **kwargs)
        if calls["n"] == 3:
            raise RuntimeError("simulated crash in the middle of a document")
        return result

    build_module._write_document = failing
    try:
        with pytest.raises(RuntimeError):
            archive.build(mini_seeds)
    finally:
        build_module._write_document = real
    with _db(archive) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        orphans = con.execute(
            "SELECT count(*) FROM mentions WHERE document_id NOT IN (SELECT id FROM documents)"
        ).fetchone()[0]
        assert orphans == 0
    report = archive.build(mini_seeds)  # running again completes
    assert report.ok and report.documents == 4
