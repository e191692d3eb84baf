"""Words of an original linked to an entity by a reader (issue 18): "this passage names that entity".

Recorded in the journal against the document's SHA-256 prefix (field ``link:<start>-<end>``, the entity's
key and the words), and laid over the names the matcher finds whenever a document's mentions are written
(import, rebuild, relink): the reader's link replaces any name found overlapping it. Unlinking records an
empty value; the history keeps both.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, text

from desktop.editing.entityrows import entity_ids
from desktop.editing.eventfields import EditError
from desktop.store.journal import any_edits, edited, new_batch, record

LINK = "link:"


def with_reader_links(
    conn: Connection, doc_id: int, sha256: str, original: str, rows: list[dict[str, object]]
) -> list[dict[str, object]]:
    """A document's mention rows with its readers' links laid over them."""
    if not any_edits(conn, "document"):
        return rows
    fields = edited(conn, "document", [sha256[:16]]).get(sha256[:16], {})
    links = [e.value for f, e in fields.items() if f.startswith(LINK) and e.value]
    if not links:
        return rows
    ids = entity_ids(conn)
    added: list[dict[str, object]] = []
    for link in links:
        start, end = int(link["start"]), int(link["end"])
        if original[start:end] != link["quote"] or link["entity"] not in ids:
            continue  # the text is no longer the one linked, or the entity is gone
        added.append(
            {"document_id": doc_id, "entity_id": ids[link["entity"]], "start": start, "end": end,
             "text": link["quote"], "in_debris": False}
        )  # fmt: skip
    kept = [
        r
        for r in rows
        if not any(int(r["start"]) < int(a["end"]) and int(a["start"]) < int(r["end"]) for a in added)  # type: ignore[call-overload]
    ]
    return sorted(kept + added, key=lambda r: (int(r["start"]), int(r["end"])))  # type: ignore[call-overload]


def link(
    conn: Connection,
    doc_id: int,
    start: int,
    end: int,
    entity: str | None,
    author: str,
    batch: int | None = None,
) -> None:
    """Record that ``original[start:end]`` names ``entity`` (None: that it names nobody the reader linked),
    as its own step or part of ``batch``."""
    row = conn.execute(text("SELECT sha256, text FROM documents WHERE id = :d"), {"d": doc_id}).one_or_none()
    if row is None:
        raise EditError(f"no document numbered {doc_id}")
    original = str(row.text)
    if not (0 <= start < end <= len(original)) or not original[start:end].strip():
        raise EditError("passage: select the words of the original that name the entity")
    field = f"{LINK}{start}-{end}"
    current = edited(conn, "document", [str(row.sha256)[:16]]).get(str(row.sha256)[:16], {}).get(field)
    value: dict[str, Any] | None = None
    if entity is not None:
        if conn.execute(text("SELECT 1 FROM entities WHERE key = :k"), {"k": entity}).first() is None:
            raise EditError(f"entity: no entity {entity!r} (see `archive-viewer entities`)")
        value = {"entity": entity, "start": start, "end": end, "quote": original[start:end]}
    elif current is None or current.value is None:
        raise EditError("passage: these words are not linked by a reader")
    record(
        conn,
        batch or new_batch(conn),
        "document",
        str(row.sha256)[:16],
        field,
        current.value if current else None,
        value,
        author,
    )
