"""Look-ups by id or name: events, entities (EntityRef) and their names, documents and their events.

Apart from the list and the facets: single records and batches by id, with no filter or order to apply.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from desktop.aliases import AliasMatcher, fold
from desktop.store.queries.filters import EventFilter
from desktop.store.schema import Alias, Document, Entity, Event, EventDocument, EventEntity, Suggestion

_ev = Event.__table__.c
_ee = EventEntity.__table__.c


@dataclass(frozen=True, slots=True)
class EntityRef:
    """An authority record as lists and links name it (slots: a detail may hold thousands)."""

    id: int
    key: str
    type: str
    name: str


def entity_refs(conn: Connection, ids: Iterable[int]) -> dict[int, EntityRef]:
    ent = Entity.__table__.c
    rows = conn.execute(select(ent.id, ent.key, ent.type, ent.name).where(ent.id.in_(list(ids))))
    return {r.id: EntityRef(r.id, r.key, r.type, r.name) for r in rows}


def related_names(conn: Connection, event_ids: Iterable[int]) -> dict[int, dict[str, list[str]]]:
    """For each event: names of the people and organisations directly involved, by kind."""
    ids = list(event_ids)
    out: dict[int, dict[str, list[str]]] = {i: {"person": [], "organisation": []} for i in ids}
    ent = Entity.__table__.c
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        stmt = (
            select(_ee.event_id, ent.type, ent.name)
            .join(Entity.__table__, ent.id == _ee.entity_id)
            .where(_ee.event_id.in_(chunk), _ee.direct.is_(True), ent.type.in_(("person", "organisation")))
            .order_by(ent.sort_name)
        )
        for r in conn.execute(stmt):
            out[r.event_id][r.type].append(r.name)
    return out


def documents_of(conn: Connection, event_ids: Iterable[int]) -> dict[int, list[tuple[str, str, str]]]:
    """For each event: its source documents as (file name, SHA-256, language)."""
    ids = list(event_ids)
    out: dict[int, list[tuple[str, str, str]]] = {i: [] for i in ids}
    doc = Document.__table__.c
    ed = EventDocument.__table__.c
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        stmt = (
            select(ed.event_id, doc.filename, doc.sha256, doc.language)
            .join(Document.__table__, doc.id == ed.document_id)
            .where(ed.event_id.in_(chunk))
            .order_by(doc.filename)
        )
        for r in conn.execute(stmt):
            out[r.event_id].append((r.filename, r.sha256, r.language))
    return out


def resolve_entity(conn: Connection, name: str) -> list[EntityRef]:
    """Entities a name refers to: a key, the canonical name or any alias, in any script or inflection."""
    ent = Entity.__table__.c
    al = Alias.__table__.c
    cols = (ent.id, ent.key, ent.type, ent.name)
    rows = conn.execute(select(*cols).where(ent.key == name.strip())).all()
    if not rows:
        rows = conn.execute(
            select(*cols)
            .distinct()
            .join(Alias.__table__, al.entity_id == ent.id)
            .where(al.norm == fold(name))
        ).all()
    if not rows:
        # Inflected or spaced differently ("Национальной академии наук Беларуси"): use the mention matcher.
        matcher = AliasMatcher((r.entity_id, r.text) for r in conn.execute(select(al.entity_id, al.text)))
        ids = matcher.whole(name)
        if ids:
            rows = conn.execute(select(*cols).where(ent.id.in_(ids))).all()
    return [EntityRef(r.id, r.key, r.type, r.name) for r in rows]


def filter_for_entities(f: EventFilter, refs: Iterable[EntityRef]) -> EventFilter:
    for ref in refs:
        f = f.with_value(ref.type, ref.id)
    return f


def find_event_id(conn: Connection, ident: str | int) -> int | None:
    """An event's row id from its public id (the stable key) or a row id."""
    if isinstance(ident, int) or (isinstance(ident, str) and ident.isdigit()):
        found = conn.execute(select(_ev.id).where(_ev.id == int(ident))).scalar()
        if found is not None:
            return int(found)
    found = conn.execute(select(_ev.id).where(_ev.key == str(ident))).scalar()
    return int(found) if found is not None else None


def list_documents(conn: Connection) -> list[Any]:
    doc = Document.__table__.c
    return list(
        conn.execute(
            select(
                doc.id,
                doc.path,
                doc.filename,
                doc.sha256,
                doc.encoding,
                doc.language,
                doc.script,
                doc.published,
                doc.title,
                doc.catalogued,
                doc.debris_chars,
                doc.origin,
            ).order_by(doc.path)
        )
    )


def list_entities(conn: Connection, kind: str | None = None) -> list[tuple[EntityRef, list[str]]]:
    ent = Entity.__table__.c
    al = Alias.__table__.c
    stmt = select(ent.id, ent.key, ent.type, ent.name).order_by(ent.type, ent.sort_name)
    if kind:
        stmt = stmt.where(ent.type == kind)
    aliases: dict[int, list[str]] = {}
    for a in conn.execute(select(al.entity_id, al.text).order_by(al.id)):
        aliases.setdefault(a.entity_id, []).append(a.text)
    return [(EntityRef(r.id, r.key, r.type, r.name), aliases.get(r.id, [])) for r in conn.execute(stmt)]


def first_pass_of(
    conn: Connection, *, event_ids: Iterable[int] = (), document_ids: Iterable[int] = ()
) -> dict[int, dict[str, dict[str, Any]]]:
    """The first pass's proposals (kind → value, confidence, reason, span) for these events (by the
    documents they come from) or documents; only uncatalogued documents have any."""
    sug = Suggestion.__table__.c
    ed = EventDocument.__table__.c
    out: dict[int, dict[str, dict[str, Any]]] = {}
    for ids, by_event in ((list(event_ids), True), (list(document_ids), False)):
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start : chunk_start + 500]
            cols = (sug.kind, sug.value, sug.confidence, sug.reason, sug.start, sug.end)
            if by_event:
                stmt = select(ed.event_id.label("owner"), *cols).join(
                    Suggestion.__table__, sug.document_id == ed.document_id
                )
                stmt = stmt.where(ed.event_id.in_(chunk))
            else:
                stmt = select(sug.document_id.label("owner"), *cols).where(sug.document_id.in_(chunk))
            for r in conn.execute(stmt.order_by(sug.id)):
                out.setdefault(r.owner, {}).setdefault(
                    r.kind,
                    {
                        "value": r.value,
                        "confidence": r.confidence,
                        "reason": r.reason,
                        "start": r.start,
                        "end": r.end,
                    },
                )
    return out


def alias_details(conn: Connection, entity_id: int | None = None) -> dict[int, list[dict[str, Any]]]:
    """Each entity's (or one entity's) names with their language, kind and source (archivists' or a
    dataset's, or generated)."""
    al = Alias.__table__.c
    out: dict[int, list[dict[str, Any]]] = {}
    stmt = select(al.entity_id, al.text, al.lang, al.kind, al.source).order_by(al.id)
    if entity_id is not None:
        stmt = stmt.where(al.entity_id == entity_id)
    for a in conn.execute(stmt):
        out.setdefault(a.entity_id, []).append(
            {"text": a.text, "lang": a.lang, "kind": a.kind, "source": a.source}
        )
    return out
