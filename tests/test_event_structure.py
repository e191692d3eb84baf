"""Events people make, merge, split and re-source (issue 18): each one step of the journal, written at once,
kept over every rebuild, undone and redone whole, refused with a clear message when it cannot be."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.services import Archive, EditError, EventFilter
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


def _keys(archive: Archive) -> set[str]:
    return {r.key for r in archive.all_rows(EventFilter())}


def _rebuild(archive: Archive, seeds: Path) -> None:
    write_seeds(seeds, events=MINI_EVENTS + "\n# the catalogue changed: everything is built again\n")
    assert archive.build(seeds).ok


def test_an_event_made_from_a_passage_replaces_its_pages_provisional_one(
    archive: Archive, mini_seeds: Path
) -> None:
    provisional = next(r.key for r in archive.all_rows(EventFilter()) if r.uncatalogued)
    passage = archive.find_passage("d_unc.txt", "Delegates from China came to Minsk.")
    fields = {"title": "Chinese delegates in Minsk", "type": "visit", "place": "place.minsk",
              "start": {"date": "2021-09", "certainty": "inferred", "reason": "test"}}  # fmt: skip
    key, change = archive.create_event(fields, passage=passage)
    assert key == "evt.2021-09.chinese-delegates-in-minsk"
    assert provisional not in _keys(archive) and key in _keys(archive)
    detail = archive.detail(archive.find_event(key) or 0)
    assert detail is not None and not detail.row.uncatalogued
    assert [e.quote for e in detail.evidence] == ["Delegates from China came to Minsk."]
    assert detail.place is not None and detail.place.key == "place.minsk"
    assert change.events
    _rebuild(archive, mini_seeds)
    assert key in _keys(archive) and provisional not in _keys(archive)
    archive.undo()
    assert key not in _keys(archive) and provisional in _keys(archive)
    archive.redo()
    assert key in _keys(archive) and provisional not in _keys(archive)
    with pytest.raises(EditError, match="title"):
        archive.create_event({"type": "visit"}, documents=[passage[0]])
    with pytest.raises(EditError, match="at least one document"):
        archive.create_event({"title": "Nowhere"})
    with pytest.raises(EditError, match="end"):
        backwards = {"title": "Backwards", "start": {"date": "2021-09-02"}, "end": {"date": "2021-09-01"}}
        archive.create_event(backwards, documents=[passage[0]])
    archive.close()


def test_a_merge_joins_sources_and_participants_and_an_undo_brings_the_other_back(
    archive: Archive, mini_seeds: Path
) -> None:
    keep, other = "evt.2021.minsk-delegation", "evt.2022-03.signing"
    change = archive.merge_events(keep, other)
    assert other not in _keys(archive)
    assert len(archive.event_sources(keep)) == 2
    assert "org.qlut" in archive.participants(keep)  # the signing's participant joined
    assert archive.find_event(other) is None
    assert change.events
    _rebuild(archive, mini_seeds)
    assert other not in _keys(archive) and len(archive.event_sources(keep)) == 2
    archive.undo()
    assert other in _keys(archive) and len(archive.event_sources(keep)) == 1
    assert "org.qlut" not in archive.participants(keep)
    with pytest.raises(EditError, match="itself"):
        archive.merge_events(keep, keep)
    archive.close()


def test_a_split_makes_a_second_event_and_parts_follow_their_parent(
    archive: Archive, mini_seeds: Path
) -> None:
    archive.merge_events("evt.2021.minsk-delegation", "evt.2022-03.signing")
    c_zh = archive.find_document("c_zh.txt")
    both = archive.event_sources("evt.2021.minsk-delegation")
    with pytest.raises(EditError, match="leave at least one source"):
        archive.split_event("evt.2021.minsk-delegation", "Everything", both)
    new, _change = archive.split_event("evt.2021.minsk-delegation", "The signing, again", [c_zh])
    assert archive.event_sources(new) == [c_zh]
    assert c_zh not in archive.event_sources("evt.2021.minsk-delegation")
    archive.set_parent(new, "evt.2021.minsk-delegation")
    detail = archive.detail(archive.find_event(new) or 0)
    assert detail is not None and detail.parent == (
        "evt.2021.minsk-delegation",
        "Academy delegation in Minsk",
    )
    _rebuild(archive, mini_seeds)
    detail = archive.detail(archive.find_event(new) or 0)
    assert detail is not None and detail.parent is not None and detail.row.title == "The signing, again"
    with pytest.raises(EditError, match="part of itself"):
        archive.set_parent(new, new)
    with pytest.raises(EditError, match="own part"):
        archive.set_parent("evt.2021.minsk-delegation", new)
    archive.close()


def test_sources_attached_and_detached(archive: Archive) -> None:
    talk = "evt.undated.talk"
    d_unc = archive.find_document("d_unc.txt")
    before = archive.event_sources(talk)
    provisional = next(r.key for r in archive.all_rows(EventFilter()) if r.uncatalogued)
    archive.set_sources(talk, [*before, d_unc])
    assert provisional not in _keys(archive)  # the page is reported by the talk now
    archive.set_sources(talk, before)
    assert provisional in _keys(archive)  # detached: the page has its own event again
    with pytest.raises(EditError, match="at least one document"):
        archive.set_sources(talk, [])
    with pytest.raises(EditError, match="no document numbered"):
        archive.set_sources(talk, [99999])
    archive.close()


def test_made_and_merged_events_travel_in_an_export(archive: Archive, tmp_path: Path) -> None:
    from .test_catalogue_files import _differences

    archive.create_event(
        {"title": "Chinese delegates in Minsk"}, passage=archive.find_passage("d_unc.txt", "Minsk")
    )
    archive.merge_events("evt.2021.minsk-delegation", "evt.2022-03.signing")
    folder = tmp_path / "shared"
    assert archive.export_catalogue(folder)["problems"] == []
    fresh = Archive.open(tmp_path / "fresh.sqlite")
    assert fresh.build(folder).ok
    assert _differences(archive.path, fresh.path) == {}
    fresh.close()
    archive.close()


def test_the_command_line_makes_and_merges_events(
    tmp_path: Path, mini_seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "cli.sqlite")
    assert main(["build", "--db", db, "--seeds", str(mini_seeds)]) == 0
    capsys.readouterr()
    made_by = ["--title", "Forum", "--type", "forum", "--start", "2021-09", "--document", "d_unc.txt"]
    quote = ["--quote", "Delegates from China", "--format", "json"]
    assert main(["event", "add", "--db", db, *made_by, *quote]) == 0
    made = json.loads(capsys.readouterr().out)
    assert made["id"] == "evt.2021-09.forum" and made["fields"]["type"] == "forum"
    assert main(["event", "merge", "--db", db, "evt.2021-09.forum", "evt.undated.talk"]) == 0
    assert "merged evt.undated.talk" in capsys.readouterr().out
    assert main(["event", "parent", "--db", db, "evt.2021-09.forum", "evt.2021-06-03.visit"]) == 0
    assert main(["event", "sources", "--db", db, "evt.2021-09.forum", "nothing.txt"]) != 0
    assert "no document 'nothing.txt'" in capsys.readouterr().err
