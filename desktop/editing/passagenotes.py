"""Translation notes readers write on a passage of an original (issue 18).

A note is anchored to its exact span (start, end and the quoted words) of one document, whose SHA-256
names it in the journal of edits (target ``document``, field ``note:<n>``), so that it lasts across
rebuilds, imports and restores like every other edit; it is written into ``translation_notes`` beside the
archivists' notes (with its key and author), shown and searched like them. Editing replaces its words,
deleting records an empty value: the history keeps every version.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, text

from desktop.catalogue.model import CERTAINTY, NOTE_KINDS
from desktop.editing.eventfields import EditError
from desktop.store.journal import edited, new_batch, record
from desktop.store.search_index import index_events, unindex_events

MAX_NOTE = 20_000
_PREFIX = "note:"


def _clean(kind: str, body: str, certainty: str | None) -> dict[str, Any]:
    if kind not in NOTE_KINDS:
        raise EditError(f"kind: {kind!r} is not a kind of note; use one of {', '.join(NOTE_KINDS)}")
    if certainty is not None and certainty not in CERTAINTY:
        raise EditError(f"certainty: use one of {', '.join(CERTAINTY)}, not {certainty!r}")
    body = body.strip()
    if not body:
        raise EditError("text: a note needs some text; to remove a note, delete it")
    if len(body) > MAX_NOTE:
        raise EditError(f"text: at most {MAX_NOTE:,} characters (this one has {len(body):,})")
    return {"kind": kind, "text": body, "certainty": certainty}


def _document(conn: Connection, doc_id: int) -> tuple[str, str]:
    row = conn.execute(text("SELECT sha256, text FROM documents WHERE id = :d"), {"d": doc_id}).one_or_none()
    if row is None:
        raise EditError(f"no document numbered {doc_id}")
    return str(row.sha256), str(row.text)


def write_reader_notes(conn: Connection, doc_id: int, sha256: str, original: str) -> None:
    """The document's reader notes as the journal has them now (after any archivists' notes)."""
    conn.execute(
        text("DELETE FROM translation_notes WHERE document_id = :d AND note_key IS NOT NULL"), {"d": doc_id}
    )
    fields = edited(conn, "document", [sha256[:16]]).get(sha256[:16], {})
    notes = [(f, e.value) for f, e in fields.items() if f.startswith(_PREFIX) and e.value]
    if not notes:
        return
    ordinal = int(
        conn.execute(
            text("SELECT COALESCE(MAX(ordinal), 0) FROM translation_notes WHERE document_id = :d"),
            {"d": doc_id},
        ).scalar_one()
    )
    authors: dict[str, str] = dict(
        conn.execute(
            text(
                "SELECT field, author FROM edits WHERE target_type = 'document' AND target_key = :k "
                "AND NOT undone ORDER BY id"
            ),
            {"k": sha256[:16]},
        ).all()
    )
    # A note the catalogue now has too (shared as a file and built from it) is shown once, as the catalogue's.
    listed = {
        tuple(row)
        for row in conn.execute(
            text('SELECT start, "end", kind, text FROM translation_notes WHERE document_id = :d'),
            {"d": doc_id},
        )
    }
    for n, (field, value) in enumerate(sorted(notes, key=lambda n: (n[1]["start"], n[0])), start=1):
        start, end = int(value["start"]), int(value["end"])
        if original[start:end] != value["quote"]:
            continue  # the text is no longer the one annotated (never shown on another passage)
        if (start, end, value["kind"], value["text"]) in listed:
            continue
        conn.execute(
            text(
                "INSERT INTO translation_notes (document_id, ordinal, kind, text, certainty, original, "
                'quote, start, "end", note_key, author) VALUES (:d, :o, :kind, :text, :certainty, NULL, '
                ":quote, :start, :end, :key, :author)"
            ),
            {
                "d": doc_id,
                "o": ordinal + n,
                "kind": value["kind"],
                "text": value["text"],
                "certainty": value.get("certainty"),
                "quote": value["quote"],
                "start": start,
                "end": end,
                "key": field,
                "author": authors.get(field),
            },
        )


def _refresh(conn: Connection, doc_id: int, sha256: str, original: str) -> frozenset[int]:
    """Write the document's reader notes again and index its events anew (notes are searchable)."""
    write_reader_notes(conn, doc_id, sha256, original)
    events = [
        int(e)
        for (e,) in conn.execute(
            text("SELECT event_id FROM event_documents WHERE document_id = :d"), {"d": doc_id}
        )
    ]
    unindex_events(conn, events)
    index_events(conn, events)
    return frozenset(events)


def add_note(
    conn: Connection,
    doc_id: int,
    start: int,
    end: int,
    kind: str,
    body: str,
    certainty: str | None,
    author: str,
) -> tuple[str, frozenset[int]]:
    """Anchor a note to ``original[start:end]``; its key and the events whose detail shows it."""
    sha256, original = _document(conn, doc_id)
    if not (0 <= start < end <= len(original)) or not original[start:end].strip():
        raise EditError("passage: select the words of the original the note is about")
    value = {**_clean(kind, body, certainty), "start": start, "end": end, "quote": original[start:end]}
    batch = new_batch(conn)
    key = f"{_PREFIX}{batch}"
    record(conn, batch, "document", sha256[:16], key, None, value, author)
    return key, _refresh(conn, doc_id, sha256, original)


def change_note(
    conn: Connection,
    doc_id: int,
    key: str,
    body: str | None,
    kind: str | None,
    certainty: str | None,
    author: str,
) -> frozenset[int]:
    """Replace a reader note's words (``body`` None: delete it, recoverable from the history)."""
    sha256, original = _document(conn, doc_id)
    current = edited(conn, "document", [sha256[:16]]).get(sha256[:16], {}).get(key)
    if current is None or current.value is None:
        raise EditError(
            f"no note of yours {key!r} on this document (the archivists' notes are edited in files)"
        )
    new: dict[str, Any] | None = None
    if body is not None:
        cleaned = _clean(kind or current.value["kind"], body, certainty or current.value.get("certainty"))
        new = {**current.value, **cleaned}
    record(conn, new_batch(conn), "document", sha256[:16], key, current.value, new, author)
    return _refresh(conn, doc_id, sha256, original)


def refresh_documents(conn: Connection, prefixes: set[str]) -> frozenset[int]:
    """After an undo or redo: the reader notes of the documents with these SHA-256 prefixes."""
    events: set[int] = set()
    for prefix in prefixes:
        for doc_id, sha256, original in conn.execute(
            text("SELECT id, sha256, text FROM documents WHERE substr(sha256, 1, 16) = :p"), {"p": prefix}
        ):
            events |= _refresh(conn, int(doc_id), str(sha256), str(original))
    return frozenset(events)
