"""Readers' own notes on events (no Qt here): add, edit, delete, list, and look up for export.

A note is keyed by its event's stable key (``evt.…`` or ``doc.<sha256 prefix>``), never by the event's row
id, so rebuilding the archive from ``seeds/`` or importing documents (which replace event rows) never
touches what a reader wrote. Every write keeps the full-text index in step inside the same transaction, so
a note is searchable the moment it is saved and never found after it is deleted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

# Generous but bounded: a note is a paragraph or a page, not a document (those are imported).
MAX_NOTE_CHARS = 20_000


class NoteError(ValueError):
    """A note that cannot be written as asked; the message says why and what to do."""


@dataclass(frozen=True)
class NoteRow:
    """One note with the event it belongs to (the title is None when no event has that key any more)."""

    id: int
    event_key: str
    event_title: str | None
    text: str
    created: str
    updated: str


def _now() -> str:
    # Milliseconds: a note edited within the second it was written is still seen to be edited.
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


def clean_text(raw: str) -> str:
    """The text as stored: surrounding blank space trimmed; empty, NUL-bearing or huge notes refused."""
    value = raw.strip()
    if not value:
        raise NoteError("a note needs some text; to remove a note, delete it")
    if "\x00" in value:
        raise NoteError("a note cannot contain NUL characters")
    if len(value) > MAX_NOTE_CHARS:
        raise NoteError(
            f"a note can be at most {MAX_NOTE_CHARS:,} characters (this one has {len(value):,}); "
            "import long texts as documents instead"
        )
    return value


def _reindex(conn: Any, event_key: str) -> None:
    # A note is searchable as part of its event's row in the full-text index (desktop.store.search_index);
    # on a server, where notes are private, as its author's own row beside it.
    from desktop.store.search_index import reindex_event_key

    reindex_event_key(conn, event_key)


def _event_key_of(conn: Any, note_id: int) -> str | None:
    return conn.execute(text("SELECT event_key FROM user_notes WHERE id = :id"), {"id": note_id}).scalar()


def add_note(conn: Any, event_key: str, body: str) -> int:
    """Add a note to the event with this key; returns the note's id. Call inside a transaction."""
    value = clean_text(body)
    exists = conn.execute(text("SELECT 1 FROM events WHERE key = :k"), {"k": event_key}).first()
    if exists is None:
        raise NoteError(f"no event with id {event_key!r} (see `archive-viewer events`)")
    now = _now()
    note_id = conn.execute(
        text(
            "INSERT INTO user_notes (event_key, text, created, updated) "
            "VALUES (:k, :t, :now, :now) RETURNING id"
        ),
        {"k": event_key, "t": value, "now": now},
    ).scalar_one()
    _reindex(conn, event_key)
    return int(note_id)


def edit_note(conn: Any, note_id: int, body: str) -> None:
    """Replace a note's text (its creation time stays). Call inside a transaction."""
    value = clean_text(body)
    changed = conn.execute(
        text("UPDATE user_notes SET text = :t, updated = :now WHERE id = :id"),
        {"t": value, "now": _now(), "id": note_id},
    ).rowcount
    if not changed:
        raise NoteError(f"no note with id {note_id} (see `archive-viewer notes`)")
    _reindex(conn, str(_event_key_of(conn, note_id)))


def delete_note(conn: Any, note_id: int) -> None:
    """Delete a note and its index entry. Call inside a transaction."""
    event_key = _event_key_of(conn, note_id)
    gone = conn.execute(text("DELETE FROM user_notes WHERE id = :id"), {"id": note_id}).rowcount
    if not gone or event_key is None:
        raise NoteError(f"no note with id {note_id} (see `archive-viewer notes`)")
    _reindex(conn, event_key)


def list_notes(conn: Any) -> list[NoteRow]:
    """Every note, newest change first, with the title of its event (if the archive still has it)."""
    rows = conn.execute(
        text(
            "SELECT n.id, n.event_key, e.title, n.text, n.created, n.updated FROM user_notes n "
            "LEFT JOIN events e ON e.key = n.event_key ORDER BY n.updated DESC, n.id DESC"
        )
    )
    return [NoteRow(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows]


def notes_of(conn: Any, event_keys: Iterable[str]) -> dict[str, list[str]]:
    """For each event key: its notes' texts, oldest first (for export)."""
    keys = list(dict.fromkeys(event_keys))
    out: dict[str, list[str]] = {k: [] for k in keys}
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        marks = ", ".join(f":k{i}" for i in range(len(chunk)))
        rows = conn.execute(
            text(f"SELECT event_key, text FROM user_notes WHERE event_key IN ({marks}) ORDER BY created, id"),
            {f"k{i}": k for i, k in enumerate(chunk)},
        )
        for key, body in rows:
            out[key].append(body)
    return out
