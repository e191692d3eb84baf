"""People edit the catalogue (issue 18): event fields and the first pass's proposals, each edit one
undoable step in a journal that lasts across rebuilds, imports and restores; a rebuild that changes what a
person edited keeps their value and shows the conflict; bad input is refused whole, naming the field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.services import Archive, EditError, EventFilter, date_value
from tests.conftest import BACKENDS

from .conftest import MINI_EVENTS, write_seeds


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """These run on a file and on a server, with the same expected results (issue 21)."""
    return request.param  # type: ignore[no-any-return]


def _keys(archive: Archive, f: EventFilter) -> set[str]:
    return {r.key for r in archive.all_rows(f)}


def _row(archive: Archive, key: str) -> object:
    (row,) = [r for r in archive.all_rows(EventFilter()) if r.key == key]
    return row


def test_an_edit_shows_in_the_list_filters_and_search(mini_archive: Archive) -> None:
    key = "evt.undated.talk"
    jinan = mini_archive.resolve_entity("Jinan")[0]
    assert key not in _keys(mini_archive, EventFilter().with_value("place", jinan.id))
    change = mini_archive.edit_event(
        key,
        title="Lecture on graphene",
        type="seminar",
        start=date_value("2021-06-04", "inferred", "the day after the visit"),
        place="place.jinan",
    )
    assert change.catalogue and not change.empty
    row = _row(mini_archive, key)
    assert (row.title, row.type, row.place) == ("Lecture on graphene", "seminar", "Jinan")  # type: ignore[attr-defined]
    assert key in _keys(mini_archive, EventFilter().with_value("place", jinan.id))
    assert key in _keys(mini_archive, EventFilter().with_value("type", "seminar"))
    assert key in _keys(mini_archive, EventFilter(date_from="2021-06-01", date_to="2021-06-30"))
    assert key in _keys(mini_archive, EventFilter(text="graphene"))
    fields = mini_archive.event_fields(key)
    assert fields["start"] == {
        "date": "2021-06-04",
        "precision": "day",
        "certainty": "inferred",
        "reason": "the day after the visit",
    }
    # The same value again changes nothing and records nothing.
    assert mini_archive.edit_event(key, title="Lecture on graphene").empty
    assert len(mini_archive.history(key)) == 4


def test_bad_input_is_refused_whole_naming_the_field(mini_archive: Archive) -> None:
    key = "evt.2021-06-03.visit"
    before = mini_archive.event_fields(key)
    cases = [
        ({"end": date_value("2020-01-01")}, "end"),
        ({"type": "banana", "title": "ok"}, "type"),
        ({"title": "  "}, "title"),
        ({"place": "person.gusakov"}, "place"),
        ({"place": "place.atlantis"}, "place"),
        ({"colour": "red"}, "colour"),
    ]
    for changes, field in cases:
        with pytest.raises(EditError, match=field):
            mini_archive.edit_event(key, **changes)
    with pytest.raises(EditError, match="no event"):
        mini_archive.edit_event("evt.nothing", title="x")
    with pytest.raises(EditError, match="YYYY"):
        date_value("3 June")
    with pytest.raises(EditError, match="reason"):
        date_value("2021", "inferred")
    assert mini_archive.event_fields(key) == before and mini_archive.history() == []


def test_a_read_only_store_refuses_edits(mini_archive: Archive) -> None:
    address = mini_archive.address
    mini_archive.close()
    reader = Archive.open(address, read_only=True)
    try:
        with pytest.raises(Exception, match="read-only"):
            reader.edit_event("evt.undated.talk", title="x")
    finally:
        reader.close()


def test_undo_and_redo_step_by_step_and_the_history_keeps_everything(mini_archive: Archive) -> None:
    key = "evt.undated.talk"
    original = mini_archive.event_fields(key)["title"]
    mini_archive.edit_event(key, title="One")
    mini_archive.edit_event(key, title="Two", type="seminar")
    assert mini_archive.can_undo_redo() == (True, False)
    step = mini_archive.undo()
    assert {r.field for r in step.rows} == {"title", "type"} and step.change.catalogue
    assert step.label == "title, type of evt.undated.talk"
    assert mini_archive.event_fields(key)["title"] == "One"
    assert mini_archive.event_fields(key)["type"] == "meeting"
    mini_archive.redo()
    assert mini_archive.event_fields(key)["title"] == "Two"
    mini_archive.undo()
    mini_archive.undo()
    assert mini_archive.event_fields(key)["title"] == original
    assert mini_archive.undo().rows == ()  # nothing left to undo
    mini_archive.redo()
    mini_archive.edit_event(key, summary="A new branch")  # a new edit after an undo: nothing to redo
    assert mini_archive.redo().rows == ()
    history = mini_archive.history(key)
    assert [r.new for r in history if r.field == "title"] == ["One", "Two"]
    assert [r.undone for r in history if r.field == "title"] == [False, True]  # recoverable, not gone
    assert all(r.author for r in history)


def test_edits_last_across_a_rebuild_and_a_changed_catalogue_shows_the_conflict(
    tmp_path: Path, mini_seeds: Path
) -> None:
    archive = Archive.open(tmp_path / "a.sqlite")
    try:
        assert archive.build(mini_seeds).ok
        archive.edit_event("evt.2022-03.signing", title="Agreement signed in Jinan", type="agreement")
        archive.edit_event("evt.undated.talk", summary="A talk, as the reader remembers it")
        # The archivists retitle the signing (the field the reader edited) and the build runs again.
        changed = MINI_EVENTS.replace(
            'title = "Academy and university sign an agreement"', 'title = "The academies sign"'
        )
        write_seeds(mini_seeds, events=changed)
        assert archive.build(mini_seeds).ok
        assert _row(archive, "evt.2022-03.signing").title == "Agreement signed in Jinan"  # type: ignore[attr-defined]
        assert archive.event_fields("evt.undated.talk")["summary"] == "A talk, as the reader remembers it"
        assert archive.conflicts("evt.2022-03.signing") == [
            ("title", "The academies sign", "Agreement signed in Jinan")
        ]
        assert archive.conflicts("evt.undated.talk") == []
    finally:
        archive.close()


def test_an_edited_event_is_what_a_rebuild_writes(tmp_path: Path, mini_seeds: Path) -> None:
    archive = Archive.open(tmp_path / "a.sqlite")
    try:
        assert archive.build(mini_seeds).ok
        archive.edit_event("evt.2021-06-03.visit", place="place.minsk", end=date_value("2021-06-05"))
        edited = _row(archive, "evt.2021-06-03.visit")
        minsk = archive.resolve_entity("Minsk")[0]
        found = _keys(archive, EventFilter().with_value("place", minsk.id))
        write_seeds(mini_seeds, events=MINI_EVENTS + "\n# a comment changes the catalogue's digest\n")
        assert archive.build(mini_seeds).ok
        assert _row(archive, "evt.2021-06-03.visit") == edited
        assert _keys(archive, EventFilter().with_value("place", minsk.id)) == found
    finally:
        archive.close()


@pytest.mark.file_only
def test_edits_survive_a_restore_of_a_backup_taken_after_them(mini_archive: Archive) -> None:
    from desktop.services import recovery
    from desktop.store.engine import backup_store

    mini_archive.edit_event("evt.undated.talk", title="Kept in the backup")
    path = mini_archive.path
    backup = backup_store(path, "test")
    mini_archive.edit_event("evt.undated.talk", title="After the backup")
    mini_archive.close()
    recovery.restore(path, backup)
    restored = Archive.open(path)
    try:
        assert restored.event_fields("evt.undated.talk")["title"] == "Kept in the backup"
        assert [r.new for r in restored.history("evt.undated.talk")] == ["Kept in the backup"]
    finally:
        restored.close()


def _imported(archive: Archive, tmp_path: Path) -> str:
    page = tmp_path / "visit.txt"
    page.write_text(
        "Home | News\n\nDelegation visits Jinan\n\n"
        "JINAN, 3 June 2024 (Xinhua) - A delegation of the National Academy of Sciences of Belarus visited "
        "Jinan on Monday to sign a cooperation agreement on graphene research.\n",
        encoding="utf-8",
    )
    assert archive.import_paths([page]).ok
    (row,) = [r for r in archive.all_rows(EventFilter(text="graphene")) if r.uncatalogued]
    return row.key


def test_a_rejected_proposal_stays_rejected_and_an_accepted_one_sets_the_field(
    mini_archive: Archive, tmp_path: Path
) -> None:
    key = _imported(mini_archive, tmp_path)
    proposals = {s.kind: s for s in mini_archive.suggestions(key)}
    assert {"event_start", "type"} <= set(proposals)
    start = proposals["event_start"]
    assert _row(mini_archive, key).certainty == "proposed"  # type: ignore[attr-defined]
    mini_archive.decide_suggestions([proposals["type"].id], "accepted")
    fields = mini_archive.event_fields(key)
    assert fields["type"] == proposals["type"].value
    mini_archive.decide_suggestions([start.id], "rejected")
    # The event's day is no longer the rejected proposal's: the publication date, inferred, dates it.
    assert mini_archive.event_fields(key)["start"]["certainty"] == "inferred"
    # Another import rewrites the archive's events: the decision is kept, by the proposal's stable key.
    other = tmp_path / "other.txt"
    other.write_text("Minsk, 4 June 2024 - An unrelated note about a museum.\n", encoding="utf-8")
    assert mini_archive.import_paths([other]).ok
    decided = {s.kind: s.decision for s in mini_archive.suggestions(key)}
    assert decided["event_start"] == "rejected" and decided["type"] == "accepted"
    mini_archive.undo()  # the rejection
    assert {s.kind: s.decision for s in mini_archive.suggestions(key)}["event_start"] is None
    with pytest.raises(EditError, match="no proposal"):
        mini_archive.decide_suggestions([999_999], "accepted")


def test_the_command_line_edits_lists_decides_and_undoes(mini_seeds: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "cli.sqlite")
    assert main(["build", "--db", db, "--seeds", str(mini_seeds)]) == 0
    capsys.readouterr()
    code = main(
        ["event", "edit", "evt.undated.talk", "--db", db, "--title", "Talk on graphene", "--start", "2021-06",
         "--place", "Цзинань", "--format", "json"]
    )  # fmt: skip
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["changed"] and out["fields"]["title"] == "Talk on graphene"
    assert out["fields"]["place"] == "place.jinan" and out["fields"]["start"]["precision"] == "month"
    assert main(["event", "edit", "evt.undated.talk", "--db", db, "--end", "2020"]) == 2
    assert "end" in capsys.readouterr().err
    assert main(["history", "--db", db, "--format", "json"]) == 0
    history = json.loads(capsys.readouterr().out)
    assert {h["field"] for h in history} == {"title", "start", "place"}
    assert set(history[0]) == {"id", "batch", "target_type", "target", "field", "old", "new", "author", "at",
                               "undone"}  # fmt: skip
    assert main(["undo", "--db", db, "--format", "json"]) == 0
    assert all(h["undone"] for h in json.loads(capsys.readouterr().out))
    assert main(["suggestions", "list", "--db", db, "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed and set(listed[0]) == {"id", "key", "event", "kind", "value", "start", "end", "confidence",
                                         "reason", "rule", "decision"}  # fmt: skip
    assert main(["suggestions", "reject", str(listed[0]["id"]), "--db", db]) == 0
    assert main(["suggestions", "list", "--db", db, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out.split("\n", 1)[1])[0]["decision"] == "rejected"


def test_a_translation_note_on_a_passage_lasts_and_is_refused_off_the_text(
    tmp_path: Path, mini_seeds: Path
) -> None:
    archive = Archive.open(tmp_path / "a.sqlite")
    try:
        assert archive.build(mini_seeds).ok
        event = archive.find_event("evt.2021-06-03.visit")
        assert event is not None
        doc = archive.detail(event).documents[0]  # type: ignore[union-attr]
        start = doc.text.index("Jinan")
        archive.add_passage_note(
            doc.id, start, start + 5, "identification", "The city, not the district", "certain"
        )
        with pytest.raises(EditError, match="passage"):
            archive.add_passage_note(doc.id, 3, 3, "gloss", "nothing selected")
        with pytest.raises(EditError, match="kind"):
            archive.add_passage_note(doc.id, start, start + 5, "opinion", "x")
        write_seeds(mini_seeds, events=MINI_EVENTS + "\n# the catalogue changes: everything is rebuilt\n")
        assert archive.build(mini_seeds).ok
        notes = [n for n in archive.detail(event).documents[0].notes if n.key]  # type: ignore[union-attr]
        assert [(n.quote, n.kind, n.certainty) for n in notes] == [("Jinan", "identification", "certain")]
        assert notes[0].author
        archive.edit_passage_note(doc.id, notes[0].key or "", "The city of Jinan")
        assert [n.text for n in archive.detail(event).documents[0].notes if n.key] == ["The city of Jinan"]  # type: ignore[union-attr]
        archive.delete_passage_note(doc.id, notes[0].key or "")
        assert not [n for n in archive.detail(event).documents[0].notes if n.key]  # type: ignore[union-attr]
        assert [r.new for r in archive.history() if r.target_type == "document"][
            -1
        ] is None  # kept in history
    finally:
        archive.close()


def test_participants_are_added_recast_and_removed_and_it_lasts(tmp_path: Path, mini_seeds: Path) -> None:
    archive = Archive.open(tmp_path / "a.sqlite")
    try:
        assert archive.build(mini_seeds).ok
        key = "evt.undated.talk"
        assert archive.participants(key) == {"org.qlut": {"role": "host", "title": None}}
        archive.edit_participant(key, "Гусаков", "speaker", "Academician")  # any name of the person
        archive.edit_participant(key, "org.qlut", "co-organiser")
        assert archive.participants(key) == {
            "org.qlut": {"role": "co-organiser", "title": None},
            "person.gusakov": {"role": "speaker", "title": "Academician"},
        }
        assert key in {
            r.key
            for r in archive.all_rows(EventFilter().with_value("person", _id(archive, "person.gusakov")))
        }
        # An uncatalogued event takes participants too.
        forum = next(r.key for r in archive.all_rows(EventFilter()) if r.uncatalogued)
        archive.edit_participant(forum, "org.nasb", "participant")
        assert archive.participants(forum) == {"org.nasb": {"role": "participant", "title": None}}
        write_seeds(mini_seeds, events=MINI_EVENTS + "\n# the catalogue changes\n")
        assert archive.build(mini_seeds).ok
        assert set(archive.participants(key)) == {"org.qlut", "person.gusakov"}
        assert archive.participants(forum) == {"org.nasb": {"role": "participant", "title": None}}
        archive.edit_participant(key, "org.qlut", None)
        assert set(archive.participants(key)) == {"person.gusakov"}
        for args, field in (
            (("org.nasb", "juggler"), "role"),
            (("country.china", "host"), "participant"),
            (("org.nasb", None), "does not take part"),
        ):
            with pytest.raises(EditError, match=field):
                archive.edit_participant(key, *args)
        archive.undo()
        assert set(archive.participants(key)) == {"org.qlut", "person.gusakov"}
    finally:
        archive.close()


def _id(archive: Archive, key: str) -> int:
    return next(r.id for r in archive.resolve_entity(key) if r.key == key)


def test_the_command_line_edits_participants(mini_seeds: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "cli.sqlite")
    assert main(["build", "--db", db, "--seeds", str(mini_seeds)]) == 0
    capsys.readouterr()
    args = ["event", "participant", "evt.undated.talk", "Gusakov", "--db", db, "--format", "json"]
    assert main([*args, "--role", "speaker", "--title", "Academician"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["changed"] and out["participants"]["person.gusakov"] == {
        "role": "speaker",
        "title": "Academician",
    }
    assert main([*args, "--role", "juggler"]) == 2
    assert "role" in capsys.readouterr().err
    assert main([*args, "--remove"]) == 0
    assert "person.gusakov" not in json.loads(capsys.readouterr().out)["participants"]


def test_words_linked_to_an_entity_find_the_event_and_the_link_lasts(
    tmp_path: Path, mini_seeds: Path
) -> None:
    archive = Archive.open(tmp_path / "a.sqlite")
    try:
        assert archive.build(mini_seeds).ok
        forum = next(r for r in archive.all_rows(EventFilter()) if r.uncatalogued)
        doc = archive.detail(forum.id).documents[0]  # type: ignore[union-attr]
        start = doc.text.index("Delegates")
        qlut = _id(archive, "org.qlut")
        assert forum.key not in {
            r.key for r in archive.all_rows(EventFilter().with_value("organisation", qlut))
        }
        archive.link_passage(doc.id, start, start + len("Delegates"), "Qilu University of Technology")
        assert forum.key in {r.key for r in archive.all_rows(EventFilter().with_value("organisation", qlut))}
        mentions = archive.detail(forum.id).documents[0].mentions  # type: ignore[union-attr]
        assert any(m.start == start and m.entity.key == "org.qlut" for m in mentions)
        write_seeds(mini_seeds, events=MINI_EVENTS + "\n# the catalogue changes\n")
        assert archive.build(mini_seeds).ok
        assert forum.key in {r.key for r in archive.all_rows(EventFilter().with_value("organisation", qlut))}
        archive.undo()
        assert forum.key not in {
            r.key for r in archive.all_rows(EventFilter().with_value("organisation", qlut))
        }
        with pytest.raises(EditError, match="passage"):
            archive.link_passage(doc.id, start, start, "org.qlut")
        with pytest.raises(EditError, match="no entity is called"):
            archive.link_passage(doc.id, start, start + 3, "Atlantis University")
    finally:
        archive.close()
