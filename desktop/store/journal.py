"""The journal of edits: one row per field a person changed, grouped in batches (one action, one undo).

Keyed by records' stable keys, never row ids; never deleted. The value a record shows is the newest active
edit of each field over what the build derives; an undo marks its batch undone, a redo marks it active
again, and a new edit after an undo leaves the undone batches in the history (recoverable) but off the
redo stack — the habit of every editor.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, text


@dataclass(frozen=True, slots=True)
class EditRow:
    """One journal row, its values decoded from JSON."""

    id: int
    batch: int
    target_type: str
    target_key: str
    field: str
    old: Any
    new: Any
    author: str
    at: str
    undone: bool


@dataclass(frozen=True, slots=True)
class Edited:
    """A field's value as a person last set it, and the value they saw under it when they did."""

    value: Any
    seen: Any


def lock_record(conn: Connection, target_type: str, key: str) -> None:
    """Hold one record for this transaction: a second editor of it waits until the first commits, then
    sees their change (PostgreSQL's advisory lock; SQLite has one writer at a time already)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:k))"), {"k": f"{target_type}:{key}"})


def current_author(conn: Connection | None = None) -> str:
    """Who is editing (the history says who changed what): on a server, the role the person logged in
    as; in a file, the operating system's user name."""
    if conn is not None and conn.dialect.name != "sqlite":
        return str(conn.execute(text("SELECT session_user")).scalar())
    try:
        return getpass.getuser() or "unknown"
    except Exception:  # no user name (a container without a passwd entry): still an edit
        return "unknown"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def as_json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _value(raw: str | None) -> Any:
    return None if raw is None else json.loads(raw)


def new_batch(conn: Connection) -> int:
    """A batch number for one person's action (all its rows undo together)."""
    return int(conn.execute(text("SELECT COALESCE(MAX(batch), 0) + 1 FROM edits")).scalar_one())


def record(
    conn: Connection, batch: int, target_type: str, key: str, field: str, old: Any, new: Any, author: str
) -> None:
    conn.execute(
        text(
            "INSERT INTO edits (batch, target_type, target_key, field, old, new, author, at, undone) "
            "VALUES (:batch, :type, :key, :field, :old, :new, :author, :at, false)"
        ),
        {
            "batch": batch,
            "type": target_type,
            "key": key,
            "field": field,
            "old": as_json(old),
            "new": as_json(new),
            "author": author,
            "at": _now(),
        },
    )


def edited(conn: Connection, target_type: str, keys: Iterable[str]) -> dict[str, dict[str, Edited]]:
    """key → field → its newest active edit, for the records of ``keys`` that have any."""
    out: dict[str, dict[str, Edited]] = {}
    keys = list(dict.fromkeys(keys))
    for start in range(0, len(keys), 500):
        rows = conn.execute(
            text(
                "SELECT target_key, field, new, old FROM edits WHERE target_type = :type AND NOT undone "
                "AND target_key IN :keys ORDER BY id"
            ).bindparams(bindparam("keys", expanding=True)),
            {"type": target_type, "keys": keys[start : start + 500]},
        )
        for key, field, new, old in rows:  # the newest wins
            out.setdefault(key, {})[field] = Edited(_value(new), _value(old))
    return out


def any_edits(conn: Connection, target_type: str) -> bool:
    return bool(
        conn.execute(
            text("SELECT EXISTS (SELECT 1 FROM edits WHERE target_type = :t AND NOT undone)"),
            {"t": target_type},
        ).scalar_one()
    )


def _rows(conn: Connection, where: str, params: dict[str, Any]) -> list[EditRow]:
    rows = conn.execute(
        text(
            "SELECT id, batch, target_type, target_key, field, old, new, author, at, undone FROM edits "
            f"WHERE {where} ORDER BY id"
        ),
        params,
    )
    return [
        EditRow(
            r.id,
            r.batch,
            r.target_type,
            r.target_key,
            r.field,
            _value(r.old),
            _value(r.new),
            r.author,
            r.at,
            bool(r.undone),
        )
        for r in rows
    ]


def undo(conn: Connection) -> list[EditRow]:
    """Mark the newest active batch undone; its rows (empty: nothing to undo)."""
    batch = conn.execute(text("SELECT MAX(batch) FROM edits WHERE NOT undone")).scalar()
    if batch is None:
        return []
    conn.execute(text("UPDATE edits SET undone = true WHERE batch = :b"), {"b": batch})
    return _rows(conn, "batch = :b", {"b": batch})


def redo(conn: Connection) -> list[EditRow]:
    """Mark active again the oldest batch undone since the newest active one; its rows (empty: none)."""
    batch = conn.execute(
        text(
            "SELECT MIN(batch) FROM edits WHERE undone "
            "AND batch > COALESCE((SELECT MAX(batch) FROM edits WHERE NOT undone), 0)"
        )
    ).scalar()
    if batch is None:
        return []
    conn.execute(text("UPDATE edits SET undone = false WHERE batch = :b"), {"b": batch})
    return _rows(conn, "batch = :b", {"b": batch})


def can_undo_redo(conn: Connection) -> tuple[bool, bool]:
    """Whether there is a batch to undo, and one to redo (for the window's menu)."""
    row = conn.execute(
        text(
            "SELECT EXISTS (SELECT 1 FROM edits WHERE NOT undone), EXISTS (SELECT 1 FROM edits WHERE undone "
            "AND batch > COALESCE((SELECT MAX(batch) FROM edits WHERE NOT undone), 0))"
        )
    ).one()
    return bool(row[0]), bool(row[1])


def history(conn: Connection, target_type: str | None = None, key: str | None = None) -> list[EditRow]:
    """Every edit (of one record when given), oldest first, undone ones included."""
    if target_type is None:
        return _rows(conn, "1 = 1", {})
    if key is None:
        return _rows(conn, "target_type = :t", {"t": target_type})
    return _rows(conn, "target_type = :t AND target_key = :k", {"t": target_type, "k": key})


def event_history(conn: Connection, key: str, limit: int | None = None) -> list[EditRow]:
    """An event's edits, oldest first (undone ones too): its fields and participants, and what people did
    to its documents — notes and links on their passages, decisions on their proposals. ``limit``: the
    newest so many."""
    prefixes = [
        str(sha)[:16]
        for (sha,) in conn.execute(
            text(
                "SELECT d.sha256 FROM events AS e JOIN event_documents AS ed ON ed.event_id = e.id "
                "JOIN documents AS d ON d.id = ed.document_id WHERE e.key = :k"
            ),
            {"k": key},
        )
    ]
    where = ["(target_type = 'event' AND target_key = :k)"]
    params: dict[str, Any] = {"k": key}
    for n, prefix in enumerate(prefixes[:50]):  # a suggestion's key starts with its document's prefix
        params[f"p{n}"], params[f"q{n}"] = prefix, prefix + ";"  # ';' sorts right after ':'
        where.append(
            f"(target_type = 'document' AND target_key = :p{n}) OR "
            f"(target_type = 'suggestion' AND target_key > :p{n} AND target_key < :q{n})"
        )
    rows = _rows(conn, " OR ".join(where), params)
    return rows[-limit:] if limit else rows


def entity_history(conn: Connection, key: str) -> list[EditRow]:
    """An entity's edits, oldest first (undone ones too), with the merges of duplicates into it."""
    return _rows(
        conn,
        "(target_type = 'entity' AND target_key = :k) OR "
        "(target_type = 'entity' AND field = 'merged_into' AND new = :j)",
        {"k": key, "j": json.dumps(key)},
    )


def suggestion_key(sha256: str, kind: str, start: int | None, end: int | None, value: str) -> str:
    """A first-pass proposal's stable key: its document, kind and span (its value when it has no span, as
    a same-event proposal): the same after every re-import of the same text, so a decision lasts."""
    where = f"{start}-{end}" if start is not None else f"={value}"
    return f"{sha256[:16]}:{kind}:{where}"


# The same key in SQL, over ``suggestions AS s JOIN documents AS d``.
SUGGESTION_KEY_SQL = (
    "substr(d.sha256, 1, 16) || ':' || s.kind || ':' || "
    "CASE WHEN s.start IS NULL THEN '=' || s.value ELSE s.start || '-' || s.\"end\" END"
)


def pause_if_testing() -> None:
    """ARCHIVE_VIEWER_TEST_PAUSE_IN_EDIT=1 is a test hook: an edit stops once all its rows are written and
    before they are committed, so that the reliability tests can kill it exactly there."""
    if os.environ.get("ARCHIVE_VIEWER_TEST_PAUSE_IN_EDIT"):
        print("edit-pause", file=sys.stderr, flush=True)
        time.sleep(600)
