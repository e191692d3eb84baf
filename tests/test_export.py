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

from desktop.export.csv_export import COLUMNS, DEFAULT_COLUMNS, ExportCancelled, ExportError, neutralise
from desktop.multivalue import MULTI_SEPARATOR
from desktop.notes import notes_of
from desktop.services import Archive
from desktop.store.queries import EventFilter, EventRow, documents_of, related_names, rows_by_ids
from tests.conftest import BACKENDS


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """These run on a file and on a server, with the same expected results (issue 21)."""
    return request.param  # type: ignore[no-any-return]


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


# ------------------------------------------------------------------ the file is exactly the list's rows


def _expected_file(archive: Archive, rows: list[EventRow], columns: tuple[str, ...]) -> bytes:
    """The file as the query layer's rows and look-ups make it (what export wrote before it became one
    statement): the one-statement export must write exactly these bytes."""
    with archive._connect() as conn:
        ids = list(dict.fromkeys(r.id for r in rows))  # once each: the look-ups append per id found
        names, docs = related_names(conn, ids), documents_of(conn, ids)
        notes = notes_of(conn, [r.key for r in rows])
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(columns)
    for r in rows:
        record = {
            "id": r.key,
            "start": r.start or "",
            "end": r.end or "",
            "precision": r.precision,
            "certainty": r.certainty,
            "title": r.title,
            "type": r.type,
            "place": r.place,
            "countries": r.countries,
            "people": MULTI_SEPARATOR.join(names[r.id]["person"]),
            "organisations": MULTI_SEPARATOR.join(names[r.id]["organisation"]),
            "languages": r.languages,
            "documents": MULTI_SEPARATOR.join(f"{n} (sha256:{sha})" for n, sha, _lang in docs[r.id]),
            "uncatalogued": "yes" if r.uncatalogued else "no",
            "date": r.date,
            "sources": str(r.sources),
            "user_notes": MULTI_SEPARATOR.join(notes[r.key]),
        }
        writer.writerow([neutralise(record[c]) for c in columns])
    return codecs.BOM_UTF8 + buffer.getvalue().encode("utf-8")


def _filters(archive: Archive) -> list[EventFilter]:
    """Filters of every kind, with values taken from the archive's own facets."""
    everything = EventFilter()
    top = {
        kind: archive.facets(everything, kind, limit=2)
        for kind in ("person", "organisation", "country", "type")
    }
    person, organisation = top["person"][0].value, top["organisation"][0].value
    country, kind = top["country"][0].value, top["type"][0].value
    return [
        everything,
        everything.with_value("type", kind).with_value("type", top["type"][1].value),
        everything.with_value("person", person),
        everything.with_value("country", country).with_excluded("organisation", organisation),
        everything.with_excluded("type", kind),
        EventFilter(date_from="2019-01-01", date_to="2022-12-31"),
        EventFilter(date_from="2019-01-01", date_to="2022-12-31", include_imprecise=True),
        EventFilter(text="Minsk"),
        EventFilter(text="Minsk").with_value("country", country),
        EventFilter(text="-Minsk"),
        EventFilter(ids=frozenset()),
    ]


def test_every_filter_and_order_writes_exactly_the_lists_rows(tmp_path: Path, mini_archive: Archive) -> None:
    """Filters, search, every order (relevance too) and every column, notes and the display date included."""
    first = mini_archive.all_rows(EventFilter())[0]
    mini_archive.add_note(first.key, "=SUM(A1) first note, with a comma")
    mini_archive.add_note(first.key, "second note\non two lines")
    out = tmp_path / "x.csv"
    every_column = tuple(COLUMNS)
    for f in _filters(mini_archive):
        for sort, descending in [("date", False), ("date", True), ("title", False), ("relevance", False)]:
            sort = "relevance" if sort == "relevance" and f.text else sort
            for columns in (DEFAULT_COLUMNS, every_column, ("date", "user_notes", "id")):
                result = mini_archive.export_csv(
                    out, event_filter=f, sort=sort, descending=descending, columns=columns
                )
                rows = mini_archive.all_rows(f, sort, descending)
                assert result.count == len(rows)
                assert out.read_bytes() == _expected_file(mini_archive, rows, columns), (f, sort, columns)


def test_the_real_seeds_export_every_order_exactly(tmp_path: Path, seeds_archive: Archive) -> None:
    out = tmp_path / "seeds.csv"
    for f in _filters(seeds_archive):
        for sort in ("date", "place", "sources", "relevance"):
            seeds_archive.export_csv(out, event_filter=f, sort=sort, descending=True, columns=tuple(COLUMNS))
            rows = seeds_archive.all_rows(f, sort, True)
            assert out.read_bytes() == _expected_file(seeds_archive, rows, tuple(COLUMNS)), (f, sort)


def test_a_selection_keeps_the_readers_order_repeats_and_skips_unknown_ids(
    tmp_path: Path, seeds_archive: Archive
) -> None:
    every = [r.id for r in seeds_archive.all_rows(EventFilter())]
    ids = [*reversed(every), every[0], 10**9, *every[: len(every) // 2]] * 20  # over 500: two statements
    out = tmp_path / "sel.csv"
    calls: list[tuple[int, int]] = []
    result = seeds_archive.export_csv(
        out, ids=ids, columns=tuple(COLUMNS), progress=lambda n, t: calls.append((n, t))
    )
    with seeds_archive._connect() as conn:
        rows = rows_by_ids(conn, ids)
    assert result.count == len(rows) == len(ids) - 20
    assert out.read_bytes() == _expected_file(seeds_archive, rows, tuple(COLUMNS))
    assert calls[-1] == (len(rows), len(ids))
    assert [n for n, _ in calls] == sorted(n for n, _ in calls)


def test_cancelling_midway_stops_at_a_batch_and_writes_nothing(
    tmp_path: Path, seeds_archive: Archive
) -> None:
    every = [r.id for r in seeds_archive.all_rows(EventFilter())]
    ids = every * (1 + 1200 // len(every))  # three batches at least
    out = tmp_path / "c.csv"
    asked: list[int] = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) > 1  # let the first batch through, then cancel

    with pytest.raises(ExportCancelled):
        seeds_archive.export_csv(out, ids=ids, should_cancel=cancel)
    assert not out.exists() and not list(tmp_path.iterdir())
    # The store is left readable: the cancelled statement ended with the export.
    assert seeds_archive.count(EventFilter()) == len(every)


def test_a_larger_archive_exports_in_batches_with_progress_every_500_rows(tmp_path: Path) -> None:
    from benchmarks import synth

    synth.synthesize(tmp_path / "s.sqlite", 1300, seed=7)
    archive = Archive.open(tmp_path / "s.sqlite")
    try:
        out = tmp_path / "s.csv"
        for f in _filters(archive)[:4]:
            for sort, descending in [("date", False), ("title", True)]:
                calls: list[tuple[int, int]] = []
                result = archive.export_csv(
                    out,
                    event_filter=f,
                    sort=sort,
                    descending=descending,
                    columns=tuple(COLUMNS),
                    progress=lambda n, t, calls=calls: calls.append((n, t)),
                )
                rows = archive.all_rows(f, sort, descending)
                assert out.read_bytes() == _expected_file(archive, rows, tuple(COLUMNS)), (f, sort)
                done = [n for n, _ in calls]
                assert done == [*range(500, len(rows) + 1, 500), len(rows)] and calls[-1][1] == len(rows)
                assert result.count == len(rows)
    finally:
        archive.close()


def test_a_batchs_guard_equals_neutralising_every_cell() -> None:
    """The one-scan guard of a batch (``_neutralised``) against ``neutralise`` on each cell, NULs too."""
    import random

    from desktop.export.csv_export import _neutralised

    rng = random.Random(7)
    pieces = ["=", "+", "-", "@", "\t", "\r", "\n", "a", "\x00", " ", "x=", "Минск", ""]
    for _ in range(5000):
        rows = [
            tuple("".join(rng.choice(pieces) for _ in range(rng.randint(0, 3))) for _ in range(3))
            for _ in range(rng.randint(0, 4))
        ]
        assert [list(r) for r in _neutralised(rows)] == [[neutralise(v) for v in r] for r in rows], rows
