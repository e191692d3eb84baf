"""Landmarks: a page started from a block's landmark is the page OFFSET would give, in every order."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.synth import synthesize
from desktop.services import Archive
from desktop.store.landmarks import block_landmarks
from desktop.store.queries import EventFilter, page_events
from tests.conftest import BACKENDS


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """These run on a file and on a server, with the same expected results (issue 21)."""
    return request.param  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    db = Path(tmp_path_factory.mktemp("landmarks")) / "synth.sqlite"
    synthesize(db, 300, seed=3)
    return Archive.open(db)


@pytest.mark.parametrize(("sort", "descending"), [("date", True), ("title", False), ("type", True)])
def test_landmark_pages_equal_offset_pages(archive: Archive, sort: str, descending: bool) -> None:
    top_type = archive.facets(EventFilter(), "type", 1)[0].value
    for f in (EventFilter(), EventFilter().with_excluded("type", top_type)):
        with archive._connect() as conn:
            marks = block_landmarks(conn, f, sort, descending, 50)
            assert marks is not None and marks
            for block, after in marks.items():
                by_keyset = page_events(conn, f, sort, descending, after, 50)
                by_offset = page_events(conn, f, sort, descending, None, 50, offset=block * 50)
                assert [r.id for r in by_keyset] == [r.id for r in by_offset]
