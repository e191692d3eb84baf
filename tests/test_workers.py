"""A large import analyses its documents in a pool of processes: the same rows as one process, in the files'
order, and a cancelled import keeps what it finished and leaves no worker behind (issue 16)."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from desktop.ingest.build import Cancelled
from desktop.ingest.workers import POOL_MIN_DOCUMENTS, worker_count
from desktop.services import Archive

PAGES = sorted((Path(__file__).resolve().parent / "data" / "first_pass").glob("*/*.txt"))

# Everything an import derives from a document's text (the time of import aside).
_DERIVED = {
    "documents": "SELECT path, title, language, published, debris_chars FROM documents ORDER BY path",
    "suggestions": 'SELECT d.path, s.kind, s.value, s.start, s."end", s.confidence, s.reason, s.rule '
    "FROM suggestions s JOIN documents d ON d.id = s.document_id ORDER BY d.path, s.kind, s.start",
    "debris": 'SELECT d.path, b.kind, b.start, b."end" FROM debris_spans b '
    "JOIN documents d ON d.id = b.document_id ORDER BY d.path, b.start",
    "events": "SELECT title, type, start_date, end_date, place_name FROM events ORDER BY key",
}


def _rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(db) as conn:
        return {name: conn.execute(sql).fetchall() for name, sql in _DERIVED.items()}


def _import(tmp_path: Path, name: str, workers: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ARCHIVE_VIEWER_WORKERS", workers)
    db = tmp_path / f"{name}.sqlite"
    archive = Archive.open(db)
    try:
        report = archive.import_paths(PAGES)
    finally:
        archive.close()
    assert report.ok and len(report.added) == len(PAGES)
    return db


def test_a_pool_of_workers_writes_what_one_process_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = _rows(_import(tmp_path, "alone", "0", monkeypatch))
    pooled = _rows(_import(tmp_path, "pooled", "2", monkeypatch))
    assert alone["suggestions"], "the first pass proposed nothing"
    assert pooled == alone


def test_a_cancelled_pooled_import_keeps_what_it_finished(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARCHIVE_VIEWER_WORKERS", "2")
    archive = Archive.open(tmp_path / "cancelled.sqlite")
    seen: list[int] = []

    def progress(done: int, _total: int, _name: str) -> None:
        seen.append(done)

    try:
        with pytest.raises(Cancelled):
            archive.import_paths(PAGES, progress=progress, should_cancel=lambda: len(seen) >= 5)
        written = archive.documents()
    finally:
        archive.close()
    assert 4 <= len(written) < len(PAGES)
    assert [d.filename for d in written] == [p.name for p in PAGES[: len(written)]]
    assert not multiprocessing.active_children()


def test_small_imports_stay_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARCHIVE_VIEWER_WORKERS", raising=False)
    assert worker_count(POOL_MIN_DOCUMENTS - 1) == 0
    monkeypatch.setenv("ARCHIVE_VIEWER_WORKERS", "0")
    assert worker_count(100_000) == 0
