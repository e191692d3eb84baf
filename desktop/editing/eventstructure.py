"""Events people make, merge, split and re-source (issue 18), kept in the journal like every other edit.

Journal fields of an event (target ``event``, its key):

- ``created``: an event a person made — {"title", "type", "start", "end", "place", "summary", "sources"
  (documents by SHA-256 prefix), "evidence" [{"document", "quote", "occurrence"}]}; None when undone;
- ``sources``: the documents that report it (SHA-256 prefixes), replacing the catalogue's;
- ``parent``: the event it is part of (a key, or None);
- ``removed``: true for an event merged into another (nothing is deleted: undo brings it back).

A created event is an entry like the catalogue's (see :func:`journal_entry`): every build and edit writes it
with the catalogue's own rules. A document reported by an event — the catalogue's or a person's — has no
provisional event of its own; one no event reports any more gets its provisional event back.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, bindparam, text

from desktop.catalogue.model import EventEntry, EvidenceEntry, Quote
from desktop.editing.eventfields import EditError, fuzzy

CREATED = "created"
SOURCES = "sources"
PARENT = "parent"
REMOVED = "removed"
STRUCTURE_FIELDS = (CREATED, SOURCES, PARENT, REMOVED)


def _latest(conn: Connection, field: str, keys: list[str] | None = None) -> dict[str, Any]:
    """key → the newest active value of one journal field of events (all events, or these)."""
    where, params = "", dict[str, Any](f=field)
    if keys is not None:
        where = " AND target_key IN :keys"
        params["keys"] = keys
    out: dict[str, Any] = {}
    for key, new in conn.execute(
        text(
            "SELECT target_key, new FROM edits WHERE target_type = 'event' AND field = :f AND NOT undone"
            f"{where} ORDER BY id"
        ).bindparams(*([bindparam("keys", expanding=True)] if keys is not None else [])),
        params,
    ):
        out[str(key)] = json.loads(new) if new is not None else None
    return out


def any_structure(conn: Connection) -> bool:
    return bool(
        conn.execute(
            text(
                "SELECT EXISTS (SELECT 1 FROM edits WHERE target_type = 'event' AND NOT undone "
                "AND field IN ('created', 'sources', 'parent', 'removed'))"
            )
        ).scalar_one()
    )


def created_events(conn: Connection) -> dict[str, dict[str, Any]]:
    return {k: v for k, v in _latest(conn, CREATED).items() if v}


def removed_events(conn: Connection) -> set[str]:
    return {k for k, v in _latest(conn, REMOVED).items() if v}


def edited_sources(conn: Connection, keys: list[str] | None = None) -> dict[str, list[str]]:
    return {k: list(v) for k, v in _latest(conn, SOURCES, keys).items() if v is not None}


def edited_parents(conn: Connection, keys: list[str] | None = None) -> dict[str, str | None]:
    return dict(_latest(conn, PARENT, keys))


def documents_by_prefix(conn: Connection, prefixes: list[str]) -> dict[str, tuple[int, str]]:
    """SHA-256 prefix → (document id, file name), for those the archive has."""
    rows = conn.execute(
        text(
            "SELECT substr(sha256, 1, 16), id, filename FROM documents WHERE substr(sha256, 1, 16) IN :p"
        ).bindparams(bindparam("p", expanding=True)),
        {"p": sorted(set(prefixes))},
    )
    return {str(p): (int(i), str(f)) for p, i, f in rows}


def resourced(conn: Connection, base: EventEntry, prefixes: list[str]) -> tuple[EventEntry, list[int]]:
    """A catalogue event with the sources people gave it instead of its own, and their document ids."""
    found = documents_by_prefix(conn, prefixes)
    return replace(base, sources=[found[p][1] for p in prefixes if p in found]), [
        found[p][0] for p in prefixes if p in found
    ]


def made_event(
    conn: Connection, key: str, value: dict[str, Any], prefixes: list[str] | None
) -> tuple[EventEntry, list[int]]:
    """An event a person made, as an entry like the catalogue's, and its document ids (its sources, or the
    ones people gave it since)."""
    prefixes = prefixes if prefixes is not None else list(value.get("sources", []))
    found = documents_by_prefix(conn, [*prefixes, *(e["document"] for e in value.get("evidence", []))])
    evidence = [
        EvidenceEntry(found[e["document"]][1], Quote(e["quote"], int(e.get("occurrence", 1))))
        for e in value.get("evidence", [])
        if e["document"] in found and e["document"] in prefixes
    ]
    start = fuzzy(value.get("start"))
    entry = EventEntry(
        id=key,
        title=value["title"],
        type=value.get("type") or "other",
        start=start,
        end=fuzzy(value.get("end")) if value.get("end") else start,
        summary=value.get("summary"),
        place=value.get("place"),
        sources=[found[p][1] for p in prefixes if p in found],
        evidence=evidence,
    )
    return entry, [found[p][0] for p in prefixes if p in found]


def check_parent(conn: Connection, key: str, parent: str | None) -> None:
    """Refuse a parent that is not an event, the event itself, or one of its own parts."""
    if parent is None:
        return
    if parent == key:
        raise EditError("parent: an event cannot be part of itself")
    at: str | None = parent
    seen = {key}
    while at is not None:
        row = conn.execute(
            text(
                "SELECT p.key FROM events AS e LEFT JOIN events AS p ON p.id = e.parent_id WHERE e.key = :k"
            ),
            {"k": at},
        ).one_or_none()
        if row is None:
            raise EditError(f"parent: no event {at!r} (see `archive-viewer events`)")
        if at in seen:
            raise EditError(f"parent: {parent} is a part of {key}; an event cannot be part of its own part")
        seen.add(at)
        at = row[0]
