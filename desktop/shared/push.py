"""``archive-viewer push``: the notes a person wrote in an offline copy, sent back to the shared archive.

An offline copy (``clone``) records where it came from and each of the person's notes as it was then
(its ``updated`` time). A push compares three states of every note — as cloned, as in the copy, as on the
server now — and never loses one:

- written offline: added to the server;
- edited offline, untouched on the server: the server's note takes the new text;
- deleted offline, untouched on the server: deleted there too;
- changed on both sides (or edited offline but deleted on the server): a **conflict** — the server's note
  stays as it is, the offline text is added beside it as a note of its own, and the report names both.

The server's side is one transaction; then the copy takes the server's notes as they now are, so a second
push sends nothing twice.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, text

CLONED_FROM, CLONED_AT, CLONED_NOTES = "cloned_from", "cloned_at", "cloned_notes"


@dataclass
class PushReport:
    """What a push did to the server's notes, and the conflicts it kept both sides of."""

    added: int = 0
    updated: int = 0
    deleted: int = 0
    conflicts: list[str] = field(default_factory=list)


Note = tuple[str, str, str, str]  # event key, text, created, updated


def _notes(conn: Connection) -> dict[int, Note]:
    rows = conn.execute(text("SELECT id, event_key, text, created, updated FROM user_notes ORDER BY id"))
    return {int(r[0]): (str(r[1]), str(r[2]), str(r[3]), str(r[4])) for r in rows}


def remember(conn: Connection, origin: str, now: str) -> None:
    """Record in a new copy where it came from and its notes as they are (the base of a later push)."""
    facts = {
        CLONED_FROM: origin,
        CLONED_AT: now,
        CLONED_NOTES: json.dumps({str(i): n[3] for i, n in _notes(conn).items()}),
    }
    conn.execute(
        text("DELETE FROM meta WHERE key IN :keys").bindparams(bindparam("keys", expanding=True)),
        {"keys": list(facts)},
    )
    conn.execute(
        text("INSERT INTO meta (key, value) VALUES (:key, :value)"),
        [{"key": k, "value": v} for k, v in facts.items()],
    )


def origin_of(conn: Connection) -> str | None:
    """The server address (no password) a copy was cloned from, or None for an archive of one's own."""
    found = conn.execute(text("SELECT value FROM meta WHERE key = :k"), {"k": CLONED_FROM}).scalar()
    return None if found is None else str(found)


def push_notes(local: Engine, remote: Engine, now: str) -> PushReport:
    """Send the copy's note changes to the server (see the module's rules); then refresh the copy."""
    report = PushReport()
    with local.connect() as conn:
        mine = _notes(conn)
        raw = conn.execute(text("SELECT value FROM meta WHERE key = :k"), {"k": CLONED_NOTES}).scalar()
    base: dict[int, str] = {int(k): str(v) for k, v in json.loads(raw or "{}").items()}
    with remote.begin() as conn:
        theirs = _notes(conn)

        def add(note: Note) -> None:
            conn.execute(
                text("INSERT INTO user_notes (event_key, text, created, updated) VALUES (:k, :t, :c, :u)"),
                {"k": note[0], "t": note[1], "c": note[2], "u": note[3]},
            )

        for note_id, note in mine.items():
            if note_id not in base:
                add(note)
                report.added += 1
            elif note[3] != base[note_id]:
                server = theirs.get(note_id)
                if server is not None and server[3] == base[note_id]:
                    conn.execute(
                        text("UPDATE user_notes SET text = :t, updated = :u WHERE id = :id"),
                        {"t": note[1], "u": note[3], "id": note_id},
                    )
                    report.updated += 1
                else:
                    add(note)
                    what = "deleted on the server" if server is None else "changed on the server too"
                    report.conflicts.append(
                        f"note {note_id} on {note[0]}: edited offline and {what}; both kept "
                        f"(offline: {_quote(note[1])})"
                    )
        for note_id, stamp in base.items():
            if note_id in mine or note_id not in theirs:
                continue
            if theirs[note_id][3] == stamp:
                conn.execute(text("DELETE FROM user_notes WHERE id = :id"), {"id": note_id})
                report.deleted += 1
            else:
                report.conflicts.append(
                    f"note {note_id} on {theirs[note_id][0]}: deleted offline but changed on the server; "
                    "the server's is kept"
                )
        # The server's index of the pusher's notes (note_index), for every event whose notes may have changed.
        _reindex_all(conn, {n[0] for n in mine.values()} | {n[0] for n in theirs.values()})
        fresh = _notes(conn)
    with local.begin() as conn:
        conn.execute(text("DELETE FROM user_notes"))
        for note_id, note in fresh.items():
            conn.execute(
                text(
                    "INSERT INTO user_notes (id, event_key, text, created, updated) "
                    "VALUES (:id, :k, :t, :c, :u)"
                ),
                {"id": note_id, "k": note[0], "t": note[1], "c": note[2], "u": note[3]},
            )
        origin = origin_of(conn) or ""
        remember(conn, origin, now)
        _reindex_all(conn, {n[0] for n in mine.values()} | {n[0] for n in fresh.values()})
    return report


def _reindex_all(conn: Connection, event_keys: set[str]) -> None:
    """The search index of the notes on these events, in the copy or on the server (its ``note_index``)."""
    from desktop.store.search_index import reindex_event_key

    for key in sorted(event_keys):
        reindex_event_key(conn, key)


def _quote(body: str, most: int = 40) -> str:
    one = " ".join(body.split())
    return repr(one if len(one) <= most else one[: most - 1] + "…")


def no_origin(where: Any) -> str:
    return (
        f"{where} is not an offline copy of a shared archive (made by `archive-viewer clone`): "
        "nothing to push"
    )
