"""Flags for later review (issue 18): an entity, or words of a document, that nothing in the authority fits
yet — marked with a reason so that someone comes back to them, as Recogito's and INCEpTION's annotators
do. Kept in the journal like every edit (entity field ``flag``; document field ``flag:<start>-<end>``, with
the words), undoable, listed by ``flags`` and in the window; a flag cleared records an empty value."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, text

from desktop.editing.eventfields import EditError
from desktop.store.journal import edited, new_batch, record

FLAG = "flag"
PASSAGE_FLAG = "flag:"


def _reason(reason: str | None) -> str | None:
    reason = " ".join((reason or "").split())
    if len(reason) > 2000:
        raise EditError(f"reason: at most 2,000 characters (this one has {len(reason):,})")
    return reason


def flag_entity(conn: Connection, key: str, reason: str | None, author: str) -> None:
    """Flag an entity for review with why (``reason`` None: clear its flag)."""
    if conn.execute(text("SELECT 1 FROM entities WHERE key = :k"), {"k": key}).first() is None:
        raise EditError(f"no entity {key!r} (see `archive-viewer entities`)")
    current = edited(conn, "entity", [key]).get(key, {}).get(FLAG)
    now = current.value if current else None
    value = {"reason": _reason(reason)} if reason is not None else None
    if value is None and now is None:
        raise EditError(f"{key} is not flagged")
    if value == now:
        return
    record(conn, new_batch(conn), "entity", key, FLAG, now, value, author)


def flag_passage(
    conn: Connection, doc_id: int, start: int, end: int, reason: str | None, author: str
) -> set[str]:
    """Flag words of a document for review (``reason`` None: clear the flag); the keys of its events."""
    row = conn.execute(text("SELECT sha256, text FROM documents WHERE id = :d"), {"d": doc_id}).one_or_none()
    if row is None:
        raise EditError(f"no document numbered {doc_id}")
    original = str(row.text)
    if not (0 <= start < end <= len(original)) or not original[start:end].strip():
        raise EditError("passage: select the words of the original to flag")
    prefix, field = str(row.sha256)[:16], f"{PASSAGE_FLAG}{start}-{end}"
    current = edited(conn, "document", [prefix]).get(prefix, {}).get(field)
    now = current.value if current else None
    value = None
    if reason is not None:
        value = {"quote": original[start:end], "start": start, "end": end, "reason": _reason(reason)}
    elif now is None:
        raise EditError("passage: these words are not flagged")
    record(conn, new_batch(conn), "document", prefix, field, now, value, author)
    return {
        str(k)
        for (k,) in conn.execute(
            text(
                "SELECT e.key FROM events AS e JOIN event_documents AS ed ON ed.event_id = e.id "
                "WHERE ed.document_id = :d"
            ),
            {"d": doc_id},
        )
    }


def open_flags(conn: Connection) -> list[dict[str, Any]]:
    """Every flag not cleared, oldest first: ``kind`` (entity | passage), ``key`` (the entity's, or the
    document's file name), ``name`` or ``quote``, ``start``/``end``, ``reason``, ``author``, ``at``, and
    for a passage the ``events`` its document reports."""
    latest: dict[tuple[str, str, str], Any] = {}
    for target_type, key, field, new, author, at in conn.execute(
        text(
            "SELECT target_type, target_key, field, new, author, at FROM edits WHERE NOT undone AND ("
            "(target_type = 'entity' AND field = 'flag') OR "
            "(target_type = 'document' AND substr(field, 1, 5) = 'flag:')) ORDER BY id"
        )
    ):
        latest[(target_type, key, field)] = (json.loads(new) if new else None, author, at)
    out: list[dict[str, Any]] = []
    for (target_type, key, _field), (value, author, at) in latest.items():
        if value is None:
            continue
        if target_type == "entity":
            name = conn.execute(text("SELECT name FROM entities WHERE key = :k"), {"k": key}).scalar()
            out.append({"kind": "entity", "key": key, "name": name, "reason": value.get("reason"),
                        "author": author, "at": at})  # fmt: skip
            continue
        doc = conn.execute(
            text("SELECT id, filename FROM documents WHERE substr(sha256, 1, 16) = :p"), {"p": key}
        ).one_or_none()
        if doc is None:
            continue  # its document is not in this archive (any more)
        events = [
            str(k)
            for (k,) in conn.execute(
                text(
                    "SELECT e.key FROM events AS e JOIN event_documents AS ed ON ed.event_id = e.id "
                    "WHERE ed.document_id = :d ORDER BY e.key"
                ),
                {"d": doc.id},
            )
        ]
        out.append({"kind": "passage", "key": doc.filename, "document": int(doc.id), "quote": value["quote"],
                    "start": value["start"], "end": value["end"], "reason": value.get("reason"),
                    "author": author, "at": at, "events": events})  # fmt: skip
    return out
