"""Query plans of the list's pages: probing a condition row by row gives exactly the rows listing it does,
and the first page of a common filter in date order streams from an index instead of sorting."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, func, select, text
from sqlalchemy.dialects import sqlite

from benchmarks.synth import synthesize
from desktop.services import Archive
from desktop.store.queries import (
    ENTITY_KINDS,
    EventFilter,
    _where,
    all_facets,
    count_events,
    facet_counts,
    iter_events,
    page_events,
    page_statement,
    probe_kinds,
    row_of_event,
)
from desktop.store.schema import Event


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    db = Path(tmp_path_factory.mktemp("plans")) / "synth.sqlite"
    synthesize(db, 2500, seed=11)
    return Archive.open(db)


def _values(archive: Archive, kind: str) -> tuple[object, object]:
    """The commonest and the rarest value of a kind."""
    facets = archive.facets(EventFilter(), kind)
    return facets[0].value, facets[-1].value


def _filters(archive: Archive) -> list[EventFilter]:
    base = EventFilter()
    out: list[EventFilter] = []
    for kind in (*ENTITY_KINDS, "language", "type"):
        common, rare = _values(archive, kind)
        out += [base.with_value(kind, common), base.with_value(kind, rare), base.with_excluded(kind, common)]
    country, _ = _values(archive, "country")
    person, _ = _values(archive, "person")
    kind_type, _ = _values(archive, "type")
    combo = base.with_value("country", country).with_value("type", kind_type)
    out += [combo, combo.with_value("person", person), combo.with_excluded("language", "en")]
    out += [replace(combo, date_from="2015-01-01", date_to="2020-12-31")]
    out += [replace(base, date_from="2019-06-01", date_to="2019-06-30", include_imprecise=True)]
    out += [replace(combo, text="minsk"), replace(base.with_value("country", country), text="NOT minsk")]
    return out


def _every_probe(f: EventFilter) -> frozenset[str]:
    kinds = {k for k, _ in f.include} | {f"-{k}" for k, _ in f.exclude}
    return frozenset(kinds - {"type", "-type"})


def _ids(
    conn: Connection,
    f: EventFilter,
    sort: str,
    descending: bool,
    probe: frozenset[str],
    after: tuple[Any, int] | None = None,
) -> list[tuple[Any, int]]:
    stmt = page_statement(f, sort, descending, after, 40, 0, probe)
    return [(r.sort_value, r.id) for r in conn.execute(stmt)]


@pytest.mark.parametrize(("sort", "descending"), [("date", True), ("date", False), ("title", False)])
def test_probed_and_listed_conditions_give_the_same_pages(
    archive: Archive, sort: str, descending: bool
) -> None:
    with archive._connect() as conn:
        for f in _filters(archive):
            listed = _ids(conn, f, sort, descending, frozenset())
            assert listed == _ids(conn, f, sort, descending, _every_probe(f)), f
            if len(listed) == 40:  # and the next page, continued by keyset
                after = listed[-1]
                assert _ids(conn, f, sort, descending, frozenset(), after) == _ids(
                    conn, f, sort, descending, _every_probe(f), after
                ), f


def test_only_conditions_matching_many_events_are_probed(archive: Archive) -> None:
    country, _ = _values(archive, "country")
    _, rare_person = _values(archive, "person")
    f = EventFilter().with_value("country", country).with_value("person", rare_person)
    with archive._connect() as conn:
        assert probe_kinds(conn, f) == {"country"}
        assert probe_kinds(conn, EventFilter().with_excluded("country", country)) == {"-country"}
        assert probe_kinds(conn, EventFilter()) == frozenset()
        # The page the list shows is the page of either plan.
        assert [r.id for r in page_events(conn, f, "date", True)] == [
            i for _, i in _ids(conn, f, "date", True, frozenset())
        ][: len(page_events(conn, f, "date", True))]


def _plan(conn: Connection, f: EventFilter, probe: frozenset[str]) -> str:
    stmt = page_statement(f, "date", True, None, 200, 0, probe)
    sql = str(stmt.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))
    return " / ".join(r[3] for r in conn.execute(text(f"EXPLAIN QUERY PLAN {sql}")))


def test_first_pages_in_date_order_stream_from_an_index(archive: Archive) -> None:
    kind_type, _ = _values(archive, "type")
    country, _ = _values(archive, "country")
    with archive._connect() as conn:
        by_type = _plan(conn, EventFilter().with_value("type", kind_type), frozenset())
        assert "ix_events_type_date" in by_type and "TEMP B-TREE" not in by_type, by_type
        by_country = EventFilter().with_value("country", country)
        plan = _plan(conn, by_country, probe_kinds(conn, by_country))
        assert "ix_events_sort_date" in plan and "TEMP B-TREE" not in plan, plan
        ranged = replace(EventFilter(), date_from="2015-01-01", date_to="2020-12-31")
        plan = _plan(conn, ranged, frozenset())
        assert "ix_events_sort_date (sort_date>? AND sort_date<?)" in plan, plan


def test_a_single_value_is_counted_from_its_links_exactly(archive: Archive) -> None:
    with archive._connect() as conn:
        for f in _filters(archive):
            general = select(func.count()).select_from(Event.__table__).where(_where(f))
            assert count_events(conn, f) == conn.execute(general).scalar_one(), f


@pytest.mark.parametrize(("sort", "descending"), [("date", True), ("title", False)])
def test_an_event_is_found_at_its_row_under_every_filter(
    archive: Archive, sort: str, descending: bool
) -> None:
    with archive._connect() as conn:
        for f in _filters(archive)[:12]:
            rows = [r.id for r in iter_events(conn, f, sort, descending)]
            for at in {0, len(rows) // 2, len(rows) - 1} if rows else set():
                assert row_of_event(conn, f, sort, descending, rows[at]) == at, (f, at)
            outside = page_events(
                conn, EventFilter(ids=frozenset(range(1, 3000)) - set(rows)), "date", True, None, 1
            )
            if outside:
                assert row_of_event(conn, f, sort, descending, outside[0].id) is None


def test_every_kind_counted_together_equals_each_kind_counted_alone(archive: Archive) -> None:
    with archive._connect() as conn:
        for f in [EventFilter(), *_filters(archive)]:
            for limit in (None, 5):
                together = all_facets(conn, f, limit)
                alone = {kind: facet_counts(conn, f, kind, limit) for kind in together}
                assert together == alone, f
        named = all_facets(conn, _filters(archive)[0], 300, name_filters={"person": "a"})
        assert named["person"] == facet_counts(conn, _filters(archive)[0], "person", 300, "a")
