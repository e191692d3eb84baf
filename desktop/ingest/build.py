"""Building the store from ``seeds/`` and importing documents: the one write path into the archive.

What a document says is derived in :mod:`desktop.ingest.analysis` (no store); which files an import takes in
:mod:`desktop.ingest.selection`; this module writes: the authority, each document's rows, the events.

Each document is written in its own transaction, so a crash never leaves a half-imported document; a bad
file is reported by name with its reason and the others go on. Rebuilding is idempotent: a document whose
inputs (its bytes, its catalogue entry, the authority and events files) are unchanged is skipped.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Connection, CursorResult, Table, bindparam, delete, insert, select, text, update
from sqlalchemy.orm import Session

from desktop.aliases import AliasMatcher, fold
from desktop.catalogue.check import SeedFile, check_seeds
from desktop.catalogue.model import Catalogue, DocumentEntry, EntityEntry, EventEntry, Problem
from desktop.changes import Change
from desktop.dates import PROPOSED, FuzzyDate
from desktop.editing.entityrows import apply_entity_edits, created_entities, created_entry
from desktop.editing.entityrows import entity_ids as merged_entity_ids
from desktop.editing.eventfields import EditError, apply_edits, edited_participants
from desktop.editing.eventstructure import (
    any_structure,
    created_events,
    edited_parents,
    edited_sources,
    made_event,
    removed_events,
    resourced,
)
from desktop.editing.passagelinks import with_reader_links
from desktop.editing.passagenotes import write_reader_notes
from desktop.ingest.acronyms import acronym
from desktop.ingest.analysis import PreparedDocument, event_row_values, provisional_key
from desktop.ingest.authoritydata import dataset_names
from desktop.ingest.decode import DecodeError, decode, read_document
from desktop.ingest.firstpass import suggestion_rows
from desktop.ingest.generatednames import generated_forms
from desktop.ingest.resolve import NameResolver
from desktop.ingest.sameevent import EventSketch, propose_same_event
from desktop.ingest.selection import Rejected, expand_paths
from desktop.ingest.shortforms import ShortForms, may_name_in_context, quoted_short_forms, support_of
from desktop.ingest.workers import Analysed, analysed
from desktop.multivalue import MULTI_SEPARATOR
from desktop.store import facetlog
from desktop.store.engine import Store
from desktop.store.journal import SUGGESTION_KEY_SQL, Edited, any_edits, as_json, edited
from desktop.store.rows import insert_rows
from desktop.store.schema import (
    Alias,
    DebrisSpan,
    Document,
    Entity,
    Event,
    EventDocument,
    EventEntity,
    EventLanguage,
    Evidence,
    Mention,
    Meta,
    Participant,
    PublicationDate,
    Rendering,
    Suggestion,
    TranslationNote,
)
from desktop.store.search_index import index_entities, index_events, rebuild_event_index, unindex_events
from desktop.textspans import SpanSet, find_quote, paragraphs

# Bump when the ingest derives rows differently, so that the next build redoes every document.
INGEST_VERSION = "3"  # 2: the first pass's suggestions for uncatalogued documents; 3: short forms
ProgressFn = Callable[[int, int, str], None]

# The tables the writers fill, as Core tables: rows go in with one ``executemany`` per table and batch,
# never through the ORM's unit of work (measured: ORM bulk inserts spent more time building statements
# and cache keys than SQLite spent writing). The statements are built once, so SQLAlchemy's compiled
# cache serves every later call.
_DOCUMENTS = cast(Table, Document.__table__)
_PUBDATES = cast(Table, PublicationDate.__table__)
_DEBRIS = cast(Table, DebrisSpan.__table__)
_MENTIONS = cast(Table, Mention.__table__)
_NOTES = cast(Table, TranslationNote.__table__)
_RENDERINGS = cast(Table, Rendering.__table__)
_EVENTS = cast(Table, Event.__table__)
_EVENT_DOCUMENTS = cast(Table, EventDocument.__table__)
_PARTICIPANTS = cast(Table, Participant.__table__)
_EVIDENCE = cast(Table, Evidence.__table__)
_EVENT_ENTITIES = cast(Table, EventEntity.__table__)
_EVENT_LANGUAGES = cast(Table, EventLanguage.__table__)
_META = cast(Table, Meta.__table__)
_SUGGESTIONS = cast(Table, Suggestion.__table__)
_DOCUMENT_CHILDREN = (_PUBDATES, _DEBRIS, _MENTIONS, _NOTES, _RENDERINGS, _SUGGESTIONS)
_EVENT_CHILDREN = (_EVENT_DOCUMENTS, _PARTICIPANTS, _EVIDENCE, _EVENT_ENTITIES, _EVENT_LANGUAGES)
_INSERT_DOCUMENT = _DOCUMENTS.insert()
_UPDATE_DOCUMENT = _DOCUMENTS.update().where(_DOCUMENTS.c.id == bindparam("_id"))
_UPDATE_EVENT = _EVENTS.update().where(_EVENTS.c.id == bindparam("_id"))
_SET_PARENT = _EVENTS.update().where(_EVENTS.c.id == bindparam("_id")).values(parent_id=bindparam("_parent"))
_FORGET_DIGEST = _META.delete().where(_META.c.key == "catalogue_digest")
# Events are written in batches of this many (their rows, then each child table's rows for all of them).
_EVENT_BATCH = 500
DB = Session | Connection


@contextlib.contextmanager
def _transaction(store: Store) -> Iterator[Connection]:
    """One transaction on the store, committed on success and rolled back on any error: ``store.session()``
    without the ORM session around it, for the per-document writes."""
    if store.read_only:
        with store.session():  # raises ReadOnlyStore with the reason
            pass
    with store.engine.begin() as conn:
        yield conn


def _connection(db: DB) -> Connection:
    """The Core connection of a session's transaction (or the connection itself)."""
    return db.connection() if isinstance(db, Session) else db


class Cancelled(Exception):
    """The user cancelled a build or an import; what was written so far is complete and consistent."""


@dataclass
class BuildReport:
    """What a build or import did, for the command line and the window alike."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    # Left out on purpose, not failures: links out of a chosen folder, hidden files, the archive's own.
    skipped: list[Rejected] = field(default_factory=list)
    # Unchanged files whose content is already in the archive under another path: name → that path.
    same_as: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    documents: int = 0
    events: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.rejected

    @property
    def change(self) -> Change:
        """What the window must refresh: the catalogue when any document came, changed or went."""
        return Change(catalogue=bool(self.added or self.updated or self.removed))


def _inserted_id(result: Any) -> int:
    """The id of the row a single INSERT made (SQLAlchemy's ``inserted_primary_key``)."""
    key = cast(CursorResult[Any], result).inserted_primary_key
    assert key is not None, "an INSERT of one row has its primary key"
    return int(key[0])


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _sha(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


# --------------------------------------------------------------------------------------------- authority


def sync_authority(session: DB, cat: Catalogue) -> dict[str, int]:
    """Make the entities and aliases tables match the authority file; returns key → entity id."""
    existing = dict(session.execute(select(Entity.key, Entity.id)).all())
    # The entities people created are entries like the catalogue's (the catalogue's own, once it has one).
    entries = {
        **{k: created_entry(k, v) for k, v in created_entities(_connection(session)).items()},
        **cat.entities,
    }
    # Entities created by nobody but the catalogue or a person are removed; ids of kept keys stay stable.
    stale = [eid for key, eid in existing.items() if key not in entries]
    if stale:
        session.execute(delete(Entity).where(Entity.id.in_(stale)))
    ids: dict[str, int] = {}
    for ent in entries.values():
        values = {
            "type": ent.type,
            "name": ent.name,
            "sort_name": fold(ent.name),
            "native": ent.native,
            "native_lang": ent.native_lang,
            "certainty": ent.certainty,
            "note": ent.note,
            "country_id": None,
            "within_id": None,
        }
        if ent.id in existing:
            session.execute(update(Entity).where(Entity.id == existing[ent.id]).values(**values))
            ids[ent.id] = existing[ent.id]
        else:
            ids[ent.id] = _inserted_id(session.execute(insert(Entity).values(key=ent.id, **values)))
    for ent in entries.values():
        links = {"country_id": ids.get(ent.country or ""), "within_id": ids.get(ent.within or "")}
        if any(links.values()):
            session.execute(update(Entity).where(Entity.id == ids[ent.id]).values(**links))
    session.execute(delete(Alias))
    rows: list[dict[str, object]] = [
        {
            "entity_id": ids[key],
            "text": form,
            "norm": fold(form),
            "lang": lang,
            "kind": kind,
            "match": match,
            "source": source,
        }
        for key, forms in authority_aliases(entries.values()).items()
        for form, lang, kind, match, source in forms
    ]
    if rows:
        session.execute(insert(Alias), rows)
    # People's edits of the authority (issue 18): names they added or removed, duplicates merged.
    ids = apply_entity_edits(_connection(session), ids)
    session.execute(delete(EventEntity).where(EventEntity.entity_id.not_in(select(Entity.id))))
    index_entities(session)
    return ids


def resync_authority(conn: Connection) -> dict[str, int]:
    """Sync the authority again from the catalogue the archive was built from, with the journal's entity
    edits as they now are (what an undone or redone entity edit needs); key → id."""
    cat = _built_catalogue(conn)
    if cat is None:
        raise EditError(
            "the catalogue this archive was built from is no longer where it was: rebuild the archive "
            "(archive-viewer build), then undo or redo"
        )
    return sync_authority(conn, cat)


def relink_documents(conn: Connection, doc_ids: Iterable[int]) -> set[str]:
    """Find the authority's names in these documents again (after the authority changed), as their
    import did; the keys of their events."""
    ids = sorted(set(doc_ids))
    if not ids:
        return set()
    matcher = load_matcher(conn)  # type: ignore[arg-type]
    for doc_id, txt, sha256 in _in_chunks(
        conn, "SELECT id, text, sha256 FROM documents WHERE id IN :ids", ids
    ):
        debris = SpanSet(
            (s, e)
            for s, e in conn.execute(
                select(DebrisSpan.start, DebrisSpan.end).where(DebrisSpan.document_id == doc_id)
            )
        )
        # A document file's links are in no alias: kept as they are, and laid over the names found again.
        listed = [
            {"entity": str(k), "start": s, "end": e, "quote": t}
            for k, s, e, t in conn.execute(
                text(
                    'SELECT n.key, m.start, m."end", m.text FROM mentions AS m JOIN entities AS n '
                    "ON n.id = m.entity_id WHERE m.document_id = :d AND m.linked = 'catalogue'"
                ),
                {"d": doc_id},
            )
        ]
        conn.execute(delete(Mention).where(Mention.document_id == doc_id))
        found = _mention_rows(doc_id, txt, matcher, debris)
        rows = with_reader_links(conn, doc_id, sha256, txt, found, listed)
        if rows:
            insert_rows(conn, _MENTIONS, rows)
        # A new name the authority now has (a name added, an entity created) is no longer proposed as new,
        # as its import would not have proposed it.
        named = SpanSet((cast(int, m["start"]), cast(int, m["end"])) for m in rows)
        stale = [
            sid
            for sid, start, end in conn.execute(
                text(
                    'SELECT id, start, "end" FROM suggestions WHERE document_id = :d '
                    "AND (substr(kind, 1, 4) = 'new_' OR kind = 'alias_of') AND start IS NOT NULL"
                ),
                {"d": doc_id},
            )
            if named.covers(start, end)
        ]
        if stale:
            conn.execute(delete(Suggestion).where(Suggestion.id.in_(stale)))
    return {
        str(k)
        for (k,) in _in_chunks(
            conn,
            "SELECT e.key FROM events AS e JOIN event_documents AS ed ON ed.event_id = e.id "
            "WHERE ed.document_id IN :ids",
            ids,
        )
    }


AliasForm = tuple[str, str | None, str, bool, str]  # text, language, kind, matched, source


def authority_aliases(entities: Iterable[EntityEntry]) -> dict[str, list[AliasForm]]:
    """Each authority entry's names as the store keeps them (entry id → forms): one per folded spelling,
    the archivists' first; a dataset's or generated name two entries share (or another entry's own name)
    says neither and is dropped."""
    out: dict[str, list[AliasForm]] = {}
    owners: dict[str, set[str]] = {}
    for ent in entities:
        seen: set[str] = set()
        kept = out[ent.id] = []
        for form in _authority_forms(ent):
            norm = fold(form[0])
            if norm not in seen:
                seen.add(norm)
                kept.append(form)
                owners.setdefault(norm, set()).add(ent.id)
    return {
        key: [f for f in forms if f[4] == "catalogue" or len(owners[fold(f[0])]) == 1]
        for key, forms in out.items()
    }


def _authority_forms(ent: EntityEntry) -> list[AliasForm]:
    """Every name of an authority entry, the archivists' first: its canonical and native names and aliases;
    then the names field data gives a country or a place in every language (an archivist's spelling, or an
    alias they marked not to match, is never replaced by a dataset's); then an organisation's generated
    abbreviations (BSU, БГУ) in each script its names are written in, and a person's generated spellings in
    other scripts (Lukashenko, Lukaschenko, 卢卡申科; Wang Guiying, Ван Гуйин)."""
    forms: list[AliasForm] = [(ent.name, "en", "canonical", True, "catalogue")]
    if ent.native:
        forms.append((ent.native, ent.native_lang, "native", True, "catalogue"))
    forms += [(a.text, a.lang, a.kind, a.match, "catalogue") for a in ent.aliases]
    english = [ent.name, *(a.text for a in ent.aliases if a.lang in (None, "en"))]
    native_names = [ent.native] if ent.native else []
    forms += [
        (n.text, n.lang, n.kind, True, n.source) for n in dataset_names(ent.type, english, native_names)
    ]
    natives = [(ent.native, ent.native_lang)] + [
        (a.text, a.lang) for a in ent.aliases if a.lang in ("be", "uk")
    ]
    forms += [
        (form, lang, "transliteration", True, source)
        for native, native_lang in natives
        for form, lang, source in generated_forms(ent.type, native, native_lang)
    ]
    if ent.type in ("organisation", "place"):
        # A name's quoted part (Great Stone, Великий камень) is its short form, linked only in context.
        forms += [
            (short, lang, "short form", False, "generated")
            for name, lang in [(ent.name, "en"), (ent.native, ent.native_lang)]
            if name
            for short in quoted_short_forms(name)
        ]
    if ent.type == "organisation":
        named = [(ent.name, "en"), (ent.native, ent.native_lang)]  # its names, not every variant's
        forms += [
            (short, lang, "abbreviation", True, "generated")
            for name, lang in named
            if name and (short := acronym(name))
        ]
    return forms


def load_matcher(session: Session) -> AliasMatcher:
    rows = session.execute(select(Alias.entity_id, Alias.text).where(Alias.match.is_(True))).all()
    return AliasMatcher((eid, alias) for eid, alias in rows)


def load_short_forms(session: Session) -> ShortForms:
    """The names not matched in every text that a page's other links may support (see ``shortforms``)."""
    entities = session.execute(
        select(Entity.id, Entity.key, Entity.name, Entity.country_id, Entity.within_id)
    ).all()
    rows = session.execute(
        select(Alias.entity_id, Entity.type, Alias.text, Alias.kind)
        .join(Entity, Entity.id == Alias.entity_id)
        .where(Alias.match.is_(False))
    ).all()
    names = [(r.entity_id, r.text) for r in rows if may_name_in_context(r.text, r.kind, r.type)]
    places = {e.id: (e.country_id, e.within_id) for e in entities}
    return ShortForms(
        names,
        support_of(places, {eid for eid, _ in names}),
        {e.id: (e.key, e.name) for e in entities},
    )


def load_resolver(session: Session) -> NameResolver:
    """Every name of the authority (those not matched in text too), for resolving new names."""
    rows = session.execute(
        select(Entity.key, Entity.type, Entity.name, Alias.text).join(Alias, Alias.entity_id == Entity.id)
    ).all()
    return NameResolver((r.key, r.type, r.name, r.text) for r in rows)


# --------------------------------------------------------------------------------------------- documents


def _write_document(
    db: DB,
    done: Analysed,
    matcher: AliasMatcher,
    doc_id: int | None,
    resolver: NameResolver | None = None,
    short_forms: ShortForms | None = None,
) -> int:
    """Insert or replace one analysed document and all rows derived from it (in the caller's transaction)."""
    conn = _connection(db)
    prep, found = done.prep, done.analysis
    txt, entry, debris, debris_spans, pubdates, values = (
        prep.text,
        prep.entry,
        found.debris,
        found.debris_spans,
        found.pubdates,
        found.values,
    )
    if doc_id is None:
        doc_id = _inserted_id(conn.execute(_INSERT_DOCUMENT, values))
    else:
        conn.execute(_UPDATE_DOCUMENT, {**values, "_id": doc_id})
        for table in _DOCUMENT_CHILDREN:
            conn.execute(delete(table).where(table.c.document_id == doc_id))
    assert doc_id is not None
    if pubdates:
        insert_rows(conn, _PUBDATES, [{**p, "document_id": doc_id} for p in pubdates])
    if debris:
        insert_rows(
            conn,
            _DEBRIS,
            [
                {"document_id": doc_id, "kind": k, "start": s, "end": e, "reason": r, "source": src}
                for k, s, e, r, src in debris
            ],
        )
    listed = []
    for x in entry.links if entry else ():
        if span := find_quote(txt, x.quote.text, x.quote.occurrence):
            listed.append({"entity": x.entity, "start": span[0], "end": span[1], "quote": x.quote.text})
    mentions = with_reader_links(
        conn, doc_id, prep.sha256, txt, _mention_rows(doc_id, txt, matcher, SpanSet(debris_spans)), listed
    )
    if mentions:
        insert_rows(conn, _MENTIONS, mentions)
    if entry:
        notes = []
        for ordinal, n in enumerate(entry.notes, start=1):
            span = find_quote(txt, n.quote.text, n.quote.occurrence)
            if span is None:
                continue  # reported by the check; never stored without its anchor
            notes.append(
                {
                    "document_id": doc_id,
                    "ordinal": ordinal,
                    "kind": n.kind,
                    "text": n.text,
                    "certainty": n.certainty,
                    "original": n.original,
                    "quote": n.quote.text,
                    "start": span[0],
                    "end": span[1],
                }
            )
        if notes:
            insert_rows(conn, _NOTES, notes)
        paras = paragraphs(txt)
        rends = [
            {
                "document_id": doc_id,
                "paragraph": r.paragraph,
                "start": paras[r.paragraph - 1][0],
                "end": paras[r.paragraph - 1][1],
                "text": r.text,
            }
            for r in entry.renderings
            if 1 <= r.paragraph <= len(paras)
        ]
        if rends:
            insert_rows(conn, _RENDERINGS, rends)
    # Readers' notes on passages of this text (issue 18), from the journal of edits.
    if any_edits(conn, "document"):
        write_reader_notes(conn, doc_id, prep.sha256, txt)
    if done.first is not None:
        # Uncatalogued: the first pass's proposals, each with its span, confidence and reason (issue 16);
        # a new name the authority has after all (one of its names covers it) is not proposed.
        named = SpanSet((cast(int, m["start"]), cast(int, m["end"])) for m in mentions)
        rows = [
            r
            for r in suggestion_rows(done.first)
            if not (
                str(r["kind"]).startswith("new_") and named.covers(cast(int, r["start"]), cast(int, r["end"]))
            )
        ]
        if resolver is not None:
            # The entities the page names (outside chrome) may say where a translated name belongs.
            near = {m["entity_id"] for m in mentions if not m["in_debris"]}
            keys = [short_forms.label(e)[0] for e in near] if short_forms is not None else []
            rows = [_resolved(r, resolver, keys) for r in rows]
        if short_forms is not None:
            rows += _context_links(txt, mentions, debris_spans, short_forms)
        if rows:
            insert_rows(conn, _SUGGESTIONS, [{**r, "document_id": doc_id} for r in rows])
    # The document's words reach the search through its events' index rows, written with the events.
    return int(doc_id)


def _mention_rows(doc_id: int, txt: str, matcher: AliasMatcher, debris: SpanSet) -> list[dict[str, object]]:
    """Every name of the authority the text writes, with whether page debris holds it. Each mention asks
    the debris spans once: a SpanSet answers in O(log n), where scanning them all for each mention made a
    name-dense import quadratic (a 19 MB file: 35 minutes)."""
    return [
        {
            "document_id": doc_id,
            "entity_id": m.key,
            "start": m.start,
            "end": m.end,
            "text": txt[m.start : m.end],
            "in_debris": debris.overlaps(m.start, m.end),
            "linked": None,
        }
        for m in matcher.find(txt)
    ]


def _resolved(row: dict[str, object], resolver: NameResolver, near: list[str]) -> dict[str, object]:
    """A new name that resembles an entity of the authority becomes the proposal that it is that entity
    (an alias to add), with the score and the name it resembles; any other row is kept as it is."""
    kind = str(row["kind"])
    if not kind.startswith("new_"):
        return row
    found = resolver.resemble(str(row["value"]), kind.removeprefix("new_"), near)
    if found is None:
        return row
    return {
        **row,
        "kind": "alias_of",
        "value": found.key,
        "confidence": round(0.8 * found.score, 3),
        "reason": f"“{row['value']}” may be {found.name} ({found.why}, score {found.score:.2f})",
        "rule": RESOLVE_RULE,
    }


RESOLVE_RULE = "resolve-1"
CONTEXT_RULE = "short-form-1"


def _context_links(
    text: str, mentions: list[dict[str, object]], chrome: Iterable[tuple[int, int]], short_forms: ShortForms
) -> list[dict[str, object]]:
    """A short name (Great Stone, 中白工业园) proposed as a link where the page's other links support it."""
    linked = {m["entity_id"] for m in mentions if not m["in_debris"]}
    taken = SpanSet([*chrome, *((cast(int, m["start"]), cast(int, m["end"])) for m in mentions)])
    rows: list[dict[str, object]] = []
    for found in short_forms.find(text, linked, taken):
        key, name = short_forms.label(found.match.key)
        _, support = short_forms.label(found.support)
        words = text[found.match.start : found.match.end]
        rows.append(
            {
                "kind": "context_link",
                "value": key,
                "start": found.match.start,
                "end": found.match.end,
                "confidence": 0.6,
                "reason": f"“{words}” is a short name of {name}, which it names only in context: the page "
                f"also names {support}, {found.relation}",
                "rule": CONTEXT_RULE,
            }
        )
    return rows


# --------------------------------------------------------------------------------------------- events


class EntityGraph:
    """The authority in memory (id → type, name, within, country) for the event writer's many lookups."""

    def __init__(self, db: DB) -> None:
        rows = db.execute(
            select(Entity.id, Entity.key, Entity.type, Entity.name, Entity.within_id, Entity.country_id)
        )
        self._rows = {r.id: r for r in rows}
        self._ids: dict[str, int] | None = None
        self._chains: dict[int, list[tuple[int, str]]] = {}
        self._places: dict[str, int] | None = None

    def name(self, entity_id: int) -> str:
        row = self._rows.get(entity_id)
        return row.name if row else ""

    def key(self, entity_id: int | None) -> str | None:
        row = self._rows.get(entity_id) if entity_id is not None else None
        return row.key if row else None

    def id_of(self, key: str) -> int | None:
        if self._ids is None:
            self._ids = {r.key: r.id for r in self._rows.values()}
        return self._ids.get(key)

    def place_named(self, name: str) -> int | None:
        """The authority's place or country of this name (folded), if it has exactly one."""
        if self._places is None:
            by_name: dict[str, list[int]] = {}
            for row in self._rows.values():
                if row.type in ("place", "country"):
                    by_name.setdefault(fold(row.name), []).append(row.id)
            self._places = {k: ids[0] for k, ids in by_name.items() if len(ids) == 1}
        return self._places.get(fold(name))

    def chain(self, entity_id: int) -> list[tuple[int, str]]:
        """The entity and everything it lies within, with their types."""
        cached = self._chains.get(entity_id)
        if cached is not None:
            return cached
        chain: list[tuple[int, str]] = []
        current: int | None = entity_id
        while current is not None and current in self._rows and all(current != c for c, _ in chain):
            row = self._rows[current]
            chain.append((current, row.type))
            current = row.within_id
        self._chains[entity_id] = chain
        return chain

    def country_of(self, entity_id: int) -> int | None:
        for eid, etype in self.chain(entity_id):
            if etype == "country":
                return eid
            country = self._rows[eid].country_id
            if country:
                return int(country)
        return None


def rebuild_events(db: DB, cat: Catalogue, entity_ids: dict[str, int]) -> int:
    """Replace every event: the catalogue's, plus one provisional event per uncatalogued document."""
    conn = _connection(db)
    docs = dict(
        conn.execute(
            select(_DOCUMENTS.c.filename, _DOCUMENTS.c.id).where(_DOCUMENTS.c.origin == "seed")
        ).all()
    )
    wanted: dict[str, tuple[EventEntry | None, list[int]]] = {}
    # Events people made, merged away or gave other sources (issue 18) count like the catalogue's.
    structure = any_structure(conn)
    removed = removed_events(conn) if structure else set()
    resources = edited_sources(conn) if structure else {}
    for ev in cat.events.values():
        if ev.given is not None or ev.id in removed:
            continue  # a first-pass event: laid over its document's provisional one, below
        if ev.id in resources:
            entry, doc_ids = resourced(conn, ev, resources[ev.id])
        else:
            entry, doc_ids = ev, [docs[s] for s in ev.sources if s in docs]
        if doc_ids:
            wanted[ev.id] = (entry, doc_ids)
    for key, value in created_events(conn).items() if structure else ():
        if key not in cat.events and key not in removed:
            entry, doc_ids = made_event(conn, key, value, resources.get(key))
            if doc_ids:
                wanted[key] = (entry, doc_ids)
    covered = {doc_id for _ev, ids in wanted.values() for doc_id in ids}
    uncatalogued = select(_DOCUMENTS.c.id, _DOCUMENTS.c.sha256, _DOCUMENTS.c.catalogued)
    for doc in conn.execute(uncatalogued).all():
        if doc.id not in covered and not doc.catalogued:
            key = provisional_key(doc.sha256)
            given = cat.events.get(key)  # what people gave of it, in a document file shared (first_pass)
            wanted[key] = (given if given is not None and given.given is not None else None, [doc.id])
    existing = dict(conn.execute(select(_EVENTS.c.key, _EVENTS.c.id)).all())
    stale = [eid for key, eid in existing.items() if key not in wanted]
    if stale:
        conn.execute(delete(_EVENTS).where(_EVENTS.c.id.in_(stale)))
    graph = EntityGraph(conn)
    items = [(key, ev, doc_ids, existing.get(key)) for key, (ev, doc_ids) in wanted.items()]
    ids = write_events(conn, graph, items, entity_ids)
    # Parents once every event has its id (a part may come before its parent in the catalogue). A new
    # event without a parent already has none; an old one may have lost its parent.
    moved = edited_parents(conn) if structure else {}
    parents = [
        {"_id": ids[key], "_parent": ids.get(parent) if parent else None}
        for key, ev, _doc_ids, old in items
        if (parent := _parent_of(key, ev, moved)) or old is not None
    ]
    if parents:
        conn.execute(_SET_PARENT, parents)
    rebuild_event_index(conn)
    return len(wanted)


def _parent_of(key: str, ev: EventEntry | None, moved: dict[str, str | None]) -> str | None:
    """An event's parent: the one people gave it, else its catalogue's."""
    if key in moved:
        return moved[key]
    return ev.parent if ev is not None else None


def rewrite_events(conn: Connection, keys: Iterable[str]) -> frozenset[int]:
    """Write these events again from what they are derived from — their catalogue entry, or their document
    and its proposals — with people's edits laid over it: what an edit, an undo or a redo does to the events
    it touches, the same rows a rebuild would write. Returns their ids."""
    rows = conn.execute(
        select(Event.key, Event.id, Event.uncatalogued).where(Event.key.in_(list(dict.fromkeys(keys))))
    ).all()
    if not rows:
        return frozenset()
    catalogued = any(not r.uncatalogued for r in rows)
    # Uncatalogued events read the catalogue only when it gives some of them fields (first-pass events).
    first_pass = conn.execute(select(Meta.value).where(Meta.key == "first_pass_events")).scalar()
    cat = _built_catalogue(conn) if catalogued or first_pass not in (None, "0") else None
    # Only the catalogued events' own sources are looked up (an archive may hold a million documents).
    sources = sorted({name for r in rows if cat and (ev := cat.events.get(r.key)) for name in ev.sources})
    seed_docs = dict(
        _in_chunks(
            conn, "SELECT filename, id FROM documents WHERE origin = 'seed' AND filename IN :ids", sources
        )
    )
    structure = any_structure(conn)
    created = created_events(conn) if structure else {}
    resources = edited_sources(conn, [r.key for r in rows]) if structure else {}
    items: list[EventItem] = []
    for r in rows:
        if r.uncatalogued:
            doc_ids = list(
                conn.execute(
                    select(EventDocument.document_id).where(EventDocument.event_id == r.id)
                ).scalars()
            )
            given = cat.events.get(r.key) if cat is not None else None
            given = given if given is not None and given.given is not None else None
            items.append((r.key, given, doc_ids, r.id))
            continue
        ev = cat.events.get(r.key) if cat is not None else None
        if ev is None and r.key in created:
            entry, doc_ids = made_event(conn, r.key, created[r.key], resources.get(r.key))
            items.append((r.key, entry, doc_ids, r.id))
            continue
        if ev is None:
            raise EditError(
                f"the catalogue this archive was built from no longer has the event {r.key}: rebuild the "
                "archive (archive-viewer build), then edit it"
            )
        if r.key in resources:
            entry, doc_ids = resourced(conn, ev, resources[r.key])
            items.append((r.key, entry, doc_ids, r.id))
            continue
        items.append((r.key, ev, [seed_docs[name] for name in ev.sources if name in seed_docs], r.id))
    ids = [r.id for r in rows]
    unindex_events(conn, ids)
    # Only a catalogued event's participants are named by key (an uncatalogued one's through the graph).
    written = write_events(conn, EntityGraph(conn), items, merged_entity_ids(conn) if catalogued else {})
    moved = edited_parents(conn, [r.key for r in rows]) if structure else {}
    parents = [
        {"_id": written[key], "_parent": (written.get(parent) or _event_id(conn, parent)) if parent else None}
        for key, ev, _docs, _id in items
        if (parent := _parent_of(key, ev, moved)) or key in moved
    ]
    if parents:
        conn.execute(_SET_PARENT, parents)
    index_events(conn, ids)
    return frozenset(ids)


def restructure(conn: Connection, keys: Iterable[str], doc_ids: Iterable[int]) -> frozenset[int]:
    """After an event was made, merged away, brought back or given other sources (issue 18): these events
    written as they now are (a removed one deleted, a new one inserted), and these documents' provisional
    events made or removed — a document some event reports has none, one that none reports has its own
    again. Returns the ids of the events written or removed (for the window to refresh)."""
    keys = list(dict.fromkeys(keys))
    removed = removed_events(conn)
    created = created_events(conn)
    cat = _built_catalogue(conn) if any(k not in created and not k.startswith("doc.") for k in keys) else None

    def listed(key: str) -> bool:  # an event of the catalogue (unknown when its folder is gone: kept)
        return cat is None or (key in cat.events and cat.events[key].given is None)

    # Gone: merged away, or made by a person and the making undone.
    dead = [
        k for k in keys if k in removed or (k not in created and not k.startswith("doc.") and not listed(k))
    ]
    touched: set[int] = set()
    gone = [int(i) for (i,) in _in_chunks(conn, "SELECT id FROM events WHERE key IN :ids", dead)]
    if gone:
        unindex_events(conn, gone)
        conn.execute(delete(_EVENTS).where(_EVENTS.c.id.in_(gone)))
        touched.update(gone)
    present = {str(k) for (k,) in _in_chunks(conn, "SELECT key FROM events WHERE key IN :ids", keys)}
    items: list[EventItem] = []
    for key in keys:
        if key in present or key in dead or key.startswith("doc."):
            continue
        if key in created:
            entry, docs = made_event(conn, key, created[key], edited_sources(conn, [key]).get(key))
        elif cat is not None and (ev := cat.events.get(key)) is not None:
            resources = edited_sources(conn, [key])
            if key in resources:
                entry, docs = resourced(conn, ev, resources[key])
            else:  # an event merged away and brought back: its catalogue sources (seed files, by name)
                seeds = "SELECT id FROM documents WHERE origin = 'seed' AND filename IN :ids"
                docs = [int(i) for (i,) in _in_chunks(conn, seeds, ev.sources)]
                entry = ev
        else:
            continue
        if docs:
            items.append((key, entry, docs, None))
    if items:
        written = write_events(conn, EntityGraph(conn), items, merged_entity_ids(conn))
        index_events(conn, list(written.values()))
        touched.update(written.values())
    touched |= rewrite_events(conn, [k for k in keys if k in present and k not in dead])
    # Each document's own provisional event, where no other event reports it now.
    docs_now = sorted(set(doc_ids))
    rows = _in_chunks(
        conn,
        "SELECT d.id, d.sha256, d.catalogued, EXISTS (SELECT 1 FROM event_documents AS ed JOIN events AS e "
        "ON e.id = ed.event_id WHERE ed.document_id = d.id AND NOT e.uncatalogued) AS covered "
        "FROM documents AS d WHERE d.id IN :ids",
        docs_now,
    )
    provisional = {provisional_key(r.sha256): r for r in rows}
    have = dict(_in_chunks(conn, "SELECT key, id FROM events WHERE key IN :ids", list(provisional)))
    drop = [int(have[k]) for k, r in provisional.items() if k in have and (r.covered or r.catalogued)]
    if drop:
        unindex_events(conn, drop)
        conn.execute(delete(_EVENTS).where(_EVENTS.c.id.in_(drop)))
        touched.update(drop)
    make: list[EventItem] = [
        (k, None, [int(r.id)], None)
        for k, r in provisional.items()
        if k not in have and not (r.covered or r.catalogued)
    ]
    if make:
        written = write_events(conn, EntityGraph(conn), make, {})
        index_events(conn, list(written.values()))
        touched.update(written.values())
    return frozenset(touched)


def _event_id(conn: Connection, key: str) -> int | None:
    return conn.execute(select(Event.id).where(Event.key == key)).scalar()


def _built_catalogue(conn: Connection) -> Catalogue | None:
    """The catalogue the archive was last built from (its folder is recorded at each build)."""
    from desktop.catalogue.model import load_catalogue

    folder = conn.execute(select(Meta.value).where(Meta.key == "seeds_dir")).scalar()
    return load_catalogue(Path(folder)) if folder and Path(folder).is_dir() else None


@dataclass
class _EventRows:
    """One event's row and its child rows (without the event id, which a new event gets on insert)."""

    key: str
    event_id: int | None
    values: dict[str, object]
    doc_ids: list[int]
    participants: list[dict[str, object]]
    evidence: list[dict[str, object]]
    facets: dict[int, tuple[str, bool]]
    languages: list[str]
    conflicts: list[tuple[str, Any, Any]] = field(default_factory=list)


def _write_event(
    db: DB,
    graph: EntityGraph,
    key: str,
    ev: EventEntry | None,
    doc_ids: list[int],
    entity_ids: dict[str, int],
    event_id: int | None,
) -> int:
    """Write one event with its sources, participants, evidence and filter-index rows."""
    return write_events(_connection(db), graph, [(key, ev, doc_ids, event_id)], entity_ids)[key]


EventItem = tuple[str, EventEntry | None, list[int], int | None]


def write_events(
    conn: Connection, graph: EntityGraph, items: list[EventItem], entity_ids: dict[str, int]
) -> dict[str, int]:
    """Write events (key, catalogue entry or None for a provisional one, its documents, its id if it
    exists) with their sources, participants, evidence and filter-index rows; returns key → event id.

    Each batch reads what it needs of its documents in a few statements, derives every row in Python,
    then writes each table with one ``executemany``: ids and row order are those of writing the events
    one by one, in order."""
    ids: dict[str, int] = {}
    for start in range(0, len(items), _EVENT_BATCH):
        ids.update(_write_event_batch(conn, graph, items[start : start + _EVENT_BATCH], entity_ids))
    return ids


def _in_chunks(conn: Connection, sql: str, ids: Iterable[Any]) -> list[Any]:
    """Rows of ``sql`` (with an expanding ``:ids`` parameter) for these ids, read 500 at a time."""
    stmt = text(sql).bindparams(bindparam("ids", expanding=True))
    values = sorted(set(ids))
    rows: list[Any] = []
    for start in range(0, len(values), 500):
        rows.extend(conn.execute(stmt, {"ids": values[start : start + 500]}).all())
    return rows


def _write_event_batch(
    conn: Connection, graph: EntityGraph, items: list[EventItem], entity_ids: dict[str, int]
) -> dict[str, int]:
    all_docs = {d for _k, _ev, doc_ids, _id in items for d in doc_ids}
    info = {
        row.id: row
        for row in _in_chunks(
            conn, "SELECT id, filename, title, published, language FROM documents WHERE id IN :ids", all_docs
        )
    }
    # Provisional events are found by the entities their document mentions outside debris, and take the
    # first pass's proposals for their title, dates, place and type.
    provisional = {doc_ids[0] for _k, ev, doc_ids, _id in items if _first_pass(ev)}
    proposed: dict[int, dict[str, Any]] = {}
    rows = _in_chunks(
        conn,
        f"SELECT s.document_id, s.kind, s.value, s.reason, s.start, {SUGGESTION_KEY_SQL} AS key"
        " FROM suggestions AS s JOIN documents AS d ON d.id = s.document_id"
        " WHERE s.document_id IN :ids ORDER BY s.id",
        provisional,
    )
    # A proposal a person rejected is not taken (issue 18): the next one of its kind is, or none.
    decided = edited(conn, "suggestion", [r.key for r in rows]) if any_edits(conn, "suggestion") else {}
    for row in rows:
        decision = decided.get(row.key, {}).get("decision")
        if decision is None or decision.value != "rejected":
            proposed.setdefault(row.document_id, {}).setdefault(row.kind, row)
    # A dateline's names say where the report was filed, not who took part: they are left out.
    filed = {
        doc_id: (start, end)
        for doc_id, start, end in _in_chunks(
            conn,
            'SELECT document_id, start, "end" FROM suggestions'
            " WHERE kind = 'dateline' AND document_id IN :ids",
            provisional,
        )
    }
    # The entities each document names outside its chrome (a dateline's city left out), where.
    sourced = {d for _k, _ev, doc_ids, _id in items for d in doc_ids}
    mentioned: dict[int, list[tuple[int, int]]] = {}
    for doc_id, entity_id, start in _in_chunks(
        conn,
        "SELECT document_id, entity_id, start FROM mentions WHERE document_id IN :ids AND NOT in_debris",
        sourced,
    ):
        span = filed.get(doc_id)
        if span is None or not span[0] <= start < span[1]:
            mentioned.setdefault(doc_id, []).append((entity_id, start))
    # People's edits lie over what is derived here (issue 18); conflicts are rewritten with their events.
    edits = edited(conn, "event", [key for key, _ev, _docs, _id in items]) if any_edits(conn, "event") else {}
    conn.execute(
        text("DELETE FROM edit_conflicts WHERE target_type = 'event' AND target_key IN :keys").bindparams(
            bindparam("keys", expanding=True)
        ),
        {"keys": [key for key, _ev, _docs, _id in items]},
    )
    # Catalogued events anchor their participants and evidence in their documents' texts.
    quoted = {d for _k, ev, doc_ids, _id in items if ev is not None for d in doc_ids}
    texts = dict(_in_chunks(conn, "SELECT id, text FROM documents WHERE id IN :ids", quoted))
    planned = [
        _event_rows(
            graph, key, ev, doc_ids, entity_ids, event_id, info, mentioned, texts, proposed, edits.get(key)
        )
        for key, ev, doc_ids, event_id in items
    ]
    conflicts = [
        {"key": p.key, "field": field, "built": as_json(built), "edited": as_json(mine)}
        for p in planned
        for field, built, mine in p.conflicts
    ]
    if conflicts:
        conn.execute(
            text(
                "INSERT INTO edit_conflicts (target_type, target_key, field, built, edited) "
                "VALUES ('event', :key, :field, :built, :edited)"
            ),
            conflicts,
        )

    old = [p for p in planned if p.event_id is not None]
    if old:
        conn.execute(_UPDATE_EVENT, [{**p.values, "_id": p.event_id} for p in old])
        for table in _EVENT_CHILDREN:
            conn.execute(
                delete(table).where(table.c.event_id == bindparam("_id")), [{"_id": p.event_id} for p in old]
            )
    new = [p for p in planned if p.event_id is None]
    if new:
        inserted = conn.execute(
            _EVENTS.insert().returning(_EVENTS.c.id, sort_by_parameter_order=True),
            [{"key": p.key, **p.values} for p in new],
        )
        for p, (event_id,) in zip(new, inserted.all(), strict=True):
            p.event_id = event_id

    sources: list[dict[str, object]] = []
    participants: list[dict[str, object]] = []
    evidence: list[dict[str, object]] = []
    facets: list[dict[str, object]] = []
    languages: list[dict[str, object]] = []
    for p in planned:
        eid = p.event_id
        sources += [{"event_id": eid, "document_id": d} for d in p.doc_ids]
        participants += [{"event_id": eid, **row} for row in p.participants]
        evidence += [{"event_id": eid, **row} for row in p.evidence]
        facets += [
            {"event_id": eid, "entity_id": e, "kind": k, "direct": d} for e, (k, d) in p.facets.items()
        ]
        languages += [{"event_id": eid, "language": lang} for lang in p.languages]
    for table, rows in (
        (_EVENT_DOCUMENTS, sources),
        (_PARTICIPANTS, participants),
        (_EVIDENCE, evidence),
        (_EVENT_ENTITIES, facets),
        (_EVENT_LANGUAGES, languages),
    ):
        if rows:
            insert_rows(conn, table, rows)
    return {p.key: int(p.event_id) for p in planned if p.event_id is not None}


def _event_rows(
    graph: EntityGraph,
    key: str,
    ev: EventEntry | None,
    doc_ids: list[int],
    entity_ids: dict[str, int],
    event_id: int | None,
    info: dict[int, Any],
    mentioned: dict[int, list[tuple[int, int]]],
    texts: dict[int, str],
    proposed: dict[int, dict[str, Any]],
    edits: dict[str, Edited] | None = None,
) -> _EventRows:
    """Everything one event writes, derived from its catalogue entry (or its one document) in memory, with
    people's edits laid over it."""
    if _first_pass(ev):
        doc = info[doc_ids[0]]
        values = _provisional_values(graph, doc, proposed.get(doc_ids[0], {}))
        if ev is not None:  # the fields people gave in a shared document file, over the proposals
            apply_edits(
                values, _given_fields(ev), graph.key(cast("int | None", values.get("place_id"))), graph.id_of
            )
    else:
        assert ev is not None
        values = {
            "title": ev.title,
            "type": ev.type,
            "summary": ev.summary,
            "mode": ev.mode,
            "place_id": entity_ids.get(ev.place or ""),
            "uncatalogued": False,
            **event_row_values(ev.start, ev.end),
        }
    conflicts: list[tuple[str, Any, Any]] = []
    if edits:
        place = graph.key(cast("int | None", values.get("place_id")))
        conflicts = apply_edits(values, edits, place, graph.id_of)
    values["title_sort"] = fold(str(values["title"]))

    facets: dict[int, tuple[str, bool]] = {}
    countries: set[int] = set()

    def add_entity(entity_id: int, direct: bool = True) -> None:
        for depth, (eid, etype) in enumerate(graph.chain(entity_id)):
            kind, was_direct = facets.get(eid, (etype, False))
            facets[eid] = (kind, was_direct or (direct and depth == 0))
            if etype == "country":
                countries.add(eid)
        country = graph.country_of(entity_id)
        if country:
            countries.add(country)
            facets.setdefault(country, ("country", False))

    parts: list[dict[str, object]] = []
    evidence: list[dict[str, object]] = []
    people = edited_participants(list(ev.participants) if ev is not None else [], edits or {})
    if _first_pass(ev):
        for entity_id in {e for e, _start in mentioned.get(doc_ids[0], ())}:
            add_entity(entity_id)
        for ordinal, p in enumerate(people, start=1):  # only people's edits give one participants
            if (pid := graph.id_of(p.entity)) is not None:
                add_entity(pid)
                parts.append({"entity_id": pid, "ordinal": ordinal, "role": p.role, "title": p.title,
                              "document_id": None, "start": None, "end": None})  # fmt: skip
    else:
        assert ev is not None
        by_name = {info[d].filename: d for d in doc_ids if d in info}
        by_text = {name: texts[d] for name, d in by_name.items() if d in texts}
        if values["place_id"]:
            add_entity(int(values["place_id"]))  # type: ignore[call-overload]
        for ckey in ev.countries:
            if ckey in entity_ids:
                add_entity(entity_ids[ckey])
        for ordinal, p in enumerate(people, start=1):
            if p.entity not in entity_ids and graph.id_of(p.entity) is None:
                continue
            pid = entity_ids.get(p.entity) or graph.id_of(p.entity)
            assert pid is not None
            add_entity(pid)
            doc_name = p.document or (ev.sources[0] if len(ev.sources) == 1 else None)
            span = None
            if p.quote and doc_name in by_text:
                span = find_quote(by_text[doc_name], p.quote.text, p.quote.occurrence)
            parts.append(
                {
                    "entity_id": pid,
                    "ordinal": ordinal,
                    "role": p.role,
                    "title": p.title,
                    "document_id": by_name.get(doc_name) if span else None,
                    "start": span[0] if span else None,
                    "end": span[1] if span else None,
                }
            )
        for e in ev.evidence:
            span = find_quote(by_text.get(e.document, ""), e.quote.text, e.quote.occurrence)
            if span and e.document in by_name:
                evidence.append(
                    {
                        "document_id": by_name[e.document],
                        "start": span[0],
                        "end": span[1],
                        "quote": e.quote.text,
                    }
                )
    if not _first_pass(ev):
        anchors = [(r["document_id"], r["start"]) for r in (*parts, *evidence) if r["document_id"]]
        for entity_id in named_in_passages(anchors, mentioned, texts):
            for own, kind in graph.chain(entity_id)[:1]:
                if own not in facets and kind != "country":
                    facets[own] = (kind, False)
    languages = sorted({info[d].language for d in doc_ids if d in info})
    if _first_pass(ev) and values["place_id"]:
        add_entity(int(values["place_id"]))  # type: ignore[call-overload]
    place_name = graph.name(int(values["place_id"])) if values["place_id"] else ""  # type: ignore[call-overload]
    if not place_name and _first_pass(ev):
        place_name = str(values.pop("proposed_place", "") or "")
    values.pop("proposed_place", None)
    country_names = sorted((graph.name(c) for c in countries), key=fold)
    values.update(
        place_name=place_name,
        countries=MULTI_SEPARATOR.join(country_names),
        languages=MULTI_SEPARATOR.join(languages),
        source_count=len(doc_ids),
    )
    return _EventRows(key, event_id, values, doc_ids, parts, evidence, facets, languages, conflicts)


def _first_pass(ev: EventEntry | None) -> bool:
    """Whether an event is its document's provisional one (with, or without, fields people gave)."""
    return ev is None or ev.given is not None


def _given_fields(ev: EventEntry) -> dict[str, Edited]:
    """A first-pass event's given fields as edits (what was seen under them: the same value, no conflict)."""
    place = ev.place
    values: dict[str, Any] = {
        "title": ev.title,
        "type": ev.type,
        "summary": ev.summary,
        "start": _date_field(ev.start),
        "end": _date_field(ev.end),
        "place": place,
    }
    return {f: Edited(values[f], values[f]) for f in sorted(ev.given or ())}


def _date_field(d: FuzzyDate) -> dict[str, Any]:
    return {"date": d.value, "precision": d.precision, "certainty": d.certainty, "reason": d.reason}


def named_in_passages(
    anchors: Iterable[tuple[object, object]],
    mentioned: dict[int, list[tuple[int, int]]],
    texts: dict[int, str],
) -> list[int]:
    """The entities named in the paragraphs that report a catalogued event — those holding its evidence or
    a participant's quote (``anchors``: document id, offset) — in the order first named. They find the
    event too, as named rather than taking part: a filter on Minsk finds the meeting whose report says its
    guests joined from Minsk. Only those paragraphs: a report of three visits names each visit's places in
    its own paragraph."""
    found: dict[int, None] = {}
    for doc_id in dict.fromkeys(cast(int, d) for d, _at in anchors):
        starts = sorted(cast(int, at) for d, at in anchors if d == doc_id)
        spans = [(a, b) for a, b in paragraphs(texts.get(doc_id, "")) if any(a <= x < b for x in starts)]
        for entity_id, start in mentioned.get(doc_id, ()):
            if any(a <= start < b for a, b in spans):
                found.setdefault(entity_id)
    return list(found)


def _provisional_values(graph: EntityGraph, doc: Any, proposed: dict[str, Any]) -> dict[str, object]:
    """An uncatalogued document's event: the first pass's headline, dates, place and type where it proposed
    them (dates marked ``proposed`` with the first pass's reason), else its title and publication date."""

    def reason(kind: str) -> str:
        return str(proposed[kind].reason)  # the certainty, "proposed", says whose reason it is

    if "event_start" in proposed:
        start = FuzzyDate(proposed["event_start"].value, "day", PROPOSED, reason("event_start"))
        last = proposed.get("event_end")
        end = FuzzyDate(last.value, "day", PROPOSED, reason("event_end")) if last is not None else start
    elif doc.published:
        start = FuzzyDate(
            doc.published, "day", "inferred", "the document's publication date; the event may be earlier"
        )
        end = start
    else:
        start = end = FuzzyDate(None)
    title = proposed.get("title") or proposed.get("derived_title")
    if title is not None and title.start is None:
        title = None  # the file's name, when the first pass found no text: the document's title stays
    kind = proposed.get("type")
    place = proposed.get("place")
    return {
        "title": title.value if title is not None else doc.title,
        "type": kind.value if kind is not None else "other",
        "summary": None,
        "mode": "unknown",
        "place_id": graph.place_named(place.value) if place is not None else None,
        "proposed_place": place.value if place is not None else None,
        "uncatalogued": True,
        **event_row_values(start, end),
    }


def propose_same_events(conn: Connection, doc_ids: Iterable[int]) -> int:
    """For each of these uncatalogued documents whose event the first pass dated: the events already in the
    archive it may also report (days overlapping or a day apart, place and kind agreeing), stored as
    ``same_event`` suggestions (the event's key, a score, the reason), best first. Nothing is merged.
    Returns how many were proposed."""
    ids = sorted(set(doc_ids))
    if not ids:
        return 0
    conn.execute(
        delete(_SUGGESTIONS).where(
            _SUGGESTIONS.c.kind == "same_event",
            _SUGGESTIONS.c.document_id.in_(bindparam("ids", expanding=True)),
        ),
        {"ids": ids},
    )
    rows: list[dict[str, object]] = []
    mine = _in_chunks(
        conn,
        'SELECT d.document_id, e.key, e.start_date, e.end_date, e.place_name, e.type, s.start, s."end" '
        "FROM event_documents d JOIN events e ON e.id = d.event_id "
        "JOIN suggestions s ON s.document_id = d.document_id AND s.kind = 'event_start' "
        "WHERE d.document_id IN :ids AND e.uncatalogued AND e.start_precision = 'day'",
        ids,
    )
    nearby = text(
        "SELECT key, title, start_date, end_date, place_name, type FROM events "
        "WHERE date_lo <= :hi AND date_hi >= :lo AND start_precision = 'day' AND key != :key "
        "AND (place_name = :place OR place_name = '' OR :place = '') "
        # A busy week can hold hundreds of events: the catalogued ones are compared first, and a bounded few.
        "ORDER BY uncatalogued, id LIMIT 25"
    )
    for row in mine:
        start = dt.date.fromisoformat(row.start_date)
        end = dt.date.fromisoformat(row.end_date or row.start_date)
        sketch = EventSketch(row.key, start, end, row.place_name or None, row.type)
        day = dt.timedelta(days=1)
        found = conn.execute(
            nearby,
            {
                "lo": (start - day).isoformat(),
                "hi": (end + day).isoformat(),
                "key": row.key,
                "place": row.place_name or "",
            },
        ).all()
        titles = {o.key: o.title for o in found}
        others = [
            EventSketch(
                o.key,
                dt.date.fromisoformat(o.start_date),
                dt.date.fromisoformat(o.end_date or o.start_date),
                o.place_name or None,
                None if o.type == "other" else o.type,
            )
            for o in found
        ]
        for key, score, why in propose_same_event(sketch, others)[:_SAME_EVENT_PROPOSALS]:
            rows.append(
                {
                    "document_id": row.document_id,
                    "kind": "same_event",
                    "value": key,
                    "start": row.start,
                    "end": row.end,
                    "confidence": round(score, 3),
                    "reason": f"{titles[key]}: {why}",
                    "rule": SAME_EVENT_RULE,
                }
            )
    if rows:
        insert_rows(conn, _SUGGESTIONS, rows)
    return len(rows)


_SAME_EVENT_PROPOSALS = 3  # the best few: a reader checks them one by one
SAME_EVENT_RULE = "same-event-1"


# --------------------------------------------------------------------------------------------- services


def _check_cancel(should_cancel: Callable[[], bool] | None) -> None:
    if should_cancel is not None and should_cancel():
        raise Cancelled()


def build_from_seeds(
    store: Store,
    seeds_dir: Path,
    progress: ProgressFn | None = None,
    should_cancel: Callable[[], bool] | None = None,
    before_write: Callable[[], object] | None = None,
) -> BuildReport:
    """Build or refresh the store from a seeds folder (documents, SHA256SUMS, catalogue).

    A store already up to date with the folder is not written at all (``before_write``, the caller's
    backup, is not called either): launching the app runs a build, and five launches used to rotate
    away five backups that protected the reader's notes.
    """
    started = time.perf_counter()
    report = BuildReport()
    checked = check_seeds(seeds_dir)
    cat = checked.catalogue
    report.problems = checked.problems
    files = checked.files
    if _up_to_date(store, cat, files):
        for seed in files.values():
            if seed.error is not None or seed.text is None:
                report.rejected.append(Rejected(seed.rel, seed.error or "cannot be read"))
            else:
                report.unchanged.append(seed.rel)
        if progress:
            progress(len(files), len(files), "done")
        _finish(store, report, started)
        return report
    if before_write is not None:
        before_write()
    with store.session() as s:
        entity_ids = sync_authority(s, cat)
        matcher = load_matcher(s)
        resolver = load_resolver(s)
        short_forms = load_short_forms(s)
        rows = s.execute(select(Document.path, Document.id, Document.signature, Document.origin)).all()
        known = {row.path: row for row in rows}
        by_sha = dict(s.execute(select(Document.sha256, Document.path)).all())
    # What to write is decided first (cheap: hashes and signatures); the documents are then analysed, in a
    # pool of processes when there are many, and written one transaction each in the files' order.
    todo: list[tuple[PreparedDocument, bool]] = []
    for seed in files.values():
        _check_cancel(should_cancel)
        if seed.error is not None or seed.text is None:
            report.rejected.append(Rejected(seed.rel, seed.error or "cannot be read"))
            continue
        other = by_sha.get(seed.sha256)
        if other is not None and other != seed.rel and other in known and known[other].origin != "seed":
            # A document imported here and now among the seeds (a catalogue shared as files carries the
            # pages its team imported): the seed takes the imported row over, keeping its id.
            known[seed.rel] = known.pop(other)
            del by_sha[seed.sha256]
            other = None
        if other is not None and other != seed.rel:
            report.rejected.append(Rejected(seed.rel, f"the same content as {other} (duplicate)"))
            continue
        entry = cat.documents.get(seed.name)
        signature = _sha(INGEST_VERSION, seed.sha256, entry.raw_digest if entry else "", cat.digest)
        old = known.get(seed.rel)
        if old is not None and old.signature == signature and _stored_text_is(store, old.id, seed.text):
            report.unchanged.append(seed.rel)
            continue
        # New, changed, or its stored text was altered in the store since: written (again) from the file.
        by_sha[seed.sha256] = seed.rel  # a later file with the same bytes is its duplicate
        todo.append((_seed_prepared(seed, entry, signature), old is not None))
    ids = {path: row.id for path, row in known.items()}
    changed = bool(todo)
    written: list[int] = []
    with closing(analysed((prep for prep, _old in todo), len(todo))) as results:
        for done, ((_, updated), found) in enumerate(zip(todo, results, strict=True), start=1):
            _check_cancel(should_cancel)
            if progress:
                progress(done - 1, len(todo), found.prep.filename)
            with _transaction(store) as conn:
                written.append(
                    _write_document(conn, found, matcher, ids.get(found.prep.path), resolver, short_forms)
                )
                # Killed before the events are rebuilt? The next build redoes them.
                conn.execute(_FORGET_DIGEST)
            (report.updated if updated else report.added).append(found.prep.path)
    present = {seed.rel for seed in files.values()}
    with store.session() as s:
        gone = s.execute(
            select(Document.id, Document.path).where(Document.origin == "seed", Document.path.not_in(present))
        ).all()
        for row in gone:
            s.execute(delete(Document).where(Document.id == row.id))
            report.removed.append(row.path)
            changed = True
        previous = s.get(Meta, "catalogue_digest")
        if changed or previous is None or previous.value != cat.digest:
            rebuild_events(s, cat, entity_ids)
            propose_same_events(_connection(s), written)  # the documents written now (the others kept theirs)
        s.merge(Meta(key="catalogue_digest", value=cat.digest))
        s.merge(Meta(key="seeds_dir", value=str(seeds_dir.resolve())))
        first_pass = sum(1 for ev in cat.events.values() if ev.given is not None)
        s.merge(Meta(key="first_pass_events", value=str(first_pass)))
        s.merge(Meta(key="built_at", value=_now()))
    if progress:
        progress(len(todo), len(todo), "done")
    _finish(store, report, started)
    return report


def _up_to_date(store: Store, cat: Catalogue, files: dict[str, SeedFile]) -> bool:
    """Whether a build from these seeds would change nothing (read-only: one pass over the seeds' rows)."""
    with store.engine.connect() as conn:
        digest = conn.execute(select(Meta.value).where(Meta.key == "catalogue_digest")).scalar()
        if digest != cat.digest:
            return False
        stored = {
            row.path: row
            for row in conn.execute(
                select(Document.path, Document.signature, Document.text).where(Document.origin == "seed")
            )
        }
    present = set()
    for seed in files.values():
        if seed.error is not None or seed.text is None:
            continue  # rejected again, as at every build; nothing to write
        present.add(seed.rel)
        entry = cat.documents.get(seed.name)
        signature = _sha(INGEST_VERSION, seed.sha256, entry.raw_digest if entry else "", cat.digest)
        row = stored.get(seed.rel)
        if row is None or row.signature != signature or row.text != seed.text:
            return False
    return set(stored) <= present


def _stored_text_is(store: Store, doc_id: int | None, text_now: str, path: str | None = None) -> bool:
    """Whether the store holds exactly ``text_now`` for the document (by id, or by path).

    A document whose signature is unchanged is normally skipped; comparing its stored text too means a
    text altered in the store (disk damage, another tool) is repaired from its file by the next build or
    import instead of lasting forever. One indexed read per document.
    """
    where, value = ("id", doc_id) if doc_id is not None else ("path", path)
    with store.engine.connect() as conn:
        stored = conn.execute(text(f"SELECT text FROM documents WHERE {where} = :v"), {"v": value}).scalar()
    return bool(stored == text_now)


def _seed_prepared(seed: SeedFile, entry: DocumentEntry | None, signature: str) -> PreparedDocument:
    assert seed.text is not None and seed.encoding is not None
    return PreparedDocument(
        seed.rel, seed.name, "seed", seed.data, seed.sha256, seed.text, seed.encoding, entry, signature
    )


def _finish(store: Store, report: BuildReport, started: float) -> None:
    with store.session() as s:
        report.documents = s.execute(text("SELECT count(*) FROM documents")).scalar_one()
        report.events = s.execute(text("SELECT count(*) FROM events")).scalar_one()
        # The facet index's log of changed events: emptied once long (an index older than that is read
        # again; one read after the build finds nothing to do).
        dbapi = s.connection().connection.dbapi_connection
        if isinstance(dbapi, sqlite3.Connection):
            facetlog.trim(dbapi)
    report.seconds = time.perf_counter() - started


def import_paths(
    store: Store,
    paths: Iterable[Path],
    progress: ProgressFn | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> BuildReport:
    """Import documents from files or folders; each becomes a provisional, uncatalogued event at once."""
    started = time.perf_counter()
    report = BuildReport()
    files, report.skipped = expand_paths(paths, store.path)
    with store.session() as s:
        matcher = load_matcher(s)
        resolver = load_resolver(s)
        short_forms = load_short_forms(s)
        graph = EntityGraph(s)  # an import leaves the authority as it is: read it once
        by_sha = dict(s.execute(select(Document.sha256, Document.path)).all())
    # Files are read and decoded ahead of the writer and analysed (in a pool of processes when there are
    # many); each document is then written in its own transaction, in the files' order.
    queued: deque[tuple[int, str]] = deque()  # (file number, name) of each document handed to the analysis

    def to_analyse() -> Iterator[PreparedDocument]:
        for number, path in enumerate(files, start=1):
            _check_cancel(should_cancel)
            name = str(path)
            try:
                data = read_document(path)  # refuses FIFOs, devices and oversized files before reading
            except FileNotFoundError:
                report.rejected.append(Rejected(name, "no such file"))
                continue
            except OSError as exc:
                report.rejected.append(Rejected(name, f"cannot be read ({exc.strerror})"))
                continue
            try:
                decoded = decode(data)
            except DecodeError as exc:
                report.rejected.append(Rejected(name, str(exc)))
                continue
            sha = hashlib.sha256(data).hexdigest()
            resolved = str(path.resolve())
            repair = by_sha.get(sha) == resolved and not _stored_text_is(store, None, decoded.text, resolved)
            if sha in by_sha and not repair:
                # Already in the archive, byte for byte (an import run again after an interruption, or a
                # copy of a file imported before or earlier in this import): nothing to do, nothing wrong.
                report.unchanged.append(name)
                if by_sha[sha] != resolved:
                    report.same_as[name] = by_sha[sha]
                continue
            # (A file whose stored text was altered in the store since is written again from its bytes.)
            by_sha[sha] = resolved
            queued.append((number, name))
            yield PreparedDocument(
                resolved,
                path.name,
                "import",
                data,
                sha,
                decoded.text,
                decoded.encoding,
                None,
                _sha(INGEST_VERSION, sha, "", "import"),
            )

    with closing(analysed(to_analyse(), len(files))) as results:
        for found in results:
            number, name = queued.popleft()
            _check_cancel(should_cancel)
            if progress:
                progress(number - 1, len(files), found.prep.filename)
            resolved, sha = found.prep.path, found.prep.sha256
            with _transaction(store) as conn:
                old = conn.execute(select(Document.id).where(Document.path == resolved)).scalar()
                doc_id = _write_document(conn, found, matcher, old, resolver, short_forms)
                old_event = conn.execute(
                    select(Event.id).join(EventDocument).where(EventDocument.document_id == doc_id)
                )
                old_event_id = old_event.scalar()
                if old_event_id is not None:
                    unindex_events(conn, [old_event_id])
                    conn.execute(delete(Event).where(Event.id == old_event_id))
                new_event = _write_event(conn, graph, provisional_key(sha), None, [doc_id], {}, None)
                index_events(conn, [new_event])
                propose_same_events(conn, [doc_id])
            (report.updated if old else report.added).append(name)
    if progress:
        progress(len(files), len(files), "done")
    _finish(store, report, started)
    return report
