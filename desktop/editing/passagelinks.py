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


def overlay(rows: list[dict[str, object]], added: list[dict[str, object]]) -> list[dict[str, object]]:
    """Mention rows with ``added`` laid over them: an added link replaces any name found overlapping it."""
    if not added:
        return rows
    kept = [
        r
        for r in rows
        if not any(int(r["start"]) < int(a["end"]) and int(a["start"]) < int(r["end"]) for a in added)  # type: ignore[call-overload]
    ]
    return sorted(kept + added, key=lambda r: (int(r["start"]), int(r["end"])))  # type: ignore[call-overload]


def link_rows(
    doc_id: int, original: str, links: list[dict[str, Any]], ids: dict[str, int], linked: str
) -> list[dict[str, object]]:
    """Mention rows of links ({"entity", "start", "end", "quote"}) whose words and entity are still there."""
    return [
        {"document_id": doc_id, "entity_id": ids[x["entity"]], "start": int(x["start"]), "end": int(x["end"]),
         "text": x["quote"], "in_debris": False, "linked": linked}
        for x in links
        if original[int(x["start"]) : int(x["end"])] == x["quote"] and x["entity"] in ids
    ]  # fmt: skip


def with_reader_links(
    conn: Connection,
    doc_id: int,
    sha256: str,
    original: str,
    rows: list[dict[str, object]],
    catalogue: list[dict[str, Any]] | None = None,
) -> list[dict[str, object]]:
    """A document's mention rows with its catalogue file's links (``catalogue``) and then its readers' links
    laid over them."""
    readers: list[dict[str, Any]] = []
    if any_edits(conn, "document"):
        fields = edited(conn, "document", [sha256[:16]]).get(sha256[:16], {})
        readers = [e.value for f, e in fields.items() if f.startswith(LINK) and e.value]
    if not readers and not catalogue:
        return rows
    ids = entity_ids(conn)
    rows = overlay(rows, link_rows(doc_id, original, catalogue or [], ids, "catalogue"))
    return overlay(rows, link_rows(doc_id, original, readers, ids, "reader"))


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
