"""CSV export: every script intact, no formula ever evaluated, never a half-written file."""

from __future__ import annotations

import codecs
import csv
import html
import io
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from desktop.export.csv_export import DEFAULT_COLUMNS, ExportCancelled, ExportError, neutralise
from desktop.services import Archive
from desktop.store.queries import EventFilter


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _read(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(codecs.BOM_UTF8)
    return list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))


@pytest.mark.parametrize("dangerous", ["=", "+", "-", "@", "\t", "\r", "\n"])
def test_cells_that_could_run_as_formulas_are_neutralised(dangerous: str) -> None:
    value = f"{dangerous}1+2"
    assert neutralise(value) == "'" + value
    assert neutralise("Minsk = capital") == "Minsk = capital"


def test_selected_events_in_the_given_order(tmp_path: Path, mini_archive: Archive) -> None:
    ids = [
        mini_archive.find_event("evt.2022-03.signing"),
        mini_archive.find_event("evt.2021.minsk-delegation"),
    ]
    out = tmp_path / "two.csv"
    result = mini_archive.export_csv(out, ids=[i for i in ids if i is not None])
    assert result.count == 2
    assert out.stat().st_mode & 0o777 == 0o666 & ~_umask()  # not left private by the temporary file
    raw = out.read_bytes()
    assert raw.count(b"\r\n") == 3 and raw.count(b"\n") == 3  # CRLF line ends, nothing else
    rows = _read(out)
    assert rows[0] == list(DEFAULT_COLUMNS)
    assert [r[0] for r in rows[1:]] == ["evt.2022-03.signing", "evt.2021.minsk-delegation"]
    signing = dict(zip(rows[0], rows[1], strict=True))
    assert (
        signing["organisations"] == "National Academy of Sciences of Belarus | Qilu University of Technology"
    )
    assert signing["start"] == "2022-03" and signing["precision"] == "month"
    assert (
        signing["documents"].startswith("c_zh.txt (sha256:")
        and len(signing["documents"]) == len("c_zh.txt (sha256:)") + 64
    )
    assert signing["languages"] == "zh" and signing["uncatalogued"] == "no"


def test_every_script_survives_and_formulas_are_text(tmp_path: Path, mini_archive: Archive) -> None:
    source = tmp_path / "odd.txt"
    source.write_text('=HYPERLINK("http://x") Минск 中白 हिंदी\n\nbody', encoding="utf-8")
    mini_archive.import_paths([source])
    out = tmp_path / "all.csv"
    mini_archive.export_csv(out, event_filter=EventFilter(), columns=("id", "title"))
    titles = [r[1] for r in _read(out)[1:]]
    assert '\'=HYPERLINK("http://x") Минск 中白 हिंदी' in titles
    assert "Academy delegation in Minsk" in titles


def test_a_failed_export_leaves_the_existing_file_and_no_debris(
    tmp_path: Path, mini_archive: Archive
) -> None:
    out = tmp_path / "keep.csv"
    out.write_bytes(b"precious")
    with pytest.raises(ExportCancelled):
        mini_archive.export_csv(out, event_filter=EventFilter(), should_cancel=lambda: True)
    assert out.read_bytes() == b"precious"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    with pytest.raises(ExportError, match="unknown column"):
        mini_archive.export_csv(out, event_filter=EventFilter(), columns=("id", "colour"))
    with pytest.raises(ExportError, match="no such folder"):
        mini_archive.export_csv(tmp_path / "missing" / "x.csv", event_filter=EventFilter())
    assert out.read_bytes() == b"precious"


def test_disk_full_is_a_clear_message_and_changes_nothing(tmp_path: Path, mini_archive: Archive) -> None:
    import errno
    import os

    out = tmp_path / "full.csv"
    out.write_bytes(b"old")
    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    os.fsync = full  # type: ignore[assignment]
    try:
        with pytest.raises(ExportError, match="disk is full"):
            mini_archive.export_csv(out, event_filter=EventFilter())
    finally:
        os.fsync = real_fsync  # type: ignore[assignment]
    assert out.read_bytes() == b"old"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (Debian libreoffice-calc) not installed"
)
def test_libreoffice_opens_the_export_with_every_script_and_no_formula(
    tmp_path: Path, mini_archive: Archive
) -> None:
    source = tmp_path / "hostile.txt"
    source.write_text("=1+2 Минск 中白工业园 हिंदी headline\n\nbody\n", encoding="utf-8")
    mini_archive.import_paths([source])
    ids = [r.id for r in mini_archive.all_rows(EventFilter(text="headline"))]
    ids.append(mini_archive.find_event("evt.2021.minsk-delegation") or 0)
    out = tmp_path / "two.csv"
    mini_archive.export_csv(out, ids=ids)
    # 76 = UTF-8: what Calc's text-import dialog is set to; headless Calc does not sniff the BOM itself.
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo-profile",
            "--headless",
            "--infilter=CSV:44,34,76,1",
            "--convert-to",
            "ods",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    content = zipfile.ZipFile(tmp_path / "two.ods").read("content.xml").decode("utf-8")
    assert "table:formula" not in content
    cells = [html.unescape(c) for c in re.findall(r"<text:p>(.*?)</text:p>", content)]
    assert "'=1+2 Минск 中白工业园 हिंदी headline" in cells
    assert "Academy delegation in Minsk" in cells and cells[0] == "id"
