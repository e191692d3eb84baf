"""The catalogue shared as files (issue 18): ``catalogue export`` writes the catalogue with every edit people
made; ``check`` accepts it and a fresh ``build`` from it gives the same archive — events, entities, names,
links, notes, proposals; ``catalogue import`` shows what another archivist's files would change, then builds
from them, and the archive follows that folder from then on."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from desktop.catalogue.check import check_seeds
from desktop.cli import main
from desktop.services import Archive, EventFilter
from desktop.services.archive import CatalogueError

from .conftest import write_seeds

_DOC = "(SELECT substr(sha256, 1, 16) FROM documents AS d WHERE d.id = {})"
# What a reader sees of an archive, keyed by stable keys and document hashes (never row ids).
FACTS = {
    "events": "SELECT e.key, title, type, summary, mode, (SELECT key FROM entities WHERE id = place_id), "
    "(SELECT key FROM events AS p WHERE p.id = e.parent_id), start_date, start_precision, start_certainty, "
    "start_reason, end_date, end_precision, end_certainty, end_reason, uncatalogued, place_name, countries, "
    "languages, source_count FROM events AS e",
    "sources": f"SELECT e.key, {_DOC.format('x.document_id')} FROM event_documents AS x "
    "JOIN events AS e ON e.id = x.event_id",
    "participants": f"SELECT e.key, n.key, role, p.title, ordinal, {_DOC.format('p.document_id')}, start, "
    '"end" FROM participants AS p JOIN events AS e ON e.id = p.event_id '
    "JOIN entities AS n ON n.id = p.entity_id",
    "evidence": f'SELECT e.key, {_DOC.format("v.document_id")}, start, "end", quote FROM evidence AS v '
    "JOIN events AS e ON e.id = v.event_id",
    "filters": "SELECT e.key, n.key, kind, direct FROM event_entities AS x "
    "JOIN events AS e ON e.id = x.event_id JOIN entities AS n ON n.id = x.entity_id",
    "entities": "SELECT e.key, e.type, e.name, e.native, e.native_lang, (SELECT key FROM entities AS c WHERE "
    "c.id = e.country_id), (SELECT key FROM entities AS c WHERE c.id = e.within_id), e.certainty, e.note "
    "FROM entities AS e",
    "names": "SELECT n.key, a.text, a.lang, a.kind, a.match FROM aliases AS a JOIN entities AS n "
    "ON n.id = a.entity_id",
    "links": f'SELECT {_DOC.format("m.document_id")}, n.key, start, "end", in_debris FROM mentions AS m '
    "JOIN entities AS n ON n.id = m.entity_id",
    "notes": f'SELECT {_DOC.format("t.document_id")}, kind, text, certainty, original, start, "end" '
    "FROM translation_notes AS t",
    "proposals": f'SELECT {_DOC.format("s.document_id")}, kind, value, start, "end" FROM suggestions AS s',
    "debris": f'SELECT {_DOC.format("s.document_id")}, kind, start, "end" FROM debris_spans AS s',
}


def facts(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    with sqlite3.connect(path) as conn:
        return {name: sorted(tuple(r) for r in conn.execute(sql)) for name, sql in FACTS.items()}


def _differences(a: Path, b: Path) -> dict[str, tuple[set[Any], set[Any]]]:
    fa, fb = facts(a), facts(b)
    return {k: (set(fa[k]) - set(fb[k]), set(fb[k]) - set(fa[k])) for k in fa if fa[k] != fb[k]}


@pytest.fixture
def edited(tmp_path: Path, mini_seeds: Path) -> Archive:
    """An archive with one edit of every kind people make: an imported page and its event, a created
    entity linked to words, a name added, a duplicate merged, dates and a participant, notes on passages."""
    archive = Archive.open(tmp_path / "edited.sqlite")
    assert archive.build(mini_seeds).ok
    page = tmp_path / "inbox" / "page.txt"
    page.parent.mkdir()
    page.write_text(
        "Minsk, 14 May 2024 — Delegates of the Belarusian State University met Gusakov in Minsk.\n"
        "The talks were chaired by the rector.\n",
        encoding="utf-8",
    )
    assert archive.import_paths([page]).added
    (doc,) = [d for d in archive.documents() if d.filename == "page.txt"]
    imported = f"doc.{doc.sha256[:16]}"  # an imported page's event: its document's key
    d, s, e = archive.find_passage("page.txt", "Belarusian State University")
    native = "Белорусский государственный университет"
    archive.create_entity(
        "organisation", "Belarusian State University", native, "ru", "country.belarus", passage=(d, s, e)
    )
    archive.edit_event(imported, title="BSU delegation meets Gusakov", place="place.minsk")
    archive.edit_participant(imported, "person.gusakov", "participant", "Academician")
    archive.add_passage_note(d, *archive.find_passage("page.txt", "the rector")[1:], "identification",
                             "The rector of BSU in May 2024.", "probable")  # fmt: skip
    archive.add_alias("person.gusakov", "Gusakow", "de", "transliteration")
    dup, _ = archive.create_entity("person", "V. Gusakov")
    archive.merge_entities("person.gusakov", dup)
    archive.edit_event("evt.2021-06-03.visit", end={"date": "2021-06-05", "certainty": "inferred",
                                                     "reason": "a three-day visit (test)"})  # fmt: skip
    a_en = archive.find_passage("a_en.txt", "Jinan")
    archive.add_passage_note(a_en[0], a_en[1], a_en[2], "gloss", "Capital of Shandong.", "certain")
    archive.link_passage(*archive.find_passage("d_unc.txt", "Delegates from China"), "org.qlut")
    return archive


def test_an_export_builds_into_the_same_archive(edited: Archive, tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    done = edited.export_catalogue(folder)
    assert done["problems"] == [] and done["documents"] == 5
    report = check_seeds(folder)
    assert report.errors == [], [str(p) for p in report.errors]
    fresh = Archive.open(tmp_path / "fresh.sqlite")
    assert fresh.build(folder).ok
    assert _differences(edited.path, fresh.path) == {}
    # What people decided is there as theirs; what the machine proposed stays a proposal.
    events = (folder / "catalogue" / "events.toml").read_text(encoding="utf-8")
    assert "first_pass = true" in events and 'title = "BSU delegation meets Gusakov"' in events
    authority = (folder / "catalogue" / "authority.toml").read_text(encoding="utf-8")
    assert 'id = "org.belarusian-state-university"' in authority
    assert "V. Gusakov" in authority and "person.v-gusakov" not in authority  # merged: a name of the survivor
    # A second export into the same folder changes nothing; into a folder of other files, refused.
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    edited.export_catalogue(folder)
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(CatalogueError, match="holds other files"):
        edited.export_catalogue(other)
    fresh.close()
    edited.close()


def test_an_import_shows_its_changes_then_builds_and_is_followed(edited: Archive, tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    edited.export_catalogue(folder)
    assert edited.catalogue_changes(folder)["changes"] == []  # its own export: nothing to change
    # Another archivist renames an event and gives an entity another name.
    events = folder / "catalogue" / "events.toml"
    events.write_text(
        events.read_text(encoding="utf-8").replace('title = "A talk of unknown date"', 'title = "A talk"'),
        encoding="utf-8",
    )
    authority = folder / "catalogue" / "authority.toml"
    authority.write_text(
        authority.read_text(encoding="utf-8").replace('name = "Jinan"', 'name = "Jinan City"'),
        encoding="utf-8",
    )
    preview = edited.catalogue_changes(folder)
    said = {(c["record"], c["key"], c["change"]): c["fields"] for c in preview["changes"]}
    assert said[("event", "evt.undated.talk", "changed")]["title"] == {"was": "A talk of unknown date",
                                                                       "now": "A talk"}  # fmt: skip
    assert said[("entity", "place.jinan", "changed")]["name"]["now"] == "Jinan City"
    assert len(said) == 2
    titles = {r.key: r.title for r in edited.all_rows(EventFilter())}
    assert titles["evt.undated.talk"] == "A talk of unknown date"  # a preview changes nothing
    assert edited.import_catalogue(folder).ok
    assert {r.key: r.title for r in edited.all_rows(EventFilter())}["evt.undated.talk"] == "A talk"
    # People's edits still lie over it; a plain build follows the folder, not the bundled seeds.
    assert {r.key: r.title for r in edited.all_rows(EventFilter())}["evt.2021-06-03.visit"]
    assert edited.build().ok
    assert {r.key: r.title for r in edited.all_rows(EventFilter())}["evt.undated.talk"] == "A talk"
    edited.close()


def test_an_import_with_problems_changes_nothing(edited: Archive, tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    edited.export_catalogue(folder)
    events = folder / "catalogue" / "events.toml"
    events.write_text(events.read_text(encoding="utf-8").replace('type = "visit"', 'type = "picnic"', 1),
                      encoding="utf-8")  # fmt: skip
    preview = edited.catalogue_changes(folder)
    assert any("picnic" in p and "events.toml" in p for p in preview["problems"])
    with pytest.raises(CatalogueError, match=r"events\.toml"):
        edited.import_catalogue(folder)
    with pytest.raises(CatalogueError, match="not a catalogue folder"):
        edited.import_catalogue(tmp_path / "nowhere")
    edited.close()


def test_the_command_line_exports_and_previews(
    tmp_path: Path, mini_seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "cli.sqlite"
    assert main(["build", "--db", str(db), "--seeds", str(mini_seeds)]) == 0
    capsys.readouterr()
    assert (
        main(["entity", "add", "organisation", "Forum of Delegates", "--db", str(db), "--format", "json"])
        == 0
    )
    created = json.loads(capsys.readouterr().out)
    assert created["created"] == "org.forum-of-delegates"
    assert main(["link", "d_unc.txt", "Delegates from China", "org.forum-of-delegates", "--db", str(db)]) == 0
    capsys.readouterr()
    folder = tmp_path / "out"
    assert main(["catalogue", "export", str(folder), "--db", str(db), "--format", "json"]) == 0
    written = json.loads(capsys.readouterr().out)
    assert written["documents"] == 4 and written["problems"] == []
    assert main(["check", "--seeds", str(folder)]) == 0
    capsys.readouterr()
    other = tmp_path / "other.sqlite"
    assert main(["build", "--db", str(other), "--seeds", str(mini_seeds)]) == 0
    capsys.readouterr()
    assert main(["catalogue", "import", str(folder), "--db", str(other), "--format", "json"]) == 0
    preview = json.loads(capsys.readouterr().out)
    assert preview["applied"] is None
    assert {(c["record"], c["key"], c["change"]) for c in preview["changes"]} >= {
        ("entity", "org.forum-of-delegates", "added"),
        ("document", "d_unc.txt", "added"),  # its file now carries the link
    }
    assert main(["catalogue", "import", str(folder), "--db", str(other), "--apply"]) == 0
    assert "1 change" not in capsys.readouterr().out
    assert _differences(db, other) == {}
    # Words that are not in the document get a clear refusal.
    assert main(["link", "d_unc.txt", "Delegates from Mars", "org.qlut", "--db", str(db)]) != 0
    assert "not in it" in capsys.readouterr().err


def test_an_imported_page_named_like_a_seed_is_exported_under_its_own_name(tmp_path: Path) -> None:
    """A seed keeps its file name; an imported page with the same name gets one made unique."""
    seeds = write_seeds(tmp_path / "seeds")
    archive = Archive.open(tmp_path / "x.sqlite")
    assert archive.build(seeds).ok
    clash = tmp_path / "inbox" / "a_en.txt"
    clash.parent.mkdir()
    clash.write_text("Another page called a_en, about Minsk.\n", encoding="utf-8")
    assert archive.import_paths([clash]).added
    archive.link_passage(*archive.find_passage(str(clash), "Minsk"), "place.minsk")
    folder = tmp_path / "shared"
    done = archive.export_catalogue(folder)
    names = sorted(p.name for p in (folder / "documents").iterdir())
    assert len(names) == 5 and "a_en.txt" in names and any(n.startswith("a_en_") for n in names)
    assert check_seeds(folder).errors == []
    fresh = Archive.open(tmp_path / "fresh.sqlite")
    assert fresh.build(folder).ok
    # Only the proposal the first pass read from the file's name (the page has no headline) follows it.
    diff = _differences(archive.path, fresh.path)
    assert set(diff) == {"proposals"}
    assert {(r[1], r[2]) for side in diff["proposals"] for r in side} == {
        ("title", "a_en.txt"),
        ("title", next(n for n in names if n.startswith("a_en_"))),
    }
    assert done["problems"] == []
    archive.close()
    fresh.close()
