"""The query layer: who / what / where / when filters, facets, sorting and keyset paging."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.services import Archive
from desktop.store.queries import EventFilter
from tests.conftest import BACKENDS


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Every query here runs on a file and on a server, with the same expected results (issue 21)."""
    return request.param  # type: ignore[no-any-return]


def _keys(archive: Archive, f: EventFilter) -> set[str]:
    return {r.key for r in archive.all_rows(f)}


def _by(archive: Archive, name: str) -> EventFilter:
    f = EventFilter()
    for ref in archive.resolve_entity(name):
        f = f.with_value(ref.type, ref.id)
    return f


@pytest.mark.parametrize(
    "name",
    [
        "National Academy of Sciences of Belarus",
        "NASB",
        "nasb",
        "Национальная академия наук Беларуси",
        "Национальной академии наук Беларуси",
        "白俄罗斯国家科学院",
        "org.nasb",
    ],
)
def test_any_alias_in_any_script_finds_the_same_events(mini_archive: Archive, name: str) -> None:
    canonical = _keys(mini_archive, _by(mini_archive, "National Academy of Sciences of Belarus"))
    assert canonical == {"evt.2021-06-03.visit", "evt.2021.minsk-delegation", "evt.2022-03.signing"}
    assert _keys(mini_archive, _by(mini_archive, name)) == canonical


def test_or_within_a_kind_and_across_kinds_and_exclusion(mini_archive: Archive) -> None:
    minsk = mini_archive.resolve_entity("Минск")[0]
    jinan = mini_archive.resolve_entity("济南")[0]
    gusakov = mini_archive.resolve_entity("Gusekov")[0]
    either = EventFilter().with_value("place", minsk.id).with_value("place", jinan.id)
    assert _keys(mini_archive, either) == {
        "evt.2021-06-03.visit",
        "evt.2021.minsk-delegation",
        "evt.2022-03.signing",
    } | {r.key for r in mini_archive.all_rows(EventFilter()) if r.uncatalogued}
    both = EventFilter().with_value("place", minsk.id).with_value("person", gusakov.id)
    assert _keys(mini_archive, both) == {"evt.2021.minsk-delegation"}
    excluded = either.with_excluded("person", gusakov.id)
    assert "evt.2021-06-03.visit" not in _keys(mini_archive, excluded)
    assert "evt.2022-03.signing" in _keys(mini_archive, excluded)
    types = EventFilter().with_value("type", "signing").with_value("type", "meeting")
    assert _keys(mini_archive, types) == {"evt.2022-03.signing", "evt.undated.talk"}
    assert _keys(mini_archive, EventFilter().with_excluded("type", "visit")) >= {"evt.undated.talk"}


def test_places_and_countries_include_what_lies_within(mini_archive: Archive) -> None:
    belarus = mini_archive.resolve_entity("Беларусь")[0]
    china = mini_archive.resolve_entity("中国")[0]
    in_belarus = _keys(mini_archive, EventFilter().with_value("country", belarus.id))
    assert "evt.2021.minsk-delegation" in in_belarus
    in_china = _keys(mini_archive, EventFilter().with_value("country", china.id))
    assert {"evt.2021-06-03.visit", "evt.2022-03.signing"} <= in_china


def test_language_filter(mini_archive: Archive) -> None:
    assert _keys(mini_archive, EventFilter().with_value("language", "zh")) == {"evt.2022-03.signing"}
    assert _keys(mini_archive, EventFilter().with_value("language", "ru")) == {"evt.2021.minsk-delegation"}


def test_dates_are_filtered_honestly(mini_archive: Archive) -> None:
    year = EventFilter(date_from="2021-01-01", date_to="2021-12-31")
    assert _keys(mini_archive, year) == {"evt.2021-06-03.visit", "evt.2021.minsk-delegation"}
    june = EventFilter(date_from="2021-06-01", date_to="2021-06-30")
    assert _keys(mini_archive, june) == {"evt.2021-06-03.visit"}  # "2021" may not be June: not claimed
    june_loose = replace(june, include_imprecise=True)
    undated_doc = {r.key for r in mini_archive.all_rows(EventFilter()) if r.uncatalogued}
    assert (
        _keys(mini_archive, june_loose)
        == {
            "evt.2021-06-03.visit",
            "evt.2021.minsk-delegation",
            "evt.undated.talk",
        }
        | undated_doc
    )
    assert "evt.2022-03.signing" in _keys(
        mini_archive, EventFilter(date_from="2022-03-01", date_to="2022-03-31")
    )


def test_text_search_reaches_originals_notes_titles_and_aliases(mini_archive: Archive) -> None:
    assert _keys(mini_archive, EventFilter(text="делегация")) == {"evt.2021.minsk-delegation"}
    assert "evt.2022-03.signing" in _keys(mini_archive, EventFilter(text="签署"))
    assert "evt.2021-06-03.visit" in _keys(mini_archive, EventFilter(text="misspelling"))  # a note's text
    assert "evt.2021.minsk-delegation" in _keys(mini_archive, EventFilter(text="Гусаков"))


def test_facets_count_under_the_other_filters(mini_archive: Archive) -> None:
    jinan = mini_archive.resolve_entity("Jinan")[0]
    f = EventFilter().with_value("place", jinan.id)
    types = {v.value: v.count for v in mini_archive.facets(f, "type")}
    assert types == {"visit": 1, "signing": 1}
    # The place facet ignores the place selection itself, so other places stay choosable (OR).
    places = {v.label: v.count for v in mini_archive.facets(f, "place")}
    assert places["Jinan"] == 2 and places["Minsk"] == 2
    langs = {v.value: v.count for v in mini_archive.facets(EventFilter(), "language")}
    assert langs == {"en": 3, "ru": 1, "zh": 1}


@pytest.mark.parametrize("sort", ["date", "title", "type", "place", "countries", "languages", "sources"])
@pytest.mark.parametrize("descending", [False, True])
def test_keyset_pages_join_up_to_the_full_sorted_list(
    mini_archive: Archive, sort: str, descending: bool
) -> None:
    full = mini_archive.page(EventFilter(), sort, descending, limit=1000)
    assert len(full) == mini_archive.count(EventFilter()) == 5
    paged, after = [], None
    while True:
        page = mini_archive.page(EventFilter(), sort, descending, after, limit=2)
        paged += page
        if len(page) < 2:
            break
        after = (page[-1].sort_value, page[-1].id)
    assert [r.id for r in paged] == [r.id for r in full]
    values = [r.sort_value for r in full]
    assert values == sorted(values, reverse=descending)


def test_detail_has_sources_mentions_notes_and_renderings(mini_archive: Archive) -> None:
    event_id = mini_archive.find_event("evt.2021.minsk-delegation")
    assert event_id is not None
    detail = mini_archive.detail(event_id)
    assert detail is not None
    doc = detail.documents[0]
    assert doc.language == "ru" and doc.text.startswith("Делегация")
    assert [(d.kind, d.source) for d in doc.debris if d.kind == "headline-list"]
    assert doc.renderings[0].paragraph == 1 and doc.text[doc.renderings[0].start : doc.renderings[0].end]
    assert {m.text for m in doc.mentions} >= {"Национальной академии наук Беларуси", "Минск", "Гусаков"}
    assert [p.role for p in detail.participants] == ["participant", "speaker"]
    visit = mini_archive.detail(mini_archive.find_event("evt.2021-06-03.visit") or 0)
    assert visit is not None
    note = visit.documents[0].notes[0]
    assert visit.documents[0].text[note.start : note.end] == "Gusekov" == note.quote
    assert visit.children == [("evt.undated.talk", "A talk of unknown date")]
    assert visit.documents[0].other_events == [("evt.undated.talk", "A talk of unknown date")]
