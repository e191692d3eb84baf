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


def write_created(conn: Connection, key: str, value: dict[str, Any], entity_id: int | None) -> int:
    """A created entity's row and its own names (as aliases of source ``reader``); its id."""
    values = {
        "type": value["type"],
        "name": value["name"],
        "sort": fold(value["name"]),
        "native": value.get("native"),
        "native_lang": value.get("native_lang"),
        "note": value.get("note"),
    }
    if entity_id is None:
        entity_id = int(
            conn.execute(
                text(
                    "INSERT INTO entities (key, type, name, sort_name, native, native_lang, certainty, "
                    "note) VALUES (:key, :type, :name, :sort, :native, :native_lang, 'probable', :note) "
                    "RETURNING id"
                ),
                {"key": key, **values},
            ).scalar_one()
        )
    else:
        conn.execute(
            text(
                "UPDATE entities SET type = :type, name = :name, sort_name = :sort, native = :native, "
                "native_lang = :native_lang, note = :note WHERE id = :id"
            ),
            {"id": entity_id, **values},
        )
    conn.execute(text("DELETE FROM aliases WHERE entity_id = :e"), {"e": entity_id})
    seen: set[str] = set()
    own = ((value["name"], None, "variant"), (value.get("native"), value.get("native_lang"), "native"))
    for name, lang, kind in own:
        if name and fold(name) not in seen:
            seen.add(fold(name))
            conn.execute(
                text(
                    "INSERT INTO aliases (entity_id, text, norm, lang, kind, match, source) "
                    "VALUES (:e, :text, :norm, :lang, :kind, 1, 'reader')"
                ),
                {"e": entity_id, "text": name, "norm": fold(name), "lang": lang, "kind": kind},
            )
    return entity_id


def link_created(conn: Connection, created: dict[str, dict[str, Any]], ids: dict[str, int]) -> None:
    """Created entities' country and the place or body they lie within, once every entity has its id."""
    for key, value in created.items():
        if key in ids:
            conn.execute(
                text("UPDATE entities SET country_id = :c, within_id = :w WHERE id = :id"),
                {"c": ids.get(value.get("country") or ""), "w": ids.get(value.get("within") or ""),
                 "id": ids[key]},
            )  # fmt: skip


def set_alias(conn: Connection, entity_id: int, value: dict[str, str] | None, norm: str) -> None:
    """An alias as a person left it: ``value`` None removes every name of this folded spelling."""
    conn.execute(text("DELETE FROM aliases WHERE entity_id = :e AND norm = :n"), {"e": entity_id, "n": norm})
    if value:
        conn.execute(
            text(
                "INSERT INTO aliases (entity_id, text, norm, lang, kind, match, source) "
                "VALUES (:e, :text, :norm, :lang, :kind, 1, 'reader')"
            ),
            {"e": entity_id, "text": value["text"], "norm": norm, "lang": value.get("lang"),
             "kind": value.get("kind") or "variant"},
        )  # fmt: skip


def merge_rows(conn: Connection, duplicate: int, keep: int) -> None:
    """Fold one entity's rows into another's: names, mentions, participations, links, filter rows."""
    row = conn.execute(
        text("SELECT name, native, native_lang FROM entities WHERE id = :d"), {"d": duplicate}
    ).one_or_none()
    if row is None:
        return
    have = {n for (n,) in conn.execute(text("SELECT norm FROM aliases WHERE entity_id = :k"), {"k": keep})}
    conn.execute(text("UPDATE aliases SET entity_id = :k WHERE entity_id = :d"), {"k": keep, "d": duplicate})
    for name, lang in ((row.name, "en"), (row.native, row.native_lang)):
        if name and fold(name) not in have:
            have.add(fold(name))
            conn.execute(
                text(
                    "INSERT INTO aliases (entity_id, text, norm, lang, kind, match, source) "
                    "VALUES (:k, :text, :norm, :lang, 'merged', 1, 'reader')"
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
    """Lay the journal's entity edits over the authority just synced (``ids``: the catalogue's entries,
    key → id): the entities people created added, their names, merges; key → id with each merged
    duplicate's key pointing at the entity it was merged into."""
    created = {k: v for k, v in created_entities(conn).items() if k not in ids}  # a catalogue's own wins
    if created:
        ids = dict(ids)
        present = {str(k): int(i) for k, i in conn.execute(text("SELECT key, id FROM entities"))}
        for key, value in created.items():
            ids[key] = write_created(conn, key, value, present.get(key))
        link_created(conn, created, ids)
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
