"""Filling the full-text index from the tables: after a schema change of the index, or on request.

The build writes index rows as it writes each document (see ``desktop.ingest.build``); this module
re-derives all of them from what the store holds, with the same texts per kind, so an upgrade that changes
how text is indexed never needs the seeds again.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import text

from desktop.search import INSERT_SQL, index_params

_BATCH = 2000


def index_rows(conn: Any) -> Iterator[dict[str, object]]:
    """Every index row, kind by kind, with the texts the build indexes for that kind."""
    forms: dict[int, list[str]] = {}
    for eid, alias in conn.execute(text("SELECT entity_id, text FROM aliases ORDER BY id")):
        forms.setdefault(eid, []).append(alias)
    for eid, names in forms.items():
        yield index_params("entity", eid, " ; ".join(names))
    for doc_id, body, title, summary in conn.execute(
        text("SELECT id, text, title, summary FROM documents ORDER BY id")
    ):
        yield index_params("document", doc_id, body)
        for note, original in conn.execute(
            text("SELECT text, original FROM translation_notes WHERE document_id = :d ORDER BY ordinal"),
            {"d": doc_id},
        ):
            yield index_params("note", doc_id, f"{note} {original or ''}")
        rendered = [
            r
            for (r,) in conn.execute(
                text("SELECT text FROM renderings WHERE document_id = :d ORDER BY paragraph"), {"d": doc_id}
            )
        ]
        if rendered:
            yield index_params("rendering", doc_id, " ".join(rendered))
        if summary:
            yield index_params("note", doc_id, f"{title} {summary}")
    for event_id, title, summary in conn.execute(text("SELECT id, title, summary FROM events ORDER BY id")):
        yield index_params("event", event_id, f"{title} {summary or ''}")
    for note_id, body in conn.execute(text("SELECT id, text FROM user_notes ORDER BY id")):
        yield index_params("user_note", note_id, body)


def rebuild_search_index(conn: Any) -> int:
    """Empty the index and fill it again from the tables; returns the number of rows written."""
    conn.execute(text("DELETE FROM search_index"))
    batch: list[dict[str, object]] = []
    written = 0
    for row in index_rows(conn):
        batch.append(row)
        if len(batch) >= _BATCH:
            conn.execute(text(INSERT_SQL), batch)
            written += len(batch)
            batch = []
    if batch:
        conn.execute(text(INSERT_SQL), batch)
        written += len(batch)
    conn.execute(text("INSERT INTO search_index(search_index) VALUES ('optimize')"))
    return written
