"""One event's detail (desktop.store.detail): the same content, in the same order, as one query per table.

The detail is fetched in two statements whose lists come back as JSON; these tests compare it, for every
event of the real seeds, with the plain per-table queries it replaced (run here with sqlite3), and check the
awkward values JSON must carry unchanged.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from desktop.services import Archive
from desktop.store.detail import document_detail, event_detail


def _rows(con: sqlite3.Connection, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in con.execute(sql, params)]


def _expected_document(con: sqlite3.Connection, doc_id: int, exclude: int | None) -> dict[str, Any]:
    """A document as the per-table queries give it."""
    return {
        "text": con.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()[0],
        "published": _rows(
            con,
            'SELECT date, precision, certainty, label, start, "end" FROM publication_dates '
            "WHERE document_id = ? ORDER BY id",
            doc_id,
        ),
        "debris": _rows(
            con,
            'SELECT kind, start, "end", reason, source FROM debris_spans '
            "WHERE document_id = ? ORDER BY start",
            doc_id,
        ),
        "mentions": _rows(
            con,
            'SELECT m.start, m."end", m.text, m.in_debris, n.id, n.key, n.type, n.name FROM mentions m '
            "JOIN entities n ON n.id = m.entity_id WHERE m.document_id = ? ORDER BY m.start, m.id",
            doc_id,
        ),
        "notes": _rows(
            con,
            'SELECT kind, text, certainty, original, quote, start, "end" FROM translation_notes '
            "WHERE document_id = ? ORDER BY ordinal",
            doc_id,
        ),
        "renderings": _rows(
            con,
            'SELECT paragraph, start, "end", text FROM renderings WHERE document_id = ? ORDER BY paragraph',
            doc_id,
        ),
        "other_events": _rows(
            con,
            "SELECT e.key, e.title FROM event_documents ed JOIN events e ON e.id = ed.event_id "
            "WHERE ed.document_id = ? AND e.id IS NOT ? ORDER BY e.sort_date, e.id",
            doc_id,
            exclude,
        ),
    }


def _document_as_rows(d: Any) -> dict[str, Any]:
    return {
        "text": d.text,
        "published": [(p.date, p.precision, p.certainty, p.label, p.start, p.end) for p in d.published],
        "debris": [(x.kind, x.start, x.end, x.reason, x.source) for x in d.debris],
        "mentions": [
            (
                m.start,
                m.end,
                m.text,
                int(m.in_debris),
                m.entity.id,
                m.entity.key,
                m.entity.type,
                m.entity.name,
            )
            for m in d.mentions
        ],
        "notes": [(n.kind, n.text, n.certainty, n.original, n.quote, n.start, n.end) for n in d.notes],
        "renderings": [(r.paragraph, r.start, r.end, r.text) for r in d.renderings],
        "other_events": list(d.other_events),
    }


@pytest.fixture
def seeds_con(seeds_archive: Archive) -> Iterator[sqlite3.Connection]:
    with closing(sqlite3.connect(f"file:{seeds_archive.path}?mode=ro", uri=True)) as con:
        yield con


def test_every_seed_event_matches_the_per_table_queries(
    seeds_archive: Archive, seeds_con: sqlite3.Connection
) -> None:
    con = seeds_con
    ids = [r[0] for r in con.execute("SELECT id FROM events ORDER BY id")]
    assert ids
    for event_id in ids:
        detail = seeds_archive.detail(event_id)
        assert detail is not None
        key, parent_id, place_id = con.execute(
            "SELECT key, parent_id, place_id FROM events WHERE id = ?", (event_id,)
        ).fetchone()
        assert detail.row.id == event_id and detail.row.key == key
        assert (detail.place.id if detail.place else None) == place_id
        parent = con.execute("SELECT key, title FROM events WHERE id = ?", (parent_id,)).fetchone()
        assert detail.parent == (tuple(parent) if parent else None)
        assert detail.children == _rows(
            con, "SELECT key, title FROM events WHERE parent_id = ? ORDER BY sort_date, id", event_id
        )
        doc_ids = [
            r[0]
            for r in con.execute("SELECT document_id FROM event_documents WHERE event_id = ?", (event_id,))
        ]
        assert [d.id for d in detail.documents] == sorted(doc_ids)
        names = {d.id: d.filename for d in detail.documents}
        participants = _rows(
            con,
            'SELECT p.entity_id, n.name, p.role, p.title, p.document_id, p.start, p."end" '
            "FROM participants p JOIN entities n ON n.id = p.entity_id "
            "WHERE p.event_id = ? ORDER BY p.ordinal",
            event_id,
        )
        assert [
            (p.entity.id, p.entity.name, p.role, p.title, p.document, p.start, p.end)
            for p in detail.participants
        ] == [(e, n, r, t, names.get(d) if d else None, s, x) for e, n, r, t, d, s, x in participants]
        evidence = _rows(
            con,
            'SELECT document_id, quote, start, "end" FROM evidence WHERE event_id = ? ORDER BY id',
            event_id,
        )
        assert [(e.document, e.quote, e.start, e.end) for e in detail.evidence] == [
            (names.get(d, str(d)), q, s, x) for d, q, s, x in evidence
        ]
        people = _rows(
            con,
            "SELECT n.type, n.name FROM event_entities ee JOIN entities n ON n.id = ee.entity_id "
            "WHERE ee.event_id = ? AND ee.direct AND n.type IN ('person', 'organisation') "
            "ORDER BY n.sort_name",
            event_id,
        )
        assert detail.people == [n for t, n in people if t == "person"]
        assert detail.organisations == [n for t, n in people if t == "organisation"]
        for doc in detail.documents:
            assert _document_as_rows(doc) == _expected_document(con, doc.id, event_id)


def test_a_document_alone_and_unknown_ids(seeds_archive: Archive, seeds_con: sqlite3.Connection) -> None:
    doc_id = seeds_con.execute(
        "SELECT document_id FROM event_documents ORDER BY document_id LIMIT 1"
    ).fetchone()[0]
    with seeds_archive._connect() as conn:
        alone = document_detail(conn, doc_id)
        assert alone is not None
        assert _document_as_rows(alone) == _expected_document(seeds_con, doc_id, None)
        assert document_detail(conn, -1) is None
        assert event_detail(conn, -1) is None


def test_two_statements_per_event_however_many_documents(mini_archive: Archive) -> None:
    event_id = mini_archive.find_event("evt.2021-06-03.visit")
    assert event_id is not None
    # A second and third source for the event: the statement count must not grow with them.
    with closing(sqlite3.connect(mini_archive.path)) as con, con:
        con.execute(
            "INSERT INTO event_documents (event_id, document_id) SELECT ?, id FROM documents "
            "WHERE id NOT IN (SELECT document_id FROM event_documents WHERE event_id = ?) LIMIT 2",
            (event_id, event_id),
        )
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    engine = mini_archive._store.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        with mini_archive._connect() as conn:
            detail = event_detail(conn, event_id)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert detail is not None and len(detail.documents) == 3
    assert len(statements) == 2


def test_awkward_text_comes_back_unchanged(tmp_path: Path, mini_archive: Archive) -> None:
    """JSON carries quotes, backslashes, control characters, NUL and astral characters as they were."""
    awkward = 'a "quoted" \\ back\tslash\x00nul\x01 \u2028 😀 Ё'
    event_id = mini_archive.find_event("evt.2021-06-03.visit")
    assert event_id is not None
    with closing(sqlite3.connect(mini_archive.path)) as con, con:
        doc_id = con.execute(
            "SELECT document_id FROM event_documents WHERE event_id = ?", (event_id,)
        ).fetchone()[0]
        con.execute("UPDATE mentions SET text = ? WHERE document_id = ?", (awkward, doc_id))
        con.execute(
            "UPDATE translation_notes SET text = ?, original = NULL WHERE document_id = ?", (awkward, doc_id)
        )
        key = con.execute("SELECT key FROM events WHERE id = ?", (event_id,)).fetchone()[0]
        con.execute(
            "INSERT INTO user_notes (event_key, text, created, updated) VALUES (?, ?, 'c', 'u')",
            (key, awkward),
        )
    detail = mini_archive.detail(event_id)
    assert detail is not None
    doc = detail.documents[0]
    assert doc.mentions and {m.text for m in doc.mentions} == {awkward}
    assert doc.notes and {(n.text, n.original) for n in doc.notes} == {(awkward, None)}
    assert [n.text for n in detail.user_notes] == [awkward]


def test_the_detail_benchmark_runs_on_a_read_only_store(seeds_archive: Archive) -> None:
    from benchmarks import detail_bench

    result = detail_bench.measure(seeds_archive.path, events=3, seed=1)
    assert [len(times) for times in result.values()] == [3, 3]
