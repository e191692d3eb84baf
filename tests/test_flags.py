"""Flags for later review (issue 18): an entity, or words nothing in the authority fits, flagged with a
reason; listed until cleared; each one undoable step kept over every rebuild."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.services import Archive, EditError
from tests.conftest import BACKENDS

from .conftest import MINI_EVENTS, write_seeds


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """These run on a file and on a server, with the same expected results (issue 21)."""
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
def archive(tmp_path: Path, mini_seeds: Path) -> Archive:
    a = Archive.open(tmp_path / "a.sqlite")
    assert a.build(mini_seeds).ok
    return a


def test_flags_are_listed_until_cleared_and_last(archive: Archive, mini_seeds: Path) -> None:
    words = archive.find_passage("d_unc.txt", "Delegates from China")
    archive.flag_passage(*words, "which delegation? no organisation fits")
    archive.flag_entity("Gusakov", "two people called Gusakov?")
    flags = archive.flags()
    assert [(f["kind"], f["reason"]) for f in flags] == [
        ("passage", "which delegation? no organisation fits"),
        ("entity", "two people called Gusakov?"),
    ]
    assert flags[0]["quote"] == "Delegates from China" and flags[0]["events"]
    assert flags[1]["key"] == "person.gusakov"
    write_seeds(mini_seeds, events=MINI_EVENTS + "\n# changed\n")
    assert archive.build(mini_seeds).ok
    assert len(archive.flags()) == 2  # kept over a rebuild
    archive.flag_entity("person.gusakov", None)
    assert [f["kind"] for f in archive.flags()] == ["passage"]
    archive.undo()
    assert len(archive.flags()) == 2
    with pytest.raises(EditError, match="not flagged"):
        archive.flag_entity("org.qlut", None)
    with pytest.raises(EditError, match="select the words"):
        archive.flag_passage(words[0], 5, 5, "nothing")
    archive.close()


def test_the_command_line_flags_and_lists(
    tmp_path: Path, mini_seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "cli.sqlite")
    assert main(["build", "--db", db, "--seeds", str(mini_seeds)]) == 0
    assert main(["flag", "--db", db, "d_unc.txt", "Delegates", "--reason", "who?"]) == 0
    assert main(["entity", "flag", "--db", db, "org.qlut", "--reason", "which campus?"]) == 0
    capsys.readouterr()
    assert main(["flags", "--db", db, "--format", "json"]) == 0
    flags = json.loads(capsys.readouterr().out)
    assert {(f["kind"], f["reason"]) for f in flags} == {("passage", "who?"), ("entity", "which campus?")}
    assert main(["flag", "--db", db, "d_unc.txt", "Delegates", "--clear"]) == 0
    capsys.readouterr()
    assert main(["flags", "--db", db]) == 0
    assert "1 flag(s)" in capsys.readouterr().out
