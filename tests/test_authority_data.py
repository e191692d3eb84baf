"""The authority's countries and places carry their names in every language from field data (CLDR,
iso-codes, GeoNames), marked with their source apart from the archivists' own (issue 17)."""

from __future__ import annotations

from desktop.ingest.authoritydata import dataset_names
from desktop.services import Archive, EventFilter


def test_a_countrys_names_in_every_language_come_from_the_datasets() -> None:
    names = {(n.text, n.lang): n.source for n in dataset_names("country", ["Belarus"])}
    assert names[("白俄罗斯", "zh")] == "cldr"
    assert ("Білорусь", "uk") in names and ("बेलारूस", "hi") in names
    assert ("Weißrussland", "de") in names  # an older common name, from a dataset, not typed here
    assert all(len(text) > 2 for text, _lang in names)  # codes such as "BY" never match text


def test_places_and_regions_get_their_names_too() -> None:
    minsk = {n.text for n in dataset_names("place", ["Minsk"])}
    assert {"明斯克", "Мінск", "मिन्स्क"} <= minsk
    shandong = {(n.text, n.lang) for n in dataset_names("place", ["Shandong Province"])}
    assert ("山东省", "zh") in shandong and ("Шаньдун", "ru") in shandong
    assert dataset_names("place", ["Nowhere-on-Sea"]) == []


def test_any_dataset_name_finds_the_entity_and_its_events(mini_archive: Archive) -> None:
    belarus = mini_archive.resolve_entity("Belarus")
    assert len(belarus) == 1
    for name in ("Weißrussland", "Білорусь", "Рэспубліка Беларусь", "बेलारूस"):
        assert [e.id for e in mini_archive.resolve_entity(name)] == [belarus[0].id], name
    in_belarus = mini_archive.all_rows(EventFilter().with_value("country", belarus[0].id))
    assert in_belarus
    # Scripts tell the archivists' names from the datasets'.
    (entry,) = [e for e in mini_archive.entities_json("country") if e["id"] == "country.belarus"]
    sources = {n["text"]: n["source"] for n in entry["names"]}
    assert (
        sources["Belarus"] == "catalogue" and sources["白俄罗斯"] == "catalogue"
    )  # typed in the mini authority
    assert sources["Weißrussland"] != "catalogue" and sources["Білорусь"] == "cldr"
    assert all({"text", "lang", "kind", "source"} <= set(n) for n in entry["names"])


def test_organisations_are_found_by_their_abbreviations_in_capitals_only() -> None:
    from desktop.aliases import AliasMatcher
    from desktop.ingest.acronyms import acronym

    assert acronym("Белорусский государственный университет") == "БГУ"
    assert acronym("National Academy of Sciences of Belarus") == "NASB"
    assert acronym("Chinese Academy of Sciences") == "CAS"
    assert acronym("Orsha Linen") is None  # two words make no abbreviation
    matcher = AliasMatcher([("hlj", "HAS"), ("bsu", "БГУ")])
    assert [m.key for m in matcher.find("The HAS and БГУ signed; she has left.")] == ["hlj", "bsu"]
    assert matcher.whole("бгу") == {"bsu"}  # typed in a filter box, any case finds it


def test_the_seeds_authority_gains_abbreviations_marked_generated(mini_archive: Archive) -> None:
    (nasb,) = [e for e in mini_archive.entities_json("organisation") if "National Academy" in e["name"]]
    generated = {n["text"]: n["kind"] for n in nasb["names"] if n["source"] == "generated"}
    assert generated == {"НАНБ": "abbreviation"}  # NASB is typed in this authority already: kept as typed
    assert [e.name for e in mini_archive.resolve_entity("НАНБ")] == [nasb["name"]]


def test_a_persons_name_in_other_scripts_is_generated_and_finds_them(seeds_archive: Archive) -> None:
    gusakov = seeds_archive.resolve_entity("person.gusakov-vladimir")
    assert len(gusakov) == 1
    for spelling in (
        "Gussakow",
        "Wladimir Gussakow",
        "古萨科夫",
        "弗拉基米尔·古萨科夫",
        "Vladimir Grigoryevich Gusakov",
    ):
        assert [e.id for e in seeds_archive.resolve_entity(spelling)] == [gusakov[0].id], spelling
    wang = seeds_archive.resolve_entity("person.wang-guiying")
    for spelling in ("Ван Гуйин", "Guiying Wang", "Wáng Guìyīng", "Wang Kuei-ying"):
        assert [e.id for e in seeds_archive.resolve_entity(spelling)] == [wang[0].id], spelling
    (entry,) = [e for e in seeds_archive.entities_json("person") if e["id"] == "person.gusakov-vladimir"]
    sources = {n["text"]: (n["kind"], n["source"]) for n in entry["names"]}
    assert sources["Gussakow"] == ("transliteration", "generated:duden")
    assert sources["古萨科夫"] == ("transliteration", "generated:xinhua")


def test_an_entity_named_in_a_catalogued_events_sources_finds_the_event(seeds_archive: Archive) -> None:
    """The run script's example, ``./run events --entity Minsk``: Minsk takes part in no catalogued event
    and is the place of none, but their reports name it."""
    (minsk,) = seeds_archive.resolve_entity("Minsk")
    found = seeds_archive.all_rows(EventFilter().with_value(minsk.type, minsk.id))
    assert found and all(not r.uncatalogued for r in found)
    # Named, not taking part: never listed as a participant.
    detail = seeds_archive.detail(found[0].id)
    assert detail is not None and all(p.entity.id != minsk.id for p in detail.participants)
