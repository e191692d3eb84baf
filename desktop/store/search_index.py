"""Writing the full-text index: one row per event (``event_index``) and one per entity (``entity_index``).

An event's row gathers every text a reader may search for it — its title and summary, the originals of
its documents, the archive's English renderings, translation notes and document summaries, the reader's
own notes — each field in the three forms of ``desktop.search`` (words, stems, transliteration keys), and
an ``e<id>`` token for each entity it involves. The rowid orders rows by the event's date
(``search.event_rowid``), so a search's first page in time order is read straight off the index.

The rows are always derived from the tables, the same way for a build, an import, a reader's note, an
upgrade and the synthetic archives (which assemble the same strings in SQL), so the index can be rebuilt
from the store alone at any time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from desktop.search import ENTITY_COLUMNS, EVENT_COLUMNS, TEXT_FIELDS, event_rowid, index_fields, tsearch
from desktop.search.sql import SERVER_WEIGHTS
from desktop.store.dialect import dialect_of

_BATCH = 500
EVENT_INSERT_SQL = (
    f"INSERT INTO event_index (rowid, {', '.join(EVENT_COLUMNS)}) "
    f"VALUES (:rowid, {', '.join(':' + c for c in EVENT_COLUMNS)})"
)
ENTITY_INSERT_SQL = "INSERT INTO entity_index (rowid, w, s, t) VALUES (:rowid, :w, :s, :t)"


def _texts_of(conn: Any, ids: Sequence[int]) -> dict[int, dict[str, list[str]]]:
    """For each event id: its texts by field, in a fixed order (documents by id, notes by ordinal)."""
    out: dict[int, dict[str, list[str]]] = {i: {f: [] for f in (*TEXT_FIELDS, "names")} for i in ids}
    expanding = {"ids": list(ids)}

    def rows(sql: str) -> Iterator[Any]:
        return iter(conn.execute(text(sql).bindparams(bindparam("ids", expanding=True)), expanding))

    for eid, title, summary in rows("SELECT id, title, summary FROM events WHERE id IN :ids"):
        out[eid]["title"].append(f"{title} {summary or ''}")
    docs: dict[int, list[int]] = {}
    for eid, doc_id in rows(
        "SELECT event_id, document_id FROM event_documents WHERE event_id IN :ids "
        "ORDER BY event_id, document_id"
    ):
        docs.setdefault(doc_id, []).append(eid)
    if docs:
        doc_ids = {"d": list(docs)}

        def by_doc(sql: str) -> Iterator[Any]:
            return iter(conn.execute(text(sql).bindparams(bindparam("d", expanding=True)), doc_ids))

        per_doc: dict[int, dict[str, list[str]]] = {d: {f: [] for f in TEXT_FIELDS} for d in docs}
        summaries: dict[int, str] = {}
        documents = by_doc("SELECT id, text, title, summary FROM documents WHERE id IN :d")
        for doc_id, body, title, summary in documents:
            per_doc[doc_id]["original"].append(body)
            if summary:
                summaries[doc_id] = f"{title} {summary}"
        for doc_id, body in by_doc(
            "SELECT document_id, text FROM renderings WHERE document_id IN :d ORDER BY document_id, paragraph"
        ):
            per_doc[doc_id]["translation"].append(body)
        for doc_id, note, original in by_doc(
            "SELECT document_id, text, original FROM translation_notes WHERE document_id IN :d "
            "ORDER BY document_id, ordinal"
        ):
            per_doc[doc_id]["notes"].append(f"{note} {original or ''}")
        for doc_id, line in summaries.items():
            per_doc[doc_id]["notes"].append(line)
        for doc_id in sorted(docs):
            for eid in docs[doc_id]:
                for f in ("original", "translation", "notes"):
                    out[eid][f].extend(per_doc[doc_id][f])
    # A server's notes are private to their authors (row security): never in the index everyone searches.
    if dialect_of(conn) == "sqlite":
        for eid, body in rows(
            "SELECT ev.id, un.text FROM user_notes un JOIN events ev ON ev.key = un.event_key "
            "WHERE ev.id IN :ids ORDER BY un.id"
        ):
            out[eid]["mine"].append(body)
    for eid, entity_id in rows(
        "SELECT event_id, entity_id FROM event_entities WHERE event_id IN :ids ORDER BY event_id, entity_id"
    ):
        out[eid]["names"].append(f"e{entity_id}")
    return out


def event_rows(conn: Any, event_ids: Iterable[int] | None = None) -> Iterator[dict[str, object]]:
    """The index rows (bind parameters for ``EVENT_INSERT_SQL``) of these events, or of all of them."""
    if event_ids is None:
        ids = [i for (i,) in conn.execute(text("SELECT id FROM events ORDER BY id"))]
    else:
        ids = sorted(set(event_ids))
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start : start + _BATCH]
        dates = dict(
            conn.execute(
                text("SELECT id, sort_date FROM events WHERE id IN :ids").bindparams(
                    bindparam("ids", expanding=True)
                ),
                {"ids": chunk},
            ).all()
        )
        texts = _texts_of(conn, chunk)
        for eid in chunk:
            if eid not in dates:
                continue
            row: dict[str, object] = {"rowid": event_rowid(dates[eid], eid)}
            for f in TEXT_FIELDS:
                forms = index_fields("\n".join(texts[eid][f]))
                row[f"{f}_w"], row[f"{f}_s"], row[f"{f}_t"] = forms.words, forms.stems, forms.translit
            row["names"] = " ".join(texts[eid]["names"])
            yield row


def _insert(conn: Any, sql: str, rows: Iterable[dict[str, object]]) -> int:
    """Insert the rows in batches, each one ``executemany`` of the driver.

    The rows are plain strings and integers keyed by the statement's ``:name`` parameters, which sqlite3
    binds itself: going round SQLAlchemy's per-row parameter processing halves the time of a build's
    index writing (``conn`` is a Connection or a Session, whose connection is used).
    """
    driver = conn.connection() if isinstance(conn, Session) else conn
    if driver.dialect.name == "postgresql":
        return _insert_server(driver, sql, rows)
    return _in_batches(rows, lambda batch: driver.exec_driver_sql(sql, batch))


def _in_batches(rows: Iterable[dict[str, object]], write: Callable[[list[dict[str, object]]], object]) -> int:
    """Hand ``rows`` to ``write`` :data:`_BATCH` at a time; how many there were."""
    batch: list[dict[str, object]] = []
    written = 0
    for row in rows:
        batch.append(row)
        if len(batch) >= _BATCH:
            write(batch)
            written += len(batch)
            batch = []
    if batch:
        write(batch)
        written += len(batch)
    return written


def _insert_server(conn: Any, sql: str, rows: Iterable[dict[str, object]]) -> int:
    """The same rows into a server's index: each row's columns as one tagged tsvector (``tsearch``).

    An event's tokens carry their column's weight class (``search.sql.SERVER_WEIGHTS``), which a server's
    relevance order ranks by as bm25 weighs FTS5's columns; the entity index is never ranked.
    """
    table, columns, weights = (
        ("event_index", EVENT_COLUMNS, SERVER_WEIGHTS)
        if sql == EVENT_INSERT_SQL
        else ("entity_index", ENTITY_COLUMNS, None)
    )
    insert = text(f"INSERT INTO {table} (rowid, doc) VALUES (:rowid, CAST(:doc AS tsvector))")
    documents = ({"rowid": row["rowid"], "doc": tsearch.document(columns, row, weights)} for row in rows)
    return _in_batches(documents, lambda batch: conn.execute(insert, batch))


def unindex_events(conn: Any, event_ids: Iterable[int]) -> None:
    """Remove events' rows (call before their date changes or they are deleted)."""
    ids = list(event_ids)
    if not ids:
        return
    dates = text("SELECT id, sort_date FROM events WHERE id IN :ids")
    found = conn.execute(dates.bindparams(bindparam("ids", expanding=True)), {"ids": ids}).all()
    if not found:
        return
    conn.execute(
        text("DELETE FROM event_index WHERE rowid = :r"), [{"r": event_rowid(d, i)} for i, d in found]
    )


def index_events(conn: Any, event_ids: Iterable[int]) -> int:
    """Write (or rewrite) the rows of these events from the tables as they are now."""
    ids = list(event_ids)
    unindex_events(conn, ids)
    return _insert(conn, EVENT_INSERT_SQL, event_rows(conn, ids))


def reindex_event_key(conn: Any, event_key: str) -> None:
    """Index a reader's notes on one event again, after they changed; nothing if there is no such event.

    In a file the notes are a column of the event's row, rewritten whole. On a server they are the
    writer's own row of ``note_index`` (migration 0014), since the event's row is everyone's.
    """
    if dialect_of(conn) != "sqlite":
        _index_own_notes(conn, event_key)
        return
    found = conn.execute(text("SELECT id FROM events WHERE key = :k"), {"k": event_key}).scalar()
    if found is not None:
        index_events(conn, [int(found)])


_NOTE_COLUMNS = tuple(f"mine_{form}" for form in ("w", "s", "t"))
_NOTE_INDEX_INSERT = (
    "INSERT INTO note_index (author, event_key, doc) VALUES (:author, :key, CAST(:doc AS tsvector))"
)


def _note_document(bodies: Sequence[str]) -> str:
    """The tagged tsvector of one author's notes on one event: the ``mine`` column of a file's index row."""
    forms = index_fields("\n".join(bodies))
    row = dict(zip(_NOTE_COLUMNS, (forms.words, forms.stems, forms.translit), strict=True))
    return tsearch.document(_NOTE_COLUMNS, row, SERVER_WEIGHTS)


def _index_own_notes(conn: Any, event_key: str) -> None:
    """The connection's role's ``note_index`` row for one event, from its notes as they are now."""
    author = conn.execute(text("SELECT current_user")).scalar()
    bodies = [
        body
        for (body,) in conn.execute(
            text("SELECT text FROM user_notes WHERE event_key = :k AND author = :a ORDER BY id"),
            {"k": event_key, "a": author},
        )
    ]
    conn.execute(
        text("DELETE FROM note_index WHERE author = :a AND event_key = :k"), {"a": author, "k": event_key}
    )
    if bodies:
        conn.execute(
            text(_NOTE_INDEX_INSERT), {"author": author, "key": event_key, "doc": _note_document(bodies)}
        )


def rebuild_note_index(conn: Any) -> int:
    """A server's ``note_index`` from every note the connection may read (a publish: the publisher's)."""
    conn.execute(text("DELETE FROM note_index"))
    notes: dict[tuple[str, str], list[str]] = {}
    for author, key, body in conn.execute(text("SELECT author, event_key, text FROM user_notes ORDER BY id")):
        notes.setdefault((author, key), []).append(body)
    rows: Iterator[dict[str, object]] = (
        {"author": author, "key": key, "doc": _note_document(bodies)}
        for (author, key), bodies in notes.items()
    )
    return _in_batches(rows, lambda batch: conn.execute(text(_NOTE_INDEX_INSERT), batch))


def entity_rows(conn: Any) -> Iterator[dict[str, object]]:
    """Every entity's row: all its aliases, in every script, in the three forms."""
    forms: dict[int, list[str]] = {}
    for eid, alias in conn.execute(text("SELECT entity_id, text FROM aliases ORDER BY entity_id, id")):
        forms.setdefault(eid, []).append(alias)
    for eid, names in forms.items():
        row = index_fields(" ; ".join(names))
        yield {"rowid": eid, "w": row.words, "s": row.stems, "t": row.translit}


def index_entities(conn: Any) -> int:
    """Rewrite the entity index from the aliases (after the authority changed)."""
    conn.execute(text("DELETE FROM entity_index"))
    return _insert(conn, ENTITY_INSERT_SQL, entity_rows(conn))


def rebuild_event_index(conn: Any) -> int:
    """Empty the event index and fill it again from the tables."""
    conn.execute(text("DELETE FROM event_index"))
    return _insert(conn, EVENT_INSERT_SQL, event_rows(conn))


def rebuild_search_index(conn: Any) -> int:
    """Both indexes (a server's notes' too) from the tables, then optimised; the event rows written."""
    index_entities(conn)
    written = rebuild_event_index(conn)
    if conn.dialect.name == "sqlite":  # FTS5 merges its segments; a server's GIN index needs nothing
        for table in ("event_index", "entity_index"):
            conn.execute(text(f"INSERT INTO {table}({table}) VALUES ('optimize')"))
    else:
        rebuild_note_index(conn)
    return written


assert ENTITY_COLUMNS == ("w", "s", "t")  # ENTITY_INSERT_SQL names them
