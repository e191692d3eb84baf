"""People edit the authority (issue 18): a name added links the documents that write it, a name removed
unlinks them, a duplicate merged gives its survivor its names and every link — each one undoable step that
lasts across rebuilds, with clear refusals and a preview before a merge."""

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


def _found(archive: Archive, key: str) -> set[str]:
    (ref,) = [r for r in archive.resolve_entity(key) if r.key == key]
    return {r.key for r in archive.all_rows(EventFilter().with_value(ref.type, ref.id))}


def _rebuild(archive: Archive, seeds: Path) -> None:
    write_seeds(seeds, events=MINI_EVENTS + "\n# the catalogue changed: everything is built again\n")
    assert archive.build(seeds).ok


@pytest.fixture
def archive(tmp_path: Path, mini_seeds: Path) -> Archive:
    a = Archive.open(tmp_path / "a.sqlite")
    assert a.build(mini_seeds).ok
    return a


def test_a_name_added_links_the_documents_that_write_it_and_lasts(archive: Archive, mini_seeds: Path) -> None:
    forum = next(r.key for r in archive.all_rows(EventFilter()) if r.uncatalogued)
    assert forum not in _found(archive, "org.qlut")
    # The uncatalogued forum's page says "Delegates from China": call that a name of the university (a test).
    change = archive.add_alias("org.qlut", "Delegates from China", "en", "variant")
    assert change.catalogue
    assert forum in _found(archive, "org.qlut")
    assert {r.key for r in archive.resolve_entity("Delegates from China")} == {"org.qlut"}
    _rebuild(archive, mini_seeds)
    assert forum in _found(archive, "org.qlut")  # replayed over the rebuilt authority
    archive.undo()
    assert forum not in _found(archive, "org.qlut")
    assert archive.resolve_entity("Delegates from China") == []
    archive.close()


def test_a_name_removed_unlinks_what_only_it_linked(archive: Archive) -> None:
    assert "evt.2021-06-03.visit" in _found(archive, "person.gusakov")  # a participant: stays
    archive.remove_alias("person.gusakov", "Gusekov")
    assert archive.resolve_entity("Gusekov") == []
    assert "evt.2021-06-03.visit" in _found(archive, "person.gusakov")
    with pytest.raises(EditError, match="canonical"):
        archive.remove_alias("person.gusakov", "Vladimir Gusakov")
    with pytest.raises(EditError, match="not a name"):
        archive.remove_alias("person.gusakov", "Gusekov")
    archive.undo()
    assert {r.key for r in archive.resolve_entity("Gusekov")} == {"person.gusakov"}
    archive.close()


def test_a_merge_is_previewed_moves_every_link_lasts_and_is_undone(
    archive: Archive, mini_seeds: Path
) -> None:
    qlut_events = _found(archive, "org.qlut")
    preview = archive.merge_preview("org.nasb", "org.qlut")
    assert preview["keep"]["key"] == "org.nasb" and preview["duplicate"]["key"] == "org.qlut"
    assert (
        preview["duplicate"]["events"] == len(qlut_events)
        and "Qilu University of Technology" in (preview["duplicate"]["names"])
    )
    archive.merge_entities("org.nasb", "org.qlut")
    assert {r.key for r in archive.resolve_entity("Qilu University of Technology")} == {"org.nasb"}
    assert qlut_events <= _found(archive, "org.nasb")  # participations and mentions moved
    names = {n["text"]: n for n in archive.entity_names(archive.resolve_entity("org.nasb")[0].id)}
    assert names["Qilu University of Technology"]["kind"] == "merged"
    _rebuild(archive, mini_seeds)  # the catalogue still has both: the merge is made again
    assert {r.key for r in archive.resolve_entity("Qilu University of Technology")} == {"org.nasb"}
    assert qlut_events <= _found(archive, "org.nasb")
    step = archive.undo()
    assert step.label == "merged_into of org.qlut"
    assert _found(archive, "org.qlut") == qlut_events
    assert {r.key for r in archive.resolve_entity("Qilu University of Technology")} == {"org.qlut"}
    archive.close()


def test_merges_and_names_that_cannot_be_are_refused_whole(archive: Archive) -> None:
    cases = [
        (lambda: archive.merge_entities("org.nasb", "org.nasb"), "itself"),
        (lambda: archive.merge_entities("org.nasb", "place.minsk"), "one type"),
        (lambda: archive.merge_entities("org.nasb", "org.nothing"), "no entity is called"),
        (lambda: archive.add_alias("org.qlut", "NASB"), "already a name of org.nasb"),
        (lambda: archive.add_alias("org.qlut", "  "), "alias"),
        (lambda: archive.add_alias("org.qlut", "QLU", kind="nickname"), "kind"),
    ]
    for attempt, message in cases:
        with pytest.raises(EditError, match=message):
            attempt()
    assert archive.history() == []
    archive.close()


def test_the_command_line_previews_and_merges(mini_seeds: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "cli.sqlite")
    assert main(["build", "--db", db, "--seeds", str(mini_seeds)]) == 0
    capsys.readouterr()
    args = ["entity", "merge", "org.nasb", "Qilu University of Technology", "--db", db, "--format", "json"]
    assert main([*args, "--preview"]) == 0
    preview = json.loads(capsys.readouterr().out)
    assert preview["merged"] is False and set(preview) == {"merged", "keep", "duplicate"}
    assert set(preview["keep"]) == {"key", "type", "name", "names", "mentions", "events"}
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out)["merged"] is True
    assert main(["entity", "alias", "add", "org.nasb", "НАН Беларуси", "--lang", "ru", "--db", db]) == 0
    assert main(["entity", "merge", "org.nasb", "place.minsk", "--db", db]) == 2
    assert "one type" in capsys.readouterr().err
    assert main(["history", "--db", db, "--format", "json"]) == 0
    fields = [h["field"] for h in json.loads(capsys.readouterr().out)]
    assert fields[0] == "merged_into" and fields[1].startswith("alias:")


def test_an_entity_renamed_keeps_its_former_names_and_lasts(archive: Archive, mini_seeds: Path) -> None:
    archive.rename_entity("org.qlut", name="Qilu University of Technology (Shandong Academy of Sciences)")
    refs = archive.resolve_entity("Qilu University of Technology")  # the former name still finds it
    assert [r.key for r in refs] == ["org.qlut"]
    assert refs[0].name == "Qilu University of Technology (Shandong Academy of Sciences)"
    archive.rename_entity("org.qlut", native="齐鲁工业大学（山东省科学院）", native_lang="zh")
    assert archive.entity_native(refs[0].id) == ("齐鲁工业大学（山东省科学院）", "zh")
    _rebuild(archive, mini_seeds)
    (ref,) = [r for r in archive.resolve_entity("org.qlut") if r.key == "org.qlut"]
    assert ref.name == "Qilu University of Technology (Shandong Academy of Sciences)"
    assert archive.entity_native(ref.id)[0] == "齐鲁工业大学（山东省科学院）"
    archive.undo()
    assert archive.entity_native(ref.id)[0] != "齐鲁工业大学（山东省科学院）"
    with pytest.raises(EditError, match="needs a name"):
        archive.rename_entity("org.qlut", name="  ")
    archive.close()
