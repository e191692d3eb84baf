"""Malformed input: every file is imported exactly as decoded, or rejected by name with a reason.

The corpus (tests/reliability/corpus.py) is generated, never committed: empty and blank files, binary
formats, NUL bytes, invalid UTF-8, legacy encodings, UTF-16/32 with and without a byte-order mark, a huge
sparse file, NFC and NFD, bidi and zero-width characters, an enormous line, odd names, symlink loops, a FIFO.
A rejected file leaves the store exactly as it was.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.ingest.decode import MAX_BYTES
from desktop.services import Archive
from desktop.store.schema import Document
from tests.reliability.conftest import Figures
from tests.reliability.corpus import SEEDS, Case, malformed_corpus
from tests.reliability.storecheck import soundness

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def corpus(tmp_path: Path) -> list[Case]:
    cases = malformed_corpus(tmp_path / "incoming", huge_bytes=MAX_BYTES + 1, root_user=os.geteuid() == 0)
    assert len(cases) >= 50
    return cases


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Archive]:
    archive = Archive.open(tmp_path / "store.sqlite")
    archive.build(SEEDS)
    yield archive
    archive.close()


def _files_digest(db: Path) -> str:
    """The store's bytes (main file and write-ahead log): a rejected file must not change one of them."""
    h = hashlib.sha256()
    for suffix in ("", "-wal"):
        part = Path(f"{db}{suffix}")
        h.update(part.read_bytes() if part.exists() else b"-")
    return h.hexdigest()


def _handle(archive: Archive, case: Case) -> str | None:
    """Import one case; None when it was handled as it must be, else what went wrong."""
    before = _files_digest(archive.path)
    try:
        report = archive.import_paths([case.path])
    except Exception as exc:  # the point of the test: nothing may escape as an exception
        return f"raised {type(exc).__name__}: {exc}"
    if report.rejected:
        (rejected,) = report.rejected
        if case.expect == "import":
            return f"rejected: {rejected.reason}"
        if rejected.name != str(case.path) or not rejected.reason.strip():
            return f"rejected without its name and a reason: {rejected}"
        if _files_digest(archive.path) != before:
            return "rejected, but the store changed"
        return None
    if case.expect == "reject":
        return "imported, but must be rejected"
    raw = case.path.read_bytes()
    with archive._store.session() as s:
        doc = s.execute(select(Document).where(Document.sha256 == hashlib.sha256(raw).hexdigest())).scalar()
        if doc is None:
            return "reported as added, but no document has its SHA-256"
        if doc.size != len(raw):
            return f"size {doc.size} recorded for {len(raw)} bytes"
        if raw.decode(doc.encoding) != doc.text:
            return f"the stored text is not what {doc.encoding} makes of the bytes"
        if case.text is not None and doc.text != case.text:
            return f"the stored text differs from the original ({doc.encoding})"
    return None


def test_every_malformed_file_is_imported_exactly_or_rejected_by_name(
    archive: Archive, corpus: list[Case], figures: Figures
) -> None:
    failures = []
    for case in corpus:
        problem = _handle(archive, case)
        if problem:
            failures.append(f"{case.name} ({case.path.name!r}): {problem}")
    assert not soundness(archive.path)
    handled = len(corpus) - len(failures)
    figures.add("malformed files", handled, len(corpus))
    print(f"\nmalformed: {handled}/{len(corpus)} handled")
    assert not failures, "\n".join(failures)


def test_a_folder_of_malformed_files_is_reported_line_by_line(tmp_path: Path, corpus: list[Case]) -> None:
    """The command line over the whole folder: one line per rejected file, naming it; no traceback."""
    db = tmp_path / "cli.sqlite"
    env = dict(os.environ, ARCHIVE_VIEWER_DATA=str(tmp_path / "data"), PYTHONPATH=str(REPO))
    run = [sys.executable, "-m", "desktop"]
    built = subprocess.run([*run, "build", "--db", str(db)], env=env, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    proc = subprocess.run(
        [*run, "import", "--db", str(db), str(corpus[0].path.parent)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 1, proc.stderr  # some files were rejected
    assert "Traceback" not in proc.stderr + proc.stdout
    lines = proc.stdout.splitlines()
    rejected = [line for line in lines if line.startswith("  rejected ")]
    for case in corpus:
        shown = str(case.path).replace("\n", "\\n")
        mentioned = [line for line in rejected if line.startswith(f"  rejected {shown}: ")]
        if case.expect == "reject":
            assert mentioned, f"{case.name}: not reported as rejected:\n{proc.stdout[-3000:]}"
        elif case.expect == "import":
            assert not mentioned, f"{case.name}: rejected: {mentioned}"
    assert not soundness(db)
