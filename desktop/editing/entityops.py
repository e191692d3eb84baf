"""Editing the authority from the window and the command line (issue 18): names and merges.

Each operation validates first, records one journal step, applies it to the store's rows
(``entityrows``), finds names in the documents they may occur in again with the store's matcher, and
writes the events touched again — the rows a rebuild would write. An undo syncs the authority again from
the catalogue the archive was built from (with the journal's remaining edits) and relinks the same way.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, text

from desktop.aliases import AliasMatcher, fold
from desktop.catalogue.model import ENTITY_PREFIX
from desktop.editing.entityrows import (
    ALIAS_FIELD,
    CREATED,
    created_entry,
    merge_rows,
    merged_into,
    set_alias,
)
from desktop.editing.eventfields import EditError
from desktop.editing.passagelinks import link
from desktop.ingest.build import authority_aliases, relink_documents, resync_authority, rewrite_events
from desktop.store.journal import EditRow, edited, new_batch, record
from desktop.store.search_index import index_entities

ALIAS_KINDS = ("variant", "translation", "transliteration", "abbreviation", "short form", "misspelling")


def _entity(conn: Connection, key: str) -> Any:
    row = conn.execute(
        text("SELECT id, key, type, name FROM entities WHERE key = :k"), {"k": key}
    ).one_or_none()
    if row is None:
        gone = merged_into(conn).get(key)
        where = f" (merged into {gone})" if gone else ""
        raise EditError(f"no entity {key!r}{where} (see `archive-viewer entities`)")
    return row


def _documents_naming(conn: Connection, entity_ids: set[int]) -> set[int]:
    if not entity_ids:
        return set()
    marks = ",".join(str(int(e)) for e in entity_ids)
    return {
        int(d)
        for (d,) in conn.execute(
            text(f"SELECT DISTINCT document_id FROM mentions WHERE entity_id IN ({marks})")
        )
    }


def _documents_with(conn: Connection, name: str) -> set[int]:
    """Documents in which a name occurs, as the matcher finds it (inflected, any case)."""
    matcher = AliasMatcher([(0, name)])
    return {int(d) for d, body in conn.execute(text("SELECT id, text FROM documents")) if matcher.find(body)}


def _events_of_entities(conn: Connection, entity_ids: set[int]) -> set[str]:
    if not entity_ids:
        return set()
    marks = ",".join(str(int(e)) for e in entity_ids)
    return {
        str(k)
        for (k,) in conn.execute(
            text(
                f"SELECT e.key FROM events AS e WHERE e.id IN (SELECT event_id FROM event_entities "
                f"WHERE entity_id IN ({marks}) UNION SELECT event_id FROM participants "
                f"WHERE entity_id IN ({marks}))"
            )
        )
    }


def _finish(conn: Connection, documents: set[int], entity_ids: set[int]) -> frozenset[int]:
    """Relink these documents, index the authority anew, write the touched events again."""
    keys = relink_documents(conn, documents) | _events_of_entities(conn, entity_ids)
    index_entities(conn)
    return rewrite_events(conn, keys)


def _clean_alias(name: str, lang: str | None, kind: str) -> dict[str, Any]:
    name = " ".join(name.split())
    if not name:
        raise EditError("alias: give the name as a source writes it")
    if len(name) > 300:
        raise EditError(f"alias: at most 300 characters (this one has {len(name)})")
    if kind not in ALIAS_KINDS:
        raise EditError(f"kind: {kind!r} is not a kind of name; use one of {', '.join(ALIAS_KINDS)}")
    return {"text": name, "lang": (lang or None), "kind": kind}


def add_alias(
    conn: Connection, key: str, name: str, lang: str | None, kind: str, author: str
) -> frozenset[int]:
    """Give an entity another name; the documents that write it are linked to the entity."""
    entity = _entity(conn, key)
    value = _clean_alias(name, lang, kind)
    norm = fold(value["text"])
    owner = conn.execute(
        text(
            "SELECT n.key FROM aliases AS a JOIN entities AS n ON n.id = a.entity_id "
            "WHERE a.norm = :n AND n.id != :e"
        ),
        {"n": norm, "e": entity.id},
    ).scalar()
    if owner is not None:
        raise EditError(
            f"alias: {value['text']!r} is already a name of {owner}; merge the two if they are one"
        )
    field = ALIAS_FIELD + norm
    current = edited(conn, "entity", [key]).get(key, {}).get(field)
    record(conn, new_batch(conn), "entity", key, field, current.value if current else None, value, author)
    set_alias(conn, entity.id, value, norm)
    return _finish(conn, _documents_with(conn, value["text"]), {entity.id})


def remove_alias(conn: Connection, key: str, name: str, author: str) -> frozenset[int]:
    """Take a name away from an entity (its canonical name stays); documents that named it only so lose
    the link."""
    entity = _entity(conn, key)
    norm = fold(name)
    if norm == fold(entity.name):
        raise EditError("alias: an entity keeps its canonical name; edit the name instead")
    present = conn.execute(
        text("SELECT text, lang, kind FROM aliases WHERE entity_id = :e AND norm = :n"),
        {"e": entity.id, "n": norm},
    ).first()
    if present is None:
        raise EditError(f"alias: {name!r} is not a name of {key}")
    documents = _documents_naming(conn, {entity.id})
    record(conn, new_batch(conn), "entity", key, ALIAS_FIELD + norm, dict(present._mapping), None, author)
    set_alias(conn, entity.id, None, norm)
    return _finish(conn, documents, {entity.id})


NEW_ENTITY_TYPES = ("person", "organisation", "place")


def _slug(name: str) -> str:
    """An ASCII slug of a name for a key: Latin as written, Cyrillic and Chinese romanised."""
    import re
    import unicodedata

    from desktop.translit.chinese import pinyin_syllables
    from desktop.translit.cyrillic import transliterate

    if any("\u0400" <= c <= "\u04ff" for c in name):
        name = transliterate(name, "bgn-pcgn", "be" if any(c in "іўІЎ" for c in name) else "ru")
    if any("\u4e00" <= c <= "\u9fff" for c in name):
        name = " ".join(pinyin_syllables(name))
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")[:60]


def unique_key(conn: Connection, target_type: str, base: str) -> str:
    """``base``, or ``base-2``, ``-3``…: a key no entity or event has, nor ever had in the journal (an undone
    creation may be redone)."""
    table = {"entity": "entities", "event": "events"}[target_type]
    taken = {
        str(k)
        for (k,) in conn.execute(
            text(
                f"SELECT key FROM {table} WHERE key LIKE :p UNION "
                "SELECT target_key FROM edits WHERE target_type = :t AND target_key LIKE :p"
            ),
            {"p": base + "%", "t": target_type},
        )
    }
    key, n = base, 1
    while key in taken:
        n += 1
        key = f"{base}-{n}"
    return key


def key_slug(name: str) -> str:
    """A name as the last part of a new key: its ASCII slug, or a hash of it when it has none."""
    import hashlib

    return _slug(name) or hashlib.sha1(name.encode()).hexdigest()[:10]


def create_entity(
    conn: Connection,
    etype: str,
    name: str,
    native: str | None,
    native_lang: str | None,
    country: str | None,
    author: str,
    passage: tuple[int, int, int] | None = None,
) -> tuple[str, frozenset[int]]:
    """A new person, organisation or place (one step), linked to the passage it was made from (document
    id, start, end) when given; the documents that write its names are linked to it. Its key and the
    events written again."""
    if etype not in NEW_ENTITY_TYPES:
        raise EditError(f"type: {etype!r}; a new entity is one of {', '.join(NEW_ENTITY_TYPES)}")
    name = " ".join((name or "").split())
    native = " ".join((native or "").split()) or None
    if not name:
        raise EditError("name: give the entity's name (in English where one is established)")
    for field, given in (("name", name), ("native", native)):
        if given and len(given) > 300:
            raise EditError(f"{field}: at most 300 characters (this one has {len(given)})")
    if country:
        kind = conn.execute(text("SELECT type FROM entities WHERE key = :k"), {"k": country}).scalar()
        if kind != "country":
            raise EditError(f"country: {country!r} is not a country of the authority")
    twin = conn.execute(
        text(
            "SELECT n.key FROM entities AS n JOIN aliases AS a ON a.entity_id = n.id "
            "WHERE n.type = :t AND a.norm = :n"
        ),
        {"t": etype, "n": fold(name)},
    ).scalar()
    if twin is not None:
        raise EditError(
            f"name: {twin} is already called {name!r}; link to it, or give the new {etype} a fuller name"
        )
    key = unique_key(conn, "entity", ENTITY_PREFIX[etype] + key_slug(name))
    value = {"type": etype, "name": name, "native": native, "native_lang": native_lang if native else None,
             "country": country or None, "within": None, "note": None}  # fmt: skip
    batch = new_batch(conn)
    record(conn, batch, "entity", key, CREATED, None, value, author)
    entry = created_entry(key, value)
    entity_id = int(
        conn.execute(
            text(
                "INSERT INTO entities (key, type, name, sort_name, native, native_lang, country_id, "
                "certainty) VALUES (:key, :type, :name, :sort, :native, :lang, :country, :certainty) "
                "RETURNING id"
            ),
            {"key": key, "type": etype, "name": name, "sort": fold(name), "native": native,
             "lang": entry.native_lang, "certainty": entry.certainty,
             "country": _entity(conn, country).id if country else None},
        ).scalar_one()
    )  # fmt: skip
    # Its names as a build gives an authority entry's: its own, and their spellings in other scripts.
    conn.execute(
        text(
            "INSERT INTO aliases (entity_id, text, norm, lang, kind, match, source) "
            "VALUES (:e, :text, :norm, :lang, :kind, :match, :source)"
        ),
        [
            {"e": entity_id, "text": t, "norm": fold(t), "lang": lang, "kind": kind, "match": match,
             "source": source}
            for t, lang, kind, match, source in authority_aliases([entry])[key]
        ],
    )  # fmt: skip
    documents = _documents_with(conn, name) | (_documents_with(conn, native) if native else set())
    if passage is not None:
        doc_id, start, end = passage
        link(conn, doc_id, start, end, key, author, batch)
        documents.add(doc_id)
    return key, _finish(conn, documents, {entity_id})


def rename(
    conn: Connection, key: str, name: str | None, native: str | None, native_lang: str | None, author: str
) -> frozenset[int]:
    """Give an entity another canonical name (English) or native name (``native`` "" removes it), one
    step; its former names stay names of it (documents that write them stay linked), the new ones link
    the documents that write them."""
    entity = _entity(conn, key)
    row = conn.execute(text("SELECT native, native_lang FROM entities WHERE id = :e"), {"e": entity.id}).one()
    batch = new_batch(conn)
    changed = False
    new_names: list[tuple[str, str | None]] = []
    if name is not None:
        name = " ".join(name.split())
        if not name:
            raise EditError("name: an entity needs a name (in English where one is established)")
        if len(name) > 300:
            raise EditError(f"name: at most 300 characters (this one has {len(name)})")
        if name != entity.name:
            record(conn, batch, "entity", key, "name", entity.name, name, author)
            conn.execute(
                text("UPDATE entities SET name = :n, sort_name = :s WHERE id = :e"),
                {"n": name, "s": fold(name), "e": entity.id},
            )
            new_names.append((name, "en"))
            changed = True
    if native is not None:
        text_now = " ".join(native.split()) or None
        was = {"text": row.native, "lang": row.native_lang} if row.native else None
        now = {"text": text_now, "lang": native_lang or row.native_lang} if text_now else None
        if now != was:
            record(conn, batch, "entity", key, "native", was, now, author)
            conn.execute(
                text("UPDATE entities SET native = :n, native_lang = :l WHERE id = :e"),
                {"n": now["text"] if now else None, "l": now["lang"] if now else None, "e": entity.id},
            )
            if now:
                new_names.append((now["text"], now["lang"]))
            changed = True
    if not changed:
        return frozenset()
    have = {
        n for (n,) in conn.execute(text("SELECT norm FROM aliases WHERE entity_id = :e"), {"e": entity.id})
    }
    documents = _documents_naming(conn, {entity.id})
    for written, lang in new_names:  # a new name is a name documents are found by, as an alias is
        if fold(written) not in have:
            value = {"text": written, "lang": lang or "", "kind": "variant"}
            record(conn, batch, "entity", key, ALIAS_FIELD + fold(written), None, value, author)
            set_alias(conn, entity.id, value, fold(written))
            documents |= _documents_with(conn, written)
    return _finish(conn, documents, {entity.id})


def merge_preview(conn: Connection, keep: str, duplicate: str) -> dict[str, Any]:
    """What merging ``duplicate`` into ``keep`` would do, side by side, before it is done."""
    a, b = _check_merge(conn, keep, duplicate)

    def side(row: Any) -> dict[str, Any]:
        names = [
            str(n)
            for (n,) in conn.execute(
                text("SELECT text FROM aliases WHERE entity_id = :e ORDER BY id"), {"e": row.id}
            )
        ]
        mentions = conn.execute(
            text("SELECT COUNT(*) FROM mentions WHERE entity_id = :e"), {"e": row.id}
        ).scalar_one()
        events = len(_events_of_entities(conn, {row.id}))
        return {
            "key": row.key,
            "type": row.type,
            "name": row.name,
            "names": names,
            "mentions": mentions,
            "events": events,
        }

    return {"keep": side(a), "duplicate": side(b)}


def _check_merge(conn: Connection, keep: str, duplicate: str) -> tuple[Any, Any]:
    if keep == duplicate:
        raise EditError("merge: an entity cannot be merged with itself")
    a, b = _entity(conn, keep), _entity(conn, duplicate)
    if a.type != b.type:
        raise EditError(
            f"merge: {keep} is a {a.type} and {duplicate} a {b.type}; only entities of one type merge"
        )
    return a, b


def merge(conn: Connection, keep: str, duplicate: str, author: str) -> frozenset[int]:
    """Merge ``duplicate`` into ``keep`` (one step): its names become the survivor's, every link moves."""
    a, b = _check_merge(conn, keep, duplicate)
    events = _events_of_entities(conn, {b.id})
    documents = _documents_naming(conn, {b.id})
    record(conn, new_batch(conn), "entity", duplicate, "merged_into", None, keep, author)
    merge_rows(conn, b.id, a.id)
    return _finish(conn, documents, {a.id}) | rewrite_events(conn, events)


def undone_or_redone(conn: Connection, rows: list[EditRow]) -> frozenset[int]:
    """An entity step undone or redone: the authority synced again (the journal as it now is), the
    documents naming the entities concerned relinked, their events written again."""
    keys = {r.target_key for r in rows} | {str(r.new) for r in rows if r.field == "merged_into" and r.new}
    marks = ",".join(f"'{k}'" for k in keys if "'" not in k)
    before = (
        {int(i) for (i,) in conn.execute(text(f"SELECT id FROM entities WHERE key IN ({marks})"))}
        if marks
        else set()
    )
    documents = _documents_naming(conn, before)
    resync_authority(conn)
    after = (
        {int(i) for (i,) in conn.execute(text(f"SELECT id FROM entities WHERE key IN ({marks})"))}
        if marks
        else set()
    )
    for r in rows:
        for value in (r.old, r.new):
            if not isinstance(value, dict):
                continue
            if r.field.startswith(ALIAS_FIELD) and value.get("text"):
                documents |= _documents_with(conn, value["text"])
            elif r.field == CREATED:
                for name in (value.get("name"), value.get("native")):
                    if name:
                        documents |= _documents_with(conn, name)
    documents |= _documents_naming(conn, after)
    return _finish(conn, documents, before | after)
