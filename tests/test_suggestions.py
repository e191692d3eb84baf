"""An imported page arrives with the first pass's proposals, kept apart from the catalogue (issue 16)."""

from __future__ import annotations

from pathlib import Path

from desktop.services import Archive

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
