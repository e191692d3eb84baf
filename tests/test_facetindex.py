"""Facet counts from the facet index (issue 20) are exactly the SQL's, under every kind of filter, and
the index never answers for a store that has changed since it was read."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from benchmarks.synth import synthesize
from desktop.services import Archive
from desktop.store import queries as q
from desktop.store.queries import FACET_KINDS, EventFilter
from tests.conftest import BACKENDS


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The index of a file and of a server's archive (issue 21): the same counts as the SQL, on both."""
    return request.param  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def synth_archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    db = tmp_path_factory.mktemp("facets") / "synth.sqlite"
    synthesize(db, 3000, seed=11)
    archive = Archive.open(db)
    yield archive
    archive.close()


def _archive(which: str, backend: str, request: pytest.FixtureRequest) -> Archive:
    """The seeds, the mini or the synthetic archive on the test's backend (the synthetic one published to
    the server for the test)."""
    if which != "synth":
        return request.getfixturevalue({"seeds": "seeds_archive", "mini": "mini_archive"}[which])  # type: ignore[no-any-return]
    synth: Archive = request.getfixturevalue("synth_archive")
    if backend == "sqlite":
        return synth
    return request.getfixturevalue("server_archives").publish(synth)  # type: ignore[no-any-return]


def _filters(archive: Archive) -> list[EventFilter]:
    """Filters of every shape: each kind's values alone and together, exclusions, dates, words, ids."""
    base = EventFilter()
    top = {kind: [v.value for v in archive.facets(base, kind, 3)] for kind in FACET_KINDS}
    out = [base]
    for kind, values in top.items():
        if values:
            out.append(base.with_value(kind, values[0]))
            out.append(base.with_excluded(kind, values[0]))
        if len(values) > 1:
            out.append(base.with_value(kind, values[0]).with_value(kind, values[1]))
    if top["country"] and top["type"] and top["person"]:
        both = base.with_value("country", top["country"][0]).with_value("type", top["type"][0])
        out += [both, both.with_excluded("person", top["person"][0])]
    dated = replace(base, date_from="2015-01-01", date_to="2020-12-31")
    out += [dated, replace(dated, include_imprecise=True)]
    out += [
        replace(base, date_to="2012-06-30"),
        replace(base, date_from="2021-03-15", include_imprecise=True),
    ]
    out.append(replace(dated, text="cooperation", ids=frozenset(range(1, 2000))))
    if top["place"]:
        out.append(replace(dated.with_value("place", top["place"][0]), include_imprecise=True))
    out += [
        replace(base, text="cooperation"),
        replace(base, text="минск OR 白俄罗斯"),
        replace(base, text="-visit"),
    ]
    out.append(replace(base, ids=frozenset(range(1, 40))))
    out.append(replace(base, ids=frozenset()))
    return out


def _same(index_counts: list[q.FacetValue], sql_counts: list[q.FacetValue]) -> None:
    # Values with equal counts and names come in no defined order from SQL: compare as sets, and the
    # order by count.
    assert sorted(index_counts, key=repr) == sorted(sql_counts, key=repr)
    assert [v.count for v in index_counts] == [v.count for v in sql_counts]


def _exact_under_every_filter(archive: Archive, index: object) -> None:
    from desktop.store.facetindex import FacetIndex

    assert isinstance(index, FacetIndex)
    for f in _filters(archive):
        with archive._connect() as conn:
            sql = q.all_facets(conn, f, None)
            sql_top = q.all_facets(conn, f, 5)
            with q.search_errors(f.text):
                mine = index.facets(conn, f, FACET_KINDS, None)
                mine_top = index.facets(conn, f, FACET_KINDS, 5)
        assert mine is not None and mine_top is not None
        for kind in FACET_KINDS:
            _same(mine[kind], sql[kind])
            assert [v.count for v in mine_top[kind]] == [v.count for v in sql_top[kind]], (f, kind)


@pytest.mark.parametrize("which", ["seeds", "synth", "mini"])
def test_index_counts_are_the_sqls(which: str, backend: str, request: pytest.FixtureRequest) -> None:
    archive = _archive(which, backend, request)
    _exact_under_every_filter(archive, archive.facet_index(wait=True))


def test_the_window_gets_index_counts_once_it_is_read(synth_archive: Archive) -> None:
    f = EventFilter().with_value("type", synth_archive.facets(EventFilter(), "type", 1)[0].value)
    with synth_archive._connect() as conn:
        expected = q.all_facets(conn, f, 300)
    assert synth_archive.facet_index(wait=True) is not None
    got = synth_archive.all_facets(f, 300, name_filters={"person": "a"})
    for kind in FACET_KINDS:
        if kind == "person":  # searched by name: counted in SQL
            with synth_archive._connect() as conn:
                assert got[kind] == q.facet_counts(conn, f, kind, 300, "a")
        else:
            assert [v.count for v in got[kind]] == [v.count for v in expected[kind]]


def test_edits_and_imports_since_the_read_are_counted_exactly(mini_archive: Archive, tmp_path: Path) -> None:
    index = mini_archive.facet_index(wait=True)
    assert index is not None and index.log_seq is not None
    # Another process's writes (here another connection): an event's type and dates, a merge of two
    # entities, an imported document (a new event, new names).
    other = Archive.open(mini_archive.address)
    try:
        first, second = other.page(EventFilter(), "date", True, None, 2)
        other.edit_event(first.key, type="visit" if first.type != "visit" else "meeting")
        other.edit_event(second.key, start={"date": "1999-05", "certainty": "stated", "reason": None})
        people = other.facets(EventFilter(), "person", 2)
        refs = other.entity_refs([v.value for v in people])
        keys = [refs[v.value].key for v in people] if len(people) == 2 else []
        if keys:
            other.merge_entities(keys[0], keys[1])
        page = tmp_path / "import.txt"
        page.write_text("Минск, 3 марта 2024 г. Делегация Китайской академии наук посетила Минск.\n")
        assert other.import_paths([page]).ok
    finally:
        other.close()
    # The index read before them still answers: it leaves the changed events to SQL.
    assert mini_archive.facet_index() is index
    _exact_under_every_filter(mini_archive, index)


def test_many_changes_begin_a_new_read_while_the_old_index_answers(
    mini_archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.store import facetindex

    index = mini_archive.facet_index(wait=True)
    assert index is not None
    monkeypatch.setattr(facetindex, "REREAD_AFTER", 1)
    other = Archive.open(mini_archive.address)
    try:
        event = other.page(EventFilter(), "date", True, None, 1)[0]
        other.edit_event(event.key, type="visit" if event.type != "visit" else "meeting")
    finally:
        other.close()
    assert mini_archive.facet_index() is index  # still answering, with the SQL's help
    fresh = mini_archive.facet_index(wait=True)
    assert fresh is not None and fresh is not index  # read again in the background meanwhile
    _exact_under_every_filter(mini_archive, fresh)


@pytest.mark.file_only  # a build's trim of a file's log (a server's is never trimmed)
def test_a_store_changed_past_the_log_is_never_answered_from_the_old_index(
    mini_archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from desktop.store import facetlog

    assert mini_archive.facet_index(wait=True) is not None
    assert mini_archive.facet_index() is not None  # still current: nothing was written
    # A build trimmed the log past the index's read: it cannot know what changed.
    monkeypatch.setattr(facetlog, "TRIM_OVER", 0)
    other = sqlite3.connect(mini_archive.path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE events SET type = type WHERE id = (SELECT min(id) FROM events)")
        assert facetlog.trim(other)
        other.execute("COMMIT")
    finally:
        other.close()
    with mini_archive._connect() as conn:
        stale = mini_archive._facet_indexer._index if mini_archive._facet_indexer else None
        assert stale is not None and stale.facets(conn, EventFilter(), ["type"], None) is None
    assert mini_archive.facet_index() is None  # the SQL answers while it is read again
    fresh = mini_archive.facet_index(wait=True)
    assert fresh is not None and fresh is not stale
    _exact_under_every_filter(mini_archive, fresh)


@pytest.mark.parametrize("which", ["seeds", "synth", "mini"])
def test_a_first_page_in_date_order_from_the_index_is_the_sqls(
    which: str, backend: str, request: pytest.FixtureRequest
) -> None:
    archive = _archive(which, backend, request)
    index = archive.facet_index(wait=True)
    assert index is not None
    filters = [f for f in _filters(archive) if not f.text]
    for f in filters:
        for descending in (False, True):
            for limit in (5, 200):
                with archive._connect() as conn:
                    sql = q.page_events(conn, f, "date", descending, None, limit)
                    ids = index.first_page(conn, f, limit, descending)
                    assert ids == [r.id for r in sql], (f, descending, limit)
                    # What the window gets: the same rows, each with the key the next page continues after.
                    assert q.rows_in_date_order(conn, ids) == sql
                assert archive.page(f, "date", descending, None, limit) == sql
    with archive._connect() as conn:  # a search keeps its own SQL
        assert index.first_page(conn, EventFilter(text="cooperation"), 5, True) is None


def test_no_first_page_from_an_index_the_store_has_moved_past(mini_archive: Archive) -> None:
    index = mini_archive.facet_index(wait=True)
    assert index is not None
    other = Archive.open(mini_archive.address)
    try:
        event = other.page(EventFilter(), "date", False, None, 1)[0]
        other.edit_event(event.key, start={"date": "2099-01", "certainty": "stated", "reason": None})
    finally:
        other.close()
    with mini_archive._connect() as conn:
        assert index.first_page(conn, EventFilter(), 5, True) is None  # its place in the order moved
    newest = mini_archive.page(EventFilter(), "date", True, None, 1)[0]
    assert newest.id == event.id  # the SQL answered, with the edit


def test_a_page_alone_never_sets_off_an_index_read(mini_archive: Archive) -> None:
    # The command line's one page must not wait for a read it will not use (3 s at a million events).
    fresh = Archive.open(mini_archive.address)
    try:
        assert fresh.page(EventFilter(), "date", True, None, 5)
        assert fresh._facet_indexer is None
    finally:
        fresh.close()
