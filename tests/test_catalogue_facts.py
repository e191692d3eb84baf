"""Pins the catalogue's key facts, so that a change to the ingest or the format cannot silently lose them."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.services import Archive
from desktop.store.queries import EventFilter


def _events_of(archive: Archive, name: str) -> set[str]:
    f = EventFilter()
    refs = archive.resolve_entity(name)
    assert refs, f"nobody is called {name!r}"
    for ref in refs:
        f = f.with_value(ref.type, ref.id)
    return {r.key for r in archive.all_rows(f)}


def test_every_document_reports_at_least_one_dated_event(seeds_archive: Archive) -> None:
    rows = seeds_archive.events_json(seeds_archive.all_rows(EventFilter()))
    assert not [r for r in rows if r["uncatalogued"]]
    for doc in seeds_archive.documents():
        reported = [r for r in rows if doc.filename in {d["file"] for d in r["documents"]}]
        assert reported, doc.filename
        assert any(r["date_precision"] != "unknown" or "undated" in r["id"] for r in reported), doc.filename


def test_every_spelling_in_the_seeds_finds_the_same_events(seeds_archive: Archive) -> None:
    """Any alias (any script, misspellings included) of a person or organisation gives its events."""
    checked = 0
    for entity, aliases in seeds_archive.entities():
        if entity.type not in ("person", "organisation"):
            continue
        expected = _events_of(seeds_archive, entity.key)
        for alias in aliases:
            refs = seeds_archive.resolve_entity(alias)
            assert entity.id in {r.id for r in refs}, (entity.key, alias)
            if len(refs) == 1:
                assert _events_of(seeds_archive, alias) == expected, (entity.key, alias)
                checked += 1
    assert checked > 100


@pytest.mark.parametrize(
    ("spellings", "event"),
    [
        (
            ["Gusekov", "Gushakov", "Gusakov", "Гусаков"],
            "evt.2025-06-04.local-academies-international-conference",
        ),
        (["Andrey Popov", "Andrei Popov"], "evt.2021-01-12.belarus-consul-general-visits-foshan-institute"),
        (["Dudik", "Dudiak Alexander Mikhailovich"], "evt.2025-06-04.think-tank-publication-release"),
        (["कंगज़ेंग", "कोंज़र्न", "कंजेन", "Konzen"], "evt.2023.clia-bellegprom-exchange-meeting"),
        (["ली युज़ोंग", "Li Yuzhong"], "evt.2023.clia-bellegprom-exchange-meeting"),
        (
            ["Национальной академии наук Беларуси", "Belarus National Academy of Sciences"],
            "evt.undated.kunshan-coordination-centres-opening",
        ),
        (["Чэнь Лиянь"], "evt.undated.kunshan-belt-and-road-innovation-videoconference"),
        (["Zyznevsky"], "evt.2021-12-03.shandong-vitebsk-light-industry-seminar"),
        (["Vitebsk State Polytechnic University"], "evt.2021-12-03.shandong-vitebsk-light-industry-seminar"),
    ],
)
def test_name_variants_lead_to_one_entity_and_its_events(
    seeds_archive: Archive, spellings: list[str], event: str
) -> None:
    entities = {tuple(r.key for r in seeds_archive.resolve_entity(s)) for s in spellings}
    assert len(entities) == 1, entities
    for spelling in spellings:
        assert event in _events_of(seeds_archive, spelling), spelling


def test_the_seminar_sits_inside_the_week_with_an_inferred_year(seeds_archive: Archive) -> None:
    seminar = seeds_archive.detail(
        seeds_archive.find_event("evt.2021-12-03.shandong-vitebsk-light-industry-seminar") or 0
    )
    assert seminar is not None
    assert seminar.start.value == "2021-12-03" and seminar.start.certainty == "inferred"
    assert seminar.start.reason and "2021" in seminar.start.reason
    assert seminar.parent == (
        "evt.2021-12-01.shandong-vitebsk-sister-cities-cooperation-week",
        "Shandong–Vitebsk Oblast Sister Cities Cooperation Week",
    )
    assert seminar.mode == "hybrid"  # held on campus with the Belarusian side online


def test_conference_dates_and_its_inner_events(seeds_archive: Archive) -> None:
    conference = seeds_archive.detail(
        seeds_archive.find_event("evt.2025-06-04.local-academies-international-conference") or 0
    )
    assert conference is not None
    assert (conference.start.value, conference.end.value) == ("2025-06-04", "2025-06-06")
    assert conference.row.place == "Jinan"
    children: set[str] = set()
    todo = [key for key, _title in conference.children]
    while todo:  # every event inside the conference, however deep
        key = todo.pop()
        children.add(key)
        inner = seeds_archive.detail(seeds_archive.find_event(key) or 0)
        todo += [k for k, _t in inner.children] if inner else []
    assert {
        "evt.2025-06-04.sco-think-tank-construction-launch",
        "evt.2025-06-04.think-tank-publication-release",
        "evt.2025-06-04.innovation-platform-agreements-signing",
    } <= children
    doc = conference.documents[0]
    assert sorted(p.date for p in doc.published) == ["2025-06-06", "2025-06-24"]
    assert any(n.kind == "conflict" and "2025-06-24" in n.quote for n in doc.notes)


def test_hindi_document_notes_and_renderings(seeds_archive: Archive) -> None:
    meeting = seeds_archive.detail(seeds_archive.find_event("evt.2023.clia-bellegprom-exchange-meeting") or 0)
    assert meeting is not None
    doc = meeting.documents[0]
    assert doc.language == "hi" and doc.is_translation and doc.summary
    assert [r.paragraph for r in doc.renderings] == [1, 2, 3, 4]
    kinds = {n.kind for n in doc.notes}
    assert {"mistranslation", "garbled", "name-variant"} <= kinds
    white = [n for n in doc.notes if "चीनी सफेद" in n.quote and n.kind == "mistranslation"]
    assert white and "中白" in (white[0].original or "") + white[0].text
    for note in doc.notes:
        assert doc.text[note.start : note.end] == note.quote


def test_debris_of_the_russian_page_names_nothing_in_its_events(seeds_archive: Archive) -> None:
    video = seeds_archive.detail(
        seeds_archive.find_event("evt.undated.kunshan-belt-and-road-innovation-videoconference") or 0
    )
    assert video is not None
    doc = video.documents[0]
    lists = [d for d in doc.debris if d.kind == "headline-list"]
    assert {d.source for d in lists} == {"detected", "catalogue"}
    assert all(doc.text[d.start : d.end].count("\n- ") == 20 for d in lists)
    assert doc.renderings and doc.summary
    assert video.start.precision == "unknown"
    debris_only = {m.entity.id for m in doc.mentions if m.in_debris} - {
        m.entity.id for m in doc.mentions if not m.in_debris
    }
    with sqlite3.connect(seeds_archive.path) as con:
        linked = {r[0] for r in con.execute("SELECT entity_id FROM event_entities")}
    assert not debris_only & linked
