"""Making, merging, splitting and re-sourcing events (issue 18): each one step of the journal, written at
once through the build's own event writer (:func:`desktop.ingest.build.restructure`).

- **Create** an event from documents (an imported page, a seed) or from a passage of one (the passage
  becomes its evidence): a document an event reports loses its provisional event.
- **Merge** one event into another: its sources and participants join the one that stays, and it is
  marked removed (nothing is deleted; undo brings it back as it was).
- **Split** an event: a new one with its fields, taking the sources chosen (the first keeps the others;
  an event with one source shares it).
- **Sources** attached or detached, and the **parent** an event is part of.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, text

from desktop.editing.entityops import key_slug, unique_key
from desktop.editing.eventfields import PARTICIPANT, EditError, check_order, clean, event_fields, participants
from desktop.editing.eventstructure import CREATED, PARENT, REMOVED, SOURCES, STRUCTURE_FIELDS, check_parent
from desktop.ingest.build import restructure, rewrite_events
from desktop.store.journal import EditRow, new_batch, record
from desktop.textspans import find_quote


def _type_of(conn: Connection, key: str) -> str | None:
    found = conn.execute(text("SELECT type FROM entities WHERE key = :k"), {"k": key}).scalar()
    return str(found) if found is not None else None


def _prefixes(conn: Connection, doc_ids: Sequence[int]) -> list[str]:
    """The documents' SHA-256 prefixes (their stable keys), in the order given; refused when one is not
    in the archive."""
    found: dict[int, str] = {
        int(i): str(p)
        for i, p in conn.execute(
            text("SELECT id, substr(sha256, 1, 16) FROM documents WHERE id IN :d").bindparams(
                bindparam("d", expanding=True)
            ),
            {"d": [int(d) for d in doc_ids]},
        )
    }
    missing = [d for d in doc_ids if d not in found]
    if missing:
        raise EditError(f"sources: no document numbered {missing[0]} (see `archive-viewer documents`)")
    return [str(found[d]) for d in dict.fromkeys(doc_ids)]


def sources_of(conn: Connection, key: str) -> list[int]:
    """An event's documents (ids), in the order it lists them."""
    return [
        int(d)
        for (d,) in conn.execute(
            text(
                "SELECT ed.document_id FROM event_documents AS ed JOIN events AS e ON e.id = ed.event_id "
                "WHERE e.key = :k ORDER BY ed.document_id"
            ),
            {"k": key},
        )
    ]


def _event(conn: Connection, key: str) -> Any:
    row = conn.execute(
        text("SELECT id, key, title, type, uncatalogued FROM events WHERE key = :k"), {"k": key}
    ).one_or_none()
    if row is None:
        raise EditError(f"no event {key!r} (see `archive-viewer events`)")
    return row


def create_event(
    conn: Connection,
    fields: Mapping[str, Any],
    doc_ids: Sequence[int],
    author: str,
    passage: tuple[int, int, int] | None = None,
    parent: str | None = None,
    batch: int | None = None,
) -> tuple[str, frozenset[int]]:
    """A new event reported by these documents (and the passage's, whose words become its evidence), with
    ``fields`` as the event editor gives them (title required). Its key and the events written."""
    if "title" not in fields:
        raise EditError("title: a new event needs a title")
    cleaned = {f: clean(f, v, lambda k: _type_of(conn, k)) for f, v in fields.items()}
    check_order(cleaned.get("start"), cleaned.get("end"))
    docs = list(dict.fromkeys([*doc_ids, *([passage[0]] if passage else [])]))
    if not docs:
        raise EditError("sources: a new event needs at least one document that reports it")
    prefixes = _prefixes(conn, docs)
    value: dict[str, Any] = {**cleaned, "type": cleaned.get("type") or "other", "sources": prefixes}
    if passage is not None:
        doc_id, start, end = passage
        original = str(conn.execute(text("SELECT text FROM documents WHERE id = :d"), {"d": doc_id}).scalar())
        words = original[start:end]
        if not (0 <= start < end <= len(original)) or not words.strip():
            raise EditError("passage: select the words of the original that report the event")
        occurrence, pos = 1, original.find(words)
        while 0 <= pos < start:
            pos, occurrence = original.find(words, pos + 1), occurrence + 1
        assert find_quote(original, words, occurrence) == (start, end)
        value["evidence"] = [
            {"document": prefixes[docs.index(doc_id)], "quote": words, "occurrence": occurrence}
        ]
    date = (cleaned.get("start") or {}).get("date") or "undated"
    key = unique_key(conn, "event", f"evt.{date}.{key_slug(cleaned['title'])}")
    check_parent(conn, key, parent)
    batch = batch or new_batch(conn)
    record(conn, batch, "event", key, CREATED, None, value, author)
    if parent:
        record(conn, batch, "event", key, PARENT, None, parent, author)
    return key, restructure(conn, [key], docs)


def set_sources(conn: Connection, key: str, doc_ids: Sequence[int], author: str) -> frozenset[int]:
    """The documents that report an event, attached or detached (one step)."""
    _event(conn, key)
    before = sources_of(conn, key)
    if not doc_ids:
        raise EditError("sources: an event needs at least one document; merge it into another instead")
    if key.startswith("doc.") and set(before) - set(doc_ids):
        raise EditError("sources: an imported page's own event keeps its page; make an event of it instead")
    prefixes = _prefixes(conn, doc_ids)
    if list(dict.fromkeys(doc_ids)) == before:
        return frozenset()
    record(conn, new_batch(conn), "event", key, SOURCES, _prefixes(conn, before), prefixes, author)
    return restructure(conn, [key], [*before, *doc_ids])


def set_parent(conn: Connection, key: str, parent: str | None, author: str) -> frozenset[int]:
    """The event this one is part of (None: none), one step."""
    _event(conn, key)
    check_parent(conn, key, parent)
    current = conn.execute(
        text("SELECT p.key FROM events AS e LEFT JOIN events AS p ON p.id = e.parent_id WHERE e.key = :k"),
        {"k": key},
    ).scalar()
    if current == parent:
        return frozenset()
    record(conn, new_batch(conn), "event", key, PARENT, current, parent, author)
    return rewrite_events(conn, [key])


def merge_events(conn: Connection, keep: str, other: str, author: str) -> frozenset[int]:
    """Merge ``other`` into ``keep`` (one step): its sources and participants join, it is marked removed."""
    if keep == other:
        raise EditError("merge: an event cannot be merged with itself")
    _event(conn, keep)
    gone = _event(conn, other)
    kept_docs, other_docs = sources_of(conn, keep), sources_of(conn, other)
    joined = list(dict.fromkeys([*kept_docs, *other_docs]))
    batch = new_batch(conn)
    if joined != kept_docs:
        record(
            conn, batch, "event", keep, SOURCES, _prefixes(conn, kept_docs), _prefixes(conn, joined), author
        )
    present = participants(conn, keep)
    for entity, value in participants(conn, other).items():
        if entity not in present:
            record(conn, batch, "event", keep, PARTICIPANT + entity, None, value, author)
    if not gone.uncatalogued:  # an imported page's own event goes by itself once its page is reported
        record(conn, batch, "event", other, REMOVED, None, True, author)
    children = [
        str(k)
        for (k,) in conn.execute(
            text("SELECT c.key FROM events AS c JOIN events AS p ON p.id = c.parent_id WHERE p.key = :k"),
            {"k": other},
        )
    ]
    for child in children:  # its parts become the survivor's
        record(conn, batch, "event", child, PARENT, other, keep, author)
    return restructure(conn, [keep, other, *children], joined)


def split_event(
    conn: Connection, key: str, title: str, moved: Sequence[int], author: str
) -> tuple[str, frozenset[int]]:
    """A new event with this one's type, dates and place and the title given, reported by the ``moved``
    documents (detached from this one, which keeps the rest) or, when it has one source, by the same."""
    _event(conn, key)
    docs = sources_of(conn, key)
    moved = [d for d in dict.fromkeys(moved) if d in docs] or docs[:1]
    if len(docs) > 1 and set(moved) == set(docs):
        raise EditError("sources: leave at least one source with the event split (or make a new event)")
    now = event_fields(conn, key)
    fields = {"title": title, "type": now["type"], "start": now["start"], "end": now["end"],
              "place": now["place"]}  # fmt: skip
    batch = new_batch(conn)
    new_key, written = create_event(conn, fields, moved, author, batch=batch)
    if len(docs) > 1:
        rest = [d for d in docs if d not in moved]
        record(conn, batch, "event", key, SOURCES, _prefixes(conn, docs), _prefixes(conn, rest), author)
        written |= restructure(conn, [key], docs)
    return new_key, written


def replayed(conn: Connection, rows: list[EditRow]) -> frozenset[int]:
    """A step undone or redone that made, merged, split or re-sourced events: those events written as the
    journal now has them, and their documents' provisional events made or removed."""
    structural = [r for r in rows if r.target_type == "event" and r.field in STRUCTURE_FIELDS]
    if not structural:
        return frozenset()
    keys = list(dict.fromkeys(r.target_key for r in rows if r.target_type == "event"))
    prefixes: set[str] = set()
    for r in structural:
        for value in (r.old, r.new):
            if r.field == SOURCES and value:
                prefixes.update(value)
            elif r.field == CREATED and value:
                prefixes.update(value.get("sources", []))
    docs = [d for k in keys for d in sources_of(conn, k)]
    docs += [
        int(d)
        for (d,) in conn.execute(
            text("SELECT id FROM documents WHERE substr(sha256, 1, 16) IN :p").bindparams(
                bindparam("p", expanding=True)
            ),
            {"p": sorted(prefixes)},
        )
    ]
    return restructure(conn, keys, docs)
