"""People's edits of the authority laid over its rows (issue 18): names added or removed, merges.

Used by every build (after the authority file is synced) and by the live edits: an alias a person added
is a row of source ``reader``; one they removed is gone; a duplicate merged into another entity gives it
its names (kind ``merged``), its mentions, participations, places and filter rows, and is then removed —
every rebuild recreates it from the catalogue and merges it again, so the merge lasts.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, text

from desktop.aliases import fold
from desktop.catalogue.model import EntityEntry
from desktop.store.journal import Edited, any_edits, edited

ALIAS_FIELD = "alias:"
# A person's new entity: field ``created``, its value {"type", "name", "native", "native_lang", "country",
# "within", "note"} (None: the creation undone). Kept by every build, like the catalogue's own entries.
CREATED = "created"


def _entity_edits(conn: Connection, keys: list[str]) -> dict[str, dict[str, Edited]]:
    return edited(conn, "entity", keys) if any_edits(conn, "entity") else {}


def merged_into(conn: Connection) -> dict[str, str]:
    """duplicate key → the key it was merged into (followed to the end of a chain of merges)."""
    rows = conn.execute(
        text(
            "SELECT target_key, new FROM edits WHERE target_type = 'entity' AND field = 'merged_into' "
            "AND NOT undone ORDER BY id"
        )
    ).all()
    direct: dict[str, str] = {}
    for key, new in rows:
        value = json.loads(new) if new else None
        if value:
            direct[str(key)] = value
        else:
            direct.pop(str(key), None)
    out: dict[str, str] = {}
    for key in direct:
        seen, at = {key}, direct[key]
        while at in direct and at not in seen:
            seen.add(at)
            at = direct[at]
        out[key] = at
    return out


def created_entities(conn: Connection) -> dict[str, dict[str, Any]]:
    """The entities people created (key → value), in the order they were created."""
    out: dict[str, dict[str, Any]] = {}
    for key, new in conn.execute(
        text(
            "SELECT target_key, new FROM edits WHERE target_type = 'entity' AND field = :f AND NOT undone "
            "ORDER BY id"
        ),
        {"f": CREATED},
    ):
        value = json.loads(new) if new else None
        if value:
            out[str(key)] = value
        else:
            out.pop(str(key), None)
    return out


def created_entry(key: str, value: dict[str, Any]) -> EntityEntry:
    """A created entity as an authority entry: a build syncs it with the catalogue's own (its names in every
    script generated alike)."""
    return EntityEntry(
        id=key,
        type=value["type"],
        name=value["name"],
        native=value.get("native"),
        native_lang=value.get("native_lang"),
        country=value.get("country"),
        within=value.get("within"),
        certainty="probable",
        note=value.get("note"),
    )


def set_alias(conn: Connection, entity_id: int, value: dict[str, str] | None, norm: str) -> None:
    """An alias as a person left it: ``value`` None removes every name of this folded spelling."""
    conn.execute(text("DELETE FROM aliases WHERE entity_id = :e AND norm = :n"), {"e": entity_id, "n": norm})
    if value:
        conn.execute(
            text(
                "INSERT INTO aliases (entity_id, text, norm, lang, kind, match, source) "
                "VALUES (:e, :text, :norm, :lang, :kind, true, 'reader')"
            ),
            {"e": entity_id, "text": value["text"], "norm": norm, "lang": value.get("lang") or None,
             "kind": value.get("kind") or "variant"},
        )  # fmt: skip


def merge_rows(conn: Connection, duplicate: int, keep: int) -> None:
    """Fold one entity's rows into another's: names, mentions, participations, links, filter rows."""
    row = conn.execute(
        text("SELECT name, native, native_lang FROM entities WHERE id = :d"), {"d": duplicate}
    ).one_or_none()
    if row is None:
        return
    # The duplicate's names move to the survivor (one row per spelling; its own name is now a merged one).
    conn.execute(
        text(
            "UPDATE aliases SET entity_id = :k, "
            "kind = CASE WHEN kind = 'canonical' THEN 'merged' ELSE kind END "
            "WHERE entity_id = :d AND norm NOT IN (SELECT norm FROM aliases WHERE entity_id = :k)"
        ),
        {"k": keep, "d": duplicate},
    )
    conn.execute(text("DELETE FROM aliases WHERE entity_id = :d"), {"d": duplicate})
    have = {n for (n,) in conn.execute(text("SELECT norm FROM aliases WHERE entity_id = :k"), {"k": keep})}
    for name, lang in ((row.name, "en"), (row.native, row.native_lang)):
        if name and fold(name) not in have:
            have.add(fold(name))
            conn.execute(
                text(
                    "INSERT INTO aliases (entity_id, text, norm, lang, kind, match, source) "
                    "VALUES (:k, :text, :norm, :lang, 'merged', true, 'reader')"
                ),
                {"k": keep, "text": name, "norm": fold(name), "lang": lang},
            )
    for table in ("mentions", "participants"):
        conn.execute(
            text(f"UPDATE {table} SET entity_id = :k WHERE entity_id = :d"), {"k": keep, "d": duplicate}
        )
    conn.execute(
        text(
            "INSERT OR IGNORE INTO event_entities (event_id, entity_id, kind, direct) "
            "SELECT event_id, :k, kind, direct FROM event_entities WHERE entity_id = :d"
        ),
        {"k": keep, "d": duplicate},
    )
    conn.execute(text("DELETE FROM event_entities WHERE entity_id = :d"), {"d": duplicate})
    for column in ("within_id", "country_id"):
        conn.execute(
            text(f"UPDATE entities SET {column} = :k WHERE {column} = :d"), {"k": keep, "d": duplicate}
        )
    conn.execute(text("UPDATE events SET place_id = :k WHERE place_id = :d"), {"k": keep, "d": duplicate})
    conn.execute(text("DELETE FROM entities WHERE id = :d"), {"d": duplicate})


def apply_entity_edits(conn: Connection, ids: dict[str, int]) -> dict[str, int]:
    """Lay the journal's entity edits over the authority just synced (``ids``: key → id): names added and
    removed, merges; key → id with each merged duplicate's key pointing at the entity it was merged into."""
    edits = _entity_edits(conn, list(ids))
    for key, fields in edits.items():
        entity_id = ids.get(key)
        if entity_id is None:
            continue
        for field, e in fields.items():
            if field.startswith(ALIAS_FIELD):
                set_alias(conn, entity_id, e.value, field[len(ALIAS_FIELD) :])
            elif field == "name" and e.value:
                conn.execute(
                    text("UPDATE entities SET name = :n, sort_name = :s WHERE id = :e"),
                    {"n": e.value, "s": fold(e.value), "e": entity_id},
                )
            elif field == "native":
                native = e.value or {}
                conn.execute(
                    text("UPDATE entities SET native = :n, native_lang = :l WHERE id = :e"),
                    {"n": native.get("text"), "l": native.get("lang"), "e": entity_id},
                )
    out = dict(ids)
    for duplicate, keep in merged_into(conn).items():
        if duplicate in out and keep in out and out[duplicate] != out[keep]:
            merge_rows(conn, out[duplicate], out[keep])
            gone = out[duplicate]
            out = {k: (out[keep] if v == gone else v) for k, v in out.items()}
    return out


def entity_ids(conn: Connection) -> dict[str, int]:
    """The authority's key → id, a merged duplicate's key pointing at the entity it was merged into (the
    catalogue's events name the duplicate: their participants go to the survivor)."""
    ids = {str(k): int(i) for k, i in conn.execute(text("SELECT key, id FROM entities"))}
    for duplicate, keep in merged_into(conn).items():
        if duplicate not in ids and keep in ids:
            ids[duplicate] = ids[keep]
    return ids
