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


@pytest.fixture(scope="module")
def synth_archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    db = tmp_path_factory.mktemp("facets") / "synth.sqlite"
    synthesize(db, 3000, seed=11)
    archive = Archive.open(db)
    yield archive
    archive.close()


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


@pytest.mark.parametrize("which", ["seeds", "synth", "mini"])
def test_index_counts_are_the_sqls(which: str, request: pytest.FixtureRequest) -> None:
    archive: Archive = request.getfixturevalue({"seeds": "seeds_archive", "synth": "synth_archive",
                                                "mini": "mini_archive"}[which])  # fmt: skip
    index = archive.facet_index(wait=True)
    assert index is not None
    for f in _filters(archive):
        with archive._connect() as conn:
            sql = q.all_facets(conn, f, None)
            sql_top = q.all_facets(conn, f, 5)
            with q.search_errors(f.text):
                mine = index.facets(conn, f, FACET_KINDS, None)
                mine_top = index.facets(conn, f, FACET_KINDS, 5)
        for kind in FACET_KINDS:
            _same(mine[kind], sql[kind])
            assert [v.count for v in mine_top[kind]] == [v.count for v in sql_top[kind]], (f, kind)


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


def test_a_changed_store_is_never_answered_from_the_old_index(mini_archive: Archive, tmp_path: Path) -> None:
    assert mini_archive.facet_index(wait=True) is not None
    assert mini_archive.facet_index() is not None  # still current: nothing was written
    # Another process's write (here another connection) makes the index stale at once.
    other = Archive.open(mini_archive.path)
    try:
        event = other.page(EventFilter(), "date", True, None, 1)[0]
        other.edit_event(event.key, type="visit" if event.type != "visit" else "meeting")
    finally:
        other.close()
    assert mini_archive.facet_index() is None  # the SQL answers while they are read again
    fresh = mini_archive.facet_index(wait=True)
    assert fresh is not None
    with mini_archive._connect() as conn:
        _same(
            fresh.facets(conn, EventFilter(), ["type"], None)["type"],
            q.facet_counts(conn, EventFilter(), "type"),
        )
