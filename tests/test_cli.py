"""The command line's public contract: commands, flags, JSON keys, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from tests.conftest import REPO

EVENT_KEYS = {
    "id",
    "title",
    "type",
    "start",
    "end",
    "date_precision",
    "date_certainty",
    "place",
    "countries",
    "people",
    "organizations",
    "languages",
    "documents",
    "uncatalogued",
}
DOCUMENT_KEYS = {
    "id",
    "path",
    "sha256",
    "encoding",
    "language",
    "script",
    "published",
    "title",
    "catalogued",
    "debris_chars",
}


def _run(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def db(tmp_path: Path, mini_seeds: Path, capsys) -> str:  # type: ignore[no-untyped-def]
    path = str(tmp_path / "cli.sqlite")
    code, out, _ = _run(capsys, "build", "--seeds", str(mini_seeds), "--db", path)
    assert code == 0
    assert "4 documents (4 added, 0 updated, 0 unchanged, 0 removed), 0 rejected" in out
    return path


def test_events_json_contract_and_entity_aliases(capsys, db: str) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = _run(capsys, "events", "--format", "json", "--db", db)
    events = json.loads(out)
    assert code == 0 and len(events) == 5
    for event in events:
        assert set(event) >= EVENT_KEYS
    by_canonical = json.loads(
        _run(
            capsys,
            "events",
            "--format",
            "json",
            "--entity",
            "National Academy of Sciences of Belarus",
            "--db",
            db,
        )[1]
    )
    by_russian = json.loads(
        _run(
            capsys,
            "--db",
            db,
            "events",
            "--format",
            "json",
            "--entity",
            "Национальной академии наук Беларуси",
        )[1]
    )
    assert [e["id"] for e in by_canonical] == [e["id"] for e in by_russian] and len(by_canonical) == 3
    signing = next(e for e in by_canonical if e["id"] == "evt.2022-03.signing")
    assert signing["place"] == "Jinan" and signing["countries"] == ["Belarus", "China"]
    assert signing["documents"][0]["file"] == "c_zh.txt"


def test_filters_combine(capsys, db: str) -> None:  # type: ignore[no-untyped-def]
    out = _run(
        capsys,
        "events",
        "--format",
        "json",
        "--db",
        db,
        "--type",
        "visit",
        "--from",
        "2021-06",
        "--to",
        "2021-06",
        "--lang",
        "en",
    )[1]
    assert [e["id"] for e in json.loads(out)] == ["evt.2021-06-03.visit"]
    out = _run(capsys, "events", "--format", "json", "--db", db, "--search", "Гусаков")[1]
    assert "evt.2021.minsk-delegation" in [e["id"] for e in json.loads(out)]


def test_show_and_documents(capsys, db: str) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = _run(capsys, "show", "evt.2021-06-03.visit", "--format", "json", "--db", db)
    shown = json.loads(out)
    assert code == 0 and set(shown) >= EVENT_KEYS
    source = shown["sources"][0]
    assert source["translation_notes"][0]["quote"] == "Gusekov"
    assert any(m["name"] == "Vladimir Gusakov" for m in source["mentions"])
    assert source["text"].startswith("News\n")
    docs = json.loads(_run(capsys, "documents", "--format", "json", "--db", db)[1])
    assert len(docs) == 4 and all(set(d) >= DOCUMENT_KEYS for d in docs)
    assert _run(capsys, "show", "evt.2021-06-03.visit", "--db", db)[0] == 0


def test_export_by_ids(tmp_path: Path, capsys, db: str) -> None:  # type: ignore[no-untyped-def]
    out_file = tmp_path / "sel.csv"
    code, out, _ = _run(
        capsys,
        "export",
        "--db",
        db,
        "--out",
        str(out_file),
        "--ids",
        "evt.2022-03.signing,evt.2021-06-03.visit",
    )
    assert code == 0 and "wrote 2 event(s)" in out
    assert out_file.read_bytes().startswith(b"\xef\xbb\xbfid,start,end,")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["events", "--entity", "Atlantis"],
            "no person, organisation, place or country is called 'Atlantis'",
        ),
        (["events", "--from", "last week"], "--from/--to: 'last week' is not a date"),
        (["show", "evt.nope"], "no event with id 'evt.nope'"),
        (["export", "--out", "/nonexistent-dir/x.csv"], "no such folder"),
        (["export", "--out", "x.csv", "--ids", "evt.nope"], "--ids: no event with id 'evt.nope'"),
        (["events", "--search", "!!!"], "nothing to search for"),
        (["events", "--sort", "colour"], "cannot sort by 'colour'"),
    ],
)
def test_user_errors_are_one_clear_line(capsys, db: str, args: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    code, _out, err = _run(capsys, *args, "--db", db)
    assert code != 0
    assert message in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_python_m_desktop_runs_and_a_broken_store_is_not_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "events", "--db", str(bad)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert str(bad) in proc.stderr


@pytest.mark.parametrize(
    "extra",
    [
        [],
        ["--desc"],
        ["--sort", "title"],
        ["--sort", "place", "--desc"],
        ["--search", "Minsk", "--sort", "relevance"],
    ],
)
def test_a_limited_listing_is_the_head_of_the_whole_one(capsys, db: str, extra: list[str]) -> None:  # type: ignore[no-untyped-def]
    """`events --limit N` pages in SQL (it once read and formatted every event first): the same rows."""
    assert main(["--db", db, "events", "--format", "json", *extra]) == 0
    whole = [e["id"] for e in json.loads(capsys.readouterr().out)]
    for limit in (0, 1, 3, len(whole) + 5):
        assert main(["--db", db, "events", "--format", "json", "--limit", str(limit), *extra]) == 0
        assert [e["id"] for e in json.loads(capsys.readouterr().out)] == whole[:limit]


def test_a_command_closes_the_store_cleanly(capsys, db: str) -> None:  # type: ignore[no-untyped-def]
    """A command that left its store open at exit looked like a crash to the next one, which then ran
    quick_check first (1.1 s on a 1.3 GB store, before every `events`)."""
    for args in (["events", "--limit", "1"], ["documents"], ["check", "--store"]):
        assert main(["--db", db, *args]) == 0
        capsys.readouterr()
        assert Path(db + ".lock").read_text(encoding="utf-8") == "", args


def test_ids_are_printed_whole_and_read_however_separated(tmp_path: Path, capsys, db: str) -> None:  # type: ignore[no-untyped-def]
    """The ids `events` prints are the ids `show` and `export --ids` take: never cut; a list of them may be
    separated by commas, spaces or lines (pasted from the table)."""
    code, out, _ = _run(capsys, "events", "--db", db)
    assert code == 0
    listed = [line.split()[-1] for line in out.splitlines()[1:-1]]
    assert all("…" not in key for key in listed)
    code, _out, _ = _run(capsys, "show", listed[0], "--db", db)
    assert code == 0
    out_file = tmp_path / "pasted.csv"
    code, out, _ = _run(
        capsys, "export", "--db", db, "--out", str(out_file), "--ids", "\n".join(listed[:2]) + " "
    )
    assert code == 0 and "wrote 2 event(s)" in out


def test_a_long_id_is_not_cut(capsys) -> None:  # type: ignore[no-untyped-def]
    from desktop.commands import _table

    key = "evt.2022-09-15.china-belarus-all-weather-comprehensive-strategic-partnership"
    _table([("A title " * 20, key)], ("title", "id"))
    out = capsys.readouterr().out
    assert key in out and "A title A title" in out and "…" in out  # the title is cut, the id is whole


def test_show_prints_the_original_and_what_is_known_of_it(capsys, db: str) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = _run(capsys, "show", "evt.2021-06-03.visit", "--db", db)
    assert code == 0
    assert "--- original text ---" in out and "Release time: 2021-06-04" in out  # the text as received
    assert "names: " in out and "Gusekov" in out  # the names found in it, as written
    assert "part: A talk of unknown date" in out  # its parts
    code, out, _ = _run(capsys, "show", "evt.2021.minsk-delegation", "--db", db)
    assert "English rendering of paragraph 1" in out


def test_reading_commands_leave_the_build_and_the_export_unimported(db: str) -> None:
    """`events` starts fast (issue 20): only what a read needs is imported — not the build, the first pass,
    the export or the catalogue checks, which were most of its start."""
    script = (
        "import sys, io, contextlib\n"
        "from desktop.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['--db', {db!r}, 'events', '--limit', '5']) == 0\n"
        "heavy = ('desktop.ingest.build', 'desktop.ingest.firstpass', 'desktop.export.csv_export',\n"
        "         'desktop.catalogue.check', 'PySide6')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=True)
    assert out.stdout.strip() == "[]", out.stdout


@pytest.mark.parametrize("extra", [[], ["--desc"]])
def test_a_plain_listing_is_the_same_read_with_plain_sqlite(db: str, capsys, extra: list[str]) -> None:  # type: ignore[no-untyped-def]
    """`events --limit N` without a filter takes the first paint's plain sqlite3 page: the same table."""
    from desktop import commands

    assert main(["--db", db, "events", "--limit", "7", *extra]) == 0
    fast = capsys.readouterr().out
    plain = commands._plain_page
    taken: list[object] = []
    commands._plain_page = lambda args: taken.append(plain(args)) or None  # type: ignore[assignment,func-returns-value]
    try:
        assert main(["--db", db, "events", "--limit", "7", *extra]) == 0
    finally:
        commands._plain_page = plain  # type: ignore[assignment]
    assert capsys.readouterr().out == fast and "5 event(s)" in fast  # the whole mini archive
    assert taken and taken[0] is not None  # the fast way was taken the first time
