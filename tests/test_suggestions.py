"""An imported page arrives with the first pass's proposals, kept apart from the catalogue (issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.services import Archive
from tests.conftest import BACKENDS


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """These run on a file and on a server, with the same expected results (issue 21)."""
    return request.param  # type: ignore[no-any-return]


PAGE = Path(__file__).resolve().parent / "data" / "first_pass" / "en" / "en-02-minsk-forum-belta.txt"


def test_an_imported_page_carries_proposals_with_spans_and_reasons(mini_archive: Archive) -> None:
    report = mini_archive.import_paths([PAGE])
    assert report.ok and report.added
    rows = mini_archive.all_rows(mini_archive_filter())
    details = [mini_archive.detail(r.id) for r in rows if r.uncatalogued]
    detail = next(d for d in details if d and d.documents[0].filename == PAGE.name)
    (document,) = detail.documents
    found = {s.kind: s for s in document.suggestions}
    assert found["published"].value == "2024-05-15"
    assert (found["event_start"].value, found["event_end"].value) == ("2024-05-14", "2024-05-15")
    assert found["type"].value == "forum" and found["place"].value == "Minsk"
    assert found["captured"].value == "2024-06-04"  # the today bar: when the page was saved
    for s in document.suggestions:
        assert s.reason and s.rule and 0 < s.confidence <= 1
        if s.start is not None and s.end is not None:
            assert 0 <= s.start < s.end <= len(document.text)
    # The JSON of `show` carries them; the catalogued documents have none.
    shown = mini_archive.detail_json(detail)
    assert {s["kind"] for s in shown["sources"][0]["suggestions"]} >= {"title", "published", "type"}
    catalogued = next(r for r in rows if not r.uncatalogued)
    catalogued_detail = mini_archive.detail(catalogued.id)
    assert catalogued_detail is not None
    assert all(not d.suggestions for d in catalogued_detail.documents)


def mini_archive_filter():  # type: ignore[no-untyped-def]
    from desktop.services import EventFilter

    return EventFilter()


def test_an_imported_page_is_found_by_its_proposed_date_place_and_type(mini_archive: Archive) -> None:
    from desktop.services import EventFilter

    report = mini_archive.import_paths([PAGE])
    assert report.ok and report.added
    may = EventFilter(date_from="2024-05-01", date_to="2024-05-31")  # imprecise events not included
    (row,) = [r for r in mini_archive.all_rows(may) if r.uncatalogued]
    assert row.title == "Belarus, China sign contracts worth over $100 million at interregional forum"
    assert (row.type, row.start, row.end, row.place) == ("forum", "2024-05-14", "2024-05-15", "Minsk")
    assert row.certainty == "proposed"  # the machine's proposal, not an archivist's fact
    minsk = next(e for e, _aliases in mini_archive.entities("place") if e.name == "Minsk")
    in_minsk = mini_archive.all_rows(EventFilter().with_value("place", minsk.id))
    assert row.id in {r.id for r in in_minsk}
    forums = mini_archive.all_rows(EventFilter().with_value("type", "forum"))
    assert row.id in {r.id for r in forums}
    # The weather bar's and the related-news list's names are chrome: marked, never the event's.
    detail = mini_archive.detail(row.id)
    assert detail is not None
    (document,) = detail.documents
    assert any(d.source == "first pass" for d in document.debris)
    # Scripts read the same: the JSON says whose values they are.
    (shown,) = mini_archive.events_json([row])
    assert shown["certainty"] == "proposed" and shown["date_certainty"] == "proposed"
    assert shown["first_pass"]["type"]["value"] == "forum" and shown["first_pass"]["type"]["reason"]
    (summary,) = [d for d in mini_archive.documents() if d.filename == PAGE.name]
    assert summary.title == row.title and summary.first_pass["published"]["value"] == "2024-05-15"


def test_another_report_of_the_same_event_is_proposed_never_merged(mini_archive: Archive) -> None:
    from desktop.services import EventFilter

    german = PAGE.parent.parent / "de" / "de-01-minsk-forum-dpa.txt"
    assert mini_archive.import_paths([PAGE]).ok
    assert mini_archive.import_paths([german]).ok
    rows = [r for r in mini_archive.all_rows(EventFilter(date_from="2024-05-01")) if r.uncatalogued]
    assert len(rows) == 2  # two events still: a person decides
    english = next(r for r in rows if r.title.startswith("Belarus, China sign"))
    other = next(r for r in rows if r is not english)
    detail = mini_archive.detail(other.id)
    assert detail is not None
    proposals = [s for s in detail.documents[0].suggestions if s.kind == "same_event"]
    assert proposals and proposals[0].value == english.key
    assert "the same days" in proposals[0].reason and proposals[0].confidence >= 0.7


def test_a_datelines_city_is_where_the_report_was_filed_not_a_participant(
    mini_archive: Archive, tmp_path: Path
) -> None:
    from desktop.services import EventFilter

    page = tmp_path / "award.txt"
    page.write_text(
        "Home | News\n\nBelarusian physicist receives award in Jinan\n\n"
        "MINSK, 27 September (BelTA) - A Belarusian physicist received the Friendship Award at a ceremony "
        "held "
        "in Jinan, the capital of Shandong province, on 26 September, the academy said on Wednesday.\n\n"
        "The award is given to foreign experts who have made outstanding contributions to the province.\n",
        encoding="utf-8",
    )
    assert mini_archive.import_paths([page]).ok
    (row,) = [r for r in mini_archive.all_rows(EventFilter(text="Friendship Award")) if r.uncatalogued]
    detail = mini_archive.detail(row.id)
    assert detail is not None
    found = {s.kind: s for s in detail.documents[0].suggestions}
    assert found["dateline"].value == "Minsk" and found["place"].value == "Jinan"
    minsk = next(e for e, _aliases in mini_archive.entities("place") if e.name == "Minsk")
    assert row.id not in {r.id for r in mini_archive.all_rows(EventFilter().with_value("place", minsk.id))}
