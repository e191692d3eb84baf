"""The edits people make, each one transaction and one undoable step (issue 18).

Every operation takes the caller's connection (the service API's write transaction), validates everything
before it writes anything, records its journal rows under one batch, and writes the events it touches
again through the build's own event writer — so an edited archive is what a rebuild of it would be.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, text

from desktop.editing.entityops import undone_or_redone
from desktop.editing.eventfields import (
    EVENT_FIELDS,
    PARTICIPANT,
    PARTICIPANT_TYPES,
    EditConflict,
    EditError,
    check_order,
    clean,
    clean_participant,
    date_value,
    event_fields,
    participants,
)
from desktop.editing.passagelinks import LINK, link
from desktop.editing.passagenotes import refresh_documents
from desktop.ingest.build import relink_documents, rewrite_events
from desktop.store.journal import (
    SUGGESTION_KEY_SQL,
    EditRow,
    edited,
    lock_record,
    new_batch,
    record,
    suggestion_key,
)
from desktop.store.journal import redo as journal_redo
from desktop.store.journal import undo as journal_undo

# Which event field accepting a proposal of each kind sets.
_FIELD_OF_KIND = {
    "title": "title",
    "derived_title": "title",
    "event_start": "start",
    "event_end": "end",
    "type": "type",
    "place": "place",
}
DECISIONS = ("accepted", "rejected")


@dataclass(frozen=True, slots=True)
class SuggestionRow:
    """A first-pass proposal with its stable key and what a person decided (None: not yet)."""

    id: int
    key: str
    event: str
    kind: str
    value: str
    start: int | None
    end: int | None
    confidence: float
    reason: str
    rule: str
    decision: str | None


def event_key(conn: Connection, event_id: int) -> str:
    return str(conn.execute(text("SELECT key FROM events WHERE id = :id"), {"id": event_id}).scalar_one())


def _entity_type(conn: Connection, key: str) -> str | None:
    found = conn.execute(text("SELECT type FROM entities WHERE key = :k"), {"k": key}).scalar()
    return str(found) if found is not None else None


def edit_event(
    conn: Connection,
    key: str,
    changes: Mapping[str, Any],
    author: str,
    seen: Mapping[str, Any] | None = None,
) -> bool:
    """Set fields of one event (validated all together first); False when nothing changed.

    ``seen``: the fields as the person read them before editing. A field this edit changes that is no
    longer as they saw it was changed by someone else meanwhile: :class:`EditConflict`, nothing written
    (never a silent overwrite). Two editors of one event are serialised by a lock on its key for the
    transaction, so the check and the write are one step on a server as in a file.
    """
    unknown = [f for f in changes if f not in EVENT_FIELDS]
    if unknown:
        raise EditError(f"an event has no field {unknown[0]!r}: use one of {', '.join(EVENT_FIELDS)}")
    lock_record(conn, "event", key)
    current = event_fields(conn, key)
    cleaned = {f: clean(f, v, lambda k: _entity_type(conn, k)) for f, v in changes.items()}
    check_order(cleaned.get("start", current["start"]), cleaned.get("end", current["end"]))
    changed = {f: v for f, v in cleaned.items() if v != current[f]}
    if seen is not None:
        clashes = [(f, current[f], v) for f, v in changed.items() if f in seen and seen[f] != current[f]]
        if clashes:
            raise EditConflict(key, clashes)
    if not changed:
        return False
    batch = new_batch(conn)
    for field, value in changed.items():
        record(conn, batch, "event", key, field, current[field], value, author)
    rewrite_events(conn, [key])
    return True


def edit_participant(
    conn: Connection, key: str, entity: str, role: str | None, title: str | None, author: str
) -> bool:
    """Add a participant with a role, change its role or title, or (``role`` None) remove it: one step."""
    kind = _entity_type(conn, entity)
    if kind is None:
        raise EditError(f"participant: no entity {entity!r} (see `archive-viewer entities`)")
    if kind not in PARTICIPANT_TYPES:
        raise EditError(f"participant: {entity} is a {kind}; people, organisations and places take part")
    current = participants(conn, key).get(entity)
    if role is None:
        if current is None:
            raise EditError(f"participant: {entity} does not take part in {key}")
        new = None
    else:
        new = clean_participant(role, title)
        if new == current:
            return False
    record(conn, new_batch(conn), "event", key, PARTICIPANT + entity, current, new, author)
    rewrite_events(conn, [key])
    return True


def relink_and_rewrite(conn: Connection, prefixes: set[str]) -> frozenset[int]:
    """The documents with these SHA-256 prefixes: their names found again (readers' links laid over
    them), their events written again."""
    docs = [
        int(d)
        for p in prefixes
        for (d,) in conn.execute(text("SELECT id FROM documents WHERE substr(sha256, 1, 16) = :p"), {"p": p})
    ]
    return rewrite_events(conn, relink_documents(conn, docs))


def link_passage(
    conn: Connection, doc_id: int, start: int, end: int, entity: str | None, author: str
) -> frozenset[int]:
    """Link words of an original to an entity (None: take a reader's link away): one step."""
    link(conn, doc_id, start, end, entity, author)
    sha = conn.execute(text("SELECT sha256 FROM documents WHERE id = :d"), {"d": doc_id}).scalar_one()
    return relink_and_rewrite(conn, {str(sha)[:16]})


def _events_of(conn: Connection, rows: list[EditRow]) -> set[str]:
    """The events a batch's rows touch: its events, and the events of its suggestions' documents."""
    keys = {r.target_key for r in rows if r.target_type == "event"}
    prefixes = {r.target_key.split(":", 1)[0] for r in rows if r.target_type == "suggestion"}
    for prefix in prefixes:
        keys.update(
            conn.execute(
                text(
                    "SELECT e.key FROM documents AS d JOIN event_documents AS ed ON ed.document_id = d.id "
                    "JOIN events AS e ON e.id = ed.event_id WHERE substr(d.sha256, 1, 16) = :p"
                ),
                {"p": prefix},
            ).scalars()
        )
    return keys


def _replay(conn: Connection, rows: list[EditRow]) -> frozenset[int]:
    """Write again what a step undone or redone touches: its events, its documents' reader notes."""
    if not rows:
        return frozenset()
    # The authority first: a link made to an entity created in the same step needs the entity.
    entities = [r for r in rows if r.target_type == "entity"]
    authority = undone_or_redone(conn, entities) if entities else frozenset()
    documents = {r.target_key for r in rows if r.target_type == "document"}
    notes = refresh_documents(conn, documents)
    linked = {r.target_key for r in rows if r.target_type == "document" and r.field.startswith(LINK)}
    if linked:
        notes |= relink_and_rewrite(conn, linked)
    from desktop.editing.eventops import replayed

    structure = replayed(conn, rows)  # events made, merged, split or re-sourced: written or removed
    return rewrite_events(conn, _events_of(conn, rows)) | notes | authority | structure


def undo(conn: Connection) -> tuple[list[EditRow], frozenset[int]]:
    """Undo the newest step: its rows and the ids of the events written again."""
    rows = journal_undo(conn)
    return rows, _replay(conn, rows)


def redo(conn: Connection) -> tuple[list[EditRow], frozenset[int]]:
    rows = journal_redo(conn)
    return rows, _replay(conn, rows)


# ------------------------------------------------------------------------------------------ suggestions


def suggestions(
    conn: Connection,
    event_keys: list[str] | None = None,
    kind: str | None = None,
    ids: list[int] | None = None,
) -> list[SuggestionRow]:
    """The first pass's proposals (of these events' documents, of this kind, with these numbers), with
    their decisions."""
    where, params = ["1 = 1"], dict[str, Any]()
    if ids is not None:
        where.append("s.id IN :ids")
        params["ids"] = ids
    if event_keys is not None:
        where.append("e.key IN :keys")
        params["keys"] = event_keys
    if kind is not None:
        where.append("s.kind = :kind")
        params["kind"] = kind
    rows = conn.execute(
        text(
            f'SELECT s.id, {SUGGESTION_KEY_SQL} AS key, e.key AS event, s.kind, s.value, s.start, s."end", '
            "s.confidence, s.reason, s.rule FROM suggestions AS s "
            "JOIN documents AS d ON d.id = s.document_id "
            "JOIN event_documents AS ed ON ed.document_id = d.id JOIN events AS e ON e.id = ed.event_id "
            f"WHERE {' AND '.join(where)} ORDER BY e.key, s.id"
        ).bindparams(*(bindparam(name, expanding=True) for name in ("ids", "keys") if name in params)),
        params,
    ).all()
    decided = edited(conn, "suggestion", [r.key for r in rows])
    return [
        SuggestionRow(
            r.id,
            r.key,
            r.event,
            r.kind,
            r.value,
            r.start,
            r.end,
            r.confidence,
            r.reason,
            r.rule,
            d.value if (d := decided.get(r.key, {}).get("decision")) else None,
        )
        for r in rows
    ]


def _place_key(conn: Connection, name: str) -> str | None:
    """The authority's one place or country written so (its name or any alias), if exactly one."""
    from desktop.aliases import fold

    keys = conn.execute(
        text(
            "SELECT DISTINCT n.key FROM entities AS n LEFT JOIN aliases AS a ON a.entity_id = n.id "
            "WHERE n.type IN ('place', 'country') AND (n.name = :name OR a.norm = :norm)"
        ),
        {"name": name, "norm": fold(name)},
    ).scalars()
    found = list(keys)
    return str(found[0]) if len(found) == 1 else None


def decide(conn: Connection, ids: list[int], decision: str, author: str) -> set[str]:
    """Accept or reject proposals (one step). Accepting a title, date, place or type sets that field of
    its event, certainty 'inferred' with the first pass's reason; the rest are recorded for their kinds'
    own editors. Returns the keys of the events touched."""
    if decision not in DECISIONS:
        raise EditError(f"decision must be one of {', '.join(DECISIONS)}, not {decision!r}")
    by_id = {s.id: s for s in suggestions(conn, ids=list(ids))}  # only those asked for
    missing = [i for i in ids if i not in by_id]
    if missing:
        raise EditError(f"no proposal numbered {missing[0]} (see `archive-viewer suggestions list`)")
    chosen = [by_id[i] for i in dict.fromkeys(ids)]
    # Every field value first (a proposal that cannot be accepted stops the step before anything is written).
    changes: dict[str, dict[str, Any]] = {}
    if decision == "accepted":
        for s in chosen:
            field = _FIELD_OF_KIND.get(s.kind)
            if field is None:
                continue
            value: Any = s.value
            if field in ("start", "end"):
                value = date_value(s.value, "inferred", f"accepted from the first pass: {s.reason}")
            elif field == "place":
                value = _place_key(conn, s.value)
                if value is None:
                    raise EditError(
                        f"place: “{s.value}” is not one place of the authority; choose the place in the "
                        "event's editor instead"
                    )
            changes.setdefault(s.event, {})[field] = value
    batch = new_batch(conn)
    touched: set[str] = set()
    for s in chosen:
        if s.decision != decision:
            record(conn, batch, "suggestion", s.key, "decision", s.decision, decision, author)
            touched.add(s.event)
    for key, fields in changes.items():
        current = event_fields(conn, key)
        cleaned = {f: clean(f, v, lambda k: _entity_type(conn, k)) for f, v in fields.items()}
        check_order(cleaned.get("start", current["start"]), cleaned.get("end", current["end"]))
        for field, value in cleaned.items():
            if value != current[field]:
                record(conn, batch, "event", key, field, current[field], value, author)
                touched.add(key)
    if touched:
        rewrite_events(conn, touched)
    return touched


def conflicts(conn: Connection, key: str) -> list[tuple[str, Any, Any]]:
    """(field, what the build now derives, what a person gave) for an event's edited fields that differ."""
    rows = conn.execute(
        text(
            "SELECT field, built, edited FROM edit_conflicts WHERE target_type = 'event' AND target_key = :k"
        ),
        {"k": key},
    )
    return [(f, json.loads(b) if b else None, json.loads(e) if e else None) for f, b, e in rows]


__all__ = [
    "EditError",
    "SuggestionRow",
    "conflicts",
    "decide",
    "edit_event",
    "event_fields",
    "redo",
    "suggestion_key",
    "suggestions",
    "undo",
]
